/*
 * explain.c: the public reading of an assessment (include/leaklaw/
 * explain.h): target results, reasons, facts with their sources, what-if,
 * precedents, the law's commentary and the chart grid. Everything a
 * renderer shows is decided here, once, from the evaluation.
 */
#include "leaklaw/explain.h"

#include <stddef.h>
#include <string.h>

#include "assess.h"
#include "error.h"
#include "static_assert.h"
#include "vocab.h"

/* lk_explain_fact clears the members before "cites" and from
 * "from_evidence" on: nothing may lie between the two */
LK_STATIC_ASSERT(explain_fact_view_layout,
                 offsetof(lk_fact_view, from_evidence) ==
                     offsetof(lk_fact_view, cites) +
                         sizeof(((lk_fact_view *)0)->cites));

/* The arrays below are sized for the vocabulary and the model. */
typedef char explain_facts_fit[LK_F_COUNT <= LK_EXPLAIN_MAX_FACTS ? 1 : -1];
typedef char explain_points_fit[LK_MAX_TARGETS <= LK_EXPLAIN_MAX_POINTS ? 1
                                                                      : -1];
typedef char explain_levels_fit[LK_MAX_LEVELS < LK_EXPLAIN_MAX_LEVELS ? 1
                                                                      : -1];

const lk_law *lk_assessment_law(const lk_assessment *a)
{
    return a->law;
}

const lk_case *lk_assessment_case(const lk_assessment *a)
{
    return a->c;
}

/* ---- targets --------------------------------------------------------- */

/* 1 if the outcomes "possible" of target "t" do not share one status. */
static int explain_undetermined(const lk_law *law, int t, uint64_t possible)
{
    uint64_t rest;
    int s, l, status = -1;
    for (rest = possible; rest != 0; rest &= rest - 1) {
        lk_law__outcome_split(&law->targets[t], __builtin_ctzll(rest), &s,
                              &l);
        if (status >= 0 && s != status)
            return 1;
        status = s;
    }
    return status < 0;
}

void lk_explain_target(const lk_assessment *a, size_t t, lk_target_result *out)
{
    const lk_tres *r = &a->ev.t[t];
    int f;
    memset(out, 0, sizeof(*out));
    out->status = lk_assess__status(a->law, &a->ev, (int)t, &out->level);
    out->undetermined = explain_undetermined(a->law, (int)t, r->possible);
    out->several = LK_MANY(r->possible);
    out->score_min = r->smin;
    out->score_max = r->smax;
    out->choice[0] = r->conflict[0];
    out->choice[1] = r->conflict[1];
    if (!out->several)
        return;
    for (f = 0; f < LK_FACT_FIRST_DERIVED; f++)
        if (r->unknown & (1u << f))
            out->unknown[out->nunknown++] = f;
}

size_t lk_explain_reasons(const lk_assessment *a, size_t t, lk_reason *out,
                          size_t max)
{
    const lk_law *law = a->law;
    const lk_target *tg = &law->targets[t];
    int many = LK_MANY(a->ev.t[t].possible), deciding = 0, prio = 0, i;
    size_t n = 0;
    for (i = 0; i < tg->nrules; i++) {
        int ri = tg->rules[i];
        if (a->ev.tv[ri] == LK_TV_TRUE) {
            deciding = 1;
            prio = law->rules[ri].info.priority;
            break;
        }
    }
    for (i = 0; i < tg->nrules && n < max; i++) {
        int ri = tg->rules[i];
        int tv = a->ev.tv[ri];
        if (deciding && law->rules[ri].info.priority < prio)
            break;
        if (tv == LK_TV_TRUE ||
            (tv == LK_TV_UNKNOWN && (tg->kind == LK_TK_SCORE || many))) {
            out[n].rule = (size_t)ri;
            out[n++].applies = tv == LK_TV_TRUE;
        }
    }
    return n;
}

int lk_explain_rule_state(const lk_assessment *a, size_t rule)
{
    int tv = a->ev.tv[rule];
    return tv == LK_TV_TRUE ? 1 : tv == LK_TV_FALSE ? 0 : -1;
}

/* ---- rules ----------------------------------------------------------- */

