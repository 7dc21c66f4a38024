# A profile's parameter out of range is blamed on the profile.
args: --data tests/resources/cases/bad/law-params rules --profile bad-window
status: 1
--- stderr
leaklaw: tests/resources/cases/bad/law-params/profiles/bad-window.json:9:26: /params/process_window_days: must be between 0 and 100000, found -1
