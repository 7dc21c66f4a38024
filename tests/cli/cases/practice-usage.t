# practice: an unknown format is a usage error.
args: practice --format pdf
status: 2
stderr-contains: unknown format 'pdf'
stdout-empty: yes
