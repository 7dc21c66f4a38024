# --report lists what was not mapped, with its place in the bundle.
args: import stix --report tests/resources/stix/malformed.json
status: 0
json: /id = "loop-group"
stderr-contains: leaklaw: import: /objects/7/external_references: 'T9999' is not a technique of the bundled ATT&CK index: dropped
stderr-contains: /objects/22/target_ref: reference to an object not in the bundle
stderr-contains: /actor/state/value dropped: 'JJ' is not an ISO 3166-1 alpha-2 code
