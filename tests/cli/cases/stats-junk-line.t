# A line that is not an assessment is reported and skipped; exit 65.
args: stats tests/resources/batch/assessments-junk.jsonl
status: 65
stderr-contains: assessments-junk.jsonl:1:0:
stdout-contains: 4 assessments, 1 rejected
