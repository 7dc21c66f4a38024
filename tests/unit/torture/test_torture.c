/*
 * test_torture.c: allocation failures (LK_DEBUG_ALLOC builds only). Load
 * the law, a case, assess and render, failing the Nth allocation for every
 * N until the whole run succeeds: every failure must come back as an error
 * (never a crash), and the sanitizers check that nothing leaks.
 */
#include "alloc.h"
#include "helpers.h"

static int attempt(const char *case_path)
{
    lk_law *law = NULL;
    lk_case *c = NULL;
    lk_assessment *a = NULL;
    char *text = NULL;
    lk_error err;
    int rc;
    rc = lk_law_load(&law, test_data(), NULL, &err);
    if (rc == 0)
        rc = lk_case_load(&c, case_path, NULL, NULL, &err);
    if (rc == 0)
        rc = lk_assess(&a, law, c, NULL, &err);
    if (rc == 0)
        rc = lk_report_render(&text, NULL, a, LK_REPORT_MD, 0, &err);
    lk_report_free(text);
    lk_assessment_free(a);
    lk_case_free(c);
    lk_law_free(law);
    return rc;
}

static void test_every_allocation_fails_cleanly(void **state)
{
    char path[512];
    unsigned long n, total, step;
    int rc;
    (void)state;
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", test_data());
    lk_alloc__fail_after(0);
    assert_int_equal(attempt(path), 0);
    total = lk_alloc__fail_after(0);
    assert_true(total > 100);
    /* every allocation for the first thousand, then a spread sample */
    for (n = 1; n <= total; n += step) {
        step = n < 1000 ? 1 : total / 500 + 1;
        lk_alloc__fail_after(n);
        rc = attempt(path);
        lk_alloc__fail_after(0);
        if (rc != 0 && rc != LK_ENOMEM && rc != LK_EINVALID)
            fail_msg("allocation %lu: status %d", n, rc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_allocation_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
