# HTML: self-contained, an inline SVG chart and no script.
args: stats --format html -
stdin: tests/resources/batch/assessments.jsonl
status: 0
stdout-contains: <svg xmlns="http://www.w3.org/2000/svg"
stdout-contains: <h2>By actor State</h2>
stdout-lacks: <script
