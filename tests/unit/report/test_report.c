/*
 * test_report.c: the three renderings of an assessment: the JSON contract
 * (leaklaw/assessment/1), the memo's sections, the HTML page's
 * self-containment and chart.
 */
#include <jansson.h>

#include "helpers.h"
#include "writer.h"

static lk_law *law;
static lk_case *dnc;
static lk_assessment *assessment;

static int setup(void **state)
{
    char path[512];
    lk_error err;
    (void)state;
    law = test_law(NULL);
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", test_data());
    dnc = test_case_file(path);
    return lk_assess(&assessment, law, dnc, NULL, &err);
}

static int teardown(void **state)
{
    (void)state;
    lk_assessment_free(assessment);
    lk_case_free(dnc);
    lk_law_free(law);
    return 0;
}

static char *render(lk_report_format f, unsigned flags)
{
    char *text = NULL;
    size_t len = 0;
    lk_error err;
    assert_int_equal(lk_report_render(&text, &len, assessment, f, flags,
                                      &err),
                     0);
    assert_int_equal(strlen(text), len);
    return text;
}

static void test_json_contract(void **state)
{
    static const char *const keys[] = {"format", "case",    "rules",
                                       "profile", "elements", "lenses",
                                       "flags",  "missing", "what_if",
                                       "precedents", NULL};
    static const char *const elements[] = {
        "attribution",   "domaine-reserve", "coercion",          "intent",
        "intrusiveness", "disclosure",      "sensitive-content", "public-interest",
        NULL};
    char *text = render(LK_REPORT_JSON, LK_REPORT_COMPACT);
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr), *v;
    size_t i;
    const char *key;
    (void)state;
    assert_non_null(root);
    for (i = 0; keys[i]; i++)
        assert_non_null(json_object_get(root, keys[i]));
    for (i = 0; elements[i]; i++) {
        v = json_object_get(json_object_get(root, "elements"), elements[i]);
        assert_non_null(json_object_get(v, "status"));
        assert_true(json_object_get(v, "level") != NULL);
        assert_true(json_is_array(json_object_get(v, "because")));
    }
    json_object_foreach(json_object_get(root, "lenses"), key, v)
    {
        json_t *b = json_array_get(json_object_get(v, "because"), 0);
        assert_non_null(json_object_get(v, "verdict"));
        assert_true(json_is_array(json_object_get(v, "decisive")));
        assert_true(json_array_size(json_object_get(v, "cites")) > 0);
        assert_non_null(json_object_get(b, "rule"));
        assert_true(json_is_array(json_object_get(b, "facts")));
    }
    assert_int_equal(json_object_size(json_object_get(root, "flags")), 5);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(root, "case"),
                                          "sha256")),
        lk_case_sha256(dnc));
    v = json_array_get(json_object_get(root, "what_if"), 0);
    assert_non_null(json_object_get(v, "lens"));
    assert_non_null(json_object_get(
        json_array_get(json_object_get(v, "changes"), 0), "from"));
    json_decref(root);
    lk_report_free(text);
}

static void test_memo_sections(void **state)
{
    static const char *const must[] = {
        "## 1. Question", "## 2. Short answer", "## 3. Facts relied on",
        "## 4. Analysis", "## 5. What would change the answer",
        "## 6. Nearest precedents", "## 7. Caveats", "## Authorities cited",
        "de lege ferenda", "[odni-ica-2017]", "[icj-nicaragua-205]", NULL};
    char *text = render(LK_REPORT_MD, 0);
    size_t i;
    (void)state;
    for (i = 0; must[i]; i++)
        if (strstr(text, must[i]) == NULL)
            fail_msg("memo lacks '%s'", must[i]);
    lk_report_free(text);
}

/* Through lk_report_render the memo states no date; with options it
 * states the date, author and classification given; an options struct of
 * another version is refused. */
