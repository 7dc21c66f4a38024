# New Zealand 2020: coercion may range to subtle means of control.
args: assess --no-what-if --profile new-zealand-2020 tests/resources/cases/article/art-fabricated.json
status: 0
json: /profile = "new-zealand-2020"
json: /elements/coercion/status = "met"
json: /elements/coercion/level = "deception"
json: /lenses/classic/verdict = "breach"
