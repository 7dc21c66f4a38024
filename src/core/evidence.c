/*
 * evidence.c: what case evidence proves, as data (rules/evidence.json):
 * for one kind of evidence, tests on the sums of counts in its summary
 * and the value of a fact they support. The C code only adds counts and
 * compares; which counts prove what is the data's.
 */
#include "evidence.h"

#include <stdio.h>
#include <string.h>

#include "case.h"
#include "catalog.h"
#include "lawfile.h"

/* One test {"sum": [names], "ge"|"le"|"eq": n}. */
static int evidence_check_test(const lk_doc *doc, const char *ptr, json_t *t,
                               lk_error *err)
{
    static const char *const keys[] = {"sum", "ge", "le", "eq", NULL};
    json_t *sum = json_object_get(t, "sum"), *x;
    size_t i;
    int error = lk_lawfile__keys(err, doc, ptr, t, keys), ops = 0;
    if (error < 0)
        return error;
    if (!json_is_array(sum) || json_array_size(sum) == 0)
        return lk_lawfile__fail(err, doc, ptr,
                                "'sum' is a list of count names");
    json_array_foreach(sum, i, x)
    {
        if (!json_is_string(x))
            return lk_lawfile__fail(err, doc, ptr,
                                    "'sum' is a list of count names");
    }
    ops = json_is_integer(json_object_get(t, "ge")) +
          json_is_integer(json_object_get(t, "le")) +
          json_is_integer(json_object_get(t, "eq"));
    if (ops != 1 || json_object_size(t) != 2)
        return lk_lawfile__fail(err, doc, ptr,
                                "a test has one integer 'ge', 'le' or 'eq'");
    return 0;
}

/* One rule {id, when, value, text, cites} of evidence "def". */
static int evidence_load_rule(lk_law *law, const lk_doc *doc, const char *ptr,
                              json_t *j, lk_evidence_def *def, lk_error *err)
{
    static const char *const keys[] = {"id",   "when",  "value",
                                       "text", "cites", NULL};
    lk_evidence_rule *r = &def->rules[def->nrules];
    const char *value;
    char p[LK_ERROR_POINTER_MAX];
    json_t *t;
    size_t i;
    int error = lk_lawfile__keys(err, doc, ptr, j, keys);
    if (error < 0)
        return error;
    r->id = lk_lawfile__str(err, doc, ptr, j, "id", 1);
    r->text = lk_lawfile__str(err, doc, ptr, j, "text", 1);
    value = lk_lawfile__str(err, doc, ptr, j, "value", 1);
    if (!r->id || !r->text || !value)
        return LK_EINVALID;
    /* "unknown": the rule says why the evidence leaves the fact open */
    r->value = strcmp(value, "unknown") == 0
                   ? -1
                   : lk_law__value_index(law, def->fact, value);
    if (r->value < 0 && strcmp(value, "unknown") != 0)
        return lk_lawfile__fail(err, doc, ptr,
                                "'%.100s' is neither a value of %s nor "
                                "\"unknown\"",
                                value, lk_facts__def(def->fact)->pointer);
    /* an empty list always holds: the last rule, for every other case */
    r->when = json_object_get(j, "when");
    if (!json_is_array(r->when))
        return lk_lawfile__fail(err, doc, ptr, "'when' is a list of tests");
    json_array_foreach(r->when, i, t)
    {
        snprintf(p, sizeof(p), "%s/when/%zu", ptr, i);
        error = evidence_check_test(doc, p, t, err);
        if (error < 0)
            return error;
    }
    r->cites = json_object_get(j, "cites");
    error = lk_catalog__check_cites(law, err, doc, ptr, r->cites, 1);
    if (error == 0)
        def->nrules++;
    return error;
}

