# CSV: one row per group, key, lens and verdict.
args: stats --format csv tests/resources/batch/assessments.jsonl
status: 0
stdout-contains: group,key,lens,verdict,count
stdout-contains: victim-state,US,intervention2,breach,2
stdout-contains: actor-state,XB,leak-norm,no-breach,1
stdout-contains: year,2016,classic,undetermined,2
