# -o writes the file in one piece and nothing on stdout.
args: assess --format html --date 2025-01-31 -o build-cli-test-report.html data/cases/dnc-2016.json
status: 0
stdout-empty: yes
file-contains: build-cli-test-report.html </html>
cleanup: build-cli-test-report.html
