# With --date but no dated source, the memo says the date its facts are
# current to is not stated; no author and no classification line unless
# asked for; no expected verdicts, no section on them.
args: assess --format md --date 2025-01-31 tests/resources/cases/uncited.json
status: 0
stdout-contains: | Facts current to | not stated (no source of the case is dated) |
stdout-lacks: | Author |
stdout-lacks: **RESTRICTED**
stdout-lacks: Verdicts the case file expects
