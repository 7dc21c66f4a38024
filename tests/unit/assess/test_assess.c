/*
 * test_assess.c: the seed article's own analysis as tests (issue #2 §5),
 * three-valued evaluation, what-if, precedents and determinism.
 */
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

typedef struct {
    lk_case *c;
    lk_assessment *a;
} run;

static run assess_article(const char *name)
{
    char path[512], rel[128];
    run r;
    lk_error err;
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    snprintf(rel, sizeof(rel), "cases/article/%s.json", name);
    r.c = test_case_file(test_res(path, sizeof(path), rel));
    if (lk_assess(&r.a, law, r.c, &opts, &err) < 0)
        fail_msg("%s", err.message);
    return r;
}

static void run_free(run *r)
{
    lk_assessment_free(r->a);
    lk_case_free(r->c);
}

static void expect(const run *r, const char *classic, const char *i2,
                   const char *ln)
{
    if (classic)
        assert_string_equal(lk_assessment_verdict(r->a, "classic"), classic);
    if (i2)
        assert_string_equal(lk_assessment_verdict(r->a, "intervention2"),
                            i2);
    if (ln)
        assert_string_equal(lk_assessment_verdict(r->a, "leak-norm"), ln);
}

static void expect_status(const run *r, const char *id, const char *status,
                          const char *level)
{
    const char *lvl = NULL;
    assert_string_equal(lk_assessment_status(r->a, id, &lvl), status);
    if (level == NULL)
        assert_null(lvl);
    else
        assert_string_equal(lvl, level);
}

/* DNC 2016: whether releasing authentic hacked material to sway an
 * election is coercion is contested, so the classic lens is an
 * interpretive choice with both readings; the article's tests give a
 * breach (a foreign State organ, intrusive access, intent, a leak made
 * through its own personas). */
static void test_dnc_2016(void **state)
{
    char path[512];
    lk_error err;
    run r;
    (void)state;
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", test_data());
    r.c = test_case_file(path);
    assert_int_equal(lk_assess(&r.a, law, r.c, NULL, &err), 0);
    expect(&r, "undetermined", "breach", "breach");
    expect_status(&r, "coercion", "undetermined", NULL);
    assert_true(lk_assessment_rule_applied(r.a, "coercion-leak-control"));
    assert_true(
        lk_assessment_rule_applied(r.a, "coercion-leak-not-coercive"));
    assert_true(r.a->ev.t[lk_law__target_find(law, "coercion")].conflict[0] >=
                0);
    expect_status(&r, "foreign-state", "met", "foreign");
    expect_status(&r, "intent", "met", "high");
    expect_status(&r, "intrusiveness", "met", "high");
    expect_status(&r, "leak-purpose", "met", "inferred");
    assert_true(lk_assessment_rule_applied(r.a, "intervention2-breach"));
    run_free(&r);
}

static void test_public_information_not_intrusive(void **state)
{
    run r = assess_article("art-public-info");
    (void)state;
    expect_status(&r, "intrusiveness", "not-met", "none");
    expect(&r, NULL, "no-breach", "no-breach");
    assert_true(
        lk_assessment_rule_applied(r.a, "intervention2-public-information"));
    run_free(&r);
}

static void test_intrusive_methods(void **state)
{
    static const char *const names[] = {"art-phishing", "art-brute-force",
                                        "art-insider"};
    size_t i;
    (void)state;
    for (i = 0; i < 3; i++) {
        run r = assess_article(names[i]);
        expect_status(&r, "intrusiveness", "met", "high");
        /* authentic hacked material: coercion is an interpretive choice */
        expect(&r, "undetermined", "breach", "breach");
        run_free(&r);
    }
}

static void test_torture_disclosure_legitimate(void **state)
{
    run r = assess_article("art-torture");
    (void)state;
    expect(&r, NULL, "no-breach", NULL);
    expect_status(&r, "intent", "not-met", "low");
    expect_status(&r, "public-interest", "met", "high");
    assert_true(lk_assessment_rule_applied(
        r.a, "intervention2-legitimate-disclosure"));
    /* the proposed norm is silent on public interest: an open choice */
    assert_string_equal(lk_assessment_verdict(r.a, "leak-norm"),
                        "undetermined");
    run_free(&r);
}

