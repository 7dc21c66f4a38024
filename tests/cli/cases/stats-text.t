# Verdict counts of a JSON Lines stream, as text.
args: stats tests/resources/batch/assessments.jsonl
status: 0
stdout-contains: 4 assessments, 1 rejected
stdout-contains: By victim State
stdout-contains: By year of disclosure
