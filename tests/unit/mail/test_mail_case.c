/*
 * test_mail_case.c: a case's "mail-verification" evidence decides
 * /disclosure/authenticity when the case leaves it unknown, and only then:
 * authentic when every message verifies in full; failures alone never
 * make it altered or mixed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"

#include "case.h"
#include "facts.h"
#include "helpers.h"
#include "law.h"

/* Diagnostics lk_law_check_case reported. */
static void count_diag(const lk_error *d, void *payload)
{
    (void)d;
    ++*(int *)payload;
}

/* The authenticity fact of the case "text", and in "*diags" (when not
 * NULL) the diagnostics the law's check of the case reports. */
static const char *authenticity_of(const char *text, int *diags)
{
    static char out[32];
    lk_case *c = NULL;
    lk_law *law = test_law(NULL);
    lk_facts f;
    lk_error err;
    assert_int_equal(lk_case_parse(&c, "t.json", text, strlen(text), NULL,
                                   NULL, &err),
                     0);
    if (diags != NULL) {
        *diags = 0;
        (void)lk_law_check_case(law, c, count_diag, diags, &err);
    }
    lk_case__base_facts(c, &f);
    lk_law__evidence_facts(law, lk_case__json(c), &f);
    lk_facts__format(&f, LK_F_DISC_AUTHENTICITY, out, sizeof(out));
    lk_case_free(c);
    lk_law_free(law);
    return out;
}

/* The authenticity fact of a case whose evidence has these verdicts. */
static const char *authenticity(const char *verdicts, const char *stated)
{
    char text[1024];
    snprintf(text, sizeof(text),
             "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", "
             "%s%s%s"
             "\"evidence\": [{\"kind\": \"mail-verification\", "
             "\"ref\": \"leaklaw mail verify x.mbox\", "
             "\"summary\": {\"verdicts\": {%s}}}]}",
             stated ? "\"disclosure\": {\"authenticity\": \"" : "",
             stated ? stated : "", stated ? "\"}, " : "", verdicts);
    return authenticity_of(text, NULL);
}

void test_mail_case_authenticity(void **state);
void test_mail_case_authenticity(void **state)
{
    (void)state;
    /* authentic only when every message verifies in full, at least one */
    assert_string_equal(authenticity("\"verified\": 10", NULL), "authentic");
    assert_string_equal(authenticity("\"verified\": 1", NULL), "authentic");
    assert_string_equal(
        authenticity("\"verified\": 1, \"verified-partial\": 0, "
                     "\"altered\": 0, \"unverifiable\": 0, "
                     "\"unsigned\": 0",
                     NULL),
        "authentic");
    /* no message at all proves nothing */
    assert_string_equal(authenticity("\"verified\": 0", NULL), "unknown");
    /* one message short of every one: not authentic (the edges) */
    assert_string_equal(
        authenticity("\"verified\": 999, \"altered\": 1", NULL), "unknown");
    assert_string_equal(
        authenticity("\"verified\": 999, \"verified-partial\": 1", NULL),
        "unknown");
    assert_string_equal(
        authenticity("\"verified\": 999, \"unverifiable\": 1", NULL),
        "unknown");
    assert_string_equal(
        authenticity("\"verified\": 5, \"unsigned\": 1", NULL), "unknown");
    /* failures alone never make the material altered or mixed: a failed
     * signature can have innocent causes (relays, list footers) */
    assert_string_equal(authenticity("\"altered\": 3", NULL), "unknown");
    assert_string_equal(
        authenticity("\"altered\": 3, \"unverifiable\": 5", NULL),
        "unknown");
    assert_string_equal(
        authenticity("\"verified-partial\": 1, \"altered\": 2", NULL),
        "unknown");
    /* unverifiable = unknown, not fake */
    assert_string_equal(authenticity("\"unverifiable\": 5", NULL),
                        "unknown");
    /* what the case states is never overridden */
    assert_string_equal(authenticity("\"altered\": 3", "authentic"),
                        "authentic");
    assert_string_equal(authenticity("\"verified\": 3", "altered"),
                        "altered");
}

