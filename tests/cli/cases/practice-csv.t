# The State-practice report as CSV: one row per position and proposition,
# then one row per reaction.
args: practice --data tests/resources/knowledge --format csv
status: 0
stdout-contains: record,party,date,subject,value,source,pinpoint,quote,quote_status,invokes,url
stdout-contains: stance,TESTORG,2024-05,sovereignty-is-a-rule,denied,test-organisation-2024,para 2,"Fictional sentence: sovereignty is a principle, not a rule.",unconfirmed,,
stdout-contains: stance,NZ,2020-12-01,hack-and-leak-can-be-intervention,unknown,new-zealand-2020,,,,,https://dpmc.govt.nz/
stdout-contains: reaction,TESTORG,2017-01-05,dnc-2016,protest,to-2017-protest,,Fictional: this was an intervention.,unconfirmed,intervention,https://example.org/fictional-protest
