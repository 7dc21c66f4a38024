/*
 * json.c: the JSON rendering of an assessment ("leaklaw/assessment/1",
 * docs/formats.md). Every jansson constructor can fail: a NULL anywhere
 * makes the whole document fail as out of memory.
 */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "report_int.h"

/* Append "v" to array "arr"; remembers a failure in "*bad". */
static void rjson_push(json_t *arr, json_t *v, int *bad)
{
    if (v == NULL || json_array_append_new(arr, v) < 0)
        *bad = 1;
}

/* Set "key" of "obj" to "v"; remembers a failure in "*bad". */
static void rjson_put(json_t *obj, const char *key, json_t *v, int *bad)
{
    if (v == NULL || json_object_set_new(obj, key, v) < 0)
        *bad = 1;
}

static json_t *rjson_strings(const char *const *v, size_t n, int *bad)
{
    json_t *arr = json_array();
    size_t i;
    if (arr == NULL)
        *bad = 1;
    for (i = 0; arr && i < n && v[i]; i++)
        rjson_push(arr, json_string(v[i]), bad);
    return arr;
}

static size_t rjson_count(const char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* The facts rule "rule" reads, as JSON pointers. */
static json_t *rjson_rule_facts(const lk_law *law, size_t rule, int *bad)
{
    json_t *arr = json_array();
    int facts[LK_EXPLAIN_MAX_FACTS];
    size_t n = lk_explain_rule_facts(law, rule, facts, LK_EXPLAIN_MAX_FACTS),
           k;
    if (arr == NULL)
        *bad = 1;
    for (k = 0; arr && k < n; k++) {
        lk_fact_info fi;
        lk_explain_fact_info((size_t)facts[k], &fi);
        rjson_push(arr, json_string(fi.pointer), bad);
    }
    return arr;
}

/* Add the cites of "ri" not yet in "cites". */
static void rjson_merge_cites(json_t *cites, const lk_rule_info *ri, int *bad)
{
    const char *const *c;
    for (c = ri->cites; c && *c; c++) {
        size_t k;
        json_t *x;
        int dup = 0;
        json_array_foreach(cites, k, x) dup |= !strcmp(json_string_value(x), *c);
        if (!dup)
            rjson_push(cites, json_string(*c), bad);
    }
}

static json_t *rjson_because(const lk_assessment *a, size_t t, json_t *cites,
                            int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    lk_reason rs[LK_REPORT_MAX_REASONS];
    json_t *arr = json_array();
    size_t n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS), i;
    if (arr == NULL)
        *bad = 1;
    for (i = 0; arr && i < n; i++) {
        const lk_rule_info *ri = lk_law_rule(law, rs[i].rule);
        json_t *o = json_object();
        if (o == NULL) {
            *bad = 1;
            break;
        }
        rjson_put(o, "rule", json_string(ri->id), bad);
        rjson_put(o, "applies",
                 rs[i].applies ? json_true() : json_string("unknown"), bad);
        rjson_put(o, "facts", rjson_rule_facts(law, rs[i].rule, bad), bad);
        rjson_put(o, "cites",
                 rjson_strings(ri->cites, rjson_count(ri->cites), bad), bad);
        rjson_push(arr, o, bad);
        if (cites != NULL)
            rjson_merge_cites(cites, ri, bad);
    }
    return arr;
}

static void rjson_choice(const lk_law *law, const lk_target_result *r,
                        json_t *o, int *bad)
{
    if (r->choice[0] < 0)
        return;
    rjson_put(o, "choice",
             json_pack("{s:s, s:[ss]}", "note", "interpretive choice needed",
                       "rules", lk_law_rule(law, (size_t)r->choice[0])->id,
                       lk_law_rule(law, (size_t)r->choice[1])->id),
             bad);
}