/* The rule that read the evidence, and its value, for these verdicts. */
static void rule_of(const char *verdicts, char id[32], int *value)
{
    char text[1024];
    lk_case *c = NULL;
    lk_law *law = test_law(NULL);
    const lk_evidence_rule *r;
    size_t item = 99;
    lk_error err;
    snprintf(text, sizeof(text),
             "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", "
             "\"evidence\": [{\"kind\": \"other\", \"ref\": \"x\"}, "
             "{\"kind\": \"mail-verification\", \"ref\": \"x\", "
             "\"summary\": {\"verdicts\": {%s}}}]}",
             verdicts);
    assert_int_equal(lk_case_parse(&c, "t.json", text, strlen(text), NULL,
                                   NULL, &err),
                     0);
    r = lk_law__evidence_rule(law, lk_case__json(c), LK_F_DISC_AUTHENTICITY,
                              &item);
    assert_non_null(r);
    assert_int_equal(item, 1);
    snprintf(id, 32, "%s", r->id);
    *value = r->value;
    assert_true(strlen(r->text) > 0);
    lk_case_free(c);
    lk_law_free(law);
}

/* Every reading of the evidence comes with the law's text saying what it
 * shows: the value, or why the fact stays unknown. */
void test_mail_case_rules(void **state);
void test_mail_case_rules(void **state)
{
    char id[32];
    int value;
    (void)state;
    rule_of("\"verified\": 4", id, &value);
    assert_string_equal(id, "mail-authentic");
    assert_true(value >= 0);
    rule_of("\"verified\": 4, \"altered\": 1", id, &value);
    assert_string_equal(id, "mail-failures");
    assert_int_equal(value, -1);
    rule_of("\"verified\": 4, \"unsigned\": 1", id, &value);
    assert_string_equal(id, "mail-incomplete");
    assert_int_equal(value, -1);
}

/* The authenticity fact of a case whose evidence is the items "items" (a
 * JSON array's members), and in "*diags" the diagnostics the law's check
 * of the case reports. */
static const char *authenticity_items(const char *items, int *diags)
{
    char text[1024];
    snprintf(text, sizeof(text),
             "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", "
             "\"evidence\": [%s]}",
             items);
    return authenticity_of(text, diags);
}

/* A count that is not one (negative, beyond 10^15, not an integer) is
 * rejected by the law's check of the case, and never decides the fact:
 * summed, a negative count cancelled an altered one, and two huge ones
 * wrapped around to 0, making altered mail "authentic". */
void test_mail_case_bad_counts(void **state);
void test_mail_case_bad_counts(void **state)
{
#define ITEM "{\"kind\": \"mail-verification\", \"summary\": {\"verdicts\": "
    static const struct {
        const char *items; /* the evidence items */
        const char *value; /* the authenticity they give */
        int diags;         /* the counts the check rejects */
    } cases[] = {
        /* counts that are counts, up to the limit, are summed */
        {ITEM "{\"verified\": 3}}}, " ITEM "{\"verified\": 1000000000000000}}}",
         "authentic", 0},
        {ITEM "{\"verified\": 3, \"altered\": 2}}}, " ITEM
              "{\"altered\": -2}}}",
         "unknown", 1},
        {ITEM "{\"verified\": 3, \"altered\": 9223372036854775807}}}, " ITEM
              "{\"altered\": 9223372036854775807}}}, " ITEM
              "{\"altered\": 2}}}",
         "unknown", 2},
        {ITEM "{\"verified\": 3, \"altered\": \"2\"}}}, " ITEM
              "{\"unsigned\": 1.5, \"verified-partial\": null}}}",
         "unknown", 3},
        {ITEM "{\"verified\": 1000000000000001}}}", "unknown", 1},
        /* even one no rule reads: the material is not shown authentic by
         * evidence that is not what it should be */
        {ITEM "{\"verified\": 3, \"other\": -1}}}", "unknown", 1},
    };
#undef ITEM
    size_t i;
    int diags;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_string_equal(authenticity_items(cases[i].items, &diags),
                            cases[i].value);
        assert_int_equal(diags, cases[i].diags);
    }
}
