# The State-practice report as JSON: stances grouped per proposition with
# the quotation that carries each, "since" the first affirmation, the
# positions in date order and the reactions in date order.
args: practice --data tests/resources/knowledge --format json
status: 0
json: /format = "leaklaw/practice-report/1"
json: /propositions/0/id = "non-intervention-applies-in-cyberspace"
json: /propositions/0/affirmed/0/party = "NZ"
json: /propositions/0/affirmed/0/quote/id = "nz-9a"
json: /propositions/0/silent/0/party = "TESTORG"
json: /propositions/0/since = "2020-12-01"
json: /propositions/4/affirmed/0/quote/status = "unconfirmed"
json: /propositions/6/denied/0/position = "test-organisation-2024"
json: /propositions/6/since = null
json: /propositions/7/unknown/0/party = "NZ"
json: /positions/0/id = "new-zealand-2020"
json: /positions/1/url = null
json: /positions/1/quotes/1/status = "unconfirmed"
json: /reactions/0/id = "nz-2016-statement"
json: /reactions/0/quote = null
json: /reactions/0/quote_status = null
json: /reactions/1/invokes/0 = "intervention"
json: /reactions/1/status = "unconfirmed"
json: /incidents/0/case = "dnc-2016"
json: /incidents/0/disclosed = true
json: /incidents/0/reactions = 2
