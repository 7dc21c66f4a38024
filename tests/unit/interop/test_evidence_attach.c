/*
 * test_evidence_attach.c: lk_evidence_attach_mail adds a run's summary to
 * a case's evidence[], keeps the case's member order and other items,
 * replaces the item of a rerun with the same reference, and refuses text
 * that is not a JSON case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "alloc.h"
#include "leaklaw/evidence.h"

static const char case_text[] =
    "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", \"evidence\": ["
    "{\"kind\": \"document\", \"ref\": \"memo.pdf\"}]}";

/* A finished run over one unsigned message. */
static lk_mail_run *run_one(void)
{
    static const char msg[] = "From: a@example.com\r\nSubject: x\r\n\r\nhi\r\n";
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_run *run = NULL;
    lk_error err;
    o.at = 1700000000;
    assert_int_equal(lk_mail_run_new(&run, &o, &err), 0);
    assert_int_equal(lk_mail_run_add_buffer(run, "m.eml", msg,
                                            sizeof(msg) - 1, &err),
                     0);
    return run;
}

/* The evidence array of case text "text" (owned by the returned root). */
static json_t *evidence_of(const char *text, json_t **root)
{
    json_error_t jerr;
    *root = json_loads(text, 0, &jerr);
    assert_non_null(*root);
    return json_object_get(*root, "evidence");
}

static void test_attach_adds_item(void **state)
{
    lk_mail_run *run = run_one();
    char *out = NULL;
    size_t len = 0;
    json_t *root, *ev, *item, *summary;
    lk_error err;
    (void)state;
    assert_int_equal(lk_evidence_attach_mail(&out, &len, "t.json",
                                             case_text, strlen(case_text),
                                             run, "leaklaw mail verify m",
                                             NULL, NULL, &err),
                     0);
    assert_int_equal(len, strlen(out));
    assert_int_equal(out[len - 1], '\n');
    /* members keep their order; two-space indentation */
    assert_non_null(strstr(out, "{\n  \"format\": \"leaklaw/case/1\",\n"
                                "  \"id\": \"t\",\n  \"evidence\": ["));
    ev = evidence_of(out, &root);
    assert_int_equal(json_array_size(ev), 2);
    item = json_array_get(ev, 1);
    assert_string_equal(json_string_value(json_object_get(item, "kind")),
                        "mail-verification");
    assert_string_equal(json_string_value(json_object_get(item, "ref")),
                        "leaklaw mail verify m");
    summary = json_object_get(item, "summary");
    assert_string_equal(json_string_value(json_object_get(summary,
                                                          "format")),
                        "leaklaw/mail-summary/1");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(summary, "verdicts"), "unsigned")),
                     1);
    json_decref(root);
    lk_evidence_free(out);
    lk_mail_run_free(run);
}

static void test_attach_rerun_replaces(void **state)
{
    lk_mail_run *run = run_one();
    char *once = NULL, *twice = NULL, *other = NULL;
    size_t n1 = 0, n2 = 0, n3 = 0;
    json_t *root;
    lk_error err;
    (void)state;
    assert_int_equal(lk_evidence_attach_mail(&once, &n1, "t.json", case_text,
                                             strlen(case_text), run, "r1",
                                             NULL, NULL, &err),
                     0);
    assert_int_equal(lk_evidence_attach_mail(&twice, &n2, "t.json", once, n1,
                                             run, "r1", NULL, NULL, &err),
                     0);
    assert_int_equal(n1, n2);
    assert_memory_equal(once, twice, n1); /* same ref: replaced in place */
    assert_int_equal(lk_evidence_attach_mail(&other, &n3, "t.json", twice,
                                             n2, run, "r2", NULL, NULL,
                                             &err),
                     0);
    assert_int_equal(json_array_size(evidence_of(other, &root)), 3);
    json_decref(root);
    lk_evidence_free(once);
    lk_evidence_free(twice);
    lk_evidence_free(other);
    lk_mail_run_free(run);
}

/* Counts diagnostics. */
static void count_diag(const lk_error *diag, void *payload)
{
    (void)diag;
    (*(int *)payload)++;
}

static void test_attach_rejects_bad_case(void **state)
{
    lk_mail_run *run = run_one();
    char *out = NULL;
    lk_error err;
    int diags = 0;
    static const char yaml[] = "format: leaklaw/case/1\n";
    static const char array[] = "[1]";
    static const char bad[] = "{\"format\": \"leaklaw/case/1\", "
                              "\"id\": \"t\", \"no-such-member\": 1}";
    (void)state;
    assert_int_equal(lk_evidence_attach_mail(&out, NULL, "t.json", yaml,
                                             strlen(yaml), run, "r", NULL,
                                             NULL, &err),
                     LK_EINVALID);
    assert_int_equal(lk_evidence_attach_mail(&out, NULL, "t.json", array,
                                             strlen(array), run, "r", NULL,
                                             NULL, &err),
                     LK_EINVALID);
    assert_int_equal(lk_evidence_attach_mail(&out, NULL, "t.json", bad,
                                             strlen(bad), run, "r",
                                             count_diag, &diags, &err),
                     LK_EINVALID);
    assert_true(diags > 0);
    assert_null(out);
    lk_mail_run_free(run);
}

/* test_stix_out.c */
void test_stix_timestamp(void **state);
void test_stix_dnc(void **state);
void test_stix_in(void **state); /* test_stix_in.c */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attach_adds_item),
        cmocka_unit_test(test_attach_rerun_replaces),
        cmocka_unit_test(test_attach_rejects_bad_case),
        cmocka_unit_test(test_stix_timestamp),
        cmocka_unit_test(test_stix_dnc),
        cmocka_unit_test(test_stix_in),
    };
    lk_alloc__init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