static void test_memo_options(void **state)
{
    lk_report_options opts = LK_REPORT_OPTIONS_INIT;
    lk_error err;
    char *text = render(LK_REPORT_MD, 0);
    size_t len;
    (void)state;
    assert_non_null(strstr(text, "| Date | not stated |"));
    assert_non_null(strstr(text, "| Facts current to | 2026-11-30"));
    assert_null(strstr(text, "| Author |"));
    lk_report_free(text);
    opts.date = "2025-01-31";
    opts.author = "A. Adviser";
    opts.classification = "OFFICIAL";
    assert_int_equal(lk_report_render_ext(&text, &len, assessment,
                                          LK_REPORT_MD, &opts, &err),
                     0);
    assert_non_null(strstr(text, "| Date | 2025-01-31 |"));
    assert_non_null(strstr(text, "| Author | A. Adviser |"));
    assert_int_equal(strncmp(text, "**OFFICIAL**\n", 13), 0);
    assert_non_null(strstr(text, "\n**OFFICIAL**\n"));
    assert_int_equal(strlen(text), len);
    lk_report_free(text);
    opts.version = 99;
    text = NULL;
    assert_int_equal(lk_report_render_ext(&text, &len, assessment,
                                          LK_REPORT_MD, &opts, &err),
                     LK_EINVALID);
    assert_null(text);
}

/* The stated facts with their own sources, the expected verdicts, the
 * ATT&CK names, as the explain and case APIs give them. */
static void test_stated_facts(void **state)
{
    char path[512];
    lk_case *c = test_case_file(
        test_res(path, sizeof(path), "cases/memo/memo-facts.json"));
    lk_assessment *a = NULL;
    lk_assess_options ao = LK_ASSESS_OPTIONS_INIT;
    lk_case_fact_info info;
    lk_case_value_info v;
    lk_expected_view ev;
    lk_fact_view fv;
    lk_error err;
    size_t f, nf = lk_explain_fact_count();
    int i;
    (void)state;
    ao.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    assert_int_equal(lk_assess(&a, law, c, &ao, &err), 0);
    /* a wrapped fact: its own sources and note win over its object's */
    i = lk_case_fact_find(c, "/actor/name");
    assert_true(i >= 0);
    lk_case_fact_value(c, (size_t)i, 0, &v);
    assert_int_equal(v.kind, LK_CASE_VALUE_STRING);
    assert_int_equal(v.own_cites, 1);
    assert_int_equal(v.ncites, 1);
    assert_string_equal(v.cites[0], "gov-statement");
    assert_string_equal(v.note, "as named by the victim government");
    /* a plain one: its object's */
    i = lk_case_fact_find(c, "/disclosure/volume");
    lk_case_fact_value(c, (size_t)i, 0, &v);
    assert_int_equal(v.kind, LK_CASE_VALUE_INTEGER);
    assert_int_equal(v.integer, 1200);
    assert_string_equal(v.text, "1200");
    assert_int_equal(v.own_cites, 0);
    assert_string_equal(v.cites[0], "report");
    /* a disputed one: each side with its own */
    i = lk_case_fact_find(c, "/disclosure/date");
    lk_case_fact(c, (size_t)i, &info);
    assert_int_equal(info.disputed, 1);
    assert_int_equal(info.nvalues, 2);
    assert_string_equal(info.pointer, "/disclosure/date");
    lk_case_fact_value(c, (size_t)i, 1, &v);
    assert_string_equal(v.string, "2024-10-03");
    assert_string_equal(v.cites[0], "press");
    assert_string_equal(v.note, "first press coverage");
    assert_int_equal(lk_case_fact_find(c, "/actor/control"), -1);
    assert_true(lk_case_fact_count(c) > 20);
    assert_string_equal(lk_case_facts_date(c), "2024-12-01");
    /* the explain API: a wrapped vocabulary fact cites its own sources */
    for (f = 0; f < nf; f++) {
        lk_fact_info fi;
        lk_explain_fact_info(f, &fi);
        lk_explain_fact(a, f, &fv);
        if (strcmp(fi.pointer, "/disclosure/authenticity") == 0) {
            assert_int_equal(fv.ncites, 1);
            assert_string_equal(fv.cites[0], "press");
        }
        if (strcmp(fi.pointer, "/disclosure/date") == 0) {
            assert_int_equal(fv.disputed, 1);
            assert_int_equal(fv.ncites, 2);
        }
    }
    assert_int_equal(lk_explain_expected_count(a), 1);
    lk_explain_expected(a, 0, &ev);
    assert_string_equal(ev.lens, "leak-norm");
    assert_string_equal(ev.expected, "no-breach");
    assert_int_equal(ev.matches, 0);
    assert_string_equal(lk_law_technique_name(law, "T1078"),
                        "Valid Accounts");
    lk_assessment_free(a);
    lk_case_free(c);
}

