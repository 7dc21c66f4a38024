# Nothing saved (no database file at all): exit 1, one line.
args: --db tests/resources/store/none/leaklaw.db history dnc-2016
status: 1
stderr-lines: 1
stderr-contains: no saved assessment of case 'dnc-2016'
