# Only the STIX format exists.
args: export misp data/cases/dnc-2016.json
status: 2
stderr-contains: unknown format 'misp' (stix)