static void test_html_self_contained(void **state)
{
    char *text = render(LK_REPORT_HTML, 0);
    (void)state;
    assert_non_null(strstr(text, "<!DOCTYPE html>"));
    assert_non_null(strstr(text, "<svg"));
    assert_non_null(strstr(text, "</html>\n"));
    assert_null(strstr(text, "<script"));
    assert_null(strstr(text, " src="));
    assert_null(strstr(text, "<link"));
    /* text from the case is escaped */
    assert_null(strstr(text, "<https://"));
    lk_report_free(text);
}

/* A case that says "unknown" leaves authenticity to its mail evidence: the
 * memo must say so and cite that evidence (as when the key is absent).
 * Every message verifies: authentic (a failed signature would leave it
 * unknown, see test_mail_case.c). */
static void test_memo_authenticity_from_mail(void **state)
{
    static const char text[] =
        "{\"format\": \"leaklaw/case/1\", \"id\": \"m\","
        " \"disclosure\": {\"status\": \"published\", "
        "\"authenticity\": \"unknown\"},"
        " \"evidence\": [{\"kind\": \"mail-verification\", \"ref\": \"r\","
        " \"summary\": {\"verdicts\": {\"verified\": 10}},"
        " \"cite\": [\"run\"]}],"
        " \"sources\": [{\"id\": \"run\", \"title\": \"mail verify\"}]}";
    lk_case *c = test_case_text("m.json", text);
    lk_assessment *a = NULL;
    lk_error err;
    char *md = NULL;
    (void)state;
    assert_int_equal(lk_assess(&a, law, c, NULL, &err), 0);
    assert_int_equal(lk_report_render(&md, NULL, a, LK_REPORT_MD, 0, &err),
                     0);
    assert_non_null(strstr(md, "derived from the evidence in "
                               "`/evidence/0` (rule `mail-authentic`)"));
    assert_non_null(strstr(md, "integrity since signing"));
    assert_non_null(strstr(md, "| authentic | [run] |"));
    lk_report_free(md);
    lk_assessment_free(a);
    lk_case_free(c);
}


/* The document model prints the same structure as Markdown and HTML. */
static void write_doc(lk_writer *w)
{
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Title | <x>");
    lk_writer_para(w);
    lk_writer_text(w, "line\nbreak & ");
    lk_writer_strong(w, 1);
    lk_writer_text(w, "bold");
    lk_writer_strong(w, 0);
    lk_writer_item(w);
    lk_writer_code(w, "/a/b");
    lk_writer_item(w);
    lk_writer_link(w, "https://example.org/?a=1&b=2");
    lk_writer_table(w, 2);
    lk_writer_row(w);
    lk_writer_cell_text(w, "H1");
    lk_writer_cell(w);
    lk_writer_row(w);
    lk_writer_cell_text(w, "a|b");
    lk_writer_cell_text(w, "");
    lk_writer_close(w);
}

static void test_writer_markdown(void **state)
{
    lk_buf b;
    lk_writer w;
    (void)state;
    lk_buf_init(&b, 0);
    lk_writer_init(&w, &b, 0);
    write_doc(&w);
    assert_int_equal(b.error, 0);
    assert_string_equal(b.ptr, "## Title \\| <x>\n\n"
                               "line break & **bold**\n\n"
                               "- `/a/b`\n"
                               "- <https://example.org/?a=1&b=2>\n\n"
                               "| H1 | |\n|---|---|\n"
                               "| a\\|b | |\n");
    lk_buf_dispose(&b);
}

static void test_writer_html(void **state)
{
    lk_buf b;
    lk_writer w;
    (void)state;
    lk_buf_init(&b, 0);
    lk_writer_init(&w, &b, 1);
    write_doc(&w);
    assert_int_equal(b.error, 0);
    assert_string_equal(
        b.ptr, "<h2>Title | &lt;x&gt;</h2>\n"
               "<p>line break &amp; <strong>bold</strong></p>\n"
               "<ul>\n<li><code>/a/b</code></li>\n"
               "<li><a href=\"https://example.org/?a=1&amp;b=2\">"
               "https://example.org/?a=1&amp;b=2</a></li>\n</ul>\n"
               "<table>\n<tr><th>H1</th><th></th></tr>\n"
               "<tr><td>a|b</td><td></td></tr>\n</table>\n");
    lk_buf_dispose(&b);
}

