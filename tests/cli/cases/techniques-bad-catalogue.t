# An unknown catalogue is a usage error.
args: techniques --catalogue capec T1566
status: 2
stderr-contains: unknown catalogue 'capec' (attack, disarm)
