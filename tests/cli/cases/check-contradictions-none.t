# A disclosure that did not happen has no date and no channels; control
# describes a State's hold over persons acting for it.
args: check tests/resources/cases/bad/contradictions-none.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/contradictions-none.json:4:45: /actor/control: control describes a State's hold over persons acting for it (kind state-directed), not this kind of actor
leaklaw: tests/resources/cases/bad/contradictions-none.json:5:44: /disclosure/date: a date of disclosure, but the disclosure status is none
leaklaw: tests/resources/cases/bad/contradictions-none.json:5:70: /disclosure/channels: disclosure channels, but the disclosure status is none
