# An organisation whose sectors give no target is read as a company only
# when one of its sectors is an industry of businesses ('company' true in
# data/stix/identity.json): a hospital, a transport or water body may be
# public or private, and a sector with no row says nothing, so their
# target stays unknown and --report says so (they were read as companies
# before). Healthcare with pharmaceuticals is read as a company;
# financial services alone is not: the sector holds central banks and
# regulators as well as commercial banks (read as a company before). A report's author whose sectors leave it unknown (a
# university) is not the private sector: no attribution basis. Each
# --report note says why: the first sector that leaves the kind open
# with its reading, a sector with no reading, or no sector at all; the
# company's note names the sector that makes it one.
args: import stix --report tests/resources/stix/sectors-public.json
status: 0
jsonl: 0 /victim = {"name": "Regional Hospital", "cite": ["regional-hospital"]}
jsonl: 1 /victim = {"name": "City Transit", "cite": ["city-transit"]}
jsonl: 2 /victim/target/value = "company"
jsonl: 2 /victim/target/cite = ["hospital-group"]
stdout-contains: whose sectors give no target, read as company through sector 'pharmaceuticals': An industry of businesses
jsonl: 3 /victim = {"name": "Petro Body", "cite": ["petro-body"]}
jsonl: 4 /victim = {"name": "Savings Bank", "cite": ["savings-bank"]}
jsonl: 5 /victim = {"name": "Water Board", "cite": ["water-board"]}
jsonl: 5 /actor = {"name": "Group Six", "cite": ["group-six"]}
jsonl: 6 /victim = {"name": "Nameless Body", "cite": ["nameless-body"]}
stderr-contains: /objects/1/sectors: the kind of target 'Regional Hospital' is not known from its class and sectors: sector 'healthcare': Hospitals and health services: bodies of this sector may be public or private
stderr-contains: /objects/4/sectors: the kind of target 'City Transit' is not known from its class and sectors: sector 'transportation': Transport: bodies of this sector may be public or private
stderr-contains: /objects/10/sectors: the kind of target 'Petro Body' is not known from its class and sectors: no reading of its sectors ('oil-and-gas') in stix/identity.json
stderr-contains: /objects/13/sectors: the kind of target 'Savings Bank' is not known from its class and sectors: sector 'financial-services': Banks and other financial services: central banks and financial regulators as well as commercial banks
stderr-contains: /objects/16/sectors: the kind of target 'Water Board' is not known from its class and sectors: sector 'water': Water (infrastructure)
stderr-contains: the author 'University Lab' of a report is not a company or a government located in a known country: no attribution basis; sector 'education': Schools and universities
stderr-contains: /objects/21/sectors: the kind of target 'Nameless Body' is not known from its class and sectors: it names no sector; identity_class 'organization': An organisation
stderr-lines: 7
