# One self-contained file: inline style and SVG, no script, no external resource.
args: assess --format html --date 2025-01-31 data/cases/dnc-2016.json
status: 0
stdout-contains: <!DOCTYPE html>
stdout-contains: <svg xmlns="http://www.w3.org/2000/svg"
stdout-contains: <title>this case</title>
stdout-contains: <h2>2. Short answer</h2>
stdout-lacks: <script
stdout-lacks: <link
stdout-lacks: src=
stdout-lacks: @import
