# A valid case: one "ok" line, status 0.
args: check data/cases/dnc-2016.json tests/resources/cases/partial.yaml
status: 0
--- stdout
data/cases/dnc-2016.json: ok (dnc-2016)
tests/resources/cases/partial.yaml: ok (partial)
