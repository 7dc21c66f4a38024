# A search as JSON: an array of techniques, ATT&CK before DISARM.
args: techniques --search "private documents" --format json
status: 0
json: /0/id = "T0089"
json: /0/catalogue = "disarm"
json: /0/access = null
