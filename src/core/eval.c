/*
 * eval.c: the generic rule engine. Conditions are evaluated in Kleene's
 * three-valued logic; rules of one target are tried from the highest
 * priority down; an exception defeats the rule it names; two applicable
 * rules of equal priority with different outcomes are an interpretive
 * conflict, never resolved silently. No legal content lives here.
 */
#include "eval.h"

#include <string.h>

#include "alloc.h"

int lk_eval__init(lk_eval *ev, const lk_law *law, lk_error *err)
{
    memset(ev, 0, sizeof(*ev));
    ev->nrules = law->nrules;
    ev->force_score = -1;
    ev->tv = lk_calloc(law->nrules + 1, 1);
    ev->unk = lk_calloc(law->nrules + 1, sizeof(uint32_t));
    if (ev->tv == NULL || ev->unk == NULL) {
        lk_eval__dispose(ev);
        return lk_error_set_oom(err);
    }
    return 0;
}

void lk_eval__dispose(lk_eval *ev)
{
    lk_free(ev->tv);
    lk_free(ev->unk);
    ev->tv = NULL;
    ev->unk = NULL;
}

/* The facts that leave fact "fact" unknown: its own base facts that are
 * unknown (a derived fact's known inputs are not missing). Visits only
 * the bits of its base facts (one or two): the what-if search calls this
 * for every unknown test of every trial. */
static uint32_t eval_unknown(const lk_facts *f, int fact)
{
    uint32_t deps = lk_law__fact_deps(fact), u = 0, rest;
    int b;
    for (rest = deps; rest != 0; rest &= rest - 1) {
        b = __builtin_ctz(rest);
        if (!f->f[b].known || f->f[b].partial)
            u |= 1u << b;
    }
    return u ? u : deps;
}

/*
 * A test of a disputed ENUM or BOOL fact: true when every value the
 * dispute leaves open passes it, false when none does, else unknown —
 * every open value is evaluated, as for an unknown fact.
 */
static int eval_disputed(const lk_cond *c, const lk_fval *fv)
{
    uint32_t pass = 0;
    int i;
    for (i = 0; i < 32; i++) {
        if (!(fv->mask & (1u << i)))
            continue;
        if (c->op == LK_C_IN && ((c->mask >> i) & 1))
            pass |= 1u << i;
        else if (c->op == LK_C_RANGE && i >= c->lo && i <= c->hi)
            pass |= 1u << i;
        else if (c->op != LK_C_IN && c->op != LK_C_RANGE)
            return LK_TV_UNKNOWN;
    }
    if (pass == fv->mask)
        return LK_TV_TRUE;
    return pass == 0 ? LK_TV_FALSE : LK_TV_UNKNOWN;
}

/* A test of one fact (LK_C_KNOWN, LK_C_SAME, LK_C_IN, LK_C_HAS,
 * LK_C_EMPTY, LK_C_RANGE) in Kleene logic; the facts that leave it
 * unknown go into "*unk". */
static int eval_fact(const lk_facts *f, const lk_cond *c, uint32_t *unk)
{
    const lk_fval *fv;
    int r;
    fv = &f->f[c->arg];
    if (c->op == LK_C_KNOWN)
        return fv->known ? LK_TV_TRUE : LK_TV_FALSE;
    if (c->op == LK_C_SAME) {
        const lk_fval *o = &f->f[c->lo];
        if (fv->known && o->known)
            return fv->v == o->v;
        if (!fv->known)
            *unk |= eval_unknown(f, c->arg);
        if (!o->known)
            *unk |= eval_unknown(f, c->lo);
        return LK_TV_UNKNOWN;
    }
    if (!fv->known) {
        r = fv->disputed ? eval_disputed(c, fv) : LK_TV_UNKNOWN;
        if (r == LK_TV_UNKNOWN)
            *unk |= eval_unknown(f, c->arg);
        return r;
    }
    switch (c->op) {
    case LK_C_IN:
        if (lk_facts__def(c->arg)->type == LK_FT_COUNTRY)
            return fv->v == c->lo;
        return (int)((c->mask >> fv->v) & 1);
    case LK_C_HAS:
        if (fv->mask & c->mask)
            return LK_TV_TRUE;
        if (!fv->partial)
            return LK_TV_FALSE;
        *unk |= eval_unknown(f, c->arg);
        return LK_TV_UNKNOWN;
    case LK_C_EMPTY:
        if (fv->mask)
            return LK_TV_FALSE;
        if (!fv->partial)
            return LK_TV_TRUE;
        *unk |= eval_unknown(f, c->arg);
        return LK_TV_UNKNOWN;
    case LK_C_RANGE:
        return fv->v >= c->lo && fv->v <= c->hi;
    default:
        return LK_TV_FALSE;
    }
}

