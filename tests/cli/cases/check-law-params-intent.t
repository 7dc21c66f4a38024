# intent_high below intent_threshold is refused.
args: --data tests/resources/cases/bad/law-params rules --profile bad-intent
status: 1
--- stderr
leaklaw: tests/resources/cases/bad/law-params/profiles/bad-intent.json:9:18: /params/intent_high: must not be below intent_threshold (4), found 2
