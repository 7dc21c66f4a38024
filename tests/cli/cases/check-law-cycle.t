# Rules that are exceptions to each other in a cycle are refused at load.
args: --data tests/resources/cases/bad/law-cycle rules
status: 1
--- stderr
leaklaw: tests/resources/cases/bad/law-cycle/rules/rules.json:52:3: /rules/3: exception_to makes a cycle: a -> c -> b -> a (each rule an exception to the next)
