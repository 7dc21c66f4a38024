args: import stix data/cases/dnc-2016.json
status: 65
stdout-empty: yes
stderr-contains: /type: not a STIX bundle