size_t lk_explain_target_rules(const lk_law *law, size_t t, size_t *out,
                               size_t max)
{
    const lk_target *tg = &law->targets[t];
    size_t n = 0;
    int i;
    for (i = 0; i < tg->nrules && n < max; i++)
        out[n++] = (size_t)tg->rules[i];
    return n;
}

size_t lk_explain_rule_facts(const lk_law *law, size_t rule, int *out,
                             size_t max)
{
    uint32_t base = 0, rest;
    size_t n = 0;
    /* the set bits only: every reason of every rendered target asks */
    for (rest = law->rules[rule].facts; rest != 0; rest &= rest - 1)
        base |= lk_law__fact_deps(__builtin_ctz(rest));
    for (rest = base; rest != 0 && n < max; rest &= rest - 1)
        out[n++] = __builtin_ctz(rest);
    return n;
}

size_t lk_explain_rule_targets(const lk_law *law, size_t rule, size_t *out,
                               size_t max)
{
    uint64_t used = law->rules[rule].targets;
    size_t n = 0;
    int t;
    for (t = 0; t < law->ntargets && n < max; t++)
        if (used & ((uint64_t)1 << t))
            out[n++] = (size_t)t;
    return n;
}

int lk_explain_rule_weight(const lk_law *law, size_t rule)
{
    return law->rules[rule].weight;
}

/* ---- facts ----------------------------------------------------------- */

size_t lk_explain_fact_count(void)
{
    return LK_F_COUNT;
}

void lk_explain_fact_info(size_t f, lk_fact_info *out)
{
    const lk_fact_def *def;
    memset(out, 0, sizeof(*out));
    out->pointer = out->label = "";
    if (f >= LK_F_COUNT)
        return;
    def = lk_facts__def((int)f);
    out->pointer = lk_assess__fact_pointer((int)f);
    out->label = def->label;
    out->derived = f >= LK_FACT_FIRST_DERIVED;
}

/* Append the strings of JSON array "cites" to "v", each once. */
static void explain_add_cites(lk_fact_view *v, json_t *cites)
{
    size_t i, k;
    json_t *c;
    json_array_foreach(cites, i, c)
    {
        const char *s = json_string_value(c);
        int dup = 0;
        if (s == NULL)
            continue;
        for (k = 0; k < v->ncites && !dup; k++)
            dup = strcmp(v->cites[k], s) == 0;
        if (!dup && v->ncites < LK_EXPLAIN_MAX_FACT_CITES)
            v->cites[v->ncites++] = s;
    }
}

/* The "cite" of the nearest object enclosing the fact at "pointer": the
 * last object on the way down that has one, else the case's own. */
static json_t *explain_nearest_cites(json_t *root, const char *p)
{
    json_t *obj = root, *best = json_object_get(root, "cite");
    char seg[64];
    while (*p == '/') {
        size_t k = 0;
        p++;
        while (*p && *p != '/' && k + 1 < sizeof(seg))
            seg[k++] = *p++;
        seg[k] = '\0';
        if (*p == '\0') { /* the fact itself: its own cite wins */
            json_t *v = json_object_get(obj, seg);
            if (json_is_object(v) && json_object_get(v, "cite"))
                best = json_object_get(v, "cite");
            break;
        }
        obj = json_object_get(obj, seg);
        if (!json_is_object(obj))
            break;
        if (json_object_get(obj, "cite"))
            best = json_object_get(obj, "cite");
    }
    return best;
}

/* The evidence rule that read the case's evidence for fact "f", with its
 * text and law sources, into "v" (see lk_fact_view). */
static const lk_evidence_rule *explain_evidence(const lk_assessment *a,
                                                int f, lk_fact_view *v)
{
    const lk_evidence_rule *r =
        lk_law__evidence_rule(a->law, lk_case__json(a->c), f, &v->evidence);
    size_t i;
    json_t *c;
    if (r == NULL)
        return NULL;
    v->evidence_rule = r->id;
    v->evidence_text = r->text;
    json_array_foreach(r->cites, i, c)
        if (json_is_string(c) && v->nevidence_cites < LK_EXPLAIN_MAX_CITES)
            v->evidence_cites[v->nevidence_cites++] = json_string_value(c);
    return r;
}

