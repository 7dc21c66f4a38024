# How an identity's class and sectors give victim.target, read from
# data/stix/identity.json, with the row's reason as the fact's note: an
# 'intelligence' sector is the case format's 'intelligence' target (it
# was read as a company before the file); local government is
# government; a hospital organisation (healthcare, public or private)
# stays unknown, as does a group whose sectors give none, and --report
# says so for both; a
# sector that starts with 'government' (not in the vocabulary) is read as
# government, and its note, cut to 60 bytes, stays valid UTF-8.
args: import stix --report tests/resources/stix/sectors.json
status: 0
jsonl: 0 /victim/target/value = "intelligence"
jsonl: 1 /victim/target/value = "government"
jsonl: 1 /victim/target/cite = ["county-council"]
jsonl: 2 /victim = {"name": "Regional Hospital", "cite": ["regional-hospital"]}
jsonl: 3 /victim/name = "Volunteer Collective"
jsonl: 4 /victim/target/value = "government"
stdout-contains: STIX sector 'intelligence': Not in the vocabulary
stdout-contains: STIX sector 'government-local': Local government
stdout-contains: STIX sector 'government-éééééééééééééééééééééééé': Not in the vocabulary
stderr-contains: leaklaw: import: /objects/9/sectors: the kind of target 'Volunteer Collective' is not known from its class and sectors: identity_class 'group': An informal group
stderr-contains: leaklaw: import: /objects/6/sectors: the kind of target 'Regional Hospital' is not known from its class and sectors: sector 'healthcare': Hospitals and health services
stderr-lines: 2