static void test_not_attributable(void **state)
{
    run r = assess_article("art-non-state");
    (void)state;
    expect(&r, "no-breach", "no-breach", "no-breach");
    expect_status(&r, "attribution", "not-met", "private");
    /* the territorial State is known, but not whether it knew of the
     * operation or whether the consequences were serious */
    expect_status(&r, "due-diligence", "undetermined", NULL);
    run_free(&r);
}

static void test_espionage_without_disclosure(void **state)
{
    run r = assess_article("art-espionage");
    (void)state;
    /* nothing was disclosed: the leak lenses do not apply (which is not
     * an exoneration); the classic test finds no coercion */
    expect(&r, "no-breach", "not-applicable", "not-applicable");
    expect_status(&r, "espionage", "raised", NULL);
    run_free(&r);
}

static void test_vote_count_manipulation(void **state)
{
    run r = assess_article("art-vote-count");
    (void)state;
    expect(&r, "breach", NULL, NULL);
    expect_status(&r, "coercion", "met", "control");
    expect_status(&r, "sovereignty", "raised", NULL);
    expect_status(&r, "espionage", "not-raised", NULL);
    run_free(&r);
}

static void test_fabricated_emails(void **state)
{
    run r = assess_article("art-fabricated");
    const lk_assessment *a;
    (void)state;
    a = r.a;
    /* in the intent indicators ... */
    assert_true(lk_assessment_rule_applied(a, "intent-fabrication"));
    /* ... and in the coercion reasoning: both readings apply and disagree */
    assert_true(lk_assessment_rule_applied(a, "coercion-deception"));
    assert_true(
        lk_assessment_rule_applied(a, "coercion-deception-not-coercive"));
    expect_status(&r, "coercion", "undetermined", NULL);
    assert_true(a->ev.t[lk_law__target_find(law, "coercion")].conflict[0] >=
                0);
    expect(&r, "undetermined", "breach", NULL);
    run_free(&r);
}

/* Every case of "dir" with "expected" verdicts gets them. */
static void check_case_expected(const char *dir, size_t min)
{
    lk_library *lib = NULL;
    lk_error err;
    size_t i;
    assert_int_equal(lk_library_load(&lib, law, dir, &err), 0);
    assert_true(lk_library_count(lib) >= min);
    for (i = 0; i < lk_library_count(lib); i++) {
        json_t *exp = json_object_get(
            lk_case__json(lk_library_case(lib, i)), "expected");
        const char *lens;
        json_t *v;
        json_object_foreach(exp, lens, v)
        {
            const char *got;
            if (!strcmp(lens, "why"))
                continue;
            got = lk_assessment_verdict(lk_library_assessment(lib, i), lens);
            if (strcmp(got, json_string_value(v)) != 0)
                fail_msg("%s: %s is %s, expected %s",
                         lk_case_id(lk_library_case(lib, i)), lens, got,
                         json_string_value(v));
        }
    }
    lk_library_free(lib);
}

static void test_library_expected(void **state)
{
    char dir[512];
    (void)state;
    snprintf(dir, sizeof(dir), "%s/cases", test_data());
    check_case_expected(dir, 12);
}

/* The legal principles, one probe case each (tests/resources/cases/
 * principles): intervention is between States; coercion needs a nexus
 * and a purpose; the domaine reserve is the subject matter; attribution
 * below the standard is never "no breach"; Art. 5 and Art. 8 (effective
 * control, not support); the leak lenses do not apply without a leak;
 * the leak norm's purpose; reconnaissance says nothing about access;
 * cooperative insiders; concurring grounds are no choice; disputes stay
 * open. */
