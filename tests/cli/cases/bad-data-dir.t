# A broken data directory is a runtime error, not the user's input.
args: --data tests/resources/no-such-data assess data/cases/dnc-2016.json
status: 1
stderr-contains: no-such-data/sources.json
