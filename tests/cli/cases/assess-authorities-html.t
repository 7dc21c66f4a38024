# The memo's authorities in HTML: the OSCOLA citation's *italics* become
# <em>, the official home and the copy read are links.
args: assess --format html data/cases/dnc-2016.json
status: 0
stdout-contains: <li>[icj-nicaragua-205] <em>Military and Paramilitary Activities in and against Nicaragua (Nicaragua v United States of America)</em> (Merits) [1986] ICJ Rep 14, para 205 <a href="https://www.icj-cij.org/sites/default/files/case-related/70/070-19860627-JUD-01-00-EN.pdf">https://www.icj-cij.org/sites/default/files/case-related/70/070-19860627-JUD-01-00-EN.pdf</a> (judgment); read at: <a href="https://cyberlaw.ccdcoe.org/wiki/Prohibition_of_intervention">https://cyberlaw.ccdcoe.org/wiki/Prohibition_of_intervention</a></li>
stdout-contains: Michael N Schmitt (ed), <em>Tallinn Manual 2.0 on the International Law Applicable to Cyber Operations</em> (2nd edn, CUP 2017) r 66
stdout-lacks: *Military
