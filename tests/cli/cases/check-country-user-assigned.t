# ISO 3166-1's user-assigned codes (AA, QM-QZ, XA-XZ, ZZ) are accepted:
# fictional States (XA, XB) and Kosovo (XK).
args: check tests/resources/cases/bad/country-user-assigned.json
status: 0
stdout-contains: ok (country-user-assigned)
