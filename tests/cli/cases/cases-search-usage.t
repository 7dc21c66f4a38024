# A search needs a word (an empty or blank text has none).
args: --db tests/resources/store/none/leaklaw.db cases search "  "
status: 2
stderr-contains: no word to search for
stdout-empty: yes
