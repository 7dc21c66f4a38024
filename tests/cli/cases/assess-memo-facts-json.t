# The JSON lists every stated fact by pointer with its value, its own
# sources and note (a disputed fact: each competing value), the ATT&CK
# technique's name, and compares the expected verdicts (additive fields).
args: assess --no-what-if --no-precedents tests/resources/cases/memo/memo-facts.json
status: 0
json: /case/id = "memo-facts"
json: /case/facts_current_to = "2024-12-01"
json: /case/summary = "A hypothetical hack-and-leak whose facts come wrapped with their own sources, one of them disputed, with evidence, notes and a deliberately wrong expected verdict."
json: /case/evidence/0 = {"kind": "mail-verification", "ref": "leak.mbox", "counts": {"messages": 12, "verified": 10, "failed": 2}, "sources": ["report"]}
json: /case/notes = {"/disclosure/volume": "1,200 e-mails in the first posting."}
json: /facts/~1actor~1name = {"value": "Unit 00000 of the XB military intelligence service", "sources": ["gov-statement"], "note": "as named by the victim government"}
json: /facts/~1actor~1attribution~1basis = {"value": ["victim-government", "indictment"], "sources": ["gov-statement"]}
json: /facts/~1access~10~1attack = {"value": "T1566.002", "sources": ["report"], "technique": "Spearphishing Link"}
json: /facts/~1access~11~1attack = {"value": "T1078", "sources": ["press"], "note": "the press report only", "technique": "Valid Accounts"}
json: /facts/~1access~10~1note = {"value": "Links to a fake log-in page.", "sources": ["report"]}
json: /facts/~1disclosure~1date = {"disputed": [{"value": "2024-10-01", "sources": ["report"], "note": "first posting"}, {"value": "2024-10-03", "sources": ["press"], "note": "first press coverage"}]}
json: /facts/~1disclosure~1volume = {"value": 1200, "sources": ["report"]}
json: /facts/~1disclosure~1concealed_origin = {"value": true, "sources": ["report"]}
json: /facts/~1purpose~1statement/value = "The leak was timed to damage the party before the election."
json: /expected = {"matches": false, "lenses": {"leak-norm": {"expected": "no-breach", "verdict": "breach", "matches": false}}, "why": "Deliberately wrong for leak-norm, so that assess reports the difference."}
json: /format = "leaklaw/assessment/1"
stderr-lines: 1
