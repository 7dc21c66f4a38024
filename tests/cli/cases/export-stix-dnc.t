# The DNC hack as STIX 2.1: a bundle whose incident is named by the case
# title, with a note carrying the three verdicts through the leaklaw
# extension; ids are name-based and timestamps come from --date.
args: export stix --date 2024-01-01 data/cases/dnc-2016.json
status: 0
json: /type = "bundle"
json: /id = "bundle--07861ec1-9bf2-5bb3-9eb8-9cb0b983905f"
json: /objects/0/name = "leaklaw"
json: /objects/1/type = "extension-definition"
json: /objects/1/extension_types = ["property-extension"]
json: /objects/2/type = "incident"
json: /objects/2/name = "DNC hack-and-leak by Russian military intelligence (US presidential election 2016)"
json: /objects/2/created = "2024-01-01T00:00:00.000Z"
json: /objects/3/type = "threat-actor"
json: /objects/3/threat_actor_types = ["nation-state"]
stdout-contains: "abstract": "leaklaw assessment: classic undetermined, intervention2 breach, leak-norm breach"
stdout-contains: "external_id": "T1566.002"
stdout-contains: "country": "RU"
stdout-contains: "relationship_type": "uses"
