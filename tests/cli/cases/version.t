args: --version
status: 0
--- stdout
leaklaw 0.1.0
