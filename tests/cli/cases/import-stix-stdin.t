args: import stix -
stdin: tests/resources/stix/apt1.json
status: 0
json: /actor/name = "APT1"
