# What-if and precedents only when asked for in jsonl.
args: assess --format jsonl --what-if --precedents data/cases/dnc-2016.json
status: 0
jsonl: 0 /case/id = "dnc-2016"
stdout-contains: "precedents":[{
