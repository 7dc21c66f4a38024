# Every Initial Access sub-technique has its own row: Default Accounts is
# read as guessing a never-changed password (brute force), not as its
# parent's stolen credentials.
args: techniques --format json T1078.001
status: 0
json: /access/method = "brute-force"
json: /access/mapped_by = "T1078.001"
json: /tactics/3 = "TA0001 Initial Access"
