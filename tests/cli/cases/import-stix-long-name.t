# A group name longer than the 100 bytes the summary quotes, cut inside a
# two-byte character: the summary ends before that character and the
# draft stays valid UTF-8 (the import used to fail as "out of memory").
args: import stix tests/resources/stix/long-name.json
status: 0
json: /id = "g"
stdout-contains: about intrusion-set 'Gééééééééééééééééééééééééééééééééééééééééééééééééé', each citing
stderr-lines: 0
