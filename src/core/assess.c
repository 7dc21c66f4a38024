/*
 * assess.c: an assessment: evaluation of the case, the facts missing for
 * each open verdict, the what-if search for the smallest changes of fact
 * that change a verdict, and the nearest precedents of a case library.
 */
#include "assess.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dir.h"

#include "static_assert.h"

#define ASSESS_MAX_CANDIDATES 256 /* single changes the what-if search tries */
#define ASSESS_MAX_LIBRARY 1000   /* case files of a library */
#define ASSESS_VCODE_OPEN 63      /* verdict code of an undetermined lens */

/* A verdict code is a bit of a uint64_t (single_reach); a lens outcome
 * (no levels: only elements have them) never collides with the open code */
LK_STATIC_ASSERT(assess_vcode_fits, ASSESS_VCODE_OPEN < LK_MAX_OUTCOMES);
LK_STATIC_ASSERT(assess_lens_outcomes, LK_MAX_STATUSES < ASSESS_VCODE_OPEN);

const char *lk_assess__status_of(const lk_law *law, int t, uint64_t possible,
                                 const char **level)
{
    const lk_target *tg = &law->targets[t];
    int s, l, o, status = -1;
    if (level)
        *level = NULL;
    if (possible == 0)
        return lk_law__open_status(law);
    /* the status is determined when every possible outcome shares it,
     * even if the level is still open */
    for (o = 0; o < LK_MAX_OUTCOMES; o++) {
        if (!(possible & ((uint64_t)1 << o)))
            continue;
        lk_law__outcome_split(tg, o, &s, &l);
        if (status >= 0 && s != status)
            return lk_law__open_status(law);
        status = s;
    }
    if (LK_ONE(possible)) {
        lk_law__outcome_split(tg, __builtin_ctzll(possible), &s, &l);
        if (level && l >= 0)
            *level = tg->levels[l];
    }
    return lk_law__statuses(law, tg->kind)[status];
}

const char *lk_assess__status(const lk_law *law, const lk_eval *ev, int t,
                              const char **level)
{
    return lk_assess__status_of(law, t, ev->t[t].possible, level);
}

const char *lk_assess__fact_pointer(int id)
{
    if (id == LK_F_ACCESS_METHOD)
        return "/access";
    return lk_facts__def(id)->pointer;
}

/* ---- what-if -------------------------------------------------------- */

typedef struct {
    lk_change ch;           /* the change */
    uint64_t lens[LK_MAX_LENSES]; /* outcomes of the lenses after it */
    int mover;              /* 1 if it changes any target at all */
} assess_cand;

/* State of one what-if search over assessment "a". */
typedef struct {
    lk_assessment *a;       /* the assessment searched (its law, facts, ev) */
    lk_eval ev;             /* scratch evaluation of a changed case */
    lk_facts f;             /* scratch facts of a changed case */
    int lens[LK_MAX_LENSES]; /* target indices of the lenses */
    int nlens;              /* number of lenses searched */
    assess_cand *cand;      /* every single change, with its effect */
    int ncand;              /* number of candidates */
    uint64_t single_reach[LK_MAX_LENSES]; /* codes reached by singles */
    size_t cap;             /* allocated entries of a->wi */
    int full;               /* re-evaluate everything (LK_ASSESS__FULL_EVAL) */
} assess_search;

/* The lenses of "law", in the model's order, at most LK_MAX_LENSES. */
static int assess_lenses(const lk_law *law, int *lens)
{
    int t, n = 0;
    for (t = 0; t < law->ntargets && n < LK_MAX_LENSES; t++)
        if (law->targets[t].kind == LK_TK_LENS)
            lens[n++] = t;
    return n;
}