/* The agency's words for the attribution's confidence, their vocabulary
 * and its sources, into "v" (see lk_fact_view). */
static void explain_phrase(const lk_assessment *a, lk_fact_view *v)
{
    const char *words = lk_vocab__stated(lk_case__json(a->c));
    const lk_vocab_phrase *p = NULL;
    if (lk_vocab__level(a->law, words, &p) < 0 || p == NULL)
        return;
    v->phrase = words;
    v->vocabulary = p->titles;
    v->nvocabulary_cites = lk_vocab__cites(a->law, p, v->vocabulary_cites,
                                           LK_EXPLAIN_MAX_CITES);
}

/* Case-local sources cited for fact "f" (see lk_fact_view). */
/* The sources of the disputed fact at "pointer": those of each of its
 * competing values (its own, else its object's) added to "v" (which may
 * be NULL); 0 if not disputed. */
static int explain_disputed_cites(const lk_case *c, const char *pointer,
                                  lk_fact_view *v)
{
    lk_case_fact_info info;
    lk_case_value_info alt;
    json_t *at = lk_case__fact_json(c, pointer);
    int i;
    size_t k, j;
    /* most facts are not disputed: ask the tree before walking the case */
    if (!json_is_object(at) || json_object_get(at, "disputed") == NULL)
        return 0;
    i = lk_case_fact_find(c, pointer);
    if (i < 0)
        return 0;
    lk_case_fact(c, (size_t)i, &info);
    if (!info.disputed)
        return 0;
    for (k = 0; v != NULL && k < info.nvalues; k++) {
        lk_case_fact_value(c, (size_t)i, k, &alt);
        for (j = 0; j < alt.ncites; j++) {
            size_t d;
            int dup = 0;
            for (d = 0; d < v->ncites && !dup; d++)
                dup = strcmp(v->cites[d], alt.cites[j]) == 0;
            if (!dup && v->ncites < LK_EXPLAIN_MAX_FACT_CITES)
                v->cites[v->ncites++] = alt.cites[j];
        }
    }
    return 1;
}

/* Case-local sources cited for fact "f" (see lk_fact_view): a fact given
 * wrapped cites its own sources, a disputed one those of each side. */
static void explain_fact_cites(const lk_assessment *a, int f, lk_fact_view *v)
{
    json_t *root = lk_case__json(a->c), *item;
    const lk_evidence_rule *r = explain_evidence(a, f, v);
    size_t i;
    if (f == LK_F_ATTR_CONFIDENCE)
        explain_phrase(a, v);
    if (r != NULL && r->value >= 0) {
        /* derived from the evidence (mail verification): cite it */
        json_t *e = json_array_get(json_object_get(root, "evidence"),
                                   v->evidence);
        v->from_evidence = 1;
        explain_add_cites(v, json_object_get(e, "cite")
                                 ? json_object_get(e, "cite")
                                 : json_object_get(root, "cite"));
        return;
    }
    if (f == LK_F_ACCESS_METHOD) {
        json_array_foreach(json_object_get(root, "access"), i, item)
        {
            json_t *m = json_object_get(item, "method");
            explain_add_cites(v, json_is_object(m) &&
                                         json_object_get(m, "cite")
                                     ? json_object_get(m, "cite")
                                     : json_object_get(item, "cite"));
        }
        if (v->ncites > 0)
            return;
    }
    if (explain_disputed_cites(a->c, lk_facts__def(f)->pointer, v) &&
        v->ncites > 0)
        return;
    explain_add_cites(v, explain_nearest_cites(root,
                                               lk_facts__def(f)->pointer));
}

