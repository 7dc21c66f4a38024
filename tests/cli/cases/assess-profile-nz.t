# New Zealand 2020 (para. 9): coercion needs an intention to deprive the
# target State of control and significant effects on a reserved matter;
# it may range to "more subtle means of control", so deception by
# fabricated material is coercion when the effects are significant.
args: assess --no-what-if --profile new-zealand-2020 tests/resources/cases/profile/nz-fabricated-significant.json
status: 0
json: /profile = "new-zealand-2020"
json: /elements/coercion/status = "met"
json: /elements/coercion/level = "deception"
json: /lenses/classic/verdict = "breach"