int lk_eval__fact_test(const lk_law *law, const lk_facts *facts, int ci)
{
    uint32_t unk = 0;
    return eval_fact(facts, &law->conds[ci], &unk);
}

static int eval_cond(const lk_law *law, const lk_facts *f, const lk_eval *ev,
                     int ci, uint32_t *unk)
{
    const lk_cond *c = &law->conds[ci];
    uint32_t m = 0, km;
    int i, r, res;

    switch (c->op) {
    case LK_C_ALWAYS:
        return LK_TV_TRUE;
    case LK_C_ALL:
    case LK_C_ANY:
        res = c->op == LK_C_ALL ? LK_TV_TRUE : LK_TV_FALSE;
        for (i = 0; i < c->nkids; i++) {
            km = 0;
            r = eval_cond(law, f, ev, law->kids[c->kid0 + i], &km);
            if (c->op == LK_C_ALL && r == LK_TV_FALSE)
                return LK_TV_FALSE;
            if (c->op == LK_C_ANY && r == LK_TV_TRUE)
                return LK_TV_TRUE;
            if (r == LK_TV_UNKNOWN) {
                res = LK_TV_UNKNOWN;
                m |= km;
            }
        }
        if (res == LK_TV_UNKNOWN)
            *unk |= m;
        return res;
    case LK_C_NOT:
        r = eval_cond(law, f, ev, law->kids[c->kid0], &m);
        if (r == LK_TV_UNKNOWN) {
            *unk |= m;
            return r;
        }
        return !r;
    case LK_C_TARGET: {
        const lk_tres *t = &ev->t[c->arg];
        if ((t->possible & ~c->mask) == 0)
            return LK_TV_TRUE;
        if ((t->possible & c->mask) == 0)
            return LK_TV_FALSE;
        *unk |= t->unknown;
        return LK_TV_UNKNOWN;
    }
    case LK_C_SCORE: {
        const lk_tres *t = &ev->t[c->arg];
        if (t->smin >= c->lo && t->smax <= c->hi)
            return LK_TV_TRUE;
        if (t->smax < c->lo || t->smin > c->hi)
            return LK_TV_FALSE;
        *unk |= t->unknown;
        return LK_TV_UNKNOWN;
    }
    default:
        break;
    }
    return eval_fact(f, c, unk);
}

/* What an evaluation may take from others instead of evaluating again:
 * it is over facts that differ from those of "base" only in the base
 * facts of "changed", and each "alt" entry was made over facts that
 * differ from them only in some of those facts (lk_eval__run_some). */
typedef struct {
    const lk_eval *base;    /* NULL: every rule is evaluated */
    uint32_t changed;       /* facts changed from base */
    const lk_eval_alt *alt; /* evaluations under part of the changes */
    int nalt;
} eval_from;

/* 1 if the value of rule "ri" (no exception defeats it: its value in an
 * evaluation is its condition's) is known without evaluating it, and then
 * put in ev: its value depends only on the facts of r->deps, so when none
 * of them changed it is base's, and when those that changed are among an
 * alternative's changes it is that alternative's. */
