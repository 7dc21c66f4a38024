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

#define ASSESS_MAX_LIBRARY 10000  /* cases of a library */
#define ASSESS_VCODE_OPEN 63      /* verdict code of an undetermined lens */

/* A verdict code is a bit of a uint64_t (single_reach); a lens outcome
 * (no levels: only elements have them) never collides with the open code */
LK_STATIC_ASSERT(assess_vcode_fits, ASSESS_VCODE_OPEN < LK_MAX_OUTCOMES);
LK_STATIC_ASSERT(assess_lens_outcomes, LK_MAX_STATUSES < ASSESS_VCODE_OPEN);

/* ---- what-if -------------------------------------------------------- */

/*
 * The search space. A single change is one of the candidates below (each
 * other value of a yes/no or choice fact; adding or removing one member of
 * a set; "only by <method>" for the access methods); a change of two facts
 * is two candidates of two different facts. The search finds, for every
 * lens, every verdict some single or pair reaches (tests compare it with
 * brute force over the whole space). Pairs are skipped only when that
 * cannot lose a verdict:
 *   - a pair (a, b) can change lens L only if both facts are among L's
 *     dependencies (lk_target.deps: the facts its rules read, directly or
 *     through the targets they read); if fact a is not, L under (a, b) is
 *     L under b alone, a single already tried;
 *   - a pair is only recorded for a verdict no single change reaches, so a
 *     lens whose every other possible verdict (the outcomes of its rules,
 *     and undetermined) is reached by a single needs no pair;
 *   - L's verdict is a function of its inputs (the targets its rules read)
 *     and of the facts its rules read directly. An input that does not
 *     depend on both facts comes out under (a, b) as under the change of
 *     the one it depends on (or as now). So when no input depends on both
 *     facts, not both are read directly, and change a alone leaves every
 *     input of L as it is (and a is not read directly), L's inputs under
 *     (a, b) are those under b alone, and so is its verdict.
 * Candidates of one fact that every test of that fact in the law (the
 * conditions on it alone) answers alike are alike everywhere: every rule
 * reads a fact only through such tests, so with any other fact changed or
 * not, they give the same result for every target. Only the first of them
 * in the order the entries are ranked (assess_whatif_cmp) is tried: the
 * others could only give entries that rank after it with the same facts,
 * which assess_whatif_keep drops. A fact a derived fact is made of alone
 * (the access methods of the access level) is merged only where the
 * derived fact's tests answer alike too; facts a derived fact is made of
 * with another (the States, the dates), or compared with another fact,
 * are never merged. For pairs the same holds lens by lens: a lens is a
 * function of the targets of its closure, so changes of one fact that the
 * tests of that fact in their rules answer alike give the lens the same
 * verdict with any other change; a pair is tried for a lens only with the
 * first-ranked of each such group (assess_merge_lenses), and its entry
 * stands for every pair of the two groups. As entries are only of lenses,
 * "alike" for singles too is under the tests in the lenses' closures, and
 * a fact no lens depends on is not tried at all.
 * A pair is evaluated without deciding again what it cannot change: a
 * target is a function of the facts of its deps, so one that depends on
 * only one of the two facts comes out as under that single change (kept
 * from the singles), one that depends on neither as now; and only the
 * targets the lenses asked about read (directly or not) are needed.
 */

/* State of one what-if search over assessment "a". */
typedef struct {
    lk_assessment *a;       /* the assessment searched (its law, facts, ev) */
    lk_eval ev;             /* scratch evaluation of a changed case */
    lk_facts f;             /* scratch facts of a changed case */
    int lens[LK_MAX_LENSES]; /* target indices of the lenses */
    int nlens;              /* number of lenses searched */
    lk_change *cand;        /* every single change */
    int ncand;              /* number of candidates */
    uint64_t single_reach[LK_MAX_LENSES]; /* codes reached by singles */
    uint64_t codes[LK_MAX_LENSES]; /* codes each lens can take at all */
    unsigned fact_lenses[LK_F_COUNT]; /* per fact: lenses depending on it */
    uint64_t inputs[LK_MAX_LENSES]; /* targets the lens's rules read */
    uint64_t joint[LK_MAX_LENSES][LK_F_COUNT]; /* inputs depending on a fact */
    uint32_t direct[LK_MAX_LENSES]; /* facts its rules read directly */
    unsigned *moves;        /* per candidate: lenses whose inputs it moves */
    lk_tres *single;        /* per candidate: every target's result under
                               it alone (ntargets entries each) */
    uint8_t *single_tv;     /* per candidate: its evaluation's per-rule */
    uint32_t *single_unk;   /* values (nrules entries each; lk_eval) */
    uint64_t closure[LK_MAX_LENSES]; /* the lens and every target it reads,
                                        directly or not */
    uint64_t fact_targets[LK_F_COUNT]; /* per fact: targets depending on it */
    uint64_t solo;          /* lenses (a bit per target) no other target in
                               a lens's closure reads */
    signed char lens_of[LK_MAX_TARGETS]; /* per target: its s->lens entry,
                                            -1 when it is no lens */
    uint32_t derive_in;     /* base facts the derived facts are made of */
    unsigned char *skip;    /* per candidate: 1 when alike an earlier-ranked
                               one of its fact (not tried) */
    unsigned *rep;          /* per candidate tried: the lenses (a bit per
                               s->lens entry) for which it is the first of
                               those of its fact alike under the tests of
                               the lens's closure: the pairs tried */
    unsigned (*lmult)[LK_MAX_LENSES]; /* per candidate and lens where it is
                               first: the candidates alike it there */
    unsigned *mult;         /* per candidate tried: the candidates alike it,
                               itself included */
    size_t cap;             /* allocated entries of a->wi */
    int full;               /* re-evaluate everything and try every
                               candidate (LK_ASSESS__FULL_EVAL) */
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

/* The changes of fact "id" from "cur" the search tries, written to "out"
 * when not NULL. @return their number. */
static int assess_fact_candidates(int id, const lk_fval *cur, lk_change *out)
{
    const lk_fact_def *def = lk_facts__def(id);
    int size = def->type == LK_FT_BOOL ? 2 : lk_facts__domain_size(id);
    int i, n = 0;
    for (i = 0; i < size; i++) {
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
            return 0; /* dates and countries are not varied */
        }
        if (out) {
            out[n].fact = id;
            out[n].to = to;
        }
        n++;
    }
    return n;
}

