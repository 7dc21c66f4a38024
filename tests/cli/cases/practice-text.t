# The State-practice report (Markdown) on the test knowledge: stances per
# proposition with their quotations, unconfirmed ones marked, untrusted
# text escaped, the matrix, the reactions and the positions read.
args: practice --data tests/resources/knowledge
status: 0
stdout-contains: 2 positions: 1 read in full, 1 in part, 0 not reached. 2 State reactions
stdout-contains: `hack-and-leak-can-be-intervention`: affirmed by 1, denied by 0, silent 0, not read 1 (of 2 positions). First affirmed: Test Organisation (fictional), 2024-05.
stdout-contains: | Test Organisation (fictional) | 2024-05 | denied | "Fictional sentence: sovereignty is a principle, not a rule." (A fictional position \<for\> tests & checks, para 2; unconfirmed) |
stdout-contains: hacking and leaking \*to sway\* a vote
stdout-contains: | New Zealand | 2020-12-01 | A | A | A | A | A | ? | ? | ? | ? |
stdout-contains: | Test Organisation (fictional) | 2024-05 | - | - | - | - | - | A | D | - | - |
stdout-contains: 2 reactions; 1 invoke non-intervention, 0 sovereignty.
stdout-contains: | 2016-12 | `dnc-2016` | NZ | statement |
stdout-contains: | 2017-01-05 | `dnc-2016` | TESTORG against RU | protest | intervention |
stdout-contains: | New Zealand | The Application of International Law to State Activity in Cyberspace | 2020-12-01 | partial | 5 of 6 |
stdout-contains: Silent: none. Not read: New Zealand.
stdout-contains: 1 incidents of the library disclosed material; State reactions are recorded for 1 of them.
stdout-contains: - DNC hack-and-leak by Russian military intelligence (US presidential election 2016) (`dnc-2016`): 2 reaction(s): NZ statement 2016-12; TESTORG protest 2017-01-05. Invoking non-intervention: 1; sovereignty: 0.
