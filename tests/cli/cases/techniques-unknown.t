# An unknown id is a usage error (exit 2), with a hint.
args: techniques T9999
status: 2
stderr-contains: leaklaw: no technique 'T9999' in ATT&CK or DISARM (leaklaw techniques --search TEXT finds them)
stdout-empty: yes
