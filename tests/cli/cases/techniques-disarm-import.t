# A DISARM technique with a reading shows the fact a STIX import sets.
args: techniques --format json T0089.003
status: 0
json: /catalogue = "disarm"
json: /import/fact = "/disclosure/authenticity"
json: /import/value = "altered"
