args: import stix --report=json tests/resources/stix/apt1.json
status: 0
json: /id = "apt1"
stderr-contains: "format": "leaklaw/stix-import-report/1", "cases": 1
stderr-contains: {"pointer": "/objects/5/threat_actor_types"