static json_t *rjson_score(const lk_assessment *a, size_t t, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    size_t rules[LK_REPORT_MAX_REASONS], n, k;
    lk_target_result r;
    json_t *o = json_object(), *ind = json_array();
    lk_explain_target(a, t, &r);
    if (o == NULL || ind == NULL)
        *bad = 1;
    n = lk_explain_target_rules(law, t, rules, LK_REPORT_MAX_REASONS);
    for (k = 0; ind && k < n; k++) {
        const lk_rule_info *ri = lk_law_rule(law, rules[k]);
        int st = lk_explain_rule_state(a, rules[k]);
        if (st == 0)
            continue;
        rjson_push(ind,
                  json_pack("{s:s, s:i, s:o, s:o}", "rule", ri->id, "weight",
                            lk_explain_rule_weight(law, rules[k]), "applies",
                            st == 1 ? json_true() : json_string("unknown"),
                            "cites",
                            rjson_strings(ri->cites, rjson_count(ri->cites),
                                         bad)),
                  bad);
    }
    if (o != NULL) {
        rjson_put(o, "min", json_integer(r.score_min), bad);
        rjson_put(o, "max", json_integer(r.score_max), bad);
        rjson_put(o, "indicators", ind, bad);
    } else {
        json_decref(ind);
    }
    return o;
}

static json_t *rjson_lens(const lk_assessment *a, size_t t, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    lk_reason rs[LK_REPORT_MAX_REASONS];
    lk_target_result r;
    json_t *o = json_object(), *cites = json_array(), *decisive = json_array();
    size_t n, k, j, nt, targets[64];
    unsigned long long used = 0;
    lk_explain_target(a, t, &r);
    if (o == NULL || cites == NULL || decisive == NULL) {
        json_decref(o);
        json_decref(cites);
        json_decref(decisive);
        *bad = 1;
        return NULL;
    }
    rjson_put(o, "verdict", json_string(r.status), bad);
    rjson_put(o, "title", json_string(lk_law_target(law, t)->title), bad);
    n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS);
    for (k = 0; k < n; k++) {
        if (!rs[k].applies && !r.several)
            continue;
        nt = lk_explain_rule_targets(law, rs[k].rule, targets, 64);
        for (j = 0; j < nt; j++)
            used |= 1ull << targets[j];
    }
    for (k = 0; k < lk_law_target_count(law); k++)
        if ((used & (1ull << k)) &&
            lk_law_target(law, k)->kind == LK_TARGET_ELEMENT)
            rjson_push(decisive, json_string(lk_law_target(law, k)->id), bad);
    rjson_put(o, "decisive", decisive, bad);
    rjson_put(o, "because", rjson_because(a, t, cites, bad), bad);
    rjson_put(o, "cites", cites, bad);
    rjson_choice(law, &r, o, bad);
    return o;
}

/* An element or a flag. */
static json_t *rjson_status(const lk_assessment *a, size_t t, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    lk_target_result r;
    json_t *o = json_object();
    lk_explain_target(a, t, &r);
    if (o == NULL) {
        *bad = 1;
        return NULL;
    }
    rjson_put(o, "status", json_string(r.status), bad);
    if (lk_law_target(law, t)->kind == LK_TARGET_ELEMENT)
        rjson_put(o, "level", r.level ? json_string(r.level) : json_null(),
                 bad);
    rjson_put(o, "because", rjson_because(a, t, NULL, bad), bad);
    rjson_choice(law, &r, o, bad);
    return o;
}

/* "elements", "scores", "lenses" and "flags" of "root". */
static void rjson_targets(json_t *root, const lk_assessment *a, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    json_t *sec[4] = {json_object(), json_object(), json_object(),
                      json_object()}; /* by lk_target_kind */
    size_t t;
    for (t = 0; t < 4; t++)
        if (sec[t] == NULL)
            *bad = 1;
    for (t = 0; !*bad && t < lk_law_target_count(law); t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        json_t *o = ti->kind == LK_TARGET_SCORE  ? rjson_score(a, t, bad)
                    : ti->kind == LK_TARGET_LENS ? rjson_lens(a, t, bad)
                                                 : rjson_status(a, t, bad);
        rjson_put(sec[ti->kind], ti->id, o, bad);
    }
    rjson_put(root, "elements", sec[LK_TARGET_ELEMENT], bad);
    rjson_put(root, "scores", sec[LK_TARGET_SCORE], bad);
    rjson_put(root, "lenses", sec[LK_TARGET_LENS], bad);
    rjson_put(root, "flags", sec[LK_TARGET_FLAG], bad);
}

