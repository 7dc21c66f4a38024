# A --date that is no date is a usage error, and nothing is printed.
args: export stix --date 2024-13-01 data/cases/dnc-2016.json
status: 2
stderr-contains: bad date '2024-13-01'
stdout-empty: yes
