# The memo's table of facts lists every source of a fact: it stopped at 32
# (lk_fact_view kept 32), here leaving out s32 to s39 of /victim/state.
args: assess --format md --date 2026-01-01 tests/resources/cases/text/many-cites.json
status: 0
stdout-contains: | victim State (`/victim/state`) | US | [s0][s1][s2][s3][s4][s5][s6][s7][s8][s9][s10][s11][s12][s13][s14][s15][s16][s17][s18][s19][s20][s21][s22][s23][s24][s25][s26][s27][s28][s29][s30][s31][s32][s33][s34][s35][s36][s37][s38][s39] | |