/* "missing": each unknown fact that keeps a lens open, with the lenses. */
static json_t *rjson_missing(const lk_assessment *a, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    size_t lens[64], nl = lk_report__lenses(law, lens, 64), f, k, j;
    lk_target_result r[64];
    json_t *missing = json_array();
    if (missing == NULL)
        *bad = 1;
    for (k = 0; k < nl; k++)
        lk_explain_target(a, lens[k], &r[k]);
    for (f = 0; missing && f < LK_EXPLAIN_MAX_FACTS; f++) {
        json_t *affects = NULL;
        for (k = 0; k < nl; k++) {
            int hit = 0;
            for (j = 0; j < r[k].nunknown; j++)
                hit |= r[k].unknown[j] == (int)f;
            if (!hit)
                continue;
            if (affects == NULL)
                affects = json_array();
            if (affects == NULL) {
                *bad = 1;
                break;
            }
            rjson_push(affects, json_string(lk_law_target(law, lens[k])->id),
                      bad);
        }
        if (affects != NULL) {
            lk_fact_info fi;
            lk_explain_fact_info(f, &fi);
            rjson_push(missing,
                      json_pack("{s:s, s:o}", "fact", fi.pointer, "affects",
                                affects),
                      bad);
        }
    }
    return missing;
}

static json_t *rjson_whatif(const lk_assessment *a, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    json_t *arr = json_array();
    size_t i, k;
    if (arr == NULL)
        *bad = 1;
    for (i = 0; arr && i < lk_explain_whatif_count(a); i++) {
        lk_whatif_view wv;
        json_t *changes = json_array();
        lk_explain_whatif(a, i, &wv);
        if (changes == NULL)
            *bad = 1;
        for (k = 0; changes && k < wv.nchanges; k++) {
            lk_fact_info fi;
            lk_explain_fact_info((size_t)wv.change[k].fact, &fi);
            rjson_push(changes,
                      json_pack("{s:s, s:s, s:s}", "fact", fi.pointer, "from",
                                wv.change[k].from, "to", wv.change[k].to),
                      bad);
        }
        rjson_push(arr,
                  json_pack("{s:s, s:s, s:o}", "lens",
                            lk_law_target(law, wv.lens)->id, "verdict",
                            wv.verdict, "changes", changes),
                  bad);
    }
    return arr;
}

/* The decisive elements "pts" as [{"element", "case", "precedent"}]. */
static json_t *rjson_points(const lk_law *law, const lk_precedent_point *pts,
                            size_t n, int *bad)
{
    json_t *arr = json_array();
    size_t k;
    if (arr == NULL)
        *bad = 1;
    for (k = 0; arr && k < n; k++)
        rjson_push(arr,
                  json_pack("{s:s, s:s, s:s}", "element",
                            lk_law_target(law, pts[k].element)->id, "case",
                            pts[k].status, "precedent", pts[k].precedent),
                  bad);
    return arr;
}

static json_t *rjson_precedents(const lk_assessment *a, int *bad)
{
    const lk_law *law = lk_assessment_law(a);
    size_t lens[64], nl = lk_report__lenses(law, lens, 64), i, k;
    json_t *arr = json_array();
    if (arr == NULL)
        *bad = 1;
    for (i = 0; arr && i < lk_explain_precedent_count(a); i++) {
        lk_precedent_view pv;
        json_t *verdicts = json_object();
        lk_explain_precedent(a, i, &pv);
        if (verdicts == NULL)
            *bad = 1;
        for (k = 0; verdicts && k < nl; k++) {
            lk_target_result r;
            lk_explain_target(pv.assessment, lens[k], &r);
            rjson_put(verdicts, lk_law_target(law, lens[k])->id,
                     json_string(r.status), bad);
        }
        rjson_push(arr,
                  json_pack("{s:s, s:s, s:f, s:o, s:o, s:o}", "case",
                            lk_case_id(pv.c), "title", lk_case_title(pv.c),
                            "similarity", pv.similarity / 1000.0, "verdicts",
                            verdicts, "agrees",
                            rjson_points(law, pv.agrees, pv.nagrees, bad),
                            "differs",
                            rjson_points(law, pv.differs, pv.ndiffers, bad)),
                  bad);
    }
    return arr;
}

