# Reconnaissance (TA0043) says nothing about how material was obtained:
# not mapped, even when its parent would be phishing-like.
args: techniques T1598.002
status: 0
stdout-contains:   tactics:   TA0043 Reconnaissance
stdout-contains:   reading:   says nothing about how material was obtained
stdout-lacks: method:
