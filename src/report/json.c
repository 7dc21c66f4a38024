/*
 * json.c: the JSON rendering of an assessment ("leaklaw/assessment/1",
 * docs/formats.md), written straight into the output buffer with the
 * streaming writer of src/util/jsonw.h: the bytes are those json_dumps
 * printed for the tree this file built before (keys in the same order),
 * without building, dumping and freeing a tree for every record.
 */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "jsonw.h"
#include "report_int.h"

/* The "n" strings "v" (stopping at a NULL) as an array. */
static void rjson_strings(lk_jsonw *w, const char *const *v, size_t n)
{
    size_t i;
    lk_jsonw_open(w, '[');
    for (i = 0; i < n && v[i]; i++)
        lk_jsonw_string(w, v[i]);
    lk_jsonw_close(w, ']');
}

static size_t rjson_count(const char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* The facts rule "rule" reads, as JSON pointers. */
static void rjson_rule_facts(lk_jsonw *w, const lk_law *law, size_t rule)
{
    int facts[LK_EXPLAIN_MAX_FACTS];
    size_t n = lk_explain_rule_facts(law, rule, facts, LK_EXPLAIN_MAX_FACTS),
           k;
    lk_jsonw_open(w, '[');
    for (k = 0; k < n; k++) {
        lk_fact_info fi;
        lk_explain_fact_info((size_t)facts[k], &fi);
        lk_jsonw_string(w, fi.pointer);
    }
    lk_jsonw_close(w, ']');
}

/* 1 if cite "c" (number "k" of reason "i") came earlier in "rs". */
static int rjson_cite_seen(const lk_law *law, const lk_reason *rs, size_t i,
                           size_t k, const char *c)
{
    size_t j, m;
    for (j = 0; j <= i; j++) {
        const char *const *cs = lk_law_rule(law, rs[j].rule)->cites;
        for (m = 0; cs && cs[m] && (j < i || m < k); m++)
            if (strcmp(cs[m], c) == 0)
                return 1;
    }
    return 0;
}

/* The cites of the "n" reasons "rs", each once, in order of appearance. */
static void rjson_merged_cites(lk_jsonw *w, const lk_law *law,
                               const lk_reason *rs, size_t n)
{
    size_t i, k;
    lk_jsonw_open(w, '[');
    for (i = 0; i < n; i++) {
        const char *const *cs = lk_law_rule(law, rs[i].rule)->cites;
        for (k = 0; cs && cs[k]; k++)
            if (!rjson_cite_seen(law, rs, i, k, cs[k]))
                lk_jsonw_string(w, cs[k]);
    }
    lk_jsonw_close(w, ']');
}

/* "because": the "n" reasons "rs" with their rules, facts and cites. */
static void rjson_because(lk_jsonw *w, const lk_law *law,
                          const lk_reason *rs, size_t n)
{
    size_t i;
    lk_jsonw_open(w, '[');
    for (i = 0; i < n; i++) {
        const lk_rule_info *ri = lk_law_rule(law, rs[i].rule);
        lk_jsonw_open(w, '{');
        lk_jsonw_key(w, "rule");
        lk_jsonw_string(w, ri->id);
        lk_jsonw_key(w, "applies");
        if (rs[i].applies)
            lk_jsonw_bool(w, 1);
        else
            lk_jsonw_string(w, "unknown");
        lk_jsonw_key(w, "facts");
        rjson_rule_facts(w, law, rs[i].rule);
        lk_jsonw_key(w, "cites");
        rjson_strings(w, ri->cites, rjson_count(ri->cites));
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, ']');
}

static void rjson_choice(lk_jsonw *w, const lk_law *law,
                         const lk_target_result *r)
{
    if (r->choice[0] < 0)
        return;
    lk_jsonw_key(w, "choice");
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "note");
    lk_jsonw_string(w, "interpretive choice needed");
    lk_jsonw_key(w, "rules");
    lk_jsonw_open(w, '[');
    lk_jsonw_string(w, lk_law_rule(law, (size_t)r->choice[0])->id);
    lk_jsonw_string(w, lk_law_rule(law, (size_t)r->choice[1])->id);
    lk_jsonw_close(w, ']');
    lk_jsonw_close(w, '}');
}

