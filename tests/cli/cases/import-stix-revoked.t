# A revoked object is no longer valid for its creator (STIX 2.0, 3.1):
# a revoked intrusion set makes no draft; a relationship to a revoked
# attack pattern, or itself revoked, gives no access fact; --report says
# each, with the replacement a revoked-by relationship names. The draft
# does not take over the revoked group's relationships or the revoked
# pattern's replacement: the bundle does not say so.
args: import stix --report tests/resources/stix/revoked.json
status: 0
json: /id = "new-name"
json: /actor/name = "New Name"
stdout-lacks: "access"
stdout-lacks: old-name
stderr-contains: leaklaw: import: /objects/0/revoked: intrusion-set 'Old Name' is revoked by its creator (replaced by 'New Name'): no draft
stderr-contains: leaklaw: import: /objects/7/target_ref: attack-pattern 'Spearphishing Attachment (old)' is revoked by its creator (replaced by 'Spearphishing Attachment'): relationship from 'New Name' ignored
stderr-contains: leaklaw: import: /objects/8/revoked: relationship from 'New Name' is revoked by its creator: ignored
stderr-lines: 3