static inline int eval_reuse(lk_eval *ev, const lk_rule *r,
                             const eval_from *from, int ri)
{
    const uint8_t *tv;
    const uint32_t *unk;
    uint32_t d;
    int k;
    if (from == NULL)
        return 0;
    d = r->deps & from->changed;
    if (d == 0) {
        tv = from->base->tv;
        unk = from->base->unk;
    } else {
        for (k = 0; k < from->nalt && (d & ~from->alt[k].changed) != 0; k++)
            ;
        if (k == from->nalt)
            return 0;
        tv = from->alt[k].tv;
        unk = from->alt[k].unk;
    }
    ev->tv[ri] = tv[ri];
    ev->unk[ri] = unk[ri];
    return 1;
}

/* The score "t": the sum of the weights of its indicators that apply,
 * as a range when some are unknown. An indicator has no exceptions: its
 * value is its condition's, taken from "from" where it can be. */
static void eval_score(lk_eval *ev, const lk_law *law, const lk_facts *f,
                       int t, const eval_from *from)
{
    const lk_target *tg = &law->targets[t];
    lk_tres *res = &ev->t[t];
    int i;
    res->smin = res->smax = 0;
    for (i = 0; i < tg->nrules; i++) {
        int ri = tg->rules[i];
        const lk_rule *r = &law->rules[ri];
        uint32_t m = 0;
        int tv;
        if (eval_reuse(ev, r, from, ri)) {
            tv = ev->tv[ri];
            m = ev->unk[ri];
        } else {
            tv = eval_cond(law, f, ev, r->cond, &m);
            ev->tv[ri] = (uint8_t)tv;
            ev->unk[ri] = tv == LK_TV_UNKNOWN ? m : 0;
        }
        if (tv == LK_TV_TRUE) {
            res->smin += r->weight;
            res->smax += r->weight;
        } else if (tv == LK_TV_UNKNOWN) {
            if (r->weight > 0)
                res->smax += r->weight;
            else
                res->smin += r->weight;
            res->unknown |= m;
        }
    }
}

/* The statuses of the outcomes "o" of target "tg", as a bit set. */
static uint64_t eval_statuses(const lk_target *tg, uint64_t o)
{
    uint64_t st = 0, rest;
    int s, l;
    for (rest = o; rest != 0; rest &= rest - 1) {
        lk_law__outcome_split(tg, __builtin_ctzll(rest), &s, &l);
        st |= (uint64_t)1 << s;
    }
    return st;
}

/* The raw truth values of the rules of "tg" (before exceptions). A rule
 * with no exception takes its value from "from" where it can: without
 * exceptions its value there is its raw one. */
static void eval_raw(lk_eval *ev, const lk_law *law, const lk_facts *f,
                     const lk_target *tg, const eval_from *from)
{
    int i;
    for (i = 0; i < tg->nrules; i++) {
        int ri = tg->rules[i];
        const lk_rule *r = &law->rules[ri];
        uint32_t m = 0;
        if (r->ndefeaters == 0 && eval_reuse(ev, r, from, ri))
            continue;
        ev->tv[ri] = (uint8_t)eval_cond(law, f, ev, r->cond, &m);
        ev->unk[ri] = ev->tv[ri] == LK_TV_UNKNOWN ? m : 0;
    }
}

