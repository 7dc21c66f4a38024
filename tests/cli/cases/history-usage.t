# history takes one case id.
args: history
status: 2
stderr-contains: expected one case id