/* One kind of evidence {kind, counts, fact, rules}. */
static int evidence_load_def(lk_law *law, const lk_doc *doc, const char *ptr,
                             json_t *j, lk_error *err)
{
    static const char *const keys[] = {"kind", "counts", "fact", "rules", NULL};
    lk_evidence_def *def = &law->evidence[law->nevidence];
    const char *fact;
    char p[LK_ERROR_POINTER_MAX];
    json_t *rules = json_object_get(j, "rules"), *r;
    size_t i;
    int error = lk_lawfile__keys(err, doc, ptr, j, keys);
    if (error < 0)
        return error;
    def->kind = lk_lawfile__str(err, doc, ptr, j, "kind", 1);
    def->counts = lk_lawfile__str(err, doc, ptr, j, "counts", 1);
    fact = lk_lawfile__str(err, doc, ptr, j, "fact", 1);
    if (!def->kind || !def->counts || !fact)
        return LK_EINVALID;
    def->fact = lk_facts__find(fact);
    if (def->fact < 0 || def->fact >= LK_FACT_FIRST_DERIVED ||
        lk_facts__def(def->fact)->type != LK_FT_ENUM)
        return lk_lawfile__fail(
            err, doc, ptr, "'%.100s' is not a single-valued case fact", fact);
    if (!json_is_array(rules) || json_array_size(rules) > LK_MAX_EVIDENCE_RULES)
        return lk_lawfile__fail(err, doc, ptr,
                                "'rules' is a list of at most %d rules",
                                LK_MAX_EVIDENCE_RULES);
    json_array_foreach(rules, i, r)
    {
        snprintf(p, sizeof(p), "%s/rules/%zu", ptr, i);
        error = evidence_load_rule(law, doc, p, r, def, err);
        if (error < 0)
            return error;
    }
    law->nevidence++;
    return 0;
}

int lk_evidence__load(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {"format", "evidence", NULL};
    json_t *arr = json_object_get(doc->root, "evidence"), *item;
    char ptr[64];
    size_t i;
    int error = lk_lawfile__keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    if (!json_is_array(arr) || json_array_size(arr) > LK_MAX_EVIDENCE)
        return lk_lawfile__fail(err, doc, "",
                                "'evidence' is a list of at most %d kinds",
                                LK_MAX_EVIDENCE);
    json_array_foreach(arr, i, item)
    {
        snprintf(ptr, sizeof(ptr), "/evidence/%zu", i);
        error = evidence_load_def(law, doc, ptr, item, err);
        if (error < 0)
            return error;
    }
    return 0;
}

/* The counts of evidence item "it" if it is of "def"'s kind, else NULL. */
static json_t *evidence_counts(const lk_evidence_def *def, json_t *it)
{
    const char *kind = json_string_value(json_object_get(it, "kind"));
    json_t *counts =
        json_object_get(json_object_get(it, "summary"), def->counts);
    if (kind == NULL || strcmp(kind, def->kind) != 0 || !json_is_object(counts))
        return NULL;
    return counts;
}

/* 1 if "v" is a count: an integer from 0 to LK_EVIDENCE_COUNT_MAX. */
static int evidence_is_count(json_t *v)
{
    return json_is_integer(v) && json_integer_value(v) >= 0 &&
           json_integer_value(v) <= LK_EVIDENCE_COUNT_MAX;
}

/* 1 if every count of every evidence item of "def"'s kind in "items" is
 * a count. */
static int evidence_counts_valid(const lk_evidence_def *def, json_t *items)
{
    json_t *it, *counts, *v;
    const char *name;
    size_t i;
    json_array_foreach(items, i, it)
    {
        counts = evidence_counts(def, it);
        json_object_foreach(counts, name, v)
        {
            if (!evidence_is_count(v))
                return 0;
        }
    }
    return 1;
}

/* Sum over the evidence items of "def"'s kind of the counts "names" (a
 * count absent adds 0; every one present is a count: see
 * evidence_counts_valid); -1 when the sum overflows: then no test on it
 * holds. */
static json_int_t evidence_sum(const lk_evidence_def *def, json_t *items,
                               json_t *names)
{
    json_int_t sum = 0;
    json_t *it, *counts, *n, *v;
    size_t i, k;
    json_array_foreach(items, i, it)
    {
        counts = evidence_counts(def, it);
        json_array_foreach(names, k, n)
        {
            v = json_object_get(counts, json_string_value(n));
            if (v != NULL &&
                __builtin_add_overflow(sum, json_integer_value(v), &sum))
                return -1;
        }
    }
    return sum;
}

/* 1 if every test of rule "r" holds over the items "items". */
static int evidence_holds(const lk_evidence_def *def, const lk_evidence_rule *r,
                          json_t *items)
{
    json_t *t, *b;
    size_t i;
    json_array_foreach(r->when, i, t)
    {
        json_int_t s = evidence_sum(def, items, json_object_get(t, "sum"));
        if (s < 0)
            return 0;
        b = json_object_get(t, "ge");
        if (b != NULL && s < json_integer_value(b))
            return 0;
        b = json_object_get(t, "le");
        if (b != NULL && s > json_integer_value(b))
            return 0;
        b = json_object_get(t, "eq");
        if (b != NULL && s != json_integer_value(b))
            return 0;
    }
    return 1;
}

