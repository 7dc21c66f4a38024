# The same, for machines.
args: techniques --format json T1566.002
status: 0
json: /id = "T1566.002"
json: /catalogue = "attack"
json: /name = "Spearphishing Link"
json: /tactics = ["TA0001 Initial Access"]
json: /status = null
json: /reconnaissance = false
json: /access/method = "phishing"
json: /access/mapped_by = "T1566.002"
json: /access/cites = ["mitre-attack"]
json: /access/level = "high"
json: /access/level_cites = ["seed-more-leaks", "seed-intervention2"]
