# --catalogue keeps the catalogues apart: a DISARM id is not an ATT&CK id.
args: techniques --catalogue attack T0089
status: 2
stderr-contains: no technique 'T0089' in MITRE ATT&CK Enterprise v18.1
stdout-empty: yes
