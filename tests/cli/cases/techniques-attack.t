# An ATT&CK sub-technique with its own row: the access method it maps to,
# the row's reason and cite, and the method's level with its reasons.
args: techniques T1566.002
status: 0
stdout-contains: T1566.002  Spearphishing Link
stdout-contains:   catalogue: MITRE ATT&CK Enterprise v18.1 (attack)
stdout-contains:   tactics:   TA0001 Initial Access
stdout-contains:   method:    phishing
stdout-contains:              Spearphishing Link: a targeted message with a link
stdout-contains:              cites: mitre-attack
stdout-contains:   level:     high
stdout-contains:              cites: seed-more-leaks, seed-intervention2
