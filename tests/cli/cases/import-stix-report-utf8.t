# A note quotes at most 100 bytes of a name: cut inside a two-byte
# character, the report drops the partial character and stays UTF-8
# (it printed the first byte of the character).
args: import stix --report tests/resources/stix/revoked-long-name.json
status: 0
json: /id = "new-name"
stderr-contains: intrusion-set 'aÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ' is revoked by its creator (replaced by 'New Name'): no draft
stderr-lines: 3
