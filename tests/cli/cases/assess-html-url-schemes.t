# Only a web address (http, https) or a relative one becomes a link in the
# memo: a source's url is the case's text, and "javascript:alert(1)" as an
# href ran in the reader's browser when followed (the HTML file has no
# CSP). Any other scheme, even one broken by a tab that browsers drop, is
# shown as code.
args: assess --format html --date 2026-01-01 tests/resources/cases/text/url-schemes.json
status: 0
stdout-contains: <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>
stdout-contains: <li>[script] A script <code>javascript:alert(1)</code></li>
stdout-contains: <code>DATA:text/html,&lt;b&gt;x&lt;/b&gt;</code>
stdout-contains: <li>[rel] A relative address <a href="docs/method.md">docs/method.md</a></li>
stdout-lacks: href="javascript
stdout-lacks: href="DATA
stdout-lacks: href=" java
