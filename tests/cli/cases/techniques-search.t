# A search over ids and names, any case: the phishing techniques map to
# phishing; "phishing for information" is reconnaissance and says nothing
# about access; revoked ids are listed with their status.
args: techniques --search PHISHING
status: 0
stdout-contains: T1566      attack  Phishing -> phishing (high)
stdout-contains: T1566.004  attack  Spearphishing Voice -> phishing (high)
stdout-contains: T1598      attack  Phishing for Information (reconnaissance: says nothing about access)
stdout-contains: T1192      attack  Spearphishing Link [revoked]
stdout-lacks: disarm
