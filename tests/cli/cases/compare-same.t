# When no profile changes a verdict, the comparison says so.
args: compare data/cases/dnc-2016.json
status: 0
stdout-contains: | Proposed norm against intrusions for leaking (de lege ferenda) | Breach | Breach |
stdout-contains: No profile changes a verdict of this case.
