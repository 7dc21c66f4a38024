/*
 * test_confidence.c: the attribution's confidence in an agency's words
 * (rules/confidence.json): phrases map to levels whatever their case and
 * spacing, an unknown phrase is refused where it stands, the explain API
 * shows the words and their vocabulary, and a malformed vocabulary file
 * is refused with its location.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "case.h"
#include "helpers.h"
#include "law.h"
#include "leaklaw/explain.h"

/* The confidence fact of a case stating "json" (a JSON value) for it. */
static void confidence_of(lk_law *law, const char *json, lk_fval *out)
{
    char text[1024];
    lk_case *c;
    lk_facts f;
    snprintf(text, sizeof(text),
             "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", \"actor\": "
             "{\"kind\": \"state-organ\", \"attribution\": "
             "{\"confidence\": %s}}, "
             "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}]}",
             json);
    c = test_case_text("t.json", text);
    lk_case__base_facts(c, &f);
    lk_law__confidence_facts(law, lk_case__json(c), &f);
    *out = f.f[LK_F_ATTR_CONFIDENCE];
    lk_case_free(c);
}

/* The level "json" gives, as text ("unknown" when none). */
static const char *level_of(lk_law *law, const char *json)
{
    lk_fval v;
    confidence_of(law, json, &v);
    return v.known ? lk_enum_confidence[v.v] : "unknown";
}

void test_confidence_phrases(void **state);
void test_confidence_phrases(void **state)
{
    lk_law *law = test_law(NULL);
    lk_fval v;
    (void)state;
    /* the levels themselves, as before */
    assert_string_equal(level_of(law, "\"high\""), "high");
    assert_string_equal(level_of(law, "\"none\""), "none");
    /* ICD 203 confidence levels */
    assert_string_equal(level_of(law, "\"high confidence\""), "high");
    assert_string_equal(level_of(law, "\"Moderate Confidence\""),
                        "moderate");
    assert_string_equal(level_of(law, "\"low confidence\""), "low");
    /* ICD 203 expressions of likelihood */
    assert_string_equal(level_of(law, "\"very likely\""), "high");
    assert_string_equal(level_of(law, "\"roughly even chance\""), "low");
    assert_string_equal(level_of(law, "\"almost no chance\""), "none");
    /* the PHIA yardstick, in any case and spacing */
    assert_string_equal(level_of(law, "\"almost certain\""), "high");
    assert_string_equal(level_of(law, "\"  Highly \\t LIKELY \""), "high");
    assert_string_equal(level_of(law, "\"likely\""), "moderate");
    assert_string_equal(level_of(law, "\"realistic possibility\""), "low");
    assert_string_equal(level_of(law, "\"unlikely\""), "none");
    assert_string_equal(level_of(law, "\"remote chance\""), "none");
    /* a level in another case; wrapped with its source */
    assert_string_equal(level_of(law, "\"High\""), "high");
    assert_string_equal(
        level_of(law, "{\"value\": \"highly likely\", \"cite\": [\"s\"]}"),
        "high");
    /* "unknown" stays unknown */
    assert_string_equal(level_of(law, "\"unknown\""), "unknown");
    assert_string_equal(level_of(law, "\"Unknown\""), "unknown");
    /* sources disagreeing in words: the levels they map to stay open */
    confidence_of(law,
                  "{\"disputed\": [{\"value\": \"highly likely\"}, "
                  "{\"value\": \"low\"}]}",
                  &v);
    assert_int_equal(v.known, 0);
    assert_int_equal(v.disputed, 1);
    assert_int_equal(v.mask, (1u << 1) | (1u << 3));
    /* ... or agree after mapping */
    confidence_of(law,
                  "{\"disputed\": [{\"value\": \"almost certainly\"}, "
                  "{\"value\": \"high confidence\"}]}",
                  &v);
    assert_int_equal(v.known, 1);
    assert_int_equal(v.v, 3);
    /* an unknown alternative leaves every level open */
    confidence_of(law,
                  "{\"disputed\": [{\"value\": \"likely\"}, "
                  "{\"value\": \"unknown\"}]}",
                  &v);
    assert_int_equal(v.known, 0);
    assert_int_equal(v.disputed, 0);
    lk_law_free(law);
}

/* Diagnostics of lk_law_check_case, collected. */
typedef struct {
    int n;
    char pointer[8][LK_ERROR_POINTER_MAX];
    unsigned line[8];
} diags;

static void collect(const lk_error *e, void *payload)
{
    diags *d = payload;
    if (d->n < 8) {
        snprintf(d->pointer[d->n], sizeof(d->pointer[0]), "%s", e->pointer);
        d->line[d->n] = e->line;
    }
    d->n++;
}

