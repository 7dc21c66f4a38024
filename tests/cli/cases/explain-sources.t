# explain prints each cited source's kind, OSCOLA citation (without the
# italics marks), official address, the copies read and its status; a
# source whose official address is unknown says so.
args: explain attribution-organ
status: 0
stdout-contains: [arsiwa-art4] Responsibility of States for Internationally Wrongful Acts
stdout-contains:       kind: un-document
stdout-contains:       OSCOLA: International Law Commission, 'Articles on Responsibility of States for Internationally Wrongful Acts' (2001), annexed to UNGA Res 56/83 (12 December 2001) UN Doc A/RES/56/83, art 4
stdout-contains:       official: https://legal.un.org/ilc/texts/instruments/english/draft_articles/9_6_2001.pdf
stdout-contains:       read at: https://3649.staging.lexmea.de/gesetz/ars/article-4 (both paragraphs of Art. 4
stdout-contains:       supports: Conduct of State organs
stdout-contains:       status: confirmed
stdout-contains:       OSCOLA: Michael N Schmitt (ed), Tallinn Manual 2.0 on the International Law Applicable to Cyber Operations (2nd edn, CUP 2017) r 15
stdout-contains:       status: unconfirmed
stdout-lacks: *Tallinn
