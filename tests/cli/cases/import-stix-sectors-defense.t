# The STIX sector 'defense' (and its British spelling 'defence') names
# the defence industry as much as the armed forces or a defence
# ministry: it gives no victim target and no government body (it was
# read as 'military' and a State organ before). A victim tagged so stays
# unknown and --report says so; a group attributed to a body tagged
# 'defense' gets no actor.kind, one attributed to 'military' is a
# state-organ; a report author tagged 'defense' is neither a government
# nor the private sector (no basis), while a vendor is private-sector;
# a victim tagged 'military' is military. The --report notes name the
# sector and why it leaves the kind open.
args: import stix --report tests/resources/stix/sectors-defense.json
status: 0
jsonl: 0 /victim = {"name": "Defense Body", "cite": ["defense-body"]}
jsonl: 0 /actor = {"name": "Group One", "cite": ["group-one"]}
jsonl: 1 /victim = {"name": "Defence Body", "cite": ["defence-body"]}
jsonl: 1 /actor/kind/value = "state-organ"
jsonl: 1 /actor/kind/cite = ["armed-forces"]
jsonl: 2 /victim/target/value = "military"
jsonl: 2 /actor/attribution/basis = ["private-sector"]
jsonl: 2 /actor/attribution/cite = ["report-by-the-vendor", "vendor"]
stderr-contains: /objects/3/sectors: the kind of target 'Defense Body' is not known from its class and sectors: sector 'defense': Defence: the vocabulary lists industry sectors, and 'defense' names the defence industry (a contractor) as much as the armed forces
stderr-contains: /objects/8/sectors: the kind of target 'Defence Body' is not known from its class and sectors: sector 'defence': Not in the vocabulary: the British spelling of 'defense'
stderr-contains: /objects/16: the author 'Defence Author' of a report is not a company or a government located in a known country: no attribution basis; sector 'defense': Defence:
stderr-contains: can say 'military' or name a government sector.
stderr-lines: 3