/* lk_law_check_case over the case "text"; its diagnostics in "d". */
static int check(lk_law *law, const char *text, diags *d, lk_error *err)
{
    lk_case *c = test_case_text("t.json", text);
    int rc;
    memset(d, 0, sizeof(*d));
    lk_error_clear(err);
    rc = lk_law_check_case(law, c, collect, d, err);
    lk_case_free(c);
    return rc;
}

void test_confidence_check(void **state);
void test_confidence_check(void **state)
{
    lk_law *law = test_law(NULL);
    lk_error err;
    diags d;
    (void)state;
    assert_int_equal(check(law,
                           "{\"format\": \"leaklaw/case/1\", \"id\": \"t\",\n"
                           " \"actor\": {\"attribution\": {\"confidence\": "
                           "\"Highly likely\"}}}",
                           &d, &err),
                     0);
    assert_int_equal(check(law,
                           "{\"format\": \"leaklaw/case/1\", \"id\": \"t\",\n"
                           " \"actor\": {\"attribution\": {\"confidence\": "
                           "\"unknown\"}}}",
                           &d, &err),
                     0);
    /* a phrase of no vocabulary: refused at its position */
    assert_int_equal(check(law,
                           "{\"format\": \"leaklaw/case/1\", \"id\": \"t\",\n"
                           " \"actor\": {\"attribution\": {\n"
                           "  \"confidence\": \"pretty sure\"}}}",
                           &d, &err),
                     LK_EINVALID);
    assert_int_equal(d.n, 1);
    assert_string_equal(err.pointer, "/actor/attribution/confidence");
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message,
                           "'pretty sure' is not a confidence level or a "
                           "phrase of a known vocabulary (see "
                           "data/rules/confidence.json)"));
    /* wrapped and disputed values are checked where they stand */
    assert_int_equal(check(law,
                           "{\"format\": \"leaklaw/case/1\", \"id\": \"t\",\n"
                           " \"actor\": {\"attribution\": {\"confidence\": "
                           "{\"value\": \"sure\", \"cite\": [\"s\"]}}},\n"
                           " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}]}",
                           &d, &err),
                     LK_EINVALID);
    assert_string_equal(err.pointer, "/actor/attribution/confidence/value");
    assert_int_equal(check(law,
                           "{\"format\": \"leaklaw/case/1\", \"id\": \"t\",\n"
                           " \"actor\": {\"attribution\": {\"confidence\": "
                           "{\"disputed\": [{\"value\": \"likely\"},\n"
                           " {\"value\": \"maybe\"}, {\"value\": \"nah\"}]}}"
                           "}}",
                           &d, &err),
                     LK_EINVALID);
    assert_int_equal(d.n, 2);
    assert_string_equal(err.pointer,
                        "/actor/attribution/confidence/disputed/1/value");
    assert_string_equal(d.pointer[1],
                        "/actor/attribution/confidence/disputed/2/value");
    assert_int_equal(d.line[0], 3);
    lk_law_free(law);
}

/* The explain view of the confidence fact of a case stating "words". */
static void view_of(lk_law *law, const char *words, lk_fact_view *v)
{
    char text[512];
    lk_case *c;
    lk_assessment *a = NULL;
    lk_error err;
    snprintf(text, sizeof(text),
             "{\"format\": \"leaklaw/case/1\", \"id\": \"t\", \"actor\": "
             "{\"kind\": \"state-organ\", \"attribution\": "
             "{\"confidence\": \"%s\"}}}",
             words);
    c = test_case_text("t.json", text);
    assert_int_equal(lk_assess(&a, law, c, NULL, &err), 0);
    lk_explain_fact(a, LK_F_ATTR_CONFIDENCE, v);
    /* the strings are the law's or the case's: copy what outlives them */
    v->phrase = v->phrase ? "(set)" : NULL;
    lk_assessment_free(a);
    lk_case_free(c);
}

void test_confidence_explain(void **state);
void test_confidence_explain(void **state)
{
    lk_law *law = test_law(NULL);
    lk_fact_view v;
    size_t i;
    int phia = 0, method = 0;
    (void)state;
    view_of(law, "Highly likely", &v);
    assert_string_equal(v.value, "high");
    assert_non_null(v.phrase);
    assert_string_equal(v.vocabulary, "UK PHIA probability yardstick");
    for (i = 0; i < v.nvocabulary_cites; i++) {
        phia += !strcmp(v.vocabulary_cites[i], "phia-yardstick");
        method += !strcmp(v.vocabulary_cites[i], "leaklaw-method");
    }
    assert_int_equal(phia, 1);
    assert_int_equal(method, 1);
    /* a phrase two vocabularies share names both */
    view_of(law, "likely", &v);
    assert_string_equal(v.value, "moderate");
    assert_string_equal(v.vocabulary, "ICD 203 expressions of likelihood / "
                                      "UK PHIA probability yardstick");
    /* a level is no phrase */
    view_of(law, "high", &v);
    assert_null(v.phrase);
    assert_null(v.vocabulary);
    assert_int_equal(v.nvocabulary_cites, 0);
    lk_law_free(law);
}

