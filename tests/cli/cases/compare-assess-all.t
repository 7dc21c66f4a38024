# assess --profile all is the comparison: one CSV row per case and
# profile, the header once.
args: assess --profile all --format csv data/cases/dnc-2016.json tests/resources/cases/principles/p-concurring-coercion.json
status: 0
--- stdout
case,profile,classic,intervention2,leak-norm
dnc-2016,default,undetermined,breach,breach
dnc-2016,new-zealand-2020,undetermined,breach,breach
p-concurring-coercion,default,breach,not-applicable,not-applicable
p-concurring-coercion,new-zealand-2020,undetermined,not-applicable,not-applicable
