# DISARM techniques a campaign uses set the facts disarm/reading.json
# gives, each cited to its attack pattern: authentic and altered documents
# make the authenticity mixed; a hacktivist persona conceals the origin;
# T0089 (documents that "can be leaked") sets nothing and says so.
args: import stix --report tests/resources/stix/disarm-readings.json
status: 0
json: /disclosure/authenticity/value = "mixed"
json: /disclosure/authenticity/cite = ["obtain-authentic-documents", "alter-authentic-documents"]
json: /disclosure/concealed_origin/value = true
json: /disclosure/concealed_origin/cite = ["hacktivist-persona"]
json: /access/0/attack = "T1566.002"
stderr-contains: DISARM T0089 (Obtain Private Documents) says nothing leaklaw reads about the disclosure: no fact set
