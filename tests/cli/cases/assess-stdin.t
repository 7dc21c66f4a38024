args: assess --no-what-if -
stdin: data/cases/dnc-2016.json
status: 0
json: /case/id = "dnc-2016"
json: /lenses/intervention2/verdict = "breach"
