/*
 * test_whatif.c: the what-if search against brute force (every single
 * and every pair of candidate changes, fully re-evaluated) over the
 * library, the article's scenarios and cases generated from them, and
 * the incremental search against full re-evaluation on the same cases
 * (which also tries the candidates the incremental search merges with an
 * earlier-ranked one: the entries kept must be the same).
 * LK_TEST_WHATIF_CASES sets the number of generated cases (default 300).
 */
#include "alloc.h"
#include "assess.h"
#include "helpers.h"

static lk_law *law;

static int setup(void **state)
{
    (void)state;
    law = test_law(NULL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    lk_law_free(law);
    return 0;
}

/* A small deterministic generator (xorshift64*), fixed seed. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static unsigned rng_next(unsigned n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (unsigned)((rng_state * 0x2545f4914f6cdd1dull) >> 33) % n;
}

/* Per lens (bit l for the l-th lens of the law), the verdict codes
 * other than the present one reached by applying changes "ch". */
typedef struct {
    int lens[LK_MAX_LENSES];
    int nlens;
    uint64_t reach[LK_MAX_LENSES];
} reach_set;

static void reach_lenses(reach_set *r)
{
    int t;
    memset(r, 0, sizeof(*r));
    for (t = 0; t < law->ntargets && r->nlens < LK_MAX_LENSES; t++)
        if (law->targets[t].kind == LK_TK_LENS)
            r->lens[r->nlens++] = t;
}

/* Evaluate "a"'s facts with the "n" changes "ch" in full; note in "r"
 * every lens verdict that differs from the present one. */
static void brute_try(const lk_assessment *a, lk_eval *ev,
                      const lk_change *ch, int n, reach_set *r)
{
    lk_facts f = a->facts;
    int k, l;
    for (k = 0; k < n; k++)
        f.f[ch[k].fact] = ch[k].to;
    lk_law__derive(law, &f);
    lk_eval__run(ev, law, &f);
    for (l = 0; l < r->nlens; l++) {
        int now = lk_assess__vcode(a->ev.t[r->lens[l]].possible);
        int v = lk_assess__vcode(ev->t[r->lens[l]].possible);
        if (v != now)
            r->reach[l] |= (uint64_t)1 << v;
    }
}

/* Brute force over every single and every pair of different facts. */
static void brute_force(const lk_assessment *a, reach_set *r)
{
    lk_change *cand = NULL, pair[2];
    lk_error err;
    lk_eval ev;
    int n = 0, i, j;
    reach_lenses(r);
    assert_int_equal(lk_eval__init(&ev, law, &err), 0);
    assert_int_equal(lk_assess__candidates(&a->facts, &cand, &n, &err), 0);
    for (i = 0; i < n; i++) {
        brute_try(a, &ev, &cand[i], 1, r);
        for (j = i + 1; j < n; j++) {
            if (cand[i].fact == cand[j].fact)
                continue;
            pair[0] = cand[i];
            pair[1] = cand[j];
            brute_try(a, &ev, pair, 2, r);
        }
    }
    lk_free(cand);
    lk_eval__dispose(&ev);
}

/* 1 if what-if entries "x" and "y" are the same, field by field. */
static int same_whatif(const lk_whatif *x, const lk_whatif *y)
{
    int k;
    if (x->lens != y->lens || x->possible != y->possible || x->n != y->n ||
        x->fills != y->fills)
        return 0;
    for (k = 0; k < x->n; k++)
        if (x->ch[k].fact != y->ch[k].fact ||
            x->ch[k].to.known != y->ch[k].to.known ||
            x->ch[k].to.partial != y->ch[k].to.partial ||
            x->ch[k].to.disputed != y->ch[k].to.disputed ||
            x->ch[k].to.v != y->ch[k].to.v ||
            x->ch[k].to.mask != y->ch[k].to.mask)
            return 0;
    return 1;
}

/* Run the search on "a" re-evaluating every target for every change and
 * trying every candidate, then the incremental search (pairs re-decide
 * only what they can change; candidates alike an earlier-ranked one of
 * their fact are not tried): the entries kept and the count of those left
 * out must be the same. */
static void check_incremental(lk_assessment *a, const char *name)
{
    lk_whatif *full;
    lk_error err;
    size_t i, n, more;
    assert_int_equal(lk_assess__whatif(a, 5, 1, &err), 0);
    n = a->nwi;
    more = a->wi_more;
    full = a->wi;
    a->wi = NULL;
    assert_int_equal(lk_assess__whatif(a, 5, 0, &err), 0);
    if (a->nwi != n || a->wi_more != more)
        fail_msg("%s: %zu entries (%zu more) in full, %zu (%zu) incremental",
                 name, n, more, a->nwi, a->wi_more);
    for (i = 0; i < n; i++)
        if (!same_whatif(&full[i], &a->wi[i]))
            fail_msg("%s: entry %zu differs from full evaluation", name, i);
    lk_free(full);
}

/* Run the search on "a" and compare its (lens, verdict) pairs with brute
 * force; "none" (no entry at all) must mean brute force found none. */
static int check_search(lk_assessment *a, const char *name)
{
    reach_set brute, found;
    size_t i;
    int l, any = 0;
    check_incremental(a, name);
    brute_force(a, &brute);
    reach_lenses(&found);
    for (i = 0; i < a->nwi; i++)
        for (l = 0; l < found.nlens; l++)
            if (found.lens[l] == a->wi[i].lens)
                found.reach[l] |= (uint64_t)1
                                  << lk_assess__vcode(a->wi[i].possible);
    for (l = 0; l < brute.nlens; l++) {
        if (found.reach[l] != brute.reach[l])
            fail_msg("%s: lens %s reaches %#llx by brute force, the search "
                     "%#llx",
                     name, law->targets[brute.lens[l]].id,
                     (unsigned long long)brute.reach[l],
                     (unsigned long long)found.reach[l]);
        any |= brute.reach[l] != 0;
    }
    assert_int_equal(a->nwi == 0, !any);
    return any;
}

/* Load every case of "dir" (relative to the resources when "res"). */
static lk_library *load_dir(const char *rel, int res)
{
    char dir[512];
    lk_library *lib = NULL;
    lk_error err;
    if (res)
        test_res(dir, sizeof(dir), rel);
    else
        snprintf(dir, sizeof(dir), "%s/%s", test_data(), rel);
    assert_int_equal(lk_library_load(&lib, law, dir, &err), 0);
    return lib;
}

/* Set the facts of "a" to "f" (base facts) and evaluate them again. */
static void reassess(lk_assessment *a, const lk_facts *f)
{
    a->facts = *f;
    lk_law__derive(law, &a->facts);
    lk_eval__run(&a->ev, law, &a->facts);
}

/* Perturb the base facts "f": each fact, with probability 1/3, becomes
 * unknown or takes one of its candidate values. */
static void perturb(lk_facts *f)
{
    lk_change *cand = NULL;
    lk_error err;
    int n = 0, id, k, m;
    assert_int_equal(lk_assess__candidates(f, &cand, &n, &err), 0);
    for (id = 0; id < LK_FACT_FIRST_DERIVED; id++) {
        if (rng_next(3) != 0)
            continue;
        for (k = 0, m = 0; k < n; k++)
            m += cand[k].fact == id;
        if (m == 0 || rng_next(4) == 0) {
            memset(&f->f[id], 0, sizeof(f->f[id]));
            continue;
        }
        m = (int)rng_next((unsigned)m);
        for (k = 0; k < n; k++)
            if (cand[k].fact == id && m-- == 0)
                f->f[id] = cand[k].to;
    }
    lk_free(cand);
}

static void test_whatif_equals_brute_force(void **state)
{
    lk_library *libs[2];
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    lk_error err;
    size_t i, total = 0, n;
    int d, g, none = 0;
    int ngen = (int)strtol(test_env("LK_TEST_WHATIF_CASES", "300"), NULL, 10);
    (void)state;
    libs[0] = load_dir("cases", 0);
    libs[1] = load_dir("cases/article", 1);
    opts.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    for (d = 0; d < 2; d++) {
        for (i = 0; i < lk_library_count(libs[d]); i++, total++) {
            lk_assessment *a;
            assert_int_equal(lk_assess(&a, law, lk_library_case(libs[d], i),
                                       &opts, &err),
                             0);
            none += !check_search(a, lk_case_id(a->c));
            lk_assessment_free(a);
        }
    }
    n = lk_library_count(libs[0]) + lk_library_count(libs[1]);
    for (g = 0; g < ngen; g++, total++) {
        size_t k = rng_next((unsigned)n);
        const lk_case *c = k < lk_library_count(libs[0])
                               ? lk_library_case(libs[0], k)
                               : lk_library_case(libs[1],
                                                 k - lk_library_count(libs[0]));
        lk_assessment *a;
        lk_facts f;
        char name[64];
        assert_int_equal(lk_assess(&a, law, c, &opts, &err), 0);
        f = a->facts;
        perturb(&f);
        reassess(a, &f);
        snprintf(name, sizeof(name), "generated %d (from %s)", g,
                 lk_case_id(c));
        none += !check_search(a, name);
        lk_assessment_free(a);
    }
    print_message("what-if equals brute force on %zu cases (%d with no "
                  "change of one or two facts changing a verdict)\n",
                  total, none);
    lk_library_free(libs[0]);
    lk_library_free(libs[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whatif_equals_brute_force),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
