# An id that is neither stored nor bundled: one line, exit 1.
args: --db tests/resources/store/none/leaklaw.db cases show no-such-case
status: 1
stderr-lines: 1
stderr-contains: no case 'no-such-case' in the store or the bundled library