/* A stated value as JSON. */
static json_t *rjson_value(const lk_case_value_info *v, int *bad)
{
    json_t *arr;
    size_t i;
    switch (v->kind) {
    case LK_CASE_VALUE_STRING: return json_string(v->string);
    case LK_CASE_VALUE_BOOL: return json_boolean(v->boolean);
    case LK_CASE_VALUE_INTEGER: return json_integer((json_int_t)v->integer);
    case LK_CASE_VALUE_LIST:
        arr = json_array();
        for (i = 0; arr && i < v->nitems; i++)
            rjson_push(arr, json_string(v->items[i]), bad);
        return arr;
    default: return json_null();
    }
}

/* {"value", "sources", "note"?} of one stated value. */
static json_t *rjson_stated_value(const lk_case_value_info *v, int *bad)
{
    json_t *o = json_object();
    if (o == NULL) {
        *bad = 1;
        return NULL;
    }
    rjson_put(o, "value", rjson_value(v, bad), bad);
    rjson_put(o, "sources", rjson_strings(v->cites, v->ncites, bad), bad);
    if (v->note != NULL)
        rjson_put(o, "note", json_string(v->note), bad);
    return o;
}

/* "facts": every fact the case states, by pointer, with its value, its
 * sources and note; a disputed one with each competing value; an ATT&CK
 * id with its technique's name. */
static json_t *rjson_facts(const lk_assessment *a, int *bad)
{
    const lk_case *c = lk_assessment_case(a);
    json_t *facts = json_object();
    size_t i, k, n = lk_case_fact_count(c);
    if (facts == NULL)
        *bad = 1;
    for (i = 0; facts && i < n; i++) {
        lk_case_fact_info info;
        lk_case_value_info v;
        json_t *o, *alts;
        const char *name;
        lk_case_fact(c, i, &info);
        if (!info.disputed) {
            lk_case_fact_value(c, i, 0, &v);
            o = rjson_stated_value(&v, bad);
            name = v.string && strncmp(strrchr(info.pointer, '/'), "/attack",
                                       8) == 0
                       ? lk_law_technique_name(lk_assessment_law(a), v.string)
                       : NULL;
            if (o != NULL && name != NULL)
                rjson_put(o, "technique", json_string(name), bad);
            rjson_put(facts, info.pointer, o, bad);
            continue;
        }
        alts = json_array();
        if (alts == NULL)
            *bad = 1;
        for (k = 0; alts && k < info.nvalues; k++) {
            lk_case_fact_value(c, i, k, &v);
            rjson_push(alts, rjson_stated_value(&v, bad), bad);
        }
        rjson_put(facts, info.pointer, json_pack("{s:o}", "disputed", alts),
                  bad);
    }
    return facts;
}

/* "expected": the verdicts the case expects, each against the one it got;
 * NULL when it expects none. */
static json_t *rjson_expected(const lk_assessment *a, int *bad)
{
    const char *why = lk_case_expected_why(lk_assessment_case(a));
    size_t i, n = lk_explain_expected_count(a);
    json_t *o, *lenses;
    int all = 1;
    if (n == 0)
        return NULL;
    o = json_object();
    lenses = json_object();
    if (o == NULL || lenses == NULL) {
        json_decref(o);
        json_decref(lenses);
        *bad = 1;
        return NULL;
    }
    for (i = 0; i < n; i++) {
        lk_expected_view ev;
        lk_explain_expected(a, i, &ev);
        all &= ev.matches;
        rjson_put(lenses, ev.lens,
                  json_pack("{s:s, s:s, s:b}", "expected", ev.expected,
                            "verdict", ev.got, "matches", ev.matches),
                  bad);
    }
    rjson_put(o, "matches", json_boolean(all), bad);
    rjson_put(o, "lenses", lenses, bad);
    if (why != NULL)
        rjson_put(o, "why", json_string(why), bad);
    return o;
}

