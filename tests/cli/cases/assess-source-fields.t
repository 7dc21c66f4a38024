# A case's sources of fact show what the case gives of each: kind,
# publisher, pinpoint, quotation, address, access date, archived copy and
# whether it was confirmed.
args: assess --format md tests/resources/cases/text/source-fields.json
status: 0
stdout-contains: - [s1] Statement on a test operation (2020-01-02), official-statement, Ministry of Tests, para 3: “The operation was conducted by State XB.” <https://example.org/statement>, accessed 2024-05-06, archived at <https://archive.example.org/statement> (confirmed)
stdout-contains: - [s2] Press report on the test operation, press, Example News <https://example.org/news> *(unconfirmed)*