void lk_explain_fact(const lk_assessment *a, size_t f, lk_fact_view *out)
{
    /* all but the case's sources, 8 KB no entry of which is read past
     * out->ncites (the CSV row asks for four facts of every case) */
    memset(out, 0, offsetof(lk_fact_view, cites));
    memset(&out->from_evidence, 0,
           sizeof(*out) - offsetof(lk_fact_view, from_evidence));
    if (f >= LK_F_COUNT)
        return;
    out->known = a->facts.f[f].known;
    out->disputed = a->facts.f[f].disputed;
    lk_facts__format(&a->facts, (int)f, out->value, sizeof(out->value));
    if (f < LK_FACT_FIRST_DERIVED) {
        /* a dispute over a value the law does not enumerate (a date) is
         * simply unknown to the law, but still a dispute */
        out->disputed |= explain_disputed_cites(a->c,
                                                lk_facts__def((int)f)->pointer,
                                                NULL);
        explain_fact_cites(a, (int)f, out);
    }
}

/* ---- what-if --------------------------------------------------------- */

int lk_explain_whatif_done(const lk_assessment *a)
{
    return a->whatif_done;
}

size_t lk_explain_whatif_count(const lk_assessment *a)
{
    return a->nwi;
}

void lk_explain_whatif(const lk_assessment *a, size_t i, lk_whatif_view *out)
{
    const lk_whatif *w = &a->wi[i];
    int k;
    memset(out, 0, sizeof(*out));
    out->lens = (size_t)w->lens;
    out->verdict = lk_assess__status_of(a->law, w->lens, w->possible, NULL);
    out->nchanges = (size_t)w->n;
    for (k = 0; k < w->n; k++) {
        lk_facts tmp = a->facts;
        lk_change_view *cv = &out->change[k];
        cv->fact = w->ch[k].fact;
        lk_facts__format(&a->facts, cv->fact, cv->from, sizeof(cv->from));
        tmp.f[cv->fact] = w->ch[k].to;
        lk_facts__format(&tmp, cv->fact, cv->to, sizeof(cv->to));
    }
}

size_t lk_explain_whatif_more(const lk_assessment *a)
{
    return a->wi_more;
}

/* ---- precedents ------------------------------------------------------ */

size_t lk_explain_precedent_count(const lk_assessment *a)
{
    return a->lib ? (size_t)a->nprec : 0;
}

void lk_explain_precedent(const lk_assessment *a, size_t i,
                          lk_precedent_view *out)
{
    const lk_precedent *pr = &a->prec[i];
    const lk_assessment *p = a->lib->as[pr->index];
    int t;
    memset(out, 0, sizeof(*out));
    out->c = p->c;
    out->assessment = p;
    out->similarity = pr->similarity;
    for (t = 0; t < a->law->ntargets; t++) {
        lk_precedent_point *pt;
        if (pr->agree & ((uint64_t)1 << t))
            pt = &out->agrees[out->nagrees++];
        else if (pr->differ & ((uint64_t)1 << t))
            pt = &out->differs[out->ndiffers++];
        else
            continue;
        pt->element = (size_t)t;
        pt->status = lk_assess__status(a->law, &a->ev, t, NULL);
        pt->precedent = lk_assess__status(a->law, &p->ev, t, NULL);
    }
}

/* ---- commentary ------------------------------------------------------ */

/* Fill "out"'s cites from JSON array "cites". */
static void explain_note_cites(lk_note_view *out, json_t *cites)
{
    size_t i;
    json_t *c;
    json_array_foreach(cites, i, c)
        if (json_is_string(c) && out->ncites < LK_EXPLAIN_MAX_CITES)
            out->cites[out->ncites++] = json_string_value(c);
}

size_t lk_explain_caveat_count(const lk_law *law)
{
    return json_array_size(law->caveats);
}

void lk_explain_caveat(const lk_law *law, size_t i, lk_note_view *out)
{
    json_t *cv = json_array_get(law->caveats, i);
    const char *text = json_string_value(json_object_get(cv, "text"));
    memset(out, 0, sizeof(*out));
    out->subject = out->name = "";
    out->text = text ? text : "";
    explain_note_cites(out, json_object_get(cv, "cites"));
}

size_t lk_explain_standard_count(const lk_law *law)
{
    return (size_t)law->nstandards;
}

void lk_explain_standard(const lk_law *law, size_t i, lk_note_view *out)
{
    const lk_standard *s = &law->standards[i];
    memset(out, 0, sizeof(*out));
    out->subject = s->element;
    out->name = s->name;
    out->text = s->text;
    explain_note_cites(out, s->cites);
}

