/*
 * html.c: the HTML report: the memo's document written as HTML, with the
 * chart of the law's model after the short answer. One self-contained
 * file: inline CSS, no script, no external resource.
 */
#include <string.h>

#include "report_int.h"

/* The memo's hook after its short answer: the chart. */
static int html_after_answer(lk_writer *w, const lk_assessment *a)
{
    return lk_report__chart(w->b, a);
}

/* The page's head, up to and including <body>. */
static void html_head(lk_writer *w, const lk_assessment *a)
{
    lk_buf_puts(w->b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                      "<meta charset=\"utf-8\">\n<title>");
    lk_writer_text(w, lk_case_title(lk_assessment_case(a)));
    lk_buf_puts(w->b,
                " (leaklaw)</title>\n<style>\n"
                "body{font:15px/1.5 Georgia,serif;max-width:58rem;"
                "margin:2rem auto;padding:0 1rem;color:#111}\n"
                "h1,h2,h3{font-family:Helvetica,Arial,sans-serif}\n"
                "table{border-collapse:collapse;margin:.5rem 0}\n"
                "td,th{border:1px solid #bbb;padding:.25rem .5rem;"
                "vertical-align:top;text-align:left}\n"
                "code{font-size:90%;background:#f3f3f3;padding:0 .2rem}\n"
                "figure{margin:1rem 0}figcaption{font-size:90%;color:#444}\n"
                "@media print{body{margin:0}}\n"
                "</style>\n</head>\n<body>\n");
}

int lk_report__html(lk_buf *b, const lk_assessment *a,
                    const lk_report_options *opts)
{
    lk_writer w;
    int error;
    lk_writer_init(&w, b, 1);
    html_head(&w, a);
    error = lk_report__memo(&w, a, html_after_answer, opts);
    lk_buf_puts(b, "</body>\n</html>\n");
    return error < 0 ? error : b->error;
}