static void rjson_score(lk_jsonw *w, const lk_assessment *a, size_t t)
{
    const lk_law *law = lk_assessment_law(a);
    size_t rules[LK_REPORT_MAX_REASONS], n, k;
    lk_target_result r;
    lk_explain_target(a, t, &r);
    n = lk_explain_target_rules(law, t, rules, LK_REPORT_MAX_REASONS);
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "min");
    lk_jsonw_int(w, r.score_min);
    lk_jsonw_key(w, "max");
    lk_jsonw_int(w, r.score_max);
    lk_jsonw_key(w, "indicators");
    lk_jsonw_open(w, '[');
    for (k = 0; k < n; k++) {
        const lk_rule_info *ri = lk_law_rule(law, rules[k]);
        int st = lk_explain_rule_state(a, rules[k]);
        if (st == 0)
            continue;
        lk_jsonw_open(w, '{');
        lk_jsonw_key(w, "rule");
        lk_jsonw_string(w, ri->id);
        lk_jsonw_key(w, "weight");
        lk_jsonw_int(w, lk_explain_rule_weight(law, rules[k]));
        lk_jsonw_key(w, "applies");
        if (st == 1)
            lk_jsonw_bool(w, 1);
        else
            lk_jsonw_string(w, "unknown");
        lk_jsonw_key(w, "cites");
        rjson_strings(w, ri->cites, rjson_count(ri->cites));
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, ']');
    lk_jsonw_close(w, '}');
}

static void rjson_lens(lk_jsonw *w, const lk_assessment *a, size_t t)
{
    const lk_law *law = lk_assessment_law(a);
    lk_reason rs[LK_REPORT_MAX_REASONS];
    lk_target_result r;
    size_t n, k, j, nt, targets[64];
    unsigned long long used = 0;
    lk_explain_target(a, t, &r);
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "verdict");
    lk_jsonw_string(w, r.status);
    lk_jsonw_key(w, "title");
    lk_jsonw_string(w, lk_law_target(law, t)->title);
    n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS);
    for (k = 0; k < n; k++) {
        if (!rs[k].applies && !r.several)
            continue;
        nt = lk_explain_rule_targets(law, rs[k].rule, targets, 64);
        for (j = 0; j < nt; j++)
            used |= 1ull << targets[j];
    }
    lk_jsonw_key(w, "decisive");
    lk_jsonw_open(w, '[');
    for (k = 0; k < lk_law_target_count(law); k++)
        if ((used & (1ull << k)) &&
            lk_law_target(law, k)->kind == LK_TARGET_ELEMENT)
            lk_jsonw_string(w, lk_law_target(law, k)->id);
    lk_jsonw_close(w, ']');
    lk_jsonw_key(w, "because");
    rjson_because(w, law, rs, n);
    lk_jsonw_key(w, "cites");
    rjson_merged_cites(w, law, rs, n);
    rjson_choice(w, law, &r);
    lk_jsonw_close(w, '}');
}

/* An element or a flag. */
static void rjson_status(lk_jsonw *w, const lk_assessment *a, size_t t)
{
    const lk_law *law = lk_assessment_law(a);
    lk_reason rs[LK_REPORT_MAX_REASONS];
    lk_target_result r;
    size_t n;
    lk_explain_target(a, t, &r);
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "status");
    lk_jsonw_string(w, r.status);
    if (lk_law_target(law, t)->kind == LK_TARGET_ELEMENT) {
        lk_jsonw_key(w, "level");
        lk_jsonw_string(w, r.level); /* null when NULL */
    }
    n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS);
    lk_jsonw_key(w, "because");
    rjson_because(w, law, rs, n);
    rjson_choice(w, law, &r);
    lk_jsonw_close(w, '}');
}

/* "elements", "scores", "lenses" and "flags": every target by kind. */
static void rjson_targets(lk_jsonw *w, const lk_assessment *a)
{
    static const char *const section[4] = {"elements", "scores", "lenses",
                                           "flags"}; /* in "order" */
    static const lk_target_kind order[4] = {
        LK_TARGET_ELEMENT, LK_TARGET_SCORE, LK_TARGET_LENS, LK_TARGET_FLAG};
    const lk_law *law = lk_assessment_law(a);
    size_t t, s;
    for (s = 0; s < 4; s++) {
        lk_jsonw_key(w, section[s]);
        lk_jsonw_open(w, '{');
        for (t = 0; t < lk_law_target_count(law); t++) {
            const lk_target_info *ti = lk_law_target(law, t);
            if (ti->kind != order[s])
                continue;
            lk_jsonw_key(w, ti->id);
            if (ti->kind == LK_TARGET_SCORE)
                rjson_score(w, a, t);
            else if (ti->kind == LK_TARGET_LENS)
                rjson_lens(w, a, t);
            else
                rjson_status(w, a, t);
        }
        lk_jsonw_close(w, '}');
    }
}

