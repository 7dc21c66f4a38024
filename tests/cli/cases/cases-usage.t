# A subcommand is required; formats are text and json.
args: cases stats --format yaml
status: 2
stderr-contains: unknown format 'yaml'
