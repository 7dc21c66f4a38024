/*
 * chart.c: the SVG chart of the HTML report. The model's chart names a
 * lens, a score (x axis) and a graded fact (y axis); each cell is shaded
 * by the lens's verdict with the case's other facts as they are, and the
 * case is drawn as a point, or a dashed frame where facts are unknown.
 */
#include "alloc.h"
#include "report_int.h"

#define CHART_W 640  /* width of the figure, px */
#define CHART_H 300  /* height, px */
#define CHART_X0 70  /* left edge of the plot */
#define CHART_Y0 20  /* top edge of the plot */
#define CHART_PW 540 /* plot width */
#define CHART_PH 210 /* plot height */

/* The shaded cells and the y axis's level names. */
static void chart_cells(lk_buf *b, const lk_assessment *a,
                        const lk_chart_grid *g, double cw, double ch)
{
    const lk_law *law = lk_assessment_law(a);
    const char *xt = lk_law_target(law, g->score)->title;
    size_t lvl, top = g->nlevels - 1;
    int s;
    for (lvl = 0; lvl < g->nlevels; lvl++) {
        for (s = g->x_min; s <= g->x_max; s++) {
            const char *v = g->cell[lvl][s - g->x_min];
            lk_buf_printf(b,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                          "height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.45\">"
                          "<title>%s %d, %s: %s</title></rect>\n",
                          CHART_X0 + (s - g->x_min) * cw,
                          CHART_Y0 + (double)(top - lvl) * ch, cw + 0.2,
                          ch + 0.2, lk_report__color(law, v), xt, s,
                          g->levels[lvl], v);
        }
        lk_buf_printf(b,
                      "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" "
                      "text-anchor=\"end\">%s</text>\n",
                      CHART_X0 - 6,
                      CHART_Y0 + (double)(top - lvl) * ch + ch / 2 + 4,
                      g->levels[lvl]);
    }
}

/* The x axis's values and both axes' titles. */
static void chart_axes(lk_buf *b, const lk_assessment *a,
                       const lk_chart_grid *g, double cw)
{
    const lk_law *law = lk_assessment_law(a);
    int s;
    for (s = g->x_min; s <= g->x_max; s++)
        lk_buf_printf(b,
                      "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
                      "text-anchor=\"middle\">%d</text>\n",
                      CHART_X0 + (s - g->x_min + 0.5) * cw,
                      CHART_Y0 + CHART_PH + 14, s);
    lk_buf_printf(b,
                  "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
                  "text-anchor=\"middle\">score (%s)</text>\n"
                  "<text x=\"14\" y=\"%d\" font-size=\"12\" "
                  "transform=\"rotate(-90 14 %d)\" "
                  "text-anchor=\"middle\">%s</text>\n",
                  CHART_X0 + CHART_PW / 2, CHART_Y0 + CHART_PH + 32,
                  lk_law_target(law, g->score)->title,
                  CHART_Y0 + CHART_PH / 2, CHART_Y0 + CHART_PH / 2,
                  g->y_title);
}

/* The case: a point, or a frame spanning what unknown facts leave open. */
static void chart_case(lk_buf *b, const lk_chart_grid *g, double cw,
                       double ch)
{
    size_t top = g->nlevels - 1;
    double x1 = CHART_X0 + (g->case_min - g->x_min + 0.5) * cw;
    double x2 = CHART_X0 + (g->case_max - g->x_min + 0.5) * cw;
    double y1 = g->case_level >= 0
                    ? CHART_Y0 + (double)(top - (size_t)g->case_level) * ch +
                          ch / 2
                    : CHART_Y0 + 4;
    double y2 = g->case_level >= 0 ? y1 : CHART_Y0 + CHART_PH - 4;
    lk_buf_printf(b,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                  "height=\"%.1f\" rx=\"8\" fill=\"none\" "
                  "stroke=\"#111\" stroke-width=\"2.5\"%s/>\n"
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#111\">"
                  "<title>this case</title></circle>\n",
                  x1 - 8, y1 - 8, x2 - x1 + 16, y2 - y1 + 16,
                  (x1 != x2 || y1 != y2) ? " stroke-dasharray=\"5 3\"" : "",
                  (x1 + x2) / 2, (y1 + y2) / 2);
}

/* The legend: every verdict of the lens kind with its colour. */
static void chart_legend(lk_buf *b, const lk_law *law)
{
    size_t k, n = lk_law_status_count(law, LK_TARGET_LENS);
    int step = n ? CHART_PW / (int)n : 0;
    for (k = 0; k < n; k++) {
        const lk_status_info *st = lk_law_status(law, LK_TARGET_LENS, k);
        lk_buf_printf(b,
                      "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                      "fill=\"%s\" fill-opacity=\"0.6\"/><text x=\"%d\" "
                      "y=\"%d\" font-size=\"11\">%s</text>\n",
                      CHART_X0 + (int)k * step, CHART_H - 18,
                      lk_report__color(law, st->id),
                      CHART_X0 + (int)k * step + 16, CHART_H - 8, st->id);
    }
}

int lk_report__chart(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    lk_chart_grid *g = NULL;
    double cw, ch;
    int error;
    g = lk_calloc(1, sizeof(*g));
    if (g == NULL)
        return LK_ENOMEM;
    error = lk_explain_chart(g, a, NULL);
    if (error < 0 || g->nlevels == 0) {
        lk_free(g);
        return error == LK_ENOMEM ? error : 0; /* no chart to draw */
    }
    cw = (double)CHART_PW / (g->x_max - g->x_min + 1);
    ch = (double)CHART_PH / (double)g->nlevels;
    lk_buf_printf(b,
                  "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
                  "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                  "role=\"img\" aria-label=\"The case on the chart of the "
                  "%s lens\">\n",
                  CHART_W, CHART_H, CHART_W, CHART_H,
                  lk_law_target(law, g->lens)->id);
    chart_cells(b, a, g, cw, ch);
    chart_axes(b, a, g, cw);
    chart_case(b, g, cw, ch);
    chart_legend(b, law);
    lk_buf_printf(b, "</svg><figcaption>The case (black) on %s and %s. "
                     "Regions: the verdict of the %s lens for each value "
                     "of each, all other facts as in the case. A dashed "
                     "frame spans the values unknown facts leave "
                     "open.</figcaption></figure>\n",
                  lk_law_target(law, g->score)->title, g->y_title,
                  lk_law_target(law, g->lens)->title);
    lk_free(g);
    return 0;
}
