# Whether the effects were significant is not stated: under New Zealand's
# position coercion stays open, never assumed.
args: assess --no-what-if --profile new-zealand-2020 tests/resources/cases/article/art-fabricated.json
status: 0
json: /elements/coercion/status = "undetermined"
json: /lenses/classic/verdict = "undetermined"
stdout-contains: "/effects/significant"