/* "missing": each unknown fact that keeps a lens open, with the lenses. */
static void rjson_missing(lk_jsonw *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t lens[64], nl = lk_report__lenses(law, lens, 64), f, k, j;
    lk_target_result r[64];
    for (k = 0; k < nl; k++)
        lk_explain_target(a, lens[k], &r[k]);
    lk_jsonw_open(w, '[');
    for (f = 0; f < LK_EXPLAIN_MAX_FACTS; f++) {
        int any = 0;
        for (k = 0; k < nl; k++) {
            int hit = 0;
            for (j = 0; j < r[k].nunknown; j++)
                hit |= r[k].unknown[j] == (int)f;
            if (!hit)
                continue;
            if (!any) {
                lk_fact_info fi;
                lk_explain_fact_info(f, &fi);
                lk_jsonw_open(w, '{');
                lk_jsonw_key(w, "fact");
                lk_jsonw_string(w, fi.pointer);
                lk_jsonw_key(w, "affects");
                lk_jsonw_open(w, '[');
                any = 1;
            }
            lk_jsonw_string(w, lk_law_target(law, lens[k])->id);
        }
        if (any) {
            lk_jsonw_close(w, ']');
            lk_jsonw_close(w, '}');
        }
    }
    lk_jsonw_close(w, ']');
}

static void rjson_whatif(lk_jsonw *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t i, k;
    lk_jsonw_open(w, '[');
    for (i = 0; i < lk_explain_whatif_count(a); i++) {
        lk_whatif_view wv;
        lk_explain_whatif(a, i, &wv);
        lk_jsonw_open(w, '{');
        lk_jsonw_key(w, "lens");
        lk_jsonw_string(w, lk_law_target(law, wv.lens)->id);
        lk_jsonw_key(w, "verdict");
        lk_jsonw_string(w, wv.verdict);
        lk_jsonw_key(w, "changes");
        lk_jsonw_open(w, '[');
        for (k = 0; k < wv.nchanges; k++) {
            lk_fact_info fi;
            lk_explain_fact_info((size_t)wv.change[k].fact, &fi);
            lk_jsonw_open(w, '{');
            lk_jsonw_key(w, "fact");
            lk_jsonw_string(w, fi.pointer);
            lk_jsonw_key(w, "from");
            lk_jsonw_string(w, wv.change[k].from);
            lk_jsonw_key(w, "to");
            lk_jsonw_string(w, wv.change[k].to);
            lk_jsonw_close(w, '}');
        }
        lk_jsonw_close(w, ']');
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, ']');
}

/* The decisive elements "pts" as [{"element", "case", "precedent"}]. */
static void rjson_points(lk_jsonw *w, const lk_law *law,
                         const lk_precedent_point *pts, size_t n)
{
    size_t k;
    lk_jsonw_open(w, '[');
    for (k = 0; k < n; k++) {
        lk_jsonw_open(w, '{');
        lk_jsonw_key(w, "element");
        lk_jsonw_string(w, lk_law_target(law, pts[k].element)->id);
        lk_jsonw_key(w, "case");
        lk_jsonw_string(w, pts[k].status);
        lk_jsonw_key(w, "precedent");
        lk_jsonw_string(w, pts[k].precedent);
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, ']');
}

/* Real "x" as jansson prints it with JSON_REAL_PRECISION(3), so the
 * similarity keeps the bytes it had when the tree was dumped. */
static void rjson_real(lk_jsonw *w, double x)
{
    json_t *v = json_real(x);
    char *text = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(3))
                   : NULL;
    if (text == NULL) {
        w->b->error = w->b->error ? w->b->error : LK_ENOMEM;
    } else {
        lk_jsonw_raw(w, text, strlen(text));
    }
    lk_free(text);
    json_decref(v);
}

/* One precedent "pv": case, title, similarity, verdicts and points. */
static void rjson_precedent(lk_jsonw *w, const lk_law *law,
                            const lk_precedent_view *pv)
{
    size_t lens[64], nl = lk_report__lenses(law, lens, 64), k;
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "case");
    lk_jsonw_string(w, lk_case_id(pv->c));
    lk_jsonw_key(w, "title");
    lk_jsonw_string(w, lk_case_title(pv->c));
    lk_jsonw_key(w, "similarity");
    rjson_real(w, pv->similarity / 1000.0);
    lk_jsonw_key(w, "verdicts");
    lk_jsonw_open(w, '{');
    for (k = 0; k < nl; k++) {
        lk_target_result r;
        lk_explain_target(pv->assessment, lens[k], &r);
        lk_jsonw_key(w, lk_law_target(law, lens[k])->id);
        lk_jsonw_string(w, r.status);
    }
    lk_jsonw_close(w, '}');
    lk_jsonw_key(w, "agrees");
    rjson_points(w, law, pv->agrees, pv->nagrees);
    lk_jsonw_key(w, "differs");
    rjson_points(w, law, pv->differs, pv->ndiffers);
    lk_jsonw_close(w, '}');
}

