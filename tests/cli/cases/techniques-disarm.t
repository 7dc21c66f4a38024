# A DISARM (influence-operation) technique: listed for reference, not
# mapped to an access method; case files name ATT&CK ids only.
args: techniques T0089
status: 0
stdout-contains: T0089  Obtain Private Documents
stdout-contains:   catalogue: DISARM Red Framework (disarm)
stdout-contains:   tactics:   TA06 Develop Content
stdout-contains:   reading:   an influence-operation technique, listed for reference