/* The case's own statement of fact "fact" (at its pointer), or NULL. */
static json_t *evidence_stated(json_t *case_json, int fact)
{
    const char *p = lk_facts__def(fact)->pointer;
    json_t *v = case_json;
    char seg[64];
    while (*p == '/' && v != NULL) {
        size_t k = 0;
        p++;
        while (*p && *p != '/' && k + 1 < sizeof(seg))
            seg[k++] = *p++;
        seg[k] = '\0';
        v = json_object_get(v, seg);
    }
    return v;
}

const lk_evidence_rule *lk_law__evidence_rule(const lk_law *law,
                                              json_t *case_json, int fact,
                                              size_t *item)
{
    json_t *items = json_object_get(case_json, "evidence"), *it;
    json_t *stated = evidence_stated(case_json, fact);
    size_t i;
    int d, k, first = -1;

    /* what the case states itself, or disputes, is never overridden */
    if (json_is_object(stated) && json_object_get(stated, "disputed"))
        return NULL;
    stated = lk_case__value(stated);
    if (json_is_string(stated) &&
        lk_law__value_index(law, fact, json_string_value(stated)) >= 0)
        return NULL;
    for (d = 0; d < law->nevidence; d++) {
        const lk_evidence_def *def = &law->evidence[d];
        if (def->fact != fact)
            continue;
        first = -1;
        json_array_foreach(items, i, it)
        {
            if (first < 0 && evidence_counts(def, it) != NULL)
                first = (int)i;
        }
        if (first < 0)
            continue;
        if (item != NULL)
            *item = (size_t)first;
        /* a count that is not one leaves the fact to the case whatever
         * the rules read (lk_law_check_case rejects such a case; the
         * library's callers may not have asked) */
        if (!evidence_counts_valid(def, items))
            return NULL;
        for (k = 0; k < def->nrules; k++)
            if (evidence_holds(def, &def->rules[k], items))
                return &def->rules[k];
        return NULL;
    }
    return NULL;
}

int lk_law__evidence_value(const lk_law *law, json_t *case_json, int fact,
                           size_t *item)
{
    const lk_evidence_rule *r =
        lk_law__evidence_rule(law, case_json, fact, item);
    return r != NULL ? r->value : -1;
}

void lk_law__evidence_facts(const lk_law *law, json_t *case_json,
                            lk_facts *facts)
{
    int d, v;
    for (d = 0; d < law->nevidence; d++) {
        int fact = law->evidence[d].fact;
        if (facts->f[fact].known)
            continue;
        v = lk_law__evidence_value(law, case_json, fact, NULL);
        if (v >= 0) {
            facts->f[fact].known = 1;
            facts->f[fact].v = v;
        }
    }
}

/* What "v", which is not a count, is instead (for a diagnostic). */
static const char *evidence_not_count(json_t *v)
{
    if (json_is_integer(v))
        return json_integer_value(v) < 0 ? "a negative integer"
                                         : "an integer above that";
    switch (json_typeof(v)) {
    case JSON_STRING: return "a string";
    case JSON_REAL: return "a number with a fraction or exponent";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    case JSON_ARRAY: return "an array";
    default: return "an object";
    }
}

int lk_evidence__check_case(const lk_law *law, const lk_case *c,
                            lk_diag_cb cb, void *payload, lk_error *err,
                            int n)
{
    json_t *items = json_object_get(lk_case__json(c), "evidence"), *it, *v;
    char ptr[LK_ERROR_POINTER_MAX];
    const char *name;
    size_t i;
    int d, found = 0;
    for (d = 0; d < law->nevidence; d++) {
        const lk_evidence_def *def = &law->evidence[d];
        json_array_foreach(items, i, it)
        {
            json_t *counts = evidence_counts(def, it);
            json_object_foreach(counts, name, v)
            {
                if (evidence_is_count(v))
                    continue;
                snprintf(ptr, sizeof(ptr), "/evidence/%zu/summary", i);
                lk_doc__ptr_push(ptr, sizeof(ptr), def->counts);
                lk_doc__ptr_push(ptr, sizeof(ptr), name);
                lk_case__diag(c, cb, payload, n + found++ ? NULL : err, ptr,
                              "expected a count (an integer from 0 to "
                              "%lld), found %s",
                              (long long)LK_EVIDENCE_COUNT_MAX,
                              evidence_not_count(v));
            }
        }
    }
    return found;
}
