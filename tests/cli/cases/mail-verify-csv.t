# CSV: a header row, then one row per message with its signatures.
args: mail verify --keys tests/resources/mail/keys/rfc8463.keys --at 2018-06-10 --format csv tests/resources/mail/mailauth/signed.eml
status: 0
stdout-contains: file,offset,sha256,message_id,from,date,verdict,transform,signatures
stdout-contains: ,verified,lf-to-crlf,football.example.com:pass football.example.com:pass
