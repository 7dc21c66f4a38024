args: import csv x.json
status: 2
stderr-contains: unknown format 'csv' (stix)
