/*
 * test_torture.c: allocation failures (LK_DEBUG_ALLOC builds only). Each
 * scenario runs through the public API, failing the Nth allocation for
 * every N until the whole run succeeds: loading the law, a case and a
 * library, assessing and rendering every report format; a mail run with
 * every record and summary format. Every failure must come back as
 * LK_ENOMEM (never as bad input, never a crash), and the sanitizers check
 * that nothing leaks.
 */
#include "alloc.h"
#include "helpers.h"

#define TORTURE_EVERY 1000 /* fail every allocation up to this one */
#define TORTURE_SAMPLES 500 /* then about this many more, spread evenly */

/* The error of the last failed attempt, for the failure message. */
static char torture_why[LK_ERROR_MESSAGE_MAX + 600];

static void torture_note(const lk_error *err)
{
    lk_error_format(err, torture_why, sizeof(torture_why));
}

/* One scenario: 0 on success, else the status of the first failure. */
typedef int (*torture_fn)(const void *arg);

/* The report formats rendered by the assessment scenario. */
static const struct {
    lk_report_format format;
    unsigned flags;
} torture_formats[] = {
    {LK_REPORT_JSON, 0},
    {LK_REPORT_JSON, LK_REPORT_COMPACT},
    {LK_REPORT_MD, 0},
    {LK_REPORT_HTML, 0},
};

/* Render "a" in every format. */
static int torture_render(const lk_assessment *a, lk_error *err)
{
    size_t f;
    int rc = 0;
    for (f = 0; rc == 0 && f < sizeof(torture_formats) /
                                   sizeof(torture_formats[0]);
         f++) {
        char *text = NULL;
        rc = lk_report_render(&text, NULL, a, torture_formats[f].format,
                              torture_formats[f].flags, err);
        lk_report_free(text);
    }
    return rc;
}

/* Law, the article's scenarios as a library, one case (path "arg"),
 * its assessment with precedents, every report format. */
static int torture_assess(const void *arg)
{
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    lk_law *law = NULL;
    lk_library *lib = NULL;
    lk_case *c = NULL;
    lk_assessment *a = NULL;
    char dir[512];
    lk_error err;
    int rc;
    lk_error_clear(&err);
    rc = lk_law_load(&law, test_data(), NULL, &err);
    if (rc == 0)
        rc = lk_library_load(&lib, law,
                             test_res(dir, sizeof(dir), "cases/article"),
                             &err);
    if (rc == 0)
        rc = lk_case_load(&c, arg, NULL, NULL, &err);
    opts.library = lib;
    if (rc == 0)
        rc = lk_assess(&a, law, c, &opts, &err);
    if (rc == 0)
        rc = torture_render(a, &err);
    torture_note(&err);
    lk_assessment_free(a);
    lk_case_free(c);
    lk_library_free(lib);
    lk_law_free(law);
    return rc;
}

static int torture_discard(const char *rec, size_t len, void *payload)
{
    (void)rec;
    (void)len;
    (void)payload;
    return 0;
}

/* A mail run over a signed message and an mbox, records in format "arg"
 * (an lk_mail_record_format), then every summary format. */
static int torture_mail(const void *arg)
{
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_keys *ks = NULL;
    lk_mail_run *run = NULL;
    char path[512];
    lk_error err;
    int rc, f;
    lk_error_clear(&err);
    rc = lk_mail_keys_load(
        &ks, test_res(path, sizeof(path), "mail/keys/rfc8463.keys"), &err);
    o.keys = ks;
    o.at = 1528588800; /* 2018-06-10, within the keys' validity */
    o.record_format = *(const lk_mail_record_format *)arg;
    o.on_record = torture_discard;
    if (rc == 0)
        rc = lk_mail_run_new(&run, &o, &err);
    if (rc == 0)
        rc = lk_mail_run_add_path(
            run, test_res(path, sizeof(path), "mail/mailauth/signed.eml"),
            &err);
    if (rc == 0)
        rc = lk_mail_run_add_path(
            run, test_res(path, sizeof(path), "mail/dkimpy/message.mbox"),
            &err);
    for (f = 0; rc == 0 && f <= LK_MAIL_SUMMARY_EVIDENCE; f++) {
        char *text = NULL;
        rc = lk_mail_run_render(&text, NULL, run, (lk_mail_summary_format)f,
                                &err);
        lk_mail_text_free(text);
    }
    torture_note(&err);
    lk_mail_run_free(run);
    lk_mail_keys_free(ks);
    return rc;
}

/* Run "fn" once to count its allocations, then with each of them failing
 * in turn (every one up to TORTURE_EVERY, then a spread sample). */
static void torture_run(torture_fn fn, const void *arg, const char *what)
{
    unsigned long n, total, step;
    int rc;
    lk_alloc__fail_after(0);
    assert_int_equal(fn(arg), 0);
    total = lk_alloc__fail_after(0);
    assert_true(total > 10);
    for (n = 1; n <= total; n += step) {
        step = n < TORTURE_EVERY ? 1 : total / TORTURE_SAMPLES + 1;
        lk_alloc__fail_after(n);
        rc = fn(arg);
        lk_alloc__fail_after(0);
        if (rc != 0 && rc != LK_ENOMEM)
            fail_msg("%s: allocation %lu of %lu: status %d: %s", what, n,
                     total, rc, torture_why);
    }
}

static void test_assess_fails_cleanly(void **state)
{
    char path[512];
    (void)state;
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", test_data());
    torture_run(torture_assess, path, "assess dnc-2016");
}

static void test_assess_yaml_fails_cleanly(void **state)
{
    char path[512];
    (void)state;
    torture_run(torture_assess,
                test_res(path, sizeof(path), "cases/partial.yaml"),
                "assess partial.yaml");
}

static void test_mail_fails_cleanly(void **state)
{
    static const lk_mail_record_format formats[] = {LK_MAIL_RECORD_JSONL,
                                                    LK_MAIL_RECORD_CSV};
    (void)state;
    torture_run(torture_mail, &formats[0], "mail jsonl");
    torture_run(torture_mail, &formats[1], "mail csv");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assess_fails_cleanly),
        cmocka_unit_test(test_assess_yaml_fails_cleanly),
        cmocka_unit_test(test_mail_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
