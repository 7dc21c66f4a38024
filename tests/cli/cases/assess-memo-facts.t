# The memo shows every fact the case supplies, each with the sources that
# support that very fact: a wrapped fact cites its own sources and shows
# its note, a disputed one each competing value with its sources and
# note; the access entries with their ATT&CK technique names; the
# evidence and the case's notes. It is dated by --date, carries the
# author and the classification (above and below), and the date its
# facts are current to (the latest date or access date of its sources).
args: assess --format md --date 2025-01-31 --author "A. Adviser" --classification RESTRICTED tests/resources/cases/memo/memo-facts.json
status: 0
stdout-contains: **RESTRICTED**
stdout-contains: | Author | A. Adviser |
stdout-contains: | Date | 2025-01-31 |
stdout-contains: | Facts current to | 2024-12-01 (the latest date of the case's sources) |
stdout-contains: | authenticity of the material (`/disclosure/authenticity`) | authentic | [press] | no forgery found |
stdout-contains: | attribution confidence (`/actor/attribution/confidence`) | high | [gov-statement] | |
stdout-contains: | date of disclosure (`/disclosure/date`) | disputed: 2024-10-01 or 2024-10-03 | [report][press] | disputed: see below |
stdout-contains: - `/disclosure/date`: 2024-10-01 [report] (first posting); or 2024-10-03 [press] (first press coverage).
stdout-contains: | `/actor/name` | Unit 00000 of the XB military intelligence service | [gov-statement] | as named by the victim government |
stdout-contains: | `/victim/name` | The Example Party | [report] | |
stdout-contains: | `/disclosure/volume` | 1200 | [report] | |
stdout-contains: | `/purpose/statement` | The leak was timed to damage the party before the election. | [report] | |
stdout-contains: | `/access/0` | phishing | `T1566.002` Spearphishing Link | 2024-08-01 | Links to a fake log-in page. | [report] |
stdout-contains: | `/access/1` | | `T1078` Valid Accounts | | (attack: the press report only) | [press] |
stdout-contains: - `/evidence/0`: mail-verification of `leak.mbox`; messages 12, verified 10, failed 2 [report]
stdout-contains: - `/disclosure/volume`: 1,200 e-mails in the first posting.
stdout-contains: - `leak-norm`: expected No breach, **assessed Breach**.
stdout-lacks: date of disclosure, 
stderr-contains: leaklaw: tests/resources/cases/memo/memo-facts.json: expected leak-norm to be no-breach, got breach
stderr-lines: 1
