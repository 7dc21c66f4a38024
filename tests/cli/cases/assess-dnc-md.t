# The memo a legal adviser reads.
args: assess --format md --date 2025-01-31 data/cases/dnc-2016.json
status: 0
stdout-contains: # Memorandum: DNC hack-and-leak
stdout-contains: ## 1. Question
stdout-contains: - **Classic test (lex lata): Undetermined.** Open: coercion (interpretive choice, see §4).
stdout-contains: - **Interpretive choice needed:** rules `coercion-leak-control` and `coercion-leak-not-coercive`
stdout-contains: - **Intervention 2.0 (de lege ferenda): Breach.**
stdout-contains: ## 3. Facts relied on
stdout-contains: | access methods (`/access`) | phishing, stolen-credentials, malware |
stdout-contains: ## 5. What would change the answer
stdout-contains: | classic | process or results manipulated were true (now false) | Breach |
stdout-contains: ## 6. Nearest precedents
stdout-contains: ## 7. Caveats
stdout-contains: proposals de lege ferenda
stdout-contains: [icj-nicaragua-205] *Military and Paramilitary Activities in and against Nicaragua (Nicaragua v United States of America)* (Merits) [1986] ICJ Rep 14, para 205 <https://www.icj-cij.org/sites/default/files/case-related/70/070-19860627-JUD-01-00-EN.pdf> (judgment); read at: <https://cyberlaw.ccdcoe.org/wiki/Prohibition_of_intervention>
stdout-contains: (official-statement; official address not known); read at: <https://theprecisionng.com/2016/12/obama-shuts-down-2-russian-offices-in.html> *(unconfirmed: not verified against the text)*
stdout-contains: - [leaklaw-method] leaklaw, 'Method: how leaklaw encodes and applies the law' (leaklaw documentation) docs/method.md (method)
stdout-contains: *(unconfirmed: not verified against the text)*
stdout-contains: ## Sign-off
stdout-contains: | Date | 2025-01-31 |
stdout-contains: | Facts current to | 2026-11-30 (the latest date of the case's sources) |
stdout-contains: | Fact | Value | Sources | Note |
stdout-contains: | `/actor/name` | Russian military intelligence (GRU)
stdout-contains: | `/access/0` | phishing | `T1566.002` Spearphishing Link | | Spearphishing e-mails
stdout-contains: | `/disclosure/volume` | 19252 |
stdout-contains: | `/purpose/statement` | ODNI ICA, 6 Jan 2017
stdout-contains: - `/disclosure/volume`: 19,252 e-mails and 8,034 attachments
stdout-contains: - `classic`: expected Undetermined, as assessed.
stdout-lacks: | Author |
