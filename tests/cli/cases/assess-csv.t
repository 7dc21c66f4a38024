# A researcher's table: one row per case; the lenses first, then for each
# element of the model its status and, for a graded element, its level in
# a column of its own, each flag, the profile, the hashes of the rules and
# the case, the States and the dates. The vote-count case states no
# content, so the content elements stay undetermined (never assumed) and
# their level cells are empty; nothing was leaked, so the leak lenses do
# not apply and the disclosure date is empty; the phishing leak's classic
# verdict is open on the contested question whether releasing hacked
# material is coercion.
args: assess --format csv tests/resources/cases/article/art-phishing.json tests/resources/cases/article/art-vote-count.json
status: 0
stdout-contains: case,title,classic,intervention2,leak-norm,attribution,attribution_level,foreign-state,foreign-state_level,domaine-reserve,domaine-reserve_level,coercion,coercion_level,intent,intent_level,intrusiveness,intrusiveness_level,disclosure,disclosure_level,sensitive-content,public-interest,public-interest_level,leak-purpose,leak-purpose_level,sovereignty,espionage,privacy,due-diligence,use-of-force,profile,rules_sha256,case_sha256,actor_state,victim_state,disclosure_date,process_date
stdout-contains: art-phishing,Hack-and-leak by phishing before an election,undetermined,breach,breach,met,organ,met,foreign,met,political-system,undetermined,,met,high,met,high,met,published,met,met,some,met,inferred,raised,not-raised,raised,not-raised,not-raised,default,
stdout-contains: ,d48d7a8f719c5afadaf93ee3724d39e13d24e91d3a8eb301a93a850022cec571,XB,XA,2016-07-22,2016-11-08
stdout-contains: art-vote-count,A State organ manipulates vote counts,breach,not-applicable,not-applicable,met,organ,met,foreign,met,political-system,met,control,undetermined,,met,high,not-met,,undetermined,undetermined,,not-met,,raised,not-raised,not-raised,not-raised,not-raised,default,
stdout-contains: ,341c98cd85e876f4cb6e2d088fc245749b0fc289256318b26c6b33483fe1d7bd,XB,XA,,2016-11-08
