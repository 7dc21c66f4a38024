# The Markdown memo writes only web addresses as autolinks (see
# assess-html-url-schemes.t).
args: assess --format md --date 2026-01-01 tests/resources/cases/text/url-schemes.json
status: 0
stdout-contains: - [web] A web page <https://example.org/a?b=1&c=2>
stdout-contains: - [script] A script `javascript:alert(1)`
stdout-lacks: <javascript:
