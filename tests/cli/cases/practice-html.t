# The State-practice report as one HTML page: the SVG timeline with a
# mark per position and per reaction, the matrix, text escaped.
args: practice --data tests/resources/knowledge --format html
status: 0
stdout-contains: <svg xmlns="http://www.w3.org/2000/svg"
stdout-contains: <title>New Zealand, The Application of International Law to State Activity in Cyberspace (2020-12-01)</title>
stdout-contains: <title>TESTORG protest, dnc-2016: Fictional protest (2017-01-05)</title>
stdout-contains: A fictional position &lt;for&gt; tests &amp; checks
stdout-lacks: <for>
stdout-lacks: <script
