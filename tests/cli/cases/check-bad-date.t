args: check tests/resources/cases/bad/bad-date.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/bad-date.json:6:13: /disclosure/date: '2016-13-01' is not an ISO 8601 date (YYYY-MM-DD)
