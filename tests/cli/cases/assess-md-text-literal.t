# Case text is text in the Markdown memo too: every character that could
# start markup is escaped, so no reader renders a case's "<script>" or
# "**" as markup.
args: assess --format md --date 2026-11-30 tests/resources/cases/text/markup-in-text.json
status: 0
stdout-contains: # Memorandum: A \*starred\* title with \`ticks\` and \<script\>alert(1)\</script\> \| pipe
stdout-contains: The case: Summary with \*\*bold markers\*\* and \<https://example.org/not-a-link\>.
stdout-lacks: <script>
