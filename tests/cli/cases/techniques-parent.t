# A sub-technique without a row of its own is read through its parent's
# row, and says so.
args: techniques T1204.001
status: 0
stdout-contains: T1204.001  Malicious Link
stdout-contains:   method:    malware (mapped by its parent T1204)
stdout-contains:              User Execution (Execution): the user is made to run malicious code.
