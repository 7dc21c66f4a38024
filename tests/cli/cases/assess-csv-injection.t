# A CSV cell a spreadsheet would run as a formula (starting with =, +, -,
# @, tab or carriage return) is quoted and prefixed with an apostrophe.
args: assess --format csv tests/resources/cases/text/csv-injection.json
status: 0
stdout-contains: csv-injection,"'=HYPERLINK(""http://example.org"",""click"")",
stdout-lacks: ,=HYPERLINK
