args:
status: 2
--- stderr
leaklaw: no command given (try 'leaklaw --help')
