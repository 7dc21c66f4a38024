# The Markdown memo writes only a web address with nothing that could end
# it early as an autolink; any other url is text, every markup character
# escaped. A url in <...> or in a code span could still inject markup: a
# relative "img src=x ..." became an HTML tag, a '>' closed the autolink
# and let a [link](javascript:...) follow, and a backtick ended the code
# span (see assess-html-url-schemes.t for the HTML memo).
args: assess --format md --date 2026-01-01 tests/resources/cases/text/url-schemes.json
status: 0
stdout-contains: - [web] A web page <https://example.org/a?b=1&c=2>
stdout-contains: - [script] A script javascript:alert(1)
stdout-contains: - [rel] A relative address docs/method.md
stdout-contains: - [close] An autolink closed early https://a.example/\>\[click\](javascript:alert(3))
stdout-contains: - [tag] A tag img src=x onerror=alert(4)
stdout-contains: - [tick] A backtick javascript:alert(5)\` \[click\](javascript:alert(6)) \`
stdout-lacks: <javascript:
stdout-lacks: <img
stdout-lacks: />[click](javascript:alert(3))
stdout-lacks: ` [click](javascript:alert(6))
# a code span opens with more backticks than any run inside it: the
# evidence ref's own backtick ended the span, and the link after it was
# markup
stdout-contains: - `/evidence/0`: other of ``a` [click](javascript:alert(7)) `b``
