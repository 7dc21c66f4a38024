# One ID or --search, not both; known catalogues and formats only.
args: techniques T1566 --search phishing
status: 2
stderr-contains: expected one ID or --search TEXT
