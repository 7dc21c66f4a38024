/*
 * precedent.c: the nearest precedents of an assessment in a case library
 * (similarity over the decisive elements and the key facts both cases
 * know; docs/method.md) and the library's leave-one-out statistics.
 */
#include "precedent.h"

#include <string.h>

#include "alloc.h"
#include "status.h"

#define PREC_ELEMENT_POINTS 4 /* an element with the same outcome */
#define PREC_LEVEL_POINTS 3   /* the same status, another or open level */
#define PREC_FACT_POINTS 2    /* a key fact with the same value */
#define PREC_OVERLAP_POINTS 1 /* a set fact sharing some member */

/* What the similarity compares, derived from the law once per search. */
typedef struct {
    uint64_t elements; /* decisive elements: those the lenses' rules read */
    uint32_t facts;    /* key facts: read by a rule the lenses depend on */
    const char *status[LK_MAX_TARGETS]; /* per decisive element: its status
                                           in the assessed case, NULL when
                                           open (worked out once, not per
                                           precedent) */
} prec_basis;

/* The decisive elements and key facts of "law" (see docs/method.md). */
static void prec_basis_of(const lk_law *law, prec_basis *b)
{
    uint64_t closure = 0;
    int t, k;
    memset(b, 0, sizeof(*b));
    for (t = 0; t < law->ntargets; t++)
        if (law->targets[t].kind == LK_TK_LENS)
            closure |= (uint64_t)1 << t;
    /* rules read only targets decided earlier: one pass downwards */
    for (t = law->ntargets - 1; t >= 0; t--) {
        const lk_target *tg = &law->targets[t];
        if (!(closure & ((uint64_t)1 << t)))
            continue;
        for (k = 0; k < tg->nrules; k++) {
            const lk_rule *r = &law->rules[tg->rules[k]];
            closure |= r->targets;
            b->facts |= r->facts;
            if (tg->kind == LK_TK_LENS)
                b->elements |= r->targets;
        }
    }
    for (t = 0; t < law->ntargets; t++)
        if (law->targets[t].kind != LK_TK_ELEMENT)
            b->elements &= ~((uint64_t)1 << t);
    for (k = 0; k < LK_F_COUNT; k++) {
        int type = lk_facts__def(k)->type;
        if (type != LK_FT_ENUM && type != LK_FT_BOOL && type != LK_FT_SET)
            b->facts &= ~(1u << k); /* dates, numbers, countries */
    }
}

/* Note in "b" the status in "a" of each decisive element (NULL: open). */
static void prec_basis_status(const lk_assessment *a, prec_basis *b)
{
    const char *open = lk_law__open_status(a->law);
    int t;
    for (t = 0; t < a->law->ntargets; t++) {
        const char *st;
        if (!(b->elements & ((uint64_t)1 << t)))
            continue;
        st = lk_assess__status_of(a->law, t, a->ev.t[t].possible, NULL);
        b->status[t] = strcmp(st, open) ? st : NULL;
    }
}

/* Points of element "t" (out of PREC_ELEMENT_POINTS) when "a" knows its
 * status "sa"; marks "p"'s agreement or difference. */
static int prec_element(const lk_law *law, int t, const char *sa,
                        uint64_t pa, uint64_t pb, lk_precedent *p)
{
    const char *open = lk_law__open_status(law);
    const char *sb = lk_assess__status_of(law, t, pb, NULL);
    if (!strcmp(sb, open))
        return 0; /* the precedent does not know: no credit */
    if (strcmp(sa, sb) != 0) {
        p->differ |= (uint64_t)1 << t;
        p->ndiffer++;
        return 0;
    }
    p->agree |= (uint64_t)1 << t;
    return pa == pb && LK_ONE(pa) ? PREC_ELEMENT_POINTS : PREC_LEVEL_POINTS;
}

/* Points of key fact "f" (out of PREC_FACT_POINTS) known in "a". */
static int prec_fact(int f, const lk_fval *x, const lk_fval *y,
                     lk_precedent *p)
{
    if (!y->known)
        return 0;
    if (lk_facts__def(f)->type == LK_FT_SET) {
        if (x->mask == y->mask)
            return PREC_FACT_POINTS;
        if (x->mask & y->mask)
            return PREC_OVERLAP_POINTS;
    } else if (x->v == y->v) {
        return PREC_FACT_POINTS;
    }
    p->ndiffer++;
    return 0;
}

