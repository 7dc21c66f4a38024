# A fact citing a source the case does not list.
args: check tests/resources/cases/bad/bad-cite.json
status: 65
--- stderr
leaklaw: tests/resources/cases/bad/bad-cite.json:4:67: /victim/cite/0: cites 'nyt', which is not in /sources
