# A researcher's table: one row per case, a column per lens, element and
# flag of the model. The vote-count case states no content, so the content
# elements stay undetermined (never assumed); nothing was leaked, so the
# leak lenses do not apply; the phishing leak's classic verdict is open on
# the contested question whether releasing hacked material is coercion.
args: assess --format csv tests/resources/cases/article/art-phishing.json tests/resources/cases/article/art-vote-count.json
status: 0
--- stdout
case,title,classic,intervention2,leak-norm,attribution,foreign-state,domaine-reserve,coercion,intent,intrusiveness,disclosure,sensitive-content,public-interest,leak-purpose,sovereignty,espionage,privacy,due-diligence,use-of-force
art-phishing,Hack-and-leak by phishing before an election,undetermined,breach,breach,met (organ),met (foreign),met (political-system),undetermined,met (high),met (high),met (published),met,met (some),met (inferred),raised,not-raised,raised,not-raised,not-raised
art-vote-count,A State organ manipulates vote counts,breach,not-applicable,not-applicable,met (organ),met (foreign),met (political-system),met (control),undetermined,met (high),not-met,undetermined,undetermined,not-met,raised,not-raised,not-raised,not-raised,not-raised