/* The similarity of precedent "b" to the assessed "a", per mille, with
 * its agreements and differences, in "p". */
static void prec_compare(const lk_law *law, const prec_basis *basis,
                         const lk_assessment *a, const lk_assessment *b,
                         lk_precedent *p)
{
    int t, f, score = 0, out_of = 0;
    for (t = 0; t < law->ntargets; t++) {
        if (!(basis->elements & ((uint64_t)1 << t)) || !basis->status[t])
            continue;
        out_of += PREC_ELEMENT_POINTS;
        score += prec_element(law, t, basis->status[t], a->ev.t[t].possible,
                              b->ev.t[t].possible, p);
    }
    for (f = 0; f < LK_F_COUNT; f++) {
        if (!(basis->facts & (1u << f)) || !a->facts.f[f].known)
            continue;
        out_of += PREC_FACT_POINTS;
        score += prec_fact(f, &a->facts.f[f], &b->facts.f[f], p);
    }
    p->similarity = out_of ? score * 1000 / out_of : 0;
}

/* 1 if precedent "x" ranks before "y": more similar, then fewer points
 * of difference; ties keep library (name) order. */
static int prec_before(const lk_precedent *x, const lk_precedent *y)
{
    if (x->similarity != y->similarity)
        return x->similarity > y->similarity;
    return x->ndiffer < y->ndiffer;
}

/* The nearest precedents of "a" in "lib" (never a case with its id),
 * nearest first, in "top". @return their number. */
static int prec_top(const lk_assessment *a, const lk_library *lib,
                    lk_precedent *top)
{
    prec_basis basis;
    size_t i;
    int k, n = 0;
    prec_basis_of(a->law, &basis);
    prec_basis_status(a, &basis);
    for (i = 0; i < lib->n; i++) {
        lk_precedent p;
        if (strcmp(lk_case_id(lib->cases[i]), lk_case_id(a->c)) == 0)
            continue;
        memset(&p, 0, sizeof(p));
        p.index = i;
        prec_compare(a->law, &basis, a, lib->as[i], &p);
        /* insertion into the top list */
        for (k = n; k > 0 && prec_before(&p, &top[k - 1]); k--)
            if (k < LK_MAX_PRECEDENTS)
                top[k] = top[k - 1];
        if (k < LK_MAX_PRECEDENTS) {
            top[k] = p;
            if (n < LK_MAX_PRECEDENTS)
                n++;
        }
    }
    return n;
}

void lk_assess__precedents(lk_assessment *a, const lk_library *lib)
{
    a->nprec = prec_top(a, lib, a->prec);
    a->lib = lib;
}

/* ---- leave-one-out -------------------------------------------------- */

int lk_library_stats_init(lk_library_stats *out, const lk_law *law,
                          const lk_library *lib, lk_error *err)
{
    size_t i, l;
    int t;
    memset(out, 0, sizeof(*out));
    for (t = 0; t < law->ntargets && out->nlenses < LK_LIBRARY_MAX_LENSES;
         t++)
        if (law->targets[t].kind == LK_TK_LENS)
            out->lens[out->nlenses++] = (size_t)t;
    out->ncases = lib->n;
    out->nearest = lk_calloc(lib->n + 1, sizeof(size_t));
    out->chosen = lk_calloc(lib->n + 1, sizeof(size_t));
    if (out->nearest == NULL || out->chosen == NULL) {
        lk_library_stats_dispose(out);
        return lk_error_set_oom(err);
    }
    for (i = 0; i < lib->n; i++) {
        const lk_assessment *a = lib->as[i], *b;
        lk_precedent top[LK_MAX_PRECEDENTS];
        out->nearest[i] = (size_t)-1;
        if (prec_top(a, lib, top) == 0)
            continue;
        b = lib->as[top[0].index];
        out->nearest[i] = top[0].index;
        out->chosen[top[0].index]++;
        out->compared++;
        for (l = 0; l < out->nlenses; l++)
            if (!strcmp(lk_assess__status(law, &a->ev, (int)out->lens[l], NULL),
                        lk_assess__status(law, &b->ev, (int)out->lens[l],
                                          NULL)))
                out->agree[l]++;
    }
    return 0;
}

void lk_library_stats_dispose(lk_library_stats *s)
{
    if (s == NULL)
        return;
    lk_free(s->nearest);
    lk_free(s->chosen);
    s->nearest = s->chosen = NULL;
}
