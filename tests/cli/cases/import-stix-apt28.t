# A bundle for the 2016 DNC intrusion: APT28 attributed to a GRU unit
# located in Russia, the US government's report at confidence 85.
args: import stix tests/resources/stix/apt28-dnc.json
status: 0
json: /id = "apt28"
json: /actor/kind/value = "state-organ"
json: /actor/state/value = "RU"
json: /actor/attribution/confidence/value = "high"
json: /actor/attribution/basis = ["victim-government", "private-sector"]
json: /victim/state/value = "US"
json: /access/0/attack = "T1566.002"
json: /sources/0/id = "gru-unit-26165-russian-military"
stderr-lines: 0