static void rjson_precedents(lk_jsonw *w, const lk_assessment *a)
{
    size_t i;
    lk_jsonw_open(w, '[');
    for (i = 0; i < lk_explain_precedent_count(a); i++) {
        lk_precedent_view pv;
        lk_explain_precedent(a, i, &pv);
        rjson_precedent(w, lk_assessment_law(a), &pv);
    }
    lk_jsonw_close(w, ']');
}

/* A stated value as JSON. */
static void rjson_value(lk_jsonw *w, const lk_case_value_info *v)
{
    switch (v->kind) {
    case LK_CASE_VALUE_STRING: lk_jsonw_string(w, v->string); break;
    case LK_CASE_VALUE_BOOL: lk_jsonw_bool(w, v->boolean); break;
    case LK_CASE_VALUE_INTEGER: lk_jsonw_int(w, v->integer); break;
    case LK_CASE_VALUE_LIST:
        rjson_strings(w, v->items, v->nitems);
        break;
    default: lk_jsonw_null(w); break;
    }
}

/* {"value", "sources", "note"?, "technique"?} of one stated value. */
static void rjson_stated_value(lk_jsonw *w, const lk_case_value_info *v,
                               const char *technique)
{
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "value");
    rjson_value(w, v);
    lk_jsonw_key(w, "sources");
    rjson_strings(w, v->cites, v->ncites);
    if (v->note != NULL) {
        lk_jsonw_key(w, "note");
        lk_jsonw_string(w, v->note);
    }
    if (technique != NULL) {
        lk_jsonw_key(w, "technique");
        lk_jsonw_string(w, technique);
    }
    lk_jsonw_close(w, '}');
}

/* What rjson_fact needs besides the fact. */
typedef struct rjson_facts_ctx {
    lk_jsonw *w;              /* the output */
    const lk_assessment *a;   /* the assessment of the case */
} rjson_facts_ctx;

/* lk_case_fact_foreach callback: fact "i" by its pointer, with its value,
 * its sources and note (an ATT&CK id with its technique's name); a
 * disputed one with each competing value. */
static int rjson_fact(size_t i, const lk_case_fact_info *info,
                      const lk_case_value_info *v, void *payload)
{
    rjson_facts_ctx *x = payload;
    lk_jsonw *w = x->w;
    const char *name;
    size_t k;
    lk_jsonw_key(w, info->pointer);
    if (!info->disputed) {
        name = v->string && strncmp(strrchr(info->pointer, '/'), "/attack",
                                    8) == 0
                   ? lk_law_technique_name(lk_assessment_law(x->a),
                                           v->string)
                   : NULL;
        rjson_stated_value(w, v, name);
        return 0;
    }
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "disputed");
    lk_jsonw_open(w, '[');
    for (k = 0; k < info->nvalues; k++) {
        lk_case_value_info alt;
        lk_case_fact_value(lk_assessment_case(x->a), i, k, &alt);
        rjson_stated_value(w, &alt, NULL);
    }
    lk_jsonw_close(w, ']');
    lk_jsonw_close(w, '}');
    return 0;
}

/* "facts": every fact the case states, in one walk of the case. */
static void rjson_facts(lk_jsonw *w, const lk_assessment *a)
{
    rjson_facts_ctx x;
    x.w = w;
    x.a = a;
    lk_jsonw_open(w, '{');
    (void)lk_case_fact_foreach(lk_assessment_case(a), rjson_fact, &x);
    lk_jsonw_close(w, '}');
}

/* "expected": the verdicts the case expects, each against the one it got
 * (only called when it expects some). */
static void rjson_expected(lk_jsonw *w, const lk_assessment *a)
{
    const char *why = lk_case_expected_why(lk_assessment_case(a));
    size_t i, n = lk_explain_expected_count(a);
    int all = 1;
    lk_jsonw_open(w, '{');
    for (i = 0; i < n; i++) {
        lk_expected_view ev;
        lk_explain_expected(a, i, &ev);
        all &= ev.matches;
    }
    lk_jsonw_key(w, "matches");
    lk_jsonw_bool(w, all);
    lk_jsonw_key(w, "lenses");
    lk_jsonw_open(w, '{');
    for (i = 0; i < n; i++) {
        lk_expected_view ev;
        lk_explain_expected(a, i, &ev);
        lk_jsonw_key(w, ev.lens);
        lk_jsonw_open(w, '{');
        lk_jsonw_key(w, "expected");
        lk_jsonw_string(w, ev.expected);
        lk_jsonw_key(w, "verdict");
        lk_jsonw_string(w, ev.got);
        lk_jsonw_key(w, "matches");
        lk_jsonw_bool(w, ev.matches);
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, '}');
    if (why != NULL) {
        lk_jsonw_key(w, "why");
        lk_jsonw_string(w, why);
    }
    lk_jsonw_close(w, '}');
}

