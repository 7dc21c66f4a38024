# Not a bundle: bad input, nothing on stdout.
args: import stix tests/resources/stix/LICENSE
status: 65
stdout-empty: yes
stderr-contains: tests/resources/stix/LICENSE:1:9:
