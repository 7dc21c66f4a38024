# A researcher's table: one row per case. The vote-count case states no
# content, so the content elements stay undetermined (never assumed).
args: assess --format csv tests/resources/cases/article/art-phishing.json tests/resources/cases/article/art-vote-count.json
status: 0
--- stdout
case,title,classic,intervention2,leak-norm,attribution,domaine-reserve,coercion,intent,intrusiveness,disclosure,sensitive-content,public-interest,sovereignty,espionage,privacy,due-diligence,use-of-force
art-phishing,Hack-and-leak by phishing before an election,no-breach,breach,breach,met (organ),met (political-system),not-met,met (high),met (high),met (published),met,met (some),raised,not-raised,raised,not-raised,not-raised
art-vote-count,A State organ manipulates vote counts,breach,no-breach,no-breach,met (organ),met (political-system),met (control),undetermined,met (high),not-met,undetermined,undetermined,raised,not-raised,not-raised,not-raised,not-raised