/* Every single change of a base fact the search considers. */
static int assess_candidates(const lk_facts *base, lk_change *out, int max)
{
    int id, i, n = 0;
    for (id = 0; id < LK_FACT_FIRST_DERIVED; id++) {
        const lk_fact_def *def = lk_facts__def(id);
        const lk_fval *cur = &base->f[id];
        int size = def->type == LK_FT_BOOL ? 2 : lk_facts__domain_size(id);
        for (i = 0; i < size && n < max; i++) {
            lk_fval to;
            memset(&to, 0, sizeof(to));
            to.known = 1;
            if (def->type == LK_FT_ENUM || def->type == LK_FT_BOOL) {
                if (cur->known && cur->v == i)
                    continue;
                to.v = i;
            } else if (def->type == LK_FT_SET && id == LK_F_ACCESS_METHOD) {
                /* access: "had the data been obtained only by <method>" */
                if (cur->known && !cur->partial && cur->mask == (1u << i))
                    continue;
                to.mask = 1u << i;
            } else if (def->type == LK_FT_SET) {
                if (cur->known) {
                    to.mask = cur->mask;
                    to.partial = cur->partial;
                }
                to.mask ^= 1u << i;
            } else {
                continue; /* dates and countries are not varied */
            }
            out[n].fact = id;
            out[n].to = to;
            n++;
        }
    }
    return n;
}

/* Apply the "nch" changes "ch" to the search's case and evaluate it,
 * re-deciding only what the changes can reach (or everything, when
 * s->full is set: tests compare the two). */
static void assess_eval(assess_search *s, const lk_change *ch, int nch)
{
    const lk_law *law = s->a->law;
    uint32_t changed = 0;
    int i;
    s->f = s->a->facts;
    for (i = 0; i < nch; i++) {
        s->f.f[ch[i].fact] = ch[i].to;
        changed |= 1u << ch[i].fact;
    }
    lk_law__derive(law, &s->f);
    if (s->full)
        lk_eval__run(&s->ev, law, &s->f);
    else
        lk_eval__run_from(&s->ev, law, &s->f, &s->a->ev, changed);
}

/* The verdict of a lens as a small code: its single outcome, or
 * ASSESS_VCODE_OPEN when several outcomes remain possible. */
static int assess_vcode(uint64_t possible)
{
    return LK_ONE(possible) ? __builtin_ctzll(possible) : ASSESS_VCODE_OPEN;
}

static int assess_push_whatif(lk_assessment *a, const lk_whatif *w,
                              size_t *cap, lk_error *err)
{
    if (a->nwi == *cap) {
        size_t n = *cap ? *cap * 2 : 32;
        lk_whatif *p = lk_realloc(a->wi, n * sizeof(*p));
        if (p == NULL)
            return lk_error_set_oom(err);
        a->wi = p;
        *cap = n;
    }
    a->wi[a->nwi++] = *w;
    return 0;
}

static int assess_whatif_cmp(const void *x, const void *y)
{
    const lk_whatif *a = x, *b = y;
    int i, va = assess_vcode(a->possible), vb = assess_vcode(b->possible);
    if (a->lens != b->lens)
        return a->lens - b->lens;
    if (a->n != b->n)
        return a->n - b->n;
    if (va != vb)
        return va - vb;
    if (a->fills != b->fills)
        return b->fills - a->fills; /* filling unknown facts first */
    for (i = 0; i < a->n; i++) {
        if (a->ch[i].fact != b->ch[i].fact)
            return a->ch[i].fact - b->ch[i].fact;
        if (a->ch[i].to.v != b->ch[i].to.v)
            return a->ch[i].to.v - b->ch[i].to.v;
        if (a->ch[i].to.mask != b->ch[i].to.mask)
            return a->ch[i].to.mask < b->ch[i].to.mask ? -1 : 1;
    }
    return 0;
}

/* Evaluate every single change: note whether it moves any target, and
 * record a what-if entry for each lens whose verdict it changes. */