static void eval_target(lk_eval *ev, const lk_law *law, const lk_facts *f,
                        int t, const eval_from *from)
{
    const lk_target *tg = &law->targets[t];
    lk_tres *res = &ev->t[t];
    int i, j, k;

    /* raw truth values first: exceptions need them */
    eval_raw(ev, law, f, tg, from);
    /* then defeat: effective = applies AND NOT (some exception applies);
     * exceptions are rules of the same target, already evaluated above */
    for (i = 0; i < tg->nrules; i++) {
        int ri = tg->rules[i], d = LK_TV_FALSE;
        const lk_rule *r = &law->rules[ri];
        uint32_t dm = 0;
        if (ev->tv[ri] == LK_TV_FALSE || r->ndefeaters == 0)
            continue;
        for (k = 0; k < r->ndefeaters; k++) {
            int e = r->defeaters[k];
            /* an exception's own raw value, not its defeated value */
            uint32_t m = 0;
            int tv = eval_cond(law, f, ev, law->rules[e].cond, &m);
            if (tv == LK_TV_TRUE)
                d = LK_TV_TRUE;
            else if (tv == LK_TV_UNKNOWN && d != LK_TV_TRUE) {
                d = LK_TV_UNKNOWN;
                dm |= m;
            }
        }
        if (d == LK_TV_TRUE) {
            ev->tv[ri] = LK_TV_FALSE;
            ev->unk[ri] = 0;
        } else if (d == LK_TV_UNKNOWN) {
            ev->tv[ri] = LK_TV_UNKNOWN;
            ev->unk[ri] |= dm;
        }
    }
    res->possible = 0;
    res->unknown = 0;
    res->conflict[0] = res->conflict[1] = -1;
    for (i = 0; i < tg->nrules; i = j) {
        uint64_t tmask = 0;
        int prio = law->rules[tg->rules[i]].info.priority, first = -1;
        for (j = i; j < tg->nrules &&
                    law->rules[tg->rules[j]].info.priority == prio;
             j++) {
            int ri = tg->rules[j];
            uint64_t o = law->rules[ri].outcomes;
            if (ev->tv[ri] == LK_TV_TRUE) {
                tmask |= o;
                /* an open outcome names the facts that would settle it */
                res->unknown |= law->rules[ri].until;
                /* rules that apply together disagree only when they give
                 * different statuses (levels may differ: concurring
                 * grounds); then the choice is the adviser's */
                if (first < 0)
                    first = ri;
                else if (res->conflict[0] < 0 &&
                         eval_statuses(tg, o) !=
                             eval_statuses(tg, law->rules[first].outcomes)) {
                    res->conflict[0] = first;
                    res->conflict[1] = ri;
                }
            } else if (ev->tv[ri] == LK_TV_UNKNOWN) {
                res->possible |= o;
                res->unknown |= ev->unk[ri];
            }
        }
        if (tmask == 0)
            continue;
        res->possible |= tmask;
        break;
    }
    if (!LK_MANY(res->possible))
        res->unknown = 0;
}

void lk_eval__run(lk_eval *ev, const lk_law *law, const lk_facts *facts)
{
    lk_eval__run_from(ev, law, facts, NULL, 0);
}

/* Decide target "t" over "facts" from the results of the targets before
 * it in ev->t, taking rule values from "from" where it can (eval_reuse). */
static void eval_one(lk_eval *ev, const lk_law *law, const lk_facts *facts,
                     int t, const eval_from *from)
{
    memset(&ev->t[t], 0, sizeof(lk_tres));
    ev->t[t].conflict[0] = ev->t[t].conflict[1] = -1;
    if (t == ev->force_score)
        ev->t[t].smin = ev->t[t].smax = ev->force_value;
    else if (law->targets[t].kind == LK_TK_SCORE)
        eval_score(ev, law, facts, t, from);
    else
        eval_target(ev, law, facts, t, from);
}

void lk_eval__run_from(lk_eval *ev, const lk_law *law, const lk_facts *facts,
                       const lk_eval *base, uint32_t changed)
{
    eval_from from = {base, changed, NULL, 0};
    int t;
    for (t = 0; t < law->ntargets; t++) {
        if (base != NULL && !(law->targets[t].deps & changed) &&
            t != ev->force_score)
            ev->t[t] = base->t[t];
        else
            eval_one(ev, law, facts, t, base != NULL ? &from : NULL);
    }
}

void lk_eval__run_some(lk_eval *ev, const lk_law *law, const lk_facts *facts,
                       uint64_t todo, const lk_eval *base, uint32_t changed,
                       const lk_eval_alt *alt, int nalt)
{
    eval_from from = {base, changed, alt, nalt};
    uint64_t rest;
    for (rest = todo; rest != 0; rest &= rest - 1)
        eval_one(ev, law, facts, __builtin_ctzll(rest),
                 base != NULL ? &from : NULL);
}
