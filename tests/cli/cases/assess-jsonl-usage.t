# --jobs goes with --format jsonl only.
args: assess --jobs 2 data/cases/dnc-2016.json
status: 2
stdout-empty: yes
