# Every fact of the bundled case library cites a source.
args: check --strict --quiet data/cases/*.json
status: 0
stdout-empty: yes
