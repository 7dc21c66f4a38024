# A bad input among good ones: status 65 and no output file at all.
args: assess -o build-cli-test-out.json data/cases/dnc-2016.json tests/resources/cases/bad/bad-enum.json
status: 65
stdout-empty: yes
absent: build-cli-test-out.json
stderr-contains: /actor/kind: 'state' is not one of