/* Link "rel" of the data directory "data" into "dir". */
static void link_data(const char *data, const char *dir, const char *rel)
{
    char a[1024], b[512], cwd[512];
    if (data[0] == '/')
        snprintf(a, sizeof(a), "%s/%s", data, rel);
    else
        snprintf(a, sizeof(a), "%s/%s/%s", getcwd(cwd, sizeof(cwd)), data,
                 rel);
    snprintf(b, sizeof(b), "%s/%s", dir, rel);
    assert_int_equal(symlink(a, b), 0);
}

/* Load the bundled law with rules/confidence.json replaced by "text". */
static int load_with(const char *text, lk_law **law, lk_error *err)
{
    static const char *const files[] = {"elements", "evidence", "flags",
                                        "intent", "intrusiveness", "lenses",
                                        "model", NULL};
    char dir[] = "/tmp/lk-conf-XXXXXX", a[512], b[512];
    FILE *f;
    int rc, i;
    const char *data = test_data();
    assert_non_null(mkdtemp(dir));
    snprintf(a, sizeof(a), "%s/rules", dir);
    assert_int_equal(mkdir(a, 0755), 0);
    for (i = 0; files[i]; i++) {
        snprintf(a, sizeof(a), "rules/%s.json", files[i]);
        link_data(data, dir, a);
    }
    link_data(data, dir, "sources.json");
    link_data(data, dir, "profiles");
    link_data(data, dir, "attack");
    snprintf(b, sizeof(b), "%s/rules/confidence.json", dir);
    f = fopen(b, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    lk_error_clear(err);
    rc = lk_law_load(law, dir, NULL, err);
    snprintf(a, sizeof(a), "rm -rf '%s'", dir);
    assert_int_equal(system(a), 0);
    return rc;
}

#define VOCAB(phrases)                                                        \
    "{\"format\": \"leaklaw/confidence/1\", \"text\": \"t\", \"cites\": "     \
    "[\"leaklaw-method\"], \"vocabularies\": [{\"id\": \"a\", \"title\": "    \
    "\"A\", \"cites\": [\"icd-203\"], \"phrases\": [" phrases "]}, {\"id\": " \
    "\"b\", \"title\": \"B\", \"cites\": [\"phia-yardstick\"], "              \
    "\"phrases\": [{\"phrase\": \"likely\", \"level\": \"moderate\"}]}]}"

void test_confidence_bad_files(void **state);
void test_confidence_bad_files(void **state)
{
    static const struct {
        const char *text;
        const char *message;
        const char *pointer;
    } cases[] = {
        {VOCAB("{\"phrase\": \"Likely\", \"level\": \"high\"}"),
         "'likely' maps to high in another vocabulary",
         "/vocabularies/1/phrases/0"},
        {VOCAB("{\"phrase\": \"sure\", \"level\": \"certain\"}"),
         "'certain' is not a confidence level", "/vocabularies/0/phrases/0"},
        {VOCAB("{\"phrase\": \" High \", \"level\": \"high\"}"),
         "is a level of the case format", "/vocabularies/0/phrases/0"},
        {VOCAB("{\"phrase\": \"sure\", \"level\": \"high\", \"x\": 1}"),
         "x", "/vocabularies/0/phrases/0/x"},
        {"{\"format\": \"leaklaw/confidence/1\", \"text\": \"t\", "
         "\"cites\": [\"nowhere\"], \"vocabularies\": []}",
         "nowhere", "/cites/0"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        lk_law *law = NULL;
        lk_error err;
        int rc = load_with(cases[i].text, &law, &err);
        if (rc != LK_EINVALID)
            fail_msg("case %zu loaded (rc %d)", i, rc);
        if (strstr(err.message, cases[i].message) == NULL)
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message,
                     cases[i].message);
        if (strcmp(err.pointer, cases[i].pointer) != 0)
            fail_msg("case %zu: pointer '%s', expected '%s'", i, err.pointer,
                     cases[i].pointer);
        assert_null(law);
    }
    {   /* the shared phrase agreeing is fine */
        lk_law *law = NULL;
        lk_error err;
        assert_int_equal(
            load_with(VOCAB("{\"phrase\": \"LIKELY\", \"level\": "
                            "\"moderate\"}"),
                      &law, &err),
            0);
        lk_law_free(law);
    }
}
