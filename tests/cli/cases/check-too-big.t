# A file over 16 MiB is refused once, as bad input.
args: check /dev/zero
status: 65
--- stderr
leaklaw: /dev/zero: file is larger than 16777216 bytes