int lk_assess__candidates(const lk_facts *base, lk_change **out, int *n,
                          lk_error *err)
{
    int id, total = 0;
    for (id = 0; id < LK_FACT_FIRST_DERIVED; id++)
        total += assess_fact_candidates(id, &base->f[id], NULL);
    *out = lk_calloc((size_t)total + 1, sizeof(lk_change));
    if (*out == NULL)
        return lk_error_set_oom(err);
    *n = 0;
    for (id = 0; id < LK_FACT_FIRST_DERIVED; id++)
        *n += assess_fact_candidates(id, &base->f[id], *out + *n);
    return 0;
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

/* The results under candidate "k" alone of every target (s->single). */
static const lk_tres *assess_single_of(const assess_search *s, int k)
{
    return &s->single[(size_t)k * (size_t)s->a->law->ntargets];
}

/* Fill s->ev, for the targets of "keep", with their results under the
 * pair of candidates "i" and "j": none depends on both facts, so each
 * comes out as under the one it depends on alone, or as now. */
static void assess_pair_keep(assess_search *s, int i, int j, uint64_t keep)
{
    const lk_law *law = s->a->law;
    const lk_tres *ri = assess_single_of(s, i), *rj = assess_single_of(s, j);
    uint32_t fa = 1u << s->cand[i].fact, fb = 1u << s->cand[j].fact;
    uint64_t rest;
    int t;
    for (rest = keep; rest != 0; rest &= rest - 1) {
        t = __builtin_ctzll(rest);
        if (law->targets[t].deps & fa)
            s->ev.t[t] = ri[t];
        else if (law->targets[t].deps & fb)
            s->ev.t[t] = rj[t];
        else
            s->ev.t[t] = s->a->ev.t[t];
    }
}

/* 1 if lens "l" comes out under the pair as under candidate "k" alone:
 * the pair's other change (facts "other") is not read directly by it,
 * and every input it reads has, in s->ev, what its rules test (outcomes,
 * score range) as under "k" alone. Its verdict is then the present one or
 * one a single reaches: nothing a pair records. */
static int assess_lens_as_single(const assess_search *s, int l, int k,
                                 uint32_t other)
{
    const lk_tres *now = s->ev.t, *then = assess_single_of(s, k);
    uint64_t rest;
    int t;
    if (s->direct[l] & other)
        return 0;
    for (rest = s->inputs[l]; rest != 0; rest &= rest - 1) {
        t = __builtin_ctzll(rest);
        if (now[t].possible != then[t].possible ||
            now[t].smin != then[t].smin || now[t].smax != then[t].smax)
            return 0;
    }
    return 1;
}

/* Decide the targets of "todo" (they depend on both facts of the pair of
 * candidates "i" and "j"), lowest first, over s->f, except a lens of
 * "lenses" no other target reads that comes out as under one change
 * alone (assess_lens_as_single): it is left undecided. @return "lenses"
 * without those. */
static unsigned assess_pair_decide(assess_search *s, int i, int j,
                                   uint64_t todo, unsigned lenses)
{
    uint32_t fa = 1u << s->cand[i].fact, fb = 1u << s->cand[j].fact;
    size_t nr = (size_t)s->a->law->nrules;
    /* a rule that reads only one of the two facts comes out as under that
     * change alone */
    const lk_eval_alt alt[2] = {
        {fa, s->single_tv + (size_t)i * nr, s->single_unk + (size_t)i * nr},
        {fb, s->single_tv + (size_t)j * nr, s->single_unk + (size_t)j * nr}};
    uint64_t rest;
    int l, t;
    for (rest = todo; rest != 0; rest &= rest - 1) {
        t = __builtin_ctzll(rest);
        l = s->lens_of[t];
        if (l >= 0 && (lenses & (1u << l)) &&
            (s->solo & ((uint64_t)1 << t)) &&
            (assess_lens_as_single(s, l, i, fb) ||
             assess_lens_as_single(s, l, j, fa)))
            lenses &= ~(1u << l);
        else
            lk_eval__run_some(&s->ev, s->a->law, &s->f, (uint64_t)1 << t,
                              &s->a->ev, fa | fb, alt, 2);
    }
    return lenses;
}

/* Evaluate the pair of candidates "i" and "j" as far as the lenses of
 * "lenses" (a bit per s->lens entry) need: only the targets they read
 * that depend on both facts are decided again (see above); the results
 * of the other targets in s->ev are left stale and must not be read.
 * @return the lenses whose verdict under the pair may be one no single
 * change reaches, decided in s->ev (a subset of "lenses"). */
static unsigned assess_eval_pair(assess_search *s, int i, int j,
                                 unsigned lenses)
{
    uint64_t need = 0, todo;
    int l;
    for (l = 0; l < s->nlens; l++)
        if (lenses & (1u << l))
            need |= s->closure[l];
    todo = need & s->fact_targets[s->cand[i].fact] &
           s->fact_targets[s->cand[j].fact];
    assess_pair_keep(s, i, j, need & ~todo);
    s->f = s->a->facts;
    s->f.f[s->cand[i].fact] = s->cand[i].to;
    s->f.f[s->cand[j].fact] = s->cand[j].to;
    /* otherwise the derived facts are the case's, derived already */
    if (s->derive_in & ((1u << s->cand[i].fact) | (1u << s->cand[j].fact)))
        lk_law__derive(s->a->law, &s->f);
    return assess_pair_decide(s, i, j, todo, lenses);
}

int lk_assess__vcode(uint64_t possible)
{
    return LK_ONE(possible) ? __builtin_ctzll(possible) : ASSESS_VCODE_OPEN;
}

/* The verdict codes lens "t" can take: its rules' outcomes, or open. */
static uint64_t assess_lens_codes(const lk_law *law, int t)
{
    uint64_t codes = (uint64_t)1 << ASSESS_VCODE_OPEN;
    int k;
    for (k = 0; k < law->targets[t].nrules; k++)
        codes |= (uint64_t)1
                 << law->rules[law->targets[t].rules[k]].outcome;
    return codes;
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
    int i, va = lk_assess__vcode(a->possible);
    int vb = lk_assess__vcode(b->possible);
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

/* The lenses (a bit per s->lens entry) some input of which the scratch
 * evaluation changes, or which read fact "fact" directly. */
static unsigned assess_moves(const assess_search *s, int fact)
{
    const lk_tres *now = s->a->ev.t, *then = s->ev.t;
    unsigned moves = 0;
    int l, t;
    for (l = 0; l < s->nlens; l++) {
        if (s->direct[l] & (1u << fact))
            moves |= 1u << l;
        for (t = 0; t < s->a->law->ntargets && !(moves & (1u << l)); t++)
            if ((s->inputs[l] & ((uint64_t)1 << t)) &&
                (then[t].possible != now[t].possible ||
                 then[t].smin != now[t].smin || then[t].smax != now[t].smax))
                moves |= 1u << l;
    }
    return moves;
}

/* Record, for the "n" changes "ch" (1 or 2) just evaluated in s->ev, a
 * what-if entry for each lens of "lenses" (a bit per s->lens entry) whose
 * verdict becomes one not in "skip[l]" (the present one, and for pairs
 * those a single reaches), standing for "mult[l]" entries (see
 * lk_whatif). Singles note the verdicts they reach in s->single_reach. */
static int assess_record(assess_search *s, const lk_change *ch, int n,
                         const unsigned *mult, unsigned lenses,
                         lk_error *err)
{
    lk_assessment *a = s->a;
    int l, k, error;
    for (l = 0; l < s->nlens; l++) {
        uint64_t p;
        int v;
        lk_whatif w;
        if (!(lenses & (1u << l)))
            continue; /* its result may be stale (assess_eval_pair) */
        p = s->ev.t[s->lens[l]].possible;
        v = lk_assess__vcode(p);
        if (v == lk_assess__vcode(a->ev.t[s->lens[l]].possible) ||
            (n == 2 && (s->single_reach[l] & ((uint64_t)1 << v))))
            continue;
        memset(&w, 0, sizeof(w));
        w.lens = s->lens[l];
        w.possible = p;
        w.n = n;
        w.mult = mult[l];
        for (k = 0; k < n; k++) {
            w.ch[k] = ch[k];
            w.fills += !a->facts.f[ch[k].fact].known;
        }
        if (n == 1)
            s->single_reach[l] |= (uint64_t)1 << v;
        error = assess_push_whatif(a, &w, &s->cap, err);
        if (error < 0)
            return error;
    }
    return 0;
}

/* Try candidate "i" alone for every lens, keeping what the pairs need of
 * it: the lenses whose inputs it moves, every target's result, and the
 * per-rule values (set for the rules of the targets that depend on its
 * fact: the others are not read). */
static int assess_try_single(assess_search *s, int i, lk_error *err)
{
    size_t nt = (size_t)s->a->law->ntargets, nr = s->ev.nrules;
    unsigned mult[LK_MAX_LENSES];
    int l;
    assess_eval(s, &s->cand[i], 1);
    s->moves[i] = assess_moves(s, s->cand[i].fact);
    memcpy(&s->single[(size_t)i * nt], s->ev.t, nt * sizeof(lk_tres));
    memcpy(&s->single_tv[(size_t)i * nr], s->ev.tv, nr);
    memcpy(&s->single_unk[(size_t)i * nr], s->ev.unk, nr * sizeof(uint32_t));
    for (l = 0; l < s->nlens; l++)
        mult[l] = s->mult[i];
    return assess_record(s, &s->cand[i], 1, mult, (1u << s->nlens) - 1, err);
}

/* Try candidates "i" and "j" together for the lenses of "lenses" (for
 * each, both are the first of those alike under it: s->rep). */
static int assess_try_pair(assess_search *s, int i, int j, unsigned lenses,
                           lk_error *err)
{
    lk_change pair[2];
    unsigned mult[LK_MAX_LENSES];
    int l;
    pair[0] = s->cand[i];
    pair[1] = s->cand[j];
    if (s->full)
        assess_eval(s, pair, 2);
    else
        lenses = assess_eval_pair(s, i, j, lenses);
    for (l = 0; l < s->nlens; l++)
        mult[l] = s->lmult[i][l] * s->lmult[j][l];
    return assess_record(s, pair, 2, mult, lenses, err);
}

/* The lenses (a bit per s->lens entry) the pair of candidates "i" and
 * "j" could bring to a verdict no single change reaches (see above). */
static unsigned assess_pair_lenses(const assess_search *s, unsigned open,
                                   int i, int j)
{
    int fa = s->cand[i].fact, fb = s->cand[j].fact, l;
    unsigned lenses = open & s->fact_lenses[fa] & s->fact_lenses[fb];
    unsigned both = s->moves[i] & s->moves[j], rest;
    uint32_t ab = (1u << fa) | (1u << fb);
    /* only the lenses still in question (most pairs have none) */
    for (rest = lenses; rest != 0; rest &= rest - 1) {
        l = __builtin_ctz(rest);
        if ((both & (1u << l)) || (s->joint[l][fa] & s->joint[l][fb]) ||
            (s->direct[l] & ab) == ab)
            continue;
        lenses &= ~(1u << l);
    }
    return lenses;
}

/* The lenses (a bit per s->lens entry) with a verdict no single change
 * reaches: those a pair may still reach. */
static unsigned assess_open_lenses(const assess_search *s)
{
    unsigned open = 0;
    int l;
    for (l = 0; l < s->nlens; l++) {
        uint64_t now = (uint64_t)1
                       << lk_assess__vcode(s->a->ev.t[s->lens[l]].possible);
        if (s->codes[l] & ~s->single_reach[l] & ~now)
            open |= 1u << l;
    }
    return open;
}

/* Most atomic tests of one fact a signature holds (2 bits each). */
#define ASSESS_SIG_TESTS 32

/* The facts whose candidates are never merged: those a derived fact is
 * made of together with another fact (the States, the dates), and those
 * a test compares with another fact. */
static uint32_t assess_opaque(const assess_search *s)
{
    const lk_law *law = s->a->law;
    uint32_t opaque = 0, deps;
    size_t c;
    int d;
    for (d = LK_FACT_FIRST_DERIVED; d < LK_F_COUNT; d++) {
        deps = lk_law__fact_deps(d);
        if (deps & (deps - 1)) /* more than one fact */
            opaque |= deps;
    }
    for (c = 0; c < law->nconds; c++) {
        const lk_cond *cd = &law->conds[c];
        if (cd->op != LK_C_SAME)
            continue;
        /* the base facts of both sides (a derived fact's inputs) */
        if (cd->arg >= 0 && cd->arg < LK_F_COUNT)
            opaque |= lk_law__fact_deps(cd->arg);
        if (cd->lo >= 0 && cd->lo < LK_F_COUNT)
            opaque |= lk_law__fact_deps(cd->lo);
    }
    return opaque;
}

/* The base fact whose value alone decides test "c" of "law": its own fact,
 * or for a fact derived from one fact alone (the access level) that one;
 * -1 for any other condition. */
static int assess_test_fact(const lk_law *law, size_t c)
{
    const lk_cond *cd = &law->conds[c];
    uint32_t deps;
    if ((cd->op != LK_C_IN && cd->op != LK_C_HAS && cd->op != LK_C_EMPTY &&
         cd->op != LK_C_KNOWN && cd->op != LK_C_RANGE) ||
        cd->arg < 0 || cd->arg >= LK_F_COUNT)
        return -1;
    if (cd->arg < LK_FACT_FIRST_DERIVED)
        return cd->arg;
    deps = lk_law__fact_deps(cd->arg);
    return deps != 0 && !(deps & (deps - 1)) ? __builtin_ctz(deps) : -1;
}

/* The answers under candidate "k" of the "n" tests "tests" of its fact
 * (see assess_test_fact), two bits a test, into "*sig"; -1 when there are
 * more tests than fit. */
static int assess_signature(assess_search *s, int k, const int *tests,
                            int n, uint64_t *sig)
{
    const lk_law *law = s->a->law;
    int fact = s->cand[k].fact, i;
    *sig = 0;
    if (n > ASSESS_SIG_TESTS)
        return -1;
    s->f = s->a->facts;
    s->f.f[fact] = s->cand[k].to;
    lk_law__derive(law, &s->f);
    for (i = 0; i < n; i++)
        *sig |= (uint64_t)lk_eval__fact_test(law, &s->f, tests[i])
                << (2 * i);
    return 0;
}

/* 1 if candidate "x" ranks before "y", of the same fact (as
 * assess_whatif_cmp ranks their entries). */
static int assess_ranks_before(const lk_change *x, const lk_change *y)
{
    return x->to.v != y->to.v ? x->to.v < y->to.v : x->to.mask < y->to.mask;
}

/* The target of the rule each condition of "law" belongs to, into
 * "target" (a condition is part of one rule's tree; -1 for one of none);
 * "stack" has room for law->nconds entries. */
static void assess_cond_targets(const lk_law *law, int *target, int *stack)
{
    size_t r;
    int n, c, k;
    for (r = 0; r < law->nconds; r++)
        target[r] = -1;
    for (r = 0; r < law->nrules; r++) {
        n = 0;
        stack[n++] = law->rules[r].cond;
        while (n > 0) {
            c = stack[--n];
            target[c] = law->rules[r].target;
            for (k = 0; k < law->conds[c].nkids && (size_t)n < law->nconds;
                 k++)
                stack[n++] = law->kids[law->conds[c].kid0 + k];
        }
    }
}

/* The end of the run of candidates of candidate "lo"'s fact: the
 * candidates of one fact are consecutive, [lo, end). */
static int assess_fact_end(const assess_search *s, int lo)
{
    int hi = lo + 1;
    while (hi < s->ncand && s->cand[hi].fact == s->cand[lo].fact)
        hi++;
    return hi;
}

/* Per fact and lens, into "bits": the two bits of a signature
 * (assess_signature) of each test of that fact ("tests" and "first" as in
 * assess_merge) in the lens's closure, the targets it reads, directly or
 * not: nothing else decides it. A test of no rule, were there one, counts
 * in every closure: merging less is always safe. 0, or LK_ENOMEM. */
static int assess_lens_bits(const assess_search *s, const int *tests,
                            const int *first,
                            uint64_t bits[LK_F_COUNT][LK_MAX_LENSES],
                            lk_error *err)
{
    const lk_law *law = s->a->law;
    int *target = lk_malloc((2 * law->nconds + 1) * sizeof(int));
    int l, f, q;
    if (target == NULL)
        return lk_error_set_oom(err);
    assess_cond_targets(law, target, target + law->nconds);
    memset(bits, 0, sizeof(uint64_t) * LK_F_COUNT * LK_MAX_LENSES);
    for (f = 0; f < LK_F_COUNT; f++)
        for (q = first[f]; q < first[f + 1] && q - first[f] < ASSESS_SIG_TESTS;
             q++)
            for (l = 0; l < s->nlens; l++)
                if (target[tests[q]] < 0 ||
                    (s->closure[l] & ((uint64_t)1 << target[tests[q]])))
                    bits[f][l] |= (uint64_t)3 << (2 * (q - first[f]));
    lk_free(target);
    return 0;
}

/* For each lens, mark in s->rep the candidates tried that are the first
 * of their fact among those alike under the tests of the lens's closure
 * ("bits", from assess_lens_bits), and count in s->lmult the candidates
 * each stands for there. A pair of candidates alike under a lens with
 * another pair gives that lens the same verdict, in an entry ranked after
 * it with the same facts: only the first is tried for that lens (see
 * above). "sig" and "ok" are assess_merge's. */
static void assess_merge_lenses(assess_search *s, const uint64_t *sig,
                                const unsigned char *ok,
                                uint64_t bits[LK_F_COUNT][LK_MAX_LENSES])
{
    int i, j, l, f, lo, hi;
    for (lo = 0; lo < s->ncand; lo = hi) {
        hi = assess_fact_end(s, lo);
        f = s->cand[lo].fact;
        for (i = lo; i < hi; i++) {
            if (s->skip[i])
                continue;
            for (l = 0; l < s->nlens; l++) {
                unsigned n = 0;
                int first_one = 1;
                for (j = lo; j < hi && ok[i]; j++) {
                    if (s->skip[j] || !ok[j] ||
                        ((sig[j] ^ sig[i]) & bits[f][l]) != 0)
                        continue;
                    n += s->mult[j]; /* itself included */
                    if (j != i &&
                        assess_ranks_before(&s->cand[j], &s->cand[i]))
                        first_one = 0;
                }
                if (!ok[i])
                    n = s->mult[i];
                if (first_one) {
                    s->rep[i] |= 1u << l;
                    s->lmult[i][l] = n;
                }
            }
        }
    }
}

/* Mark in s->skip every candidate alike one of its fact that ranks before
 * it (see above), and those of a fact no lens depends on (no change of it
 * can move a lens: the search records only lenses); then the pairs each
 * stands for per lens (s->rep). Alike is under the tests of the lenses'
 * closures, the only targets the search reads. None when s->full. 0, or
 * LK_ENOMEM. */
static int assess_merge(assess_search *s, lk_error *err)
{
    const lk_law *law = s->a->law;
    uint32_t opaque = assess_opaque(s);
    uint64_t *sig = lk_calloc((size_t)s->ncand + 1, sizeof(uint64_t));
    unsigned char *ok = lk_calloc((size_t)s->ncand + 1, 1);
    int *tests = lk_calloc(law->nconds + 1, sizeof(int));
    int first[LK_F_COUNT + 1], fill[LK_F_COUNT], i, j, f, lo, hi, l, error;
    uint64_t bits[LK_F_COUNT][LK_MAX_LENSES], any[LK_F_COUNT];
    size_t c;
    s->skip = lk_calloc((size_t)s->ncand + 1, 1);
    s->mult = lk_calloc((size_t)s->ncand + 1, sizeof(unsigned));
    s->rep = lk_calloc((size_t)s->ncand + 1, sizeof(unsigned));
    s->lmult = lk_calloc((size_t)s->ncand + 1, sizeof(*s->lmult));
    if (sig == NULL || ok == NULL || tests == NULL || s->skip == NULL ||
        s->mult == NULL || s->rep == NULL || s->lmult == NULL) {
        lk_free(sig);
        lk_free(ok);
        lk_free(tests);
        return lk_error_set_oom(err);
    }
    for (i = 0; i < s->ncand; i++)
        s->mult[i] = 1;
    if (s->full) { /* the reference the tests compare with: every one */
        for (i = 0; i < s->ncand; i++) {
            s->rep[i] = (1u << s->nlens) - 1;
            for (l = 0; l < s->nlens; l++)
                s->lmult[i][l] = 1;
        }
        lk_free(sig);
        lk_free(ok);
        lk_free(tests);
        return 0;
    }
    /* the tests of each fact, in law order: tests[first[f] .. first[f+1]) */
    memset(first, 0, sizeof(first));
    for (c = 0; c < law->nconds; c++)
        if ((f = assess_test_fact(law, c)) >= 0)
            first[f + 1]++;
    for (f = 0; f < LK_F_COUNT; f++) {
        first[f + 1] += first[f];
        fill[f] = first[f];
    }
    for (c = 0; c < law->nconds; c++)
        if ((f = assess_test_fact(law, c)) >= 0)
            tests[fill[f]++] = (int)c;
    for (i = 0; i < s->ncand; i++) {
        f = s->cand[i].fact;
        ok[i] = !(opaque & (1u << f)) &&
                assess_signature(s, i, tests + first[f],
                                 first[f + 1] - first[f], &sig[i]) == 0;
    }
    error = assess_lens_bits(s, tests, first, bits, err);
    if (error < 0)
        goto out;
    for (f = 0; f < LK_F_COUNT; f++)
        for (any[f] = 0, l = 0; l < s->nlens; l++)
            any[f] |= bits[f][l];
    for (lo = 0; lo < s->ncand; lo = hi) {
        hi = assess_fact_end(s, lo);
        f = s->cand[lo].fact;
        /* skipped when one alike ranks before it; else it stands for
         * every one alike (s->mult) */
        for (i = lo; i < hi; i++) {
            if (!s->fact_lenses[f]) {
                s->skip[i] = 1;
                continue;
            }
            for (j = lo; j < hi && ok[i]; j++)
                if (j != i && ok[j] && ((sig[j] ^ sig[i]) & any[f]) == 0) {
                    s->mult[i]++;
                    if (assess_ranks_before(&s->cand[j], &s->cand[i]))
                        s->skip[i] = 1;
                }
        }
    }
    assess_merge_lenses(s, sig, ok, bits);
out:
    lk_free(sig);
    lk_free(ok);
    lk_free(tests);
    return error;
}

/* Every single change, then every pair of changes of two different facts
 * that could reach a verdict no single reaches (see above). */
static int assess_search_all(assess_search *s, lk_error *err)
{
    unsigned lenses, open;
    int i, j, error;
    for (i = 0; i < s->ncand; i++) {
        if (s->skip[i])
            continue; /* alike an earlier-ranked candidate */
        error = assess_try_single(s, i, err);
        if (error < 0)
            return error;
    }
    open = assess_open_lenses(s);
    for (i = 0; i < s->ncand && open; i++) {
        if (s->skip[i] || !(open & s->fact_lenses[s->cand[i].fact]))
            continue; /* no pair with it can change an open lens */
        for (j = i + 1; j < s->ncand; j++) {
            if (s->skip[j] || s->cand[j].fact == s->cand[i].fact)
                continue;
            lenses = assess_pair_lenses(s, open, i, j) & s->rep[i] & s->rep[j];
            if (lenses == 0)
                continue;
            error = assess_try_pair(s, i, j, lenses, err);
            if (error < 0)
                return error;
        }
    }
    return 0;
}

/* Rank the entries and keep, per lens and verdict, the first change of
 * each fact (or pair of facts) and at most "max" of them: varied
 * alternatives rather than every value of one fact. Entries of other
 * facts left out by "max" are counted in a->wi_more. */
static void assess_whatif_keep(lk_assessment *a, unsigned max)
{
    size_t k, kept, out;
    if (a->nwi > 1)
        qsort(a->wi, a->nwi, sizeof(lk_whatif), assess_whatif_cmp);
    a->wi_more = 0;
    for (k = 0, out = 0, kept = 0; k < a->nwi; k++) {
        const lk_whatif *w = &a->wi[k];
        size_t first = out - kept, m;
        int dup = 0;
        if (k > 0 && (w->lens != a->wi[k - 1].lens || w->n != a->wi[k - 1].n ||
                      lk_assess__vcode(w->possible) !=
                          lk_assess__vcode(a->wi[k - 1].possible)))
            kept = 0, first = out;
        for (m = first; m < out; m++)
            if (a->wi[m].ch[0].fact == w->ch[0].fact &&
                (w->n == 1 || a->wi[m].ch[1].fact == w->ch[1].fact))
                dup = 1;
        if (!dup && kept < max) {
            a->wi[out++] = *w;
            kept++;
        } else if (!dup) {
            a->wi_more += w->mult; /* with the merged entries like it */
        }
    }
    a->nwi = out;
}

/* What the pruning of pairs needs to know of each lens: the verdicts it
 * can take, its inputs, the facts it reads directly, and per fact the
 * lenses and the inputs that depend on it. */
static void assess_lens_deps(assess_search *s)
{
    const lk_law *law = s->a->law;
    int l, f, k, t;
    for (l = 0; l < s->nlens; l++) {
        const lk_target *tg = &law->targets[s->lens[l]];
        s->codes[l] = assess_lens_codes(law, s->lens[l]);
        for (k = 0; k < tg->nrules; k++) {
            const lk_rule *r = &law->rules[tg->rules[k]];
            s->inputs[l] |= r->targets;
            for (f = 0; f < LK_F_COUNT; f++)
                if (r->facts & (1u << f))
                    s->direct[l] |= lk_law__fact_deps(f);
        }
        for (f = 0; f < LK_F_COUNT; f++) {
            if (tg->deps & (1u << f))
                s->fact_lenses[f] |= 1u << l;
            for (t = 0; t < law->ntargets; t++)
                if ((s->inputs[l] & ((uint64_t)1 << t)) &&
                    (law->targets[t].deps & (1u << f)))
                    s->joint[l][f] |= (uint64_t)1 << t;
        }
    }
}

/* What the evaluation of pairs needs: per lens the targets it reads,
 * directly or not (rules read only targets decided earlier: one pass
 * downwards), and per fact the targets that depend on it. */
static void assess_target_deps(assess_search *s)
{
    const lk_law *law = s->a->law;
    int l, f, k, t;
    for (l = 0; l < s->nlens; l++) {
        s->closure[l] = (uint64_t)1 << s->lens[l];
        for (t = s->lens[l]; t >= 0; t--) {
            const lk_target *tg = &law->targets[t];
            if (!(s->closure[l] & ((uint64_t)1 << t)))
                continue;
            for (k = 0; k < tg->nrules; k++)
                s->closure[l] |= law->rules[tg->rules[k]].targets;
        }
    }
    for (f = 0; f < LK_F_COUNT; f++)
        for (t = 0; t < law->ntargets; t++)
            if (law->targets[t].deps & (1u << f))
                s->fact_targets[f] |= (uint64_t)1 << t;
    for (f = LK_FACT_FIRST_DERIVED; f < LK_F_COUNT; f++)
        s->derive_in |= lk_law__fact_deps(f);
    memset(s->lens_of, -1, sizeof(s->lens_of));
    for (l = 0; l < s->nlens; l++) {
        s->solo |= (uint64_t)1 << s->lens[l];
        s->lens_of[s->lens[l]] = (signed char)l;
    }
    for (l = 0; l < s->nlens; l++)
        s->solo &= ~(s->closure[l] & ~((uint64_t)1 << s->lens[l]));
}

/*
 * The what-if search (HYPO-style near misses). For each lens and each
 * verdict it could take instead of its present one, the smallest sets of
 * fact changes that produce that verdict: every single change first; a
 * pair only for a verdict no single change reaches. At most "max" entries
 * are kept per lens and verdict.
 */
int lk_assess__whatif(lk_assessment *a, unsigned max, int full,
                      lk_error *err)
{
    assess_search s;
    int error;
    memset(&s, 0, sizeof(s));
    s.a = a;
    s.full = full;
    lk_free(a->wi);
    a->wi = NULL;
    a->nwi = 0;
    error = lk_eval__init(&s.ev, a->law, err);
    if (error < 0)
        return error;
    s.nlens = assess_lenses(a->law, s.lens);
    assess_lens_deps(&s);
    assess_target_deps(&s);
    error = lk_assess__candidates(&a->facts, &s.cand, &s.ncand, err);
    if (error == 0) {
        s.moves = lk_calloc((size_t)s.ncand + 1, sizeof(unsigned));
        /* not cleared either: a single's results are written when it is
         * tried, and only those tried are read */
        s.single = lk_malloc(((size_t)s.ncand * (size_t)a->law->ntargets + 1) *
                             sizeof(lk_tres));
        /* not cleared: only the values a single sets are read */
        s.single_tv = lk_malloc((size_t)s.ncand * a->law->nrules + 1);
        s.single_unk = lk_malloc(((size_t)s.ncand * a->law->nrules + 1) *
                                 sizeof(uint32_t));
        if (s.moves == NULL || s.single == NULL || s.single_tv == NULL ||
            s.single_unk == NULL)
            error = lk_error_set_oom(err);
    }
    if (error == 0)
        error = assess_merge(&s, err);
    if (error == 0)
        error = assess_search_all(&s, err);
    if (error < 0)
        goto out;
    assess_whatif_keep(a, max);
    a->whatif_done = 1;
out:
    lk_free(s.skip);
    lk_free(s.mult);
    lk_free(s.rep);
    lk_free(s.lmult);
    lk_free(s.single);
    lk_free(s.single_tv);
    lk_free(s.single_unk);
    lk_free(s.moves);
    lk_free(s.cand);
    lk_eval__dispose(&s.ev);
    return error;
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
        error = lk_assess__whatif(a, max, !!(flags & LK_ASSESS__FULL_EVAL),
                                  err);
        if (error < 0)
            goto out;
    }
    if (!(flags & LK_ASSESS_NO_PRECEDENTS) && opts && opts->library)
        lk_assess__precedents(a, opts->library);
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

int lk_library_new(lk_library **out, lk_error *err)
{
    *out = lk_calloc(1, sizeof(**out));
    return *out == NULL ? lk_error_set_oom(err) : 0;
}

/* Assess case "c" (owned, freed on failure) under "law" and append it. */
static int library_append(lk_library *lib, const lk_law *law, lk_case *c,
                          lk_error *err)
{
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    int error;
    if (lib->n >= ASSESS_MAX_LIBRARY) {
        lk_case_free(c);
        return lk_error_set(err, LK_ETOOBIG, "more than %d library cases",
                            ASSESS_MAX_LIBRARY);
    }
    if (lib->n == lib->cap) {
        size_t cap = lib->cap ? 2 * lib->cap : 64;
        lk_case **cs = lk_realloc(lib->cases, cap * sizeof(*cs));
        lk_assessment **as = cs ? lk_realloc(lib->as, cap * sizeof(*as))
                                : NULL;
        if (cs != NULL)
            lib->cases = cs;
        if (as == NULL) {
            lk_case_free(c);
            return lk_error_set_oom(err);
        }
        lib->as = as;
        lib->cap = cap;
    }
    opts.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    error = lk_assess(&lib->as[lib->n], law, c, &opts, err);
    if (error < 0) {
        lk_case_free(c);
        return error;
    }
    lib->cases[lib->n++] = c;
    return 0;
}

int lk_library_add_text(lk_library *lib, const lk_law *law, const char *name,
                        const char *text, size_t len, lk_error *err)
{
    lk_case *c = NULL;
    int error = lk_case_parse(&c, name, text, len, NULL, NULL, err);
    return error < 0 ? error : library_append(lib, law, c, err);
}

int lk_library_load(lk_library **out, const lk_law *law, const char *dir,
                    lk_error *err)
{
    lk_library *lib = NULL;
    char **names = NULL, path[4096];
    size_t n = 0, i;
    lk_case *c;
    int error = lk_library_new(&lib, err);
    if (error < 0)
        return error;
    error = lk_dir_names(&names, &n, dir, assess_is_case_file,
                         ASSESS_MAX_LIBRARY, "cases", err);
    if (error == LK_EIO)
        lk_error_set_at(err, LK_EIO, dir, 0, 0, NULL,
                        "cannot open the case library");
    for (i = 0; error == 0 && i < n; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        c = NULL;
        error = lk_case_load(&c, path, NULL, NULL, err);
        if (error == 0)
            error = library_append(lib, law, c, err);
    }
    if (error == 0) {
        *out = lib;
        lib = NULL;
    }
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