static void test_principles_expected(void **state)
{
    char dir[512];
    (void)state;
    test_res(dir, sizeof(dir), "cases/principles");
    check_case_expected(dir, 19);
}

/* The flags of the probes: due diligence needs its elements, espionage
 * an intrusion, privacy a disclosure of private information. */
static void test_principles_flags(void **state)
{
    run r = assess_article("../principles/p-hacktivist-due-diligence");
    (void)state;
    expect_status(&r, "due-diligence", "raised", NULL);
    run_free(&r);
    r = assess_article("../principles/p-espionage-cleanup");
    expect_status(&r, "espionage", "raised", NULL);
    expect_status(&r, "coercion", "not-met", "no-nexus");
    expect_status(&r, "domaine-reserve", "not-met", NULL);
    run_free(&r);
    r = assess_article("../principles/p-domestic-opposition");
    expect_status(&r, "foreign-state", "not-met", "domestic");
    expect_status(&r, "privacy", "raised", NULL);
    run_free(&r);
    r = assess_article("../principles/p-concurring-coercion");
    expect_status(&r, "coercion", "met", NULL);
    assert_true(r.a->ev.t[lk_law__target_find(law, "coercion")].conflict[0] <
                0);
    run_free(&r);
}

/* Unknown stays unknown: removing a decisive fact opens the verdict. */
static void test_unknown_never_assumed(void **state)
{
    lk_case *c;
    lk_assessment *a;
    lk_error err;
    (void)state;
    c = test_case_text("u.json",
                       "{\"format\": \"leaklaw/case/1\", \"id\": \"u\","
                       " \"actor\": {\"kind\": \"state-organ\", "
                       "\"attribution\": {\"confidence\": \"high\"}},"
                       " \"access\": [{\"method\": \"phishing\"}],"
                       " \"content\": {\"kinds\": [\"personal-data\"]}}");
    assert_int_equal(lk_assess(&a, law, c, NULL, &err), 0);
    /* disclosure unknown: the leak norm cannot be decided */
    assert_string_equal(lk_assessment_verdict(a, "leak-norm"),
                        "undetermined");
    assert_string_equal(lk_assessment_status(a, "disclosure", NULL),
                        "undetermined");
    lk_assessment_free(a);
    lk_case_free(c);
}

static void test_whatif_minimal(void **state)
{
    run r = assess_article("art-phishing");
    size_t i;
    int found = 0;
    (void)state;
    assert_true(r.a->whatif_done);
    for (i = 0; i < r.a->nwi; i++) {
        const lk_whatif *w = &r.a->wi[i];
        assert_true(w->n == 1 || w->n == 2);
        /* public sources instead of phishing: no intervention2 breach */
        if (w->n == 1 && w->ch[0].fact == LK_F_ACCESS_METHOD &&
            w->ch[0].to.mask == 1u &&
            !strcmp(law->targets[w->lens].id, "intervention2"))
            found = 1;
        /* a pair never contains a change that flips the lens alone */
        if (w->n == 2) {
            size_t k;
            for (k = 0; k < r.a->nwi; k++)
                if (r.a->wi[k].n == 1 && r.a->wi[k].lens == w->lens &&
                    r.a->wi[k].possible == w->possible)
                    assert_false(r.a->wi[k].ch[0].fact == w->ch[0].fact &&
                                 r.a->wi[k].ch[0].to.v == w->ch[0].to.v &&
                                 r.a->wi[k].ch[0].to.mask ==
                                     w->ch[0].to.mask);
        }
    }
    assert_true(found);
    run_free(&r);
}

static void test_deterministic(void **state)
{
    run r1 = assess_article("art-fabricated");
    run r2 = assess_article("art-fabricated");
    char *j1, *j2;
    size_t n1, n2;
    lk_error err;
    (void)state;
    assert_int_equal(lk_report_render(&j1, &n1, r1.a, LK_REPORT_JSON, 0,
                                      &err),
                     0);
    assert_int_equal(lk_report_render(&j2, &n2, r2.a, LK_REPORT_JSON, 0,
                                      &err),
                     0);
    assert_int_equal(n1, n2);
    assert_memory_equal(j1, j2, n1);
    lk_report_free(j1);
    lk_report_free(j2);
    run_free(&r1);
    run_free(&r2);
}