static int assess_singles(assess_search *s, lk_error *err)
{
    lk_assessment *a = s->a;
    const lk_law *law = a->law;
    int i, l, t, error;
    for (i = 0; i < s->ncand; i++) {
        assess_cand *c = &s->cand[i];
        assess_eval(s, &c->ch, 1);
        for (t = 0; t < law->ntargets; t++)
            if (s->ev.t[t].possible != a->ev.t[t].possible ||
                s->ev.t[t].smin != a->ev.t[t].smin ||
                s->ev.t[t].smax != a->ev.t[t].smax)
                c->mover = 1;
        for (l = 0; l < s->nlens; l++) {
            int v = assess_vcode(s->ev.t[s->lens[l]].possible);
            lk_whatif w;
            c->lens[l] = s->ev.t[s->lens[l]].possible;
            if (v == assess_vcode(a->ev.t[s->lens[l]].possible))
                continue;
            memset(&w, 0, sizeof(w));
            w.lens = s->lens[l];
            w.possible = c->lens[l];
            w.n = 1;
            w.ch[0] = c->ch;
            w.fills = !a->facts.f[c->ch.fact].known;
            s->single_reach[l] |= (uint64_t)1 << v;
            error = assess_push_whatif(a, &w, &s->cap, err);
            if (error < 0)
                return error;
        }
    }
    return 0;
}

/* Evaluate the pair "pair" of changes: a what-if entry for each lens it
 * brings to a verdict that no single change reaches. */
static int assess_pair(assess_search *s, const lk_change *pair,
                       lk_error *err)
{
    lk_assessment *a = s->a;
    int l, error;
    assess_eval(s, pair, 2);
    for (l = 0; l < s->nlens; l++) {
        int v = assess_vcode(s->ev.t[s->lens[l]].possible);
        lk_whatif w;
        if (v == assess_vcode(a->ev.t[s->lens[l]].possible) ||
            (s->single_reach[l] & ((uint64_t)1 << v)))
            continue;
        memset(&w, 0, sizeof(w));
        w.lens = s->lens[l];
        w.possible = s->ev.t[s->lens[l]].possible;
        w.n = 2;
        w.ch[0] = pair[0];
        w.ch[1] = pair[1];
        w.fills = !a->facts.f[pair[0].fact].known +
                  !a->facts.f[pair[1].fact].known;
        error = assess_push_whatif(a, &w, &s->cap, err);
        if (error < 0)
            return error;
    }
    return 0;
}

/* Every pair of changes of two different facts that both move something. */
static int assess_pairs(assess_search *s, lk_error *err)
{
    int i, j, error;
    for (i = 0; i < s->ncand; i++) {
        if (!s->cand[i].mover)
            continue;
        for (j = i + 1; j < s->ncand; j++) {
            lk_change pair[2];
            if (!s->cand[j].mover || s->cand[j].ch.fact == s->cand[i].ch.fact)
                continue;
            pair[0] = s->cand[i].ch;
            pair[1] = s->cand[j].ch;
            error = assess_pair(s, pair, err);
            if (error < 0)
                return error;
        }
    }
    return 0;
}

/* Rank the entries and keep, per lens and verdict, the first change of
 * each fact (or pair of facts) and at most "max" of them: varied
 * alternatives rather than every value of one fact. */
static void assess_whatif_keep(lk_assessment *a, unsigned max)
{
    size_t k, kept, out;
    if (a->nwi > 1)
        qsort(a->wi, a->nwi, sizeof(lk_whatif), assess_whatif_cmp);
    for (k = 0, out = 0, kept = 0; k < a->nwi; k++) {
        const lk_whatif *w = &a->wi[k];
        size_t first = out - kept, m;
        int dup = 0;
        if (k > 0 && (w->lens != a->wi[k - 1].lens || w->n != a->wi[k - 1].n ||
                      assess_vcode(w->possible) !=
                          assess_vcode(a->wi[k - 1].possible)))
            kept = 0, first = out;
        for (m = first; m < out; m++)
            if (a->wi[m].ch[0].fact == w->ch[0].fact &&
                (w->n == 1 || a->wi[m].ch[1].fact == w->ch[1].fact))
                dup = 1;
        if (!dup && kept < max) {
            a->wi[out++] = *w;
            kept++;
        }
    }
    a->nwi = out;
}

/*
 * The what-if search (HYPO-style near misses). For each lens and each
 * verdict it could take instead of its present one, the smallest sets of
 * fact changes that produce that verdict: every single change first; a
 * pair only for a verdict no single change reaches, and only when neither
 * change of the pair reaches it alone. At most "max" entries are kept per
 * lens and verdict.
 */
