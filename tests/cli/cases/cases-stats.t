# Leave-one-out over the bundled library, as a text table.
args: cases stats
status: 0
stdout-contains: Leave-one-out over 18 library cases (each against the other 17):
stdout-contains: classic          11 of 18 (61.1%)
stdout-contains: dnc-2016                         4 (22.2%)