/* The incremental what-if search finds exactly what full evaluation finds,
 * on every case of the library and of the article's scenarios. */
static void test_whatif_incremental_equals_full(void **state)
{
    static const char *const dirs[] = {"cases", "article"};
    char dir[512];
    lk_library *lib[2] = {NULL, NULL};
    lk_error err;
    size_t i;
    int d;
    (void)state;
    snprintf(dir, sizeof(dir), "%s/cases", test_data());
    assert_int_equal(lk_library_load(&lib[0], law, dir, &err), 0);
    assert_int_equal(lk_library_load(&lib[1], law,
                                     test_res(dir, sizeof(dir),
                                              "cases/article"),
                                     &err),
                     0);
    for (d = 0; d < 2; d++) {
        for (i = 0; i < lk_library_count(lib[d]); i++) {
            const lk_case *c = lk_library_case(lib[d], i);
            lk_assessment *a1, *a2;
            lk_assess_options full = LK_ASSESS_OPTIONS_INIT;
            char *j1, *j2;
            full.flags = LK_ASSESS__FULL_EVAL;
            assert_int_equal(lk_assess(&a1, law, c, NULL, &err), 0);
            assert_int_equal(lk_assess(&a2, law, c, &full, &err), 0);
            assert_int_equal(
                lk_report_render(&j1, NULL, a1, LK_REPORT_JSON, 0, &err), 0);
            assert_int_equal(
                lk_report_render(&j2, NULL, a2, LK_REPORT_JSON, 0, &err), 0);
            if (strcmp(j1, j2) != 0)
                fail_msg("%s (%s): incremental what-if differs",
                         lk_case_id(c), dirs[d]);
            lk_report_free(j1);
            lk_report_free(j2);
            lk_assessment_free(a1);
            lk_assessment_free(a2);
        }
    }
    lk_library_free(lib[0]);
    lk_library_free(lib[1]);
}

static void test_precedents(void **state)
{
    char dir[512], path[512];
    lk_library *lib = NULL;
    lk_error err;
    lk_case *c;
    lk_assessment *a;
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    int i;
    (void)state;
    snprintf(dir, sizeof(dir), "%s/cases", test_data());
    assert_int_equal(lk_library_load(&lib, law, dir, &err), 0);
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", test_data());
    c = test_case_file(path);
    opts.library = lib;
    assert_int_equal(lk_assess(&a, law, c, &opts, &err), 0);
    assert_int_equal(a->nprec, LK_MAX_PRECEDENTS);
    for (i = 0; i < a->nprec; i++) {
        /* never itself, ranked by similarity */
        assert_string_not_equal(
            lk_case_id(lk_library_case(lib, a->prec[i].index)), "dnc-2016");
        if (i > 0)
            assert_true(a->prec[i - 1].similarity >= a->prec[i].similarity);
    }
    lk_assessment_free(a);
    lk_case_free(c);
    lk_library_free(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dnc_2016),
        cmocka_unit_test(test_public_information_not_intrusive),
        cmocka_unit_test(test_intrusive_methods),
        cmocka_unit_test(test_torture_disclosure_legitimate),
        cmocka_unit_test(test_not_attributable),
        cmocka_unit_test(test_espionage_without_disclosure),
        cmocka_unit_test(test_vote_count_manipulation),
        cmocka_unit_test(test_fabricated_emails),
        cmocka_unit_test(test_library_expected),
        cmocka_unit_test(test_principles_expected),
        cmocka_unit_test(test_principles_flags),
        cmocka_unit_test(test_unknown_never_assumed),
        cmocka_unit_test(test_whatif_minimal),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_whatif_incremental_equals_full),
        cmocka_unit_test(test_precedents),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
