/*
 * test_precedent.c: precedents compare what both cases know. Unknown is
 * never agreement; across sparse generated cases no library case is the
 * nearest precedent of most of them; the leave-one-out statistics.
 */
#include "alloc.h"
#include "assess.h"
#include "helpers.h"

#define SPARSE_CASES 200

static lk_law *law;
static lk_library *lib;

static int setup(void **state)
{
    char dir[512];
    lk_error err;
    (void)state;
    law = test_law(NULL);
    snprintf(dir, sizeof(dir), "%s/cases", test_data());
    if (lk_library_load(&lib, law, dir, &err) < 0)
        fail_msg("library: %s", err.message);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    lk_library_free(lib);
    lk_law_free(law);
    return 0;
}

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static unsigned rng_next(unsigned n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (unsigned)((rng_state * 0x2545f4914f6cdd1dull) >> 33) % n;
}

/* An assessment of a case outside the library, to be given facts. */
static lk_assessment *blank(lk_case **c)
{
    char path[512];
    lk_error err;
    lk_assessment *a;
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    opts.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    *c = test_case_file(test_res(path, sizeof(path), "cases/partial.yaml"));
    assert_int_equal(lk_assess(&a, law, *c, &opts, &err), 0);
    return a;
}

/* Give "a" the base facts "f" (derived ones recomputed) and evaluate. */
static void reassess(lk_assessment *a, const lk_facts *f)
{
    a->facts = *f;
    lk_law__derive(law, &a->facts);
    lk_eval__run(&a->ev, law, &a->facts);
}

/* Sparse facts: 2 to 5 facts known, each with a random value. */
static void sparse_facts(lk_facts *f)
{
    lk_change *cand = NULL;
    lk_error err;
    int n = 0, k, known = 2 + (int)rng_next(4);
    memset(f, 0, sizeof(*f));
    assert_int_equal(lk_assess__candidates(f, &cand, &n, &err), 0);
    for (k = 0; k < known; k++) {
        const lk_change *c = &cand[rng_next((unsigned)n)];
        f->f[c->fact] = c->to;
    }
    lk_free(cand);
}

static void test_sparse_no_dominant_precedent(void **state)
{
    size_t *top = lk_calloc(lk_library_count(lib), sizeof(size_t));
    size_t i, best = 0;
    lk_case *c;
    lk_assessment *a = blank(&c);
    lk_facts f;
    int g;
    (void)state;
    assert_non_null(top);
    for (g = 0; g < SPARSE_CASES; g++) {
        sparse_facts(&f);
        reassess(a, &f);
        lk_assess__precedents(a, lib);
        assert_true(a->nprec > 0);
        top[a->prec[0].index]++;
    }
    for (i = 0; i < lk_library_count(lib); i++)
        if (top[i] > top[best])
            best = i;
    print_message("sparse cases: %s is the nearest precedent of %zu of %d "
                  "(%.1f%%), the largest share\n",
                  lk_case_id(lk_library_case(lib, best)), top[best],
                  SPARSE_CASES, 100.0 * (double)top[best] / SPARSE_CASES);
    assert_true(top[best] * 2 <= SPARSE_CASES);
    lk_free(top);
    lk_assessment_free(a);
    lk_case_free(c);
}

/* A case that knows nothing agrees with nothing. */
static void test_unknown_is_not_agreement(void **state)
{
    lk_case *c;
    lk_assessment *a = blank(&c);
    lk_facts f;
    int i;
    (void)state;
    memset(&f, 0, sizeof(f));
    reassess(a, &f);
    lk_assess__precedents(a, lib);
    for (i = 0; i < a->nprec; i++) {
        assert_int_equal(a->prec[i].similarity, 0);
        assert_true(a->prec[i].agree == 0);
    }
    lk_assessment_free(a);
    lk_case_free(c);
}

/* A library case is most similar to itself: compared with a library that
 * holds it under another id, it is its own nearest precedent at 100%. */
static void test_agrees_and_differs(void **state)
{
    const lk_assessment *dnc = NULL;
    lk_case *c;
    lk_assessment *a = blank(&c);
    lk_precedent_view pv;
    size_t i, k;
    (void)state;
    for (i = 0; i < lk_library_count(lib); i++)
        if (!strcmp(lk_case_id(lk_library_case(lib, i)), "dnc-2016"))
            dnc = lk_library_assessment(lib, i);
    assert_non_null(dnc);
    reassess(a, &dnc->facts);
    lk_assess__precedents(a, lib);
    lk_explain_precedent(a, 0, &pv);
    assert_string_equal(lk_case_id(pv.c), "dnc-2016");
    assert_int_equal(pv.similarity, 1000);
    assert_int_equal(pv.ndiffers, 0);
    assert_true(pv.nagrees > 0);
    for (k = 0; k < pv.nagrees; k++)
        assert_string_equal(pv.agrees[k].status, pv.agrees[k].precedent);
    for (i = 1; i < (size_t)a->nprec; i++) {
        lk_explain_precedent(a, i, &pv);
        for (k = 0; k < pv.ndiffers; k++)
            assert_string_not_equal(pv.differs[k].status,
                                    pv.differs[k].precedent);
    }
    lk_assessment_free(a);
    lk_case_free(c);
}

static void test_library_stats(void **state)
{
    lk_library_stats st;
    lk_error err;
    size_t i, sum = 0;
    (void)state;
    assert_int_equal(lk_library_stats_init(&st, law, lib, &err), 0);
    assert_int_equal(st.ncases, lk_library_count(lib));
    assert_int_equal(st.compared, st.ncases);
    assert_int_equal(st.nlenses, 3);
    for (i = 0; i < st.ncases; i++) {
        assert_true(st.nearest[i] != i && st.nearest[i] < st.ncases);
        sum += st.chosen[i];
    }
    assert_int_equal(sum, st.compared);
    for (i = 0; i < st.nlenses; i++)
        assert_true(st.agree[i] <= st.compared);
    lk_library_stats_dispose(&st);
    lk_library_stats_dispose(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sparse_no_dominant_precedent),
        cmocka_unit_test(test_unknown_is_not_agreement),
        cmocka_unit_test(test_agrees_and_differs),
        cmocka_unit_test(test_library_stats),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
