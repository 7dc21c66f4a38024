# A report's author is the private sector only when its sectors read as a
# company: an organisation that names no sector may as well be a
# government body, and a non-profit is civil society, which no basis of
# the case format names. Both give no basis and --report says why; only
# the vendor's report is the basis and is cited (all three were read as
# private-sector before).
args: import stix --report tests/resources/stix/authors.json
status: 0
json: /actor/attribution/basis = ["private-sector"]
json: /actor/attribution/cite = ["report-by-security-vendor", "security-vendor"]
stderr-contains: /objects/1: the author 'Some Organisation' of a report is not a company or a government located in a known country: no attribution basis; it names no sector, so whether it is a company or a government body is not said
stderr-contains: /objects/2: the author 'Rights Group' of a report is not a company or a government located in a known country: no attribution basis; its sectors read as 'ngo', which no attribution basis of the case format names (the private sector is companies)
stderr-lines: 2
