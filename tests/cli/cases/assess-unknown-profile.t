args: assess --profile atlantis data/cases/dnc-2016.json
status: 2
stderr-contains: no profile named 'atlantis'
