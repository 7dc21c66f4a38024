/*
 * cmd_cases_check.c: "leaklaw cases check": assess every case of the
 * library and compare each lens's verdict with the one the case file
 * expects. Exit 1 when any case differs or states no expectation, so
 * that a change of rule that moves a library verdict cannot pass
 * unnoticed (make test runs it).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "jsonw.h"

static const char check_help[] =
    "Usage: leaklaw cases check [--format text|json] [--data DIR]\n"
    "\n"
    "Assess every case of the library (DIR/cases) and compare each lens's\n"
    "verdict with the case's \"expected\" verdict. Lists each case that\n"
    "differs, with the lens, the expected and the assessed verdict, and\n"
    "each case that states no expected verdicts.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (default) or json\n"
    "      --data DIR      data directory whose cases/ is the library\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 every case as expected, 1 a case differs or states\n"
    "no expected verdicts (or a runtime error), 2 usage error.\n";

/* Parse the options of "cases check"; -1 after --help, else a status. */
static int check_parse(int argc, char **argv, const char **format)
{
    int status = cli_format_options(argc, argv, "cases check", check_help,
                                    format);
    if (status == 0 && optind < argc)
        return cli_usage("cases check", "unexpected argument '%s'",
                         argv[optind]);
    return status;
}

/* Number of lenses of assessment "a" whose verdict differs from the
 * expected one. */
static size_t check_differences(const lk_assessment *a)
{
    size_t i, n = 0, count = lk_explain_expected_count(a);
    lk_expected_view v;
    for (i = 0; i < count; i++) {
        lk_explain_expected(a, i, &v);
        n += !v.matches;
    }
    return n;
}

/* One case as text: nothing when it matches. */
static void check_text_case(lk_buf *b, const lk_assessment *a)
{
    size_t i, count = lk_explain_expected_count(a);
    const char *id = lk_case_id(lk_assessment_case(a));
    lk_expected_view v;
    if (count == 0) {
        lk_buf_printf(b, "%s: states no expected verdicts\n", id);
        return;
    }
    for (i = 0; i < count; i++) {
        lk_explain_expected(a, i, &v);
        if (!v.matches)
            lk_buf_printf(b, "%s: %s: expected %s, assessed %s\n", id,
                          v.lens, v.expected, v.got);
    }
}

/* Append JSON string "s" to "b". */
static void check_str(lk_buf *b, const char *s)
{
    lk_jsonw_str(b, s, strlen(s));
}

/* One case as a JSON object. */
static void check_json_case(lk_buf *b, const lk_assessment *a)
{
    size_t i, count = lk_explain_expected_count(a);
    lk_expected_view v;
    lk_buf_puts(b, "{\"case\": ");
    check_str(b, lk_case_id(lk_assessment_case(a)));
    lk_buf_printf(b, ", \"matches\": %s, \"lenses\": [",
                  count && !check_differences(a) ? "true" : "false");
    for (i = 0; i < count; i++) {
        lk_explain_expected(a, i, &v);
        lk_buf_puts(b, i ? ", {\"lens\": " : "{\"lens\": ");
        check_str(b, v.lens);
        lk_buf_puts(b, ", \"expected\": ");
        check_str(b, v.expected);
        lk_buf_puts(b, ", \"verdict\": ");
        check_str(b, v.got);
        lk_buf_printf(b, ", \"matches\": %s}", v.matches ? "true" : "false");
    }
    lk_buf_puts(b, "]}");
}

/* The report of the whole library in "b"; the number of failing cases. */
static size_t check_report(lk_buf *b, const lk_library *lib, int json)
{
    size_t i, n = lk_library_count(lib), bad = 0;
    if (json)
        lk_buf_puts(b, "{\n  \"format\": \"leaklaw/cases-check/1\",\n"
                       "  \"cases\": [");
    for (i = 0; i < n; i++) {
        const lk_assessment *a = lk_library_assessment(lib, i);
        int fails = !lk_explain_expected_count(a) || check_differences(a);
        bad += fails;
        if (json) {
            lk_buf_puts(b, i ? ",\n    " : "\n    ");
            check_json_case(b, a);
        } else if (fails) {
            check_text_case(b, a);
        }
    }
    if (json)
        lk_buf_printf(b, "\n  ],\n  \"total\": %zu,\n  \"differ\": %zu\n}\n",
                      n, bad);
    else
        lk_buf_printf(b, "%zu cases, %zu as expected, %zu differ\n", n,
                      n - bad, bad);
    return bad;
}

int cmd_cases_check(int argc, char **argv)
{
    const char *format = "text";
    lk_law *law = NULL;
    lk_library *lib = NULL;
    lk_error err;
    lk_buf b;
    size_t bad;
    int status = check_parse(argc, argv, &format);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    status = cli_law_library(&law, &lib);
    if (status != 0)
        goto out;
    lk_buf_init(&b, 0);
    bad = check_report(&b, lib, !strcmp(format, "json"));
    if (b.error == 0) {
        fwrite(b.ptr, 1, b.len, stdout);
        status = bad ? LK_EXIT_RUNTIME : LK_EXIT_OK;
    } else {
        lk_error_clear(&err);
        if (b.error == LK_ENOMEM)
            lk_error_set_oom(&err);
        else
            lk_error_set(&err, b.error, "cannot format the check");
        cli_error(&err);
        status = cli_exit(b.error);
    }
    lk_buf_dispose(&b);
out:
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
