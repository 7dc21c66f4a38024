# Case text is text in the HTML report: the memo is not re-rendered from
# Markdown, so markup characters in a case stay literal and are escaped.
args: assess --format html --date 2025-01-31 tests/resources/cases/text/markup-in-text.json
status: 0
stdout-contains: <h1>Memorandum: A *starred* title with `ticks` and &lt;script&gt;alert(1)&lt;/script&gt; | pipe</h1>
stdout-contains: The case: Summary with **bold markers** and &lt;https://example.org/not-a-link&gt;.
stdout-contains: [s1] A source *title* (2020-01-01) <a href="https://example.org/report">https://example.org/report</a>
stdout-lacks: <script>
stdout-lacks: <em>starred</em>
stdout-lacks: <strong>bold markers</strong>
