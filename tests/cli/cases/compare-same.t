# When no profile changes a verdict, the comparison says so.
args: compare --profile new-zealand-2020 --profile canada-2022 data/cases/dnc-2016.json
status: 0
stdout-contains: | Proposed norm against intrusions for leaking (de lege ferenda) | Breach | Breach | Breach |
stdout-contains: No profile changes a verdict of this case.
