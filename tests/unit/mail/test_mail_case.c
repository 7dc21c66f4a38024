/*
 * test_mail_case.c: a case's "mail-verification" evidence decides
 * /disclosure/authenticity when the case leaves it unknown, and only then.
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

/* The authenticity fact of a case whose evidence has these verdicts. */
static const char *authenticity(const char *verdicts, const char *stated)
{
    static char out[32];
    char text[1024];
    lk_case *c = NULL;
    lk_law *law = test_law(NULL);
    lk_facts f;
    lk_error err;
    snprintf(text, sizeof(text),
             "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", "
             "%s%s%s"
             "\"evidence\": [{\"kind\": \"mail-verification\", "
             "\"ref\": \"leaklaw mail verify x.mbox\", "
             "\"summary\": {\"verdicts\": {%s}}}]}",
             stated ? "\"disclosure\": {\"authenticity\": \"" : "",
             stated ? stated : "", stated ? "\"}, " : "", verdicts);
    assert_int_equal(lk_case_parse(&c, "t.json", text, strlen(text), NULL,
                                   NULL, &err),
                     0);
    lk_case__base_facts(c, &f);
    lk_law__evidence_facts(law, lk_case__json(c), &f);
    lk_facts__format(&f, LK_F_DISC_AUTHENTICITY, out, sizeof(out));
    lk_case_free(c);
    lk_law_free(law);
    return out;
}

void test_mail_case_authenticity(void **state);
void test_mail_case_authenticity(void **state)
{
    (void)state;
    assert_string_equal(authenticity("\"verified\": 10", NULL), "authentic");
    assert_string_equal(authenticity("\"verified\": 9, \"altered\": 1", NULL),
                        "mixed");
    assert_string_equal(
        authenticity("\"verified-partial\": 1, \"altered\": 2", NULL),
        "mixed");
    assert_string_equal(
        authenticity("\"altered\": 3, \"unverifiable\": 5", NULL), "altered");
    /* unverifiable = unknown, not fake; partly unknown is not authentic */
    assert_string_equal(authenticity("\"unverifiable\": 5", NULL),
                        "unknown");
    assert_string_equal(
        authenticity("\"verified\": 5, \"unsigned\": 1", NULL), "unknown");
    assert_string_equal(
        authenticity("\"verified\": 5, \"verified-partial\": 1", NULL),
        "unknown");
    /* what the case states is never overridden */
    assert_string_equal(authenticity("\"altered\": 3", "authentic"),
                        "authentic");
}