/* Case text is data: no character of it starts markup in Markdown. */
static void test_writer_data(void **state)
{
    lk_buf b;
    lk_writer w;
    (void)state;
    lk_buf_init(&b, 0);
    lk_writer_init(&w, &b, 0);
    lk_writer_para(&w);
    lk_writer_data(&w, "a **b** <script>x</script> [l](u) `c` #h_i | \\");
    lk_writer_close(&w);
    assert_string_equal(b.ptr, "a \\*\\*b\\*\\* \\<script\\>x\\</script\\> "
                               "\\[l\\](u) \\`c\\` \\#h\\_i \\| \\\\\n");
    lk_buf_dispose(&b);
    lk_buf_init(&b, 0);
    lk_writer_init(&w, &b, 1);
    lk_writer_para(&w);
    lk_writer_data(&w, "<script>");
    lk_writer_close(&w);
    assert_string_equal(b.ptr, "<p>&lt;script&gt;</p>\n");
    lk_buf_dispose(&b);
}

/* The explain API gives what the renderers show: DNC 2016 (the seed
 * article's case) is a breach under intervention2 and the leak norm,
 * decided by rules that apply, and its facts cite their sources. */
static void test_explain_dnc(void **state)
{
    const lk_law *l = lk_assessment_law(assessment);
    int lens = lk_law_target_index(l, "intervention2");
    lk_target_result r;
    lk_reason rs[64];
    lk_fact_view fv;
    lk_fact_info fi;
    size_t n, f, cited = 0;
    (void)state;
    assert_true(lens >= 0);
    assert_int_equal(lk_law_target(l, (size_t)lens)->kind, LK_TARGET_LENS);
    lk_explain_target(assessment, (size_t)lens, &r);
    assert_string_equal(r.status, "breach");
    assert_false(r.undetermined);
    assert_int_equal(r.nunknown, 0);
    n = lk_explain_reasons(assessment, (size_t)lens, rs, 64);
    assert_true(n >= 1);
    assert_int_equal(rs[0].applies, 1);
    assert_int_equal(lk_explain_rule_state(assessment, rs[0].rule), 1);
    for (f = 0; f < lk_explain_fact_count(); f++) {
        lk_explain_fact_info(f, &fi);
        lk_explain_fact(assessment, f, &fv);
        if (fv.known && !fi.derived)
            cited += fv.ncites > 0;
        if (!fv.known)
            assert_string_equal(fv.value, "unknown");
    }
    assert_true(cited > 5);
    assert_true(lk_explain_whatif_done(assessment));
    assert_true(lk_explain_caveat_count(l) > 0);
}

/* The chart grid covers every score value and level, and the case lies
 * within it. */
static void test_explain_chart(void **state)
{
    lk_chart_grid *g = calloc(1, sizeof(*g));
    lk_error err;
    size_t lvl;
    int s;
    (void)state;
    assert_non_null(g);
    assert_int_equal(lk_explain_chart(g, assessment, &err), 0);
    assert_true(g->x_max > g->x_min);
    assert_true(g->nlevels >= 2);
    for (lvl = 0; lvl < g->nlevels; lvl++)
        for (s = g->x_min; s <= g->x_max; s++)
            assert_non_null(lk_law_status_find(lk_assessment_law(assessment),
                                               LK_TARGET_LENS,
                                               g->cell[lvl][s - g->x_min]));
    assert_true(g->case_min >= g->x_min && g->case_max <= g->x_max);
    assert_true(g->case_level >= 0 && (size_t)g->case_level < g->nlevels);
    free(g);
}

static void test_format_names(void **state)
{
    lk_report_format f;
    (void)state;
    assert_int_equal(lk_report_format_parse(&f, "md"), 0);
    assert_int_equal(f, LK_REPORT_MD);
    assert_int_equal(lk_report_format_parse(&f, "html"), 0);
    assert_int_equal(lk_report_format_parse(&f, "pdf"), LK_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_contract),
        cmocka_unit_test(test_memo_sections),
        cmocka_unit_test(test_memo_options),
        cmocka_unit_test(test_stated_facts),
        cmocka_unit_test(test_html_self_contained),
        cmocka_unit_test(test_memo_authenticity_from_mail),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_writer_markdown),
        cmocka_unit_test(test_writer_html),
        cmocka_unit_test(test_writer_data),
        cmocka_unit_test(test_explain_dnc),
        cmocka_unit_test(test_explain_chart),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
