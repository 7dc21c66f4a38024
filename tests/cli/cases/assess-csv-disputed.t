# A disputed date is neither a value nor unknown in the dataset: its cell
# reads "disputed"; the rule and case hashes identify what was assessed.
args: assess --format csv tests/resources/cases/memo/memo-facts.json
status: 0
stdout-contains: ,default,
stdout-contains: ,XB,XA,disputed,2024-11-05
stderr-lines: 1
