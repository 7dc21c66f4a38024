args: rules
status: 0
stdout-contains: attribution-organ
stdout-contains:   cites arsiwa-art4:
stdout-contains: intervention2-legitimate-disclosure
stdout-contains: [unconfirmed]