static int assess_whatif(lk_assessment *a, unsigned max, int full,
                         lk_error *err)
{
    lk_change changes[ASSESS_MAX_CANDIDATES];
    assess_search s;
    int i, error;
    memset(&s, 0, sizeof(s));
    s.a = a;
    s.full = full;
    error = lk_eval__init(&s.ev, a->law, err);
    if (error < 0)
        return error;
    s.nlens = assess_lenses(a->law, s.lens);
    s.ncand = assess_candidates(&a->facts, changes, ASSESS_MAX_CANDIDATES);
    s.cand = lk_calloc((size_t)s.ncand + 1, sizeof(*s.cand));
    if (s.cand == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    for (i = 0; i < s.ncand; i++)
        s.cand[i].ch = changes[i];
    error = assess_singles(&s, err);
    if (error == 0)
        error = assess_pairs(&s, err);
    if (error < 0)
        goto out;
    assess_whatif_keep(a, max);
    a->whatif_done = 1;
out:
    lk_free(s.cand);
    lk_eval__dispose(&s.ev);
    return error;
}

/* ---- precedents ----------------------------------------------------- */

/*
 * Similarity of two assessments by their element values, per mille. Per
 * element: the same outcomes 4; the same status, other level 3; outcomes
 * that could coincide (one side undetermined and the other's outcome among
 * its possibilities) 1; different 0.
 */
static int assess_similarity(const lk_law *law, const lk_assessment *a,
                             const lk_assessment *b)
{
    int t, n = 0, score = 0;
    for (t = 0; t < law->ntargets; t++) {
        uint64_t pa = a->ev.t[t].possible, pb = b->ev.t[t].possible;
        const char *sa, *sb;
        if (law->targets[t].kind != LK_TK_ELEMENT)
            continue;
        n++;
        sa = lk_assess__status_of(law, t, pa, NULL);
        sb = lk_assess__status_of(law, t, pb, NULL);
        if (pa == pb)
            score += 4;
        else if (strcmp(sa, sb) == 0 && strcmp(sa, lk_law__open_status(law)))
            score += 3;
        else if (pa & pb)
            score += 1;
    }
    return n ? score * 1000 / (4 * n) : 0;
}

static void assess_precedents(lk_assessment *a, const lk_library *lib)
{
    size_t i;
    int k;
    a->nprec = 0;
    for (i = 0; i < lib->n; i++) {
        lk_precedent p;
        if (strcmp(lk_case_id(lib->cases[i]), lk_case_id(a->c)) == 0)
            continue;
        p.index = i;
        p.similarity = assess_similarity(a->law, a, lib->as[i]);
        /* insertion into the top list; ties keep library (name) order */
        for (k = a->nprec; k > 0 && a->prec[k - 1].similarity < p.similarity;
             k--)
            if (k < LK_MAX_PRECEDENTS)
                a->prec[k] = a->prec[k - 1];
        if (k < LK_MAX_PRECEDENTS) {
            a->prec[k] = p;
            if (a->nprec < LK_MAX_PRECEDENTS)
                a->nprec++;
        }
    }
    a->lib = lib;
}

/* ---- public --------------------------------------------------------- */

int lk_assess(lk_assessment **out, const lk_law *law, const lk_case *c,
              const lk_assess_options *opts, lk_error *err)
{
    lk_assessment *a;
    unsigned flags = opts ? opts->flags : 0;
    unsigned max = opts && opts->max_what_if ? opts->max_what_if : 5;
    int error;

    a = lk_calloc(1, sizeof(*a));
    if (a == NULL)
        return lk_error_set_oom(err);
    a->law = law;
    a->c = c;
    error = lk_eval__init(&a->ev, law, err);
    if (error < 0)
        goto out;
    lk_case__base_facts(c, &a->facts);
    lk_law__evidence_facts(law, lk_case__json(c), &a->facts);
    lk_law__confidence_facts(law, lk_case__json(c), &a->facts);
    error = lk_law__map_access(law, lk_case__json(c), &a->facts, c->doc,
                               NULL, NULL, err);
    if (error < 0)
        goto out;
    lk_law__derive(law, &a->facts);
    lk_eval__run(&a->ev, law, &a->facts);
    if (!(flags & LK_ASSESS_NO_WHATIF)) {
        error = assess_whatif(a, max, !!(flags & LK_ASSESS__FULL_EVAL),
                              err);
        if (error < 0)
            goto out;
    }
    if (!(flags & LK_ASSESS_NO_PRECEDENTS) && opts && opts->library)
        assess_precedents(a, opts->library);
out:
    if (error < 0) {
        lk_assessment_free(a);
        return error;
    }
    *out = a;
    return 0;
}

void lk_assessment_free(lk_assessment *a)
{
    if (a == NULL)
        return;
    lk_eval__dispose(&a->ev);
    lk_free(a->wi);
    lk_free(a);
}

const char *lk_assessment_verdict(const lk_assessment *a, const char *lens)
{
    int t = lk_law__target_find(a->law, lens);
    if (t < 0 || a->law->targets[t].kind != LK_TK_LENS)
        return NULL;
    return lk_assess__status(a->law, &a->ev, t, NULL);
}

const char *lk_assessment_status(const lk_assessment *a, const char *id,
                                 const char **level)
{
    int t = lk_law__target_find(a->law, id);
    if (level)
        *level = NULL;
    if (t < 0 || a->law->targets[t].kind == LK_TK_SCORE)
        return NULL;
    return lk_assess__status(a->law, &a->ev, t, level);
}

int lk_assessment_rule_applied(const lk_assessment *a, const char *rule_id)
{
    size_t i;
    for (i = 0; i < a->law->nrules; i++)
        if (strcmp(a->law->rules[i].info.id, rule_id) == 0)
            return a->ev.tv[i] == LK_TV_TRUE;
    return 0;
}

/* ---- library -------------------------------------------------------- */

static int assess_is_case_file(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.')
        return 0;
    return (n > 5 && !strcmp(name + n - 5, ".json")) ||
           (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
           (n > 4 && !strcmp(name + n - 4, ".yml"));
}

int lk_library_load(lk_library **out, const lk_law *law, const char *dir,
                    lk_error *err)
{
    lk_library *lib = NULL;
    char **names = NULL, path[4096];
    size_t n = 0, i;
    int error = 0;
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;

    opts.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    lib = lk_calloc(1, sizeof(*lib));
    if (lib == NULL)
        return lk_error_set_oom(err);
    error = lk_dir_names(&names, &n, dir, assess_is_case_file,
                         ASSESS_MAX_LIBRARY, "cases", err);
    if (error == LK_EIO)
        lk_error_set_at(err, LK_EIO, dir, 0, 0, NULL,
                        "cannot open the case library");
    if (error < 0)
        goto out;
    lib->cases = lk_calloc(n + 1, sizeof(lk_case *));
    lib->as = lk_calloc(n + 1, sizeof(lk_assessment *));
    if (lib->cases == NULL || lib->as == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    for (i = 0; i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        error = lk_case_load(&lib->cases[lib->n], path, NULL, NULL, err);
        if (error < 0)
            goto out;
        error = lk_assess(&lib->as[lib->n], law, lib->cases[lib->n], &opts,
                          err);
        if (error < 0) {
            lk_case_free(lib->cases[lib->n]);
            lib->cases[lib->n] = NULL;
            goto out;
        }
        lib->n++;
    }
    *out = lib;
    lib = NULL;
out:
    lk_dir_names_free(names, n);
    lk_library_free(lib);
    return error;
}

size_t lk_library_count(const lk_library *lib)
{
    return lib->n;
}

const lk_case *lk_library_case(const lk_library *lib, size_t i)
{
    return i < lib->n ? lib->cases[i] : NULL;
}

const lk_assessment *lk_library_assessment(const lk_library *lib, size_t i)
{
    return i < lib->n ? lib->as[i] : NULL;
}

void lk_library_free(lk_library *lib)
{
    size_t i;
    if (lib == NULL)
        return;
    for (i = 0; i < lib->n; i++) {
        lk_assessment_free(lib->as[i]);
        lk_case_free(lib->cases[i]);
    }
    lk_free(lib->as);
    lk_free(lib->cases);
    lk_free(lib);
}
