# A search that finds nothing is no error.
args: techniques --search no-such-technique-anywhere
status: 0
stdout-contains: no technique matches 'no-such-technique-anywhere'
