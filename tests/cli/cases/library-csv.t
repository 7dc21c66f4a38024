# The whole library as a dataset: one header and one row per case, each
# with its own hash, States and dates at the end.
args: assess --format csv data/cases/*.json
status: 0
stdout-contains: dnc-2016,DNC hack-and-leak by Russian military intelligence (US presidential election 2016),undetermined,breach,breach,met,organ,met,foreign
stdout-contains: ,RU,US,2016-07-22,2016-11-08
stdout-contains: snowden-2013,
