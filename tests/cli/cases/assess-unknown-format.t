args: assess --format pdf data/cases/dnc-2016.json
status: 2
--- stderr
leaklaw: unknown format 'pdf' (json, md, html, csv) (try 'leaklaw assess --help')