/* The case's evidence items: kind, ref, summary counts and sources. */
static void rjson_evidence(lk_jsonw *w, const lk_case *c)
{
    size_t i, k;
    lk_jsonw_open(w, '[');
    for (i = 0; i < lk_case_evidence_count(c); i++) {
        lk_case_evidence_info e;
        lk_case_evidence(c, i, &e);
        lk_jsonw_open(w, '{');
        lk_jsonw_key(w, "kind");
        lk_jsonw_string(w, e.kind);
        lk_jsonw_key(w, "ref");
        lk_jsonw_string(w, e.ref);
        lk_jsonw_key(w, "counts");
        lk_jsonw_open(w, '{');
        for (k = 0; k < e.ncounts; k++) {
            lk_jsonw_key(w, e.count_name[k]);
            lk_jsonw_int(w, e.count[k]);
        }
        lk_jsonw_close(w, '}');
        lk_jsonw_key(w, "sources");
        rjson_strings(w, e.cites, e.ncites);
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, ']');
}

/* "case": id, title, hash, and what else the case says of itself. */
static void rjson_case(lk_jsonw *w, const lk_case *c)
{
    size_t i, n = lk_case_note_count(c);
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "id");
    lk_jsonw_string(w, lk_case_id(c));
    lk_jsonw_key(w, "title");
    lk_jsonw_string(w, lk_case_title(c));
    lk_jsonw_key(w, "sha256");
    lk_jsonw_string(w, lk_case_sha256(c));
    if (lk_case_summary(c) != NULL) {
        lk_jsonw_key(w, "summary");
        lk_jsonw_string(w, lk_case_summary(c));
    }
    if (lk_case_facts_date(c) != NULL) {
        lk_jsonw_key(w, "facts_current_to");
        lk_jsonw_string(w, lk_case_facts_date(c));
    }
    if (lk_case_evidence_count(c) > 0) {
        lk_jsonw_key(w, "evidence");
        rjson_evidence(w, c);
    }
    if (n > 0) {
        lk_jsonw_key(w, "notes");
        lk_jsonw_open(w, '{');
        for (i = 0; i < n; i++) {
            const char *ptr, *text = lk_case_note(c, i, &ptr);
            lk_jsonw_key(w, ptr);
            lk_jsonw_string(w, text);
        }
        lk_jsonw_close(w, '}');
    }
    lk_jsonw_close(w, '}');
}

/* The whole document. */
static void rjson_assessment(lk_jsonw *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "format");
    lk_jsonw_string(w, "leaklaw/assessment/1");
    lk_jsonw_key(w, "case");
    rjson_case(w, lk_assessment_case(a));
    lk_jsonw_key(w, "rules");
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "name");
    lk_jsonw_string(w, lk_law_name(law));
    lk_jsonw_key(w, "version");
    lk_jsonw_string(w, lk_law_version(law));
    lk_jsonw_key(w, "sha256");
    lk_jsonw_string(w, lk_law_sha256(law));
    lk_jsonw_close(w, '}');
    lk_jsonw_key(w, "profile");
    lk_jsonw_string(w, lk_law_profile(law));
    rjson_targets(w, a);
    lk_jsonw_key(w, "missing");
    rjson_missing(w, a);
    lk_jsonw_key(w, "what_if");
    rjson_whatif(w, a);
    lk_jsonw_key(w, "precedents");
    rjson_precedents(w, a);
    lk_jsonw_key(w, "facts");
    rjson_facts(w, a);
    if (lk_explain_expected_count(a) > 0) {
        lk_jsonw_key(w, "expected");
        rjson_expected(w, a);
    }
    lk_jsonw_close(w, '}');
}

int lk_report__json(lk_buf *b, const lk_assessment *a, unsigned flags)
{
    lk_jsonw w;
    lk_jsonw_init(&w, b, (flags & LK_REPORT_COMPACT) ? 0 : 2);
    rjson_assessment(&w, a);
    lk_buf_put(b, "\n", 1);
    return b->error;
}