const char *lk_law_profile_title(const lk_law *law)
{
    return law->profile_title;
}

void lk_explain_profile(const lk_law *law, lk_note_view *out)
{
    memset(out, 0, sizeof(*out));
    out->subject = law->profile;
    out->name = law->profile_title;
    out->text = "";
    explain_note_cites(out, law->profile_cites);
}

/* ---- chart ----------------------------------------------------------- */

/* Fill the axes of "g" from the model's chart; LK_ENOTFOUND without
 * one. "*fact" receives the fact on the y axis. */
static int explain_chart_axes(lk_chart_grid *g, const lk_law *law, int *fact)
{
    const lk_chart_info *ci = lk_law_chart(law);
    int lens, score, k, lo = 0, hi = 0;
    if (ci == NULL)
        return LK_ENOTFOUND;
    lens = lk_law__target_find(law, ci->lens);
    score = lk_law__target_find(law, ci->score);
    *fact = lk_facts__find(ci->fact);
    if (lens < 0 || score < 0 || *fact < 0)
        return LK_ENOTFOUND;
    for (k = 0; k < law->targets[score].nrules; k++) {
        int w = law->rules[law->targets[score].rules[k]].weight;
        if (w > 0)
            hi += w;
        else
            lo += w;
    }
    if (hi <= lo)
        return LK_ENOTFOUND;
    if (hi - lo + 1 > LK_EXPLAIN_MAX_SCORES)
        return LK_ETOOBIG;
    g->lens = (size_t)lens;
    g->score = (size_t)score;
    g->x_min = lo;
    g->x_max = hi;
    for (k = 0; ci->y_values && ci->y_values[k]; k++) {
        if (k >= LK_EXPLAIN_MAX_LEVELS)
            return LK_ETOOBIG;
        g->levels[g->nlevels++] = ci->y_values[k];
    }
    g->y_title = ci->title_y;
    return 0;
}

int lk_explain_chart(lk_chart_grid *out, const lk_assessment *a,
                     lk_error *err)
{
    const lk_law *law = a->law;
    const lk_fval *yv;
    lk_eval ev;
    lk_facts f;
    size_t lvl;
    int s, error, fact = -1;

    memset(out, 0, sizeof(*out));
    error = explain_chart_axes(out, law, &fact);
    if (error < 0)
        return error == LK_ETOOBIG
                   ? lk_error_set(err, error, "chart wider than %d values",
                                  LK_EXPLAIN_MAX_SCORES)
                   : lk_error_set(err, error, "the model defines no chart");
    error = lk_eval__init(&ev, law, err);
    if (error < 0)
        return error;
    for (lvl = 0; lvl < out->nlevels; lvl++) {
        for (s = out->x_min; s <= out->x_max; s++) {
            f = a->facts;
            f.f[fact].known = 1;
            f.f[fact].partial = 0;
            f.f[fact].v = (int32_t)lvl;
            ev.force_score = (int)out->score;
            ev.force_value = s;
            lk_eval__run(&ev, law, &f);
            out->cell[lvl][s - out->x_min] =
                lk_assess__status(law, &ev, (int)out->lens, NULL);
        }
    }
    lk_eval__dispose(&ev);
    out->case_min = a->ev.t[out->score].smin;
    out->case_max = a->ev.t[out->score].smax;
    yv = &a->facts.f[fact];
    out->case_level = yv->known ? (int)yv->v : -1;
    return 0;
}

/* ---- expected verdicts ----------------------------------------------- */

size_t lk_explain_expected_count(const lk_assessment *a)
{
    return lk_case_expected_count(a->c);
}

void lk_explain_expected(const lk_assessment *a, size_t i,
                         lk_expected_view *out)
{
    int t;
    memset(out, 0, sizeof(*out));
    out->expected = lk_case_expected(a->c, i, &out->lens);
    out->got = "";
    t = lk_law_target_index(a->law, out->lens);
    if (t < 0 || a->law->targets[t].kind != LK_TK_LENS)
        return; /* not a lens: lk_law_check_case refuses such a case */
    out->got = lk_assess__status(a->law, &a->ev, t, NULL);
    out->matches = strcmp(out->got, out->expected) == 0;
}