/* The case's evidence items: kind, ref, summary counts and sources. */
static json_t *rjson_evidence(const lk_case *c, int *bad)
{
    json_t *arr = json_array();
    size_t i, k;
    if (arr == NULL)
        *bad = 1;
    for (i = 0; arr && i < lk_case_evidence_count(c); i++) {
        lk_case_evidence_info e;
        json_t *o = json_object(), *counts = json_object();
        lk_case_evidence(c, i, &e);
        if (o == NULL || counts == NULL) {
            json_decref(o);
            json_decref(counts);
            *bad = 1;
            break;
        }
        rjson_put(o, "kind", e.kind ? json_string(e.kind) : json_null(), bad);
        rjson_put(o, "ref", e.ref ? json_string(e.ref) : json_null(), bad);
        for (k = 0; k < e.ncounts; k++)
            rjson_put(counts, e.count_name[k],
                      json_integer((json_int_t)e.count[k]), bad);
        rjson_put(o, "counts", counts, bad);
        rjson_put(o, "sources", rjson_strings(e.cites, e.ncites, bad), bad);
        rjson_push(arr, o, bad);
    }
    return arr;
}

/* "case": id, title, hash, and what else the case says of itself. */
static json_t *rjson_case(const lk_case *c, int *bad)
{
    json_t *o = json_pack("{s:s, s:s, s:s}", "id", lk_case_id(c), "title",
                          lk_case_title(c), "sha256", lk_case_sha256(c));
    json_t *notes;
    size_t i, n = lk_case_note_count(c);
    if (o == NULL) {
        *bad = 1;
        return NULL;
    }
    if (lk_case_summary(c) != NULL)
        rjson_put(o, "summary", json_string(lk_case_summary(c)), bad);
    if (lk_case_facts_date(c) != NULL)
        rjson_put(o, "facts_current_to", json_string(lk_case_facts_date(c)),
                  bad);
    if (lk_case_evidence_count(c) > 0)
        rjson_put(o, "evidence", rjson_evidence(c, bad), bad);
    if (n == 0)
        return o;
    notes = json_object();
    if (notes == NULL)
        *bad = 1;
    for (i = 0; notes && i < n; i++) {
        const char *ptr, *text = lk_case_note(c, i, &ptr);
        rjson_put(notes, ptr, json_string(text), bad);
    }
    rjson_put(o, "notes", notes, bad);
    return o;
}

/* The whole document, or NULL when out of memory. */
static json_t *rjson_assessment(const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_case *c = lk_assessment_case(a);
    json_t *root = json_object();
    int bad = root == NULL;
    if (bad)
        return NULL;
    rjson_put(root, "format", json_string("leaklaw/assessment/1"), &bad);
    rjson_put(root, "case", rjson_case(c, &bad), &bad);
    rjson_put(root, "rules",
             json_pack("{s:s, s:s, s:s}", "name", lk_law_name(law), "version",
                       lk_law_version(law), "sha256", lk_law_sha256(law)),
             &bad);
    rjson_put(root, "profile", json_string(lk_law_profile(law)), &bad);
    rjson_targets(root, a, &bad);
    rjson_put(root, "missing", rjson_missing(a, &bad), &bad);
    rjson_put(root, "what_if", rjson_whatif(a, &bad), &bad);
    rjson_put(root, "precedents", rjson_precedents(a, &bad), &bad);
    rjson_put(root, "facts", rjson_facts(a, &bad), &bad);
    if (lk_explain_expected_count(a) > 0)
        rjson_put(root, "expected", rjson_expected(a, &bad), &bad);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int lk_report__json(lk_buf *b, const lk_assessment *a, unsigned flags)
{
    json_t *root = rjson_assessment(a);
    char *text;
    int error;
    if (root == NULL)
        return LK_ENOMEM;
    text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3) |
                                ((flags & LK_REPORT_COMPACT) ? JSON_COMPACT
                                                             : JSON_INDENT(2)));
    json_decref(root);
    if (text == NULL)
        return LK_ENOMEM;
    error = lk_buf_puts(b, text);
    if (error == 0)
        error = lk_buf_put(b, "\n", 1);
    lk_free(text);
    return error;
}
