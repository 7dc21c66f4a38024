# A case under every profile: New Zealand's requirement of significant
# effects leaves coercion open where the default finds it, so the classic
# verdict differs, and the rules that make the difference are named.
args: compare --profile new-zealand-2020 tests/resources/cases/principles/p-concurring-coercion.json
status: 0
stdout-contains: | Lens | `default` | `new-zealand-2020` |
stdout-contains: | Classic test (lex lata) | Breach | **Undetermined** |
stdout-contains: 1 lens verdict(s) differ from `default`.
stdout-contains: - Coercion (`coercion`): met under default, undetermined under new-zealand-2020
stdout-contains: - only under this profile: `nz-coercion-effects-open`:
stdout-contains: - only under the first: `coercion-manipulation`:
