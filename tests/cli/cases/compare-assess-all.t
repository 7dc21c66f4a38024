# assess --profile all is the comparison under every bundled profile: one
# CSV row per case and profile (default first), the header once.
args: assess --profile all --format csv data/cases/dnc-2016.json tests/resources/cases/principles/p-concurring-coercion.json
status: 0
stdout-contains: case,profile,classic,intervention2,leak-norm
stdout-contains: dnc-2016,default,undetermined,breach,breach
stdout-contains: dnc-2016,new-zealand-2020,undetermined,breach,breach
stdout-contains: p-concurring-coercion,default,breach,not-applicable,not-applicable
stdout-contains: p-concurring-coercion,new-zealand-2020,undetermined,not-applicable,not-applicable
stdout-contains: p-concurring-coercion,canada-2022,breach,not-applicable,not-applicable
