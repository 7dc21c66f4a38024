args: explain no-such-rule
status: 2
--- stderr
leaklaw: no rule 'no-such-rule' (leaklaw rules lists them)
