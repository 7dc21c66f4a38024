# --date takes a real calendar date, YYYY-MM-DD: anything else is a usage
# error and nothing is assessed.
args: assess --format md --date 2025-02-30 data/cases/dnc-2016.json
status: 2
stdout-empty: yes
stderr-contains: --date '2025-02-30' is not a date (YYYY-MM-DD)
