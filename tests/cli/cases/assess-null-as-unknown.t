# null in a disputed fact's competing values and in a list reads as
# "unknown" does: the twin cases give the same verdicts, element by element.
args: assess --format csv tests/resources/cases/null/null-values.json tests/resources/cases/null/unknown-values.json
status: 0
stdout-contains: null-values,"Null as unknown: a disputed value, a list member",undetermined,not-applicable,not-applicable,met,organ,met,foreign,undetermined,,undetermined,,undetermined,,met,high,not-met,,not-met,undetermined,,undetermined,,raised,undetermined,not-raised,not-raised,not-raised,default,
stdout-contains: unknown-values,"Unknown: a disputed value, a list member",undetermined,not-applicable,not-applicable,met,organ,met,foreign,undetermined,,undetermined,,undetermined,,met,high,not-met,,not-met,undetermined,,undetermined,,raised,undetermined,not-raised,not-raised,not-raised,default,
