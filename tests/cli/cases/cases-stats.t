# Leave-one-out over the bundled library, as a text table.
args: cases stats
status: 0
stdout-contains: library cases (each against the other 
stdout-contains: lens             nearest precedent's verdict is the case's own
stdout-contains: case                             nearest precedent of
