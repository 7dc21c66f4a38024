args: explain intervention2-breach
status: 0
stdout-contains: Decides:   lens intervention2
stdout-contains: [seed-more-leaks] The Democratic National Committee Hack
stdout-contains: Applies to these bundled cases:
stdout-contains:   dnc-2016: DNC hack-and-leak
stdout-contains: Defined:   rules/lenses.json
