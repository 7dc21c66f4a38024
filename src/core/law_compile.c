/*
 * law_compile.c: the condition compiler. Turns each rule's "when" into
 * nodes of lk_law.conds for eval.c, links exceptions and orders every
 * target's rules by priority.
 */
#include "law_compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lawfile.h"
#include "model.h"
#include "rules.h"

#define LAW_MAX_CONDS 65536
#define LAW_MAX_DEPTH 32

/* ---- conditions ----------------------------------------------------- */

typedef struct {
    lk_law *law;
    const lk_doc *doc;
    lk_error *err;
    int target;       /* target of the rule being compiled */
    uint32_t facts;   /* facts read so far */
    uint64_t targets; /* targets read so far */
} law_compiler;

static int law_new_cond(law_compiler *lc, int *out)
{
    lk_law *law = lc->law;
    if (law->nconds == law->aconds) {
        size_t n = law->aconds ? law->aconds * 2 : 256;
        lk_cond *c;
        if (n > LAW_MAX_CONDS)
            return lk_error_set(lc->err, LK_ETOOBIG, "too many conditions");
        c = lk_realloc(law->conds, n * sizeof(*c));
        if (c == NULL)
            return lk_error_set_oom(lc->err);
        law->conds = c;
        law->aconds = n;
    }
    memset(&law->conds[law->nconds], 0, sizeof(lk_cond));
    *out = (int)law->nconds++;
    return 0;
}

static int law_push_kids(law_compiler *lc, const int *kids, int n, int *kid0)
{
    lk_law *law = lc->law;
    if (law->nkids + (size_t)n > law->akids) {
        size_t a = law->akids ? law->akids : 256;
        int *k;
        while (a < law->nkids + (size_t)n)
            a *= 2;
        k = lk_realloc(law->kids, a * sizeof(int));
        if (k == NULL)
            return lk_error_set_oom(lc->err);
        law->kids = k;
        law->akids = a;
    }
    *kid0 = (int)law->nkids;
    memcpy(law->kids + law->nkids, kids, (size_t)n * sizeof(int));
    law->nkids += (size_t)n;
    return 0;
}

/* A bound: integer, ordered enum value of "fact", or {"param": name}. */
static int law_bound(law_compiler *lc, const char *ptr, json_t *v, int fact,
                     int32_t *out)
{
    if (json_is_integer(v)) {
        *out = (int32_t)json_integer_value(v);
        return 0;
    }
    if (json_is_object(v) && json_is_string(json_object_get(v, "param"))) {
        lk_param *p = lk_model__param(
            lc->law, json_string_value(json_object_get(v, "param")));
        if (p == NULL)
            return lk_lawfile__fail(lc->err, lc->doc, ptr, "unknown parameter");
        *out = p->value;
        return 0;
    }
    if (json_is_string(v) && fact >= 0 && lk_facts__def(fact)->ordered) {
        int idx = lk_law__value_index(lc->law, fact, json_string_value(v));
        if (idx < 0)
            return lk_lawfile__fail(
                lc->err, lc->doc, ptr, "'%s' is not a value of %s",
                json_string_value(v), lk_facts__def(fact)->pointer);
        *out = idx;
        return 0;
    }
    return lk_lawfile__fail(
        lc->err, lc->doc, ptr,
        "expected a number, an ordered value or {\"param\": ...}");
}

/* Comparison operators shared by facts and scores: ge gt le lt between. */
static int law_range(law_compiler *lc, const char *ptr, json_t *obj, int fact,
                     lk_cond *c, int *found)
{
    static const char *const ops[] = {"ge", "gt", "le", "lt", "between", NULL};
    int i, error;
    int32_t b;
    char p[LK_ERROR_POINTER_MAX];
    c->lo = INT32_MIN;
    c->hi = INT32_MAX;
    *found = 0;
    for (i = 0; ops[i]; i++) {
        json_t *v = json_object_get(obj, ops[i]);
        if (v == NULL)
            continue;
        snprintf(p, sizeof(p), "%s/%s", ptr, ops[i]);
        (*found)++;
        if (i == 4) {
            int32_t lo, hi;
            if (!json_is_array(v) || json_array_size(v) != 2)
                return lk_lawfile__fail(lc->err, lc->doc, p,
                                        "between takes [low, high]");
            error = law_bound(lc, p, json_array_get(v, 0), fact, &lo);
            if (error == 0)
                error = law_bound(lc, p, json_array_get(v, 1), fact, &hi);
            if (error < 0)
                return error;
            c->lo = lo;
            c->hi = hi;
            continue;
        }
        error = law_bound(lc, p, v, fact, &b);
        if (error < 0)
            return error;
        if (i == 0)
            c->lo = b;
        else if (i == 1)
            c->lo = b + 1;
        else if (i == 2)
            c->hi = b;
        else
            c->hi = b - 1;
    }
    return 0;
}

/* Bit mask of the values named by "v" (a name or list of names). */
static int law_value_mask(law_compiler *lc, const char *ptr, json_t *v,
                          int fact, uint64_t *mask)
{
    size_t i, n = json_is_array(v) ? json_array_size(v) : 1;
    const lk_fact_def *def = lk_facts__def(fact);
    *mask = 0;
    if (n == 0)
        return lk_lawfile__fail(lc->err, lc->doc, ptr, "empty list of values");
    for (i = 0; i < n; i++) {
        json_t *x = json_is_array(v) ? json_array_get(v, i) : v;
        int idx = -1;
        if (def->type == LK_FT_BOOL && json_is_boolean(x))
            idx = json_is_true(x);
        else if (json_is_string(x))
            idx = lk_law__value_index(lc->law, fact, json_string_value(x));
        if (idx < 0)
            return lk_lawfile__fail(
                lc->err, lc->doc, ptr, "not a value of %s: %s", def->pointer,
                json_is_string(x) ? json_string_value(x) : "(wrong type)");
        *mask |= (uint64_t)1 << idx;
    }
    return 0;
}

static int law_compile(law_compiler *lc, json_t *j, const char *ptr, int depth,
                       int *out);

/* {"fact": F, "in"|"is": values}: F's value is one of "v". */
static int law_compile_in(law_compiler *lc, json_t *j, json_t *v,
                          const char *ptr, int fact, lk_cond *c)
{
    const lk_fact_def *def = lk_facts__def(fact);
    char p[LK_ERROR_POINTER_MAX];

    snprintf(p, sizeof(p), "%s/%s", ptr,
             json_object_get(j, "in") ? "in" : "is");
    c->op = LK_C_IN;
    if (def->type == LK_FT_COUNTRY) {
        if (!json_is_string(v) || json_string_length(v) != 2)
            return lk_lawfile__fail(lc->err, lc->doc, p,
                                    "expected a two-letter country code");
        c->lo = ((unsigned char)json_string_value(v)[0] << 8) |
                (unsigned char)json_string_value(v)[1];
        return 0;
    }
    if (def->type != LK_FT_ENUM && def->type != LK_FT_BOOL)
        return lk_lawfile__fail(lc->err, lc->doc, p,
                                "'in' applies to single-valued facts");
    return law_value_mask(lc, p, v, fact, &c->mask);
}

static int law_compile_fact(law_compiler *lc, json_t *j, const char *ptr,
                            lk_cond *c)
{
    const char *name = json_string_value(json_object_get(j, "fact"));
    int fact = name ? lk_facts__find(name) : -1, found = 0, error;
    const lk_fact_def *def;
    json_t *v;
    char p[LK_ERROR_POINTER_MAX];
    size_t nkeys = json_object_size(j);

    if (fact < 0)
        return lk_lawfile__fail(lc->err, lc->doc, ptr, "unknown fact '%.100s'",
                                name ? name : "?");
    def = lk_facts__def(fact);
    c->arg = (int16_t)fact;
    lc->facts |= 1u << fact;
    if (nkeys != 2)
        return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                "a fact test has exactly one operator");
    if ((v = json_object_get(j, "in")) || (v = json_object_get(j, "is")))
        return law_compile_in(lc, j, v, ptr, fact, c);
    if ((v = json_object_get(j, "has")) != NULL) {
        snprintf(p, sizeof(p), "%s/has", ptr);
        c->op = LK_C_HAS;
        if (def->type != LK_FT_SET)
            return lk_lawfile__fail(lc->err, lc->doc, p,
                                    "'has' applies to lists");
        return law_value_mask(lc, p, v, fact, &c->mask);
    }
    if ((v = json_object_get(j, "empty")) != NULL) {
        c->op = LK_C_EMPTY;
        if (def->type != LK_FT_SET || !json_is_true(v))
            return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                    "'empty': true applies to lists");
        return 0;
    }
    if ((v = json_object_get(j, "known")) != NULL) {
        c->op = LK_C_KNOWN;
        if (!json_is_true(v))
            return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                    "write {\"not\": {... \"known\": true}}");
        return 0;
    }
    if ((v = json_object_get(j, "same_as")) != NULL) {
        int other =
            json_is_string(v) ? lk_facts__find(json_string_value(v)) : -1;
        c->op = LK_C_SAME;
        if (def->type != LK_FT_COUNTRY || other < 0 ||
            lk_facts__def(other)->type != LK_FT_COUNTRY)
            return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                    "'same_as' compares two country facts");
        c->lo = other;
        lc->facts |= 1u << other;
        return 0;
    }
    if ((v = json_object_get(j, "meets")) != NULL) {
        /* confidence meets the profile's standard of proof for an element */
        const char *elem = json_string_value(v);
        int i;
        c->op = LK_C_RANGE;
        if (fact != LK_F_ATTR_CONFIDENCE || elem == NULL)
            return lk_lawfile__fail(
                lc->err, lc->doc, ptr,
                "'meets' applies to attribution confidence");
        for (i = 0; i < lc->law->nstandards; i++)
            if (strcmp(lc->law->standards[i].element, elem) == 0)
                break;
        if (i == lc->law->nstandards)
            return lk_lawfile__fail(
                lc->err, lc->doc, ptr,
                "the profile sets no standard of proof for '%s'", elem);
        c->lo = lc->law->standards[i].min_confidence;
        c->hi = INT32_MAX;
        return 0;
    }
    c->op = LK_C_RANGE;
    if (def->type != LK_FT_INT && !(def->type == LK_FT_ENUM && def->ordered))
        return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                "unknown operator for %s", def->pointer);
    error = law_range(lc, ptr, j, fact, c, &found);
    if (error < 0)
        return error;
    if (found != 1)
        return lk_lawfile__fail(lc->err, lc->doc, ptr, "unknown operator");
    return 0;
}

static int law_compile_target(law_compiler *lc, json_t *j, const char *ptr,
                              lk_cond *c, int score)
{
    const char *name =
        json_string_value(json_object_get(j, score ? "score" : "element"));
    int t = name ? lk_law__target_find(lc->law, name) : -1, found, error;
    const lk_target *tg;
    json_t *st, *lv;
    uint64_t smask = 0, lmask = 0;
    int s, l;
    char p[LK_ERROR_POINTER_MAX];

    if (t < 0)
        return lk_lawfile__fail(lc->err, lc->doc, ptr, "unknown %s '%.100s'",
                                score ? "score" : "element, lens or flag",
                                name ? name : "?");
    tg = &lc->law->targets[t];
    if ((tg->kind == LK_TK_SCORE) != score)
        return lk_lawfile__fail(lc->err, lc->doc, ptr, "'%s' is a %s", name,
                                lk_model__kind_name(tg->kind));
    if (t >= lc->target)
        return lk_lawfile__fail(
            lc->err, lc->doc, ptr,
            "'%s' is decided after this rule's target; reorder "
            "the model",
            name);
    c->arg = (int16_t)t;
    lc->targets |= (uint64_t)1 << t;
    if (score) {
        c->op = LK_C_SCORE;
        error = law_range(lc, ptr, j, -1, c, &found);
        if (error < 0)
            return error;
        if (found != 1 || json_object_size(j) != 2)
            return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                    "a score test has exactly one comparison");
        return 0;
    }
    c->op = LK_C_TARGET;
    st = json_object_get(j, "status");
    lv = json_object_get(j, "level");
    if ((st == NULL && lv == NULL) ||
        json_object_size(j) != (size_t)(1 + (st != NULL) + (lv != NULL)))
        return lk_lawfile__fail(
            lc->err, lc->doc, ptr,
            "an element test takes \"status\" and/or \"level\"");
    /* statuses and levels named, each as a name or a list */
    for (s = 0; lk_law__statuses(lc->law, tg->kind)[s]; s++) {
        size_t i, n = json_is_array(st) ? json_array_size(st) : 1;
        if (st == NULL) {
            smask |= 1u << s;
            continue;
        }
        for (i = 0; i < n; i++) {
            json_t *x = json_is_array(st) ? json_array_get(st, i) : st;
            if (json_is_string(x) &&
                strcmp(json_string_value(x),
                       lk_law__statuses(lc->law, tg->kind)[s]) == 0)
                smask |= 1u << s;
        }
    }
    if (st != NULL) {
        size_t n = json_is_array(st) ? json_array_size(st) : 1;
        if ((size_t)__builtin_popcountll(smask) != n) {
            snprintf(p, sizeof(p), "%s/status", ptr);
            return lk_lawfile__fail(lc->err, lc->doc, p,
                                    "unknown status for '%s'", name);
        }
    }
    for (l = -1; l < tg->nlevels; l++) {
        size_t i, n = json_is_array(lv) ? json_array_size(lv) : 1;
        if (lv == NULL) {
            lmask |= 1u << (l + 1);
            continue;
        }
        for (i = 0; i < n && l >= 0; i++) {
            json_t *x = json_is_array(lv) ? json_array_get(lv, i) : lv;
            if (json_is_string(x) &&
                strcmp(json_string_value(x), tg->levels[l]) == 0)
                lmask |= 1u << (l + 1);
        }
    }
    if (lv != NULL) {
        size_t n = json_is_array(lv) ? json_array_size(lv) : 1;
        if ((size_t)__builtin_popcountll(lmask) != n) {
            snprintf(p, sizeof(p), "%s/level", ptr);
            return lk_lawfile__fail(lc->err, lc->doc, p,
                                    "unknown level for '%s'", name);
        }
    }
    for (s = 0; lk_law__statuses(lc->law, tg->kind)[s]; s++)
        for (l = -1; l < tg->nlevels; l++)
            if ((smask & (1u << s)) && (lmask & (1u << (l + 1))))
                c->mask |= (uint64_t)1 << lk_law__outcome(tg, s, l);
    return 0;
}

static int law_compile(law_compiler *lc, json_t *j, const char *ptr, int depth,
                       int *out)
{
    int idx = -1, error, kids[LK_COND_MAX_KIDS], n = 0;
    lk_cond c;
    json_t *v;
    char p[LK_ERROR_POINTER_MAX];

    memset(&c, 0, sizeof(c));
    if (depth > LAW_MAX_DEPTH)
        return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                "condition nested too deeply");
    if (!json_is_object(j))
        return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                "a condition is an object");
    if ((v = json_object_get(j, "all")) || (v = json_object_get(j, "any"))) {
        size_t i;
        json_t *x;
        int all = json_object_get(j, "all") != NULL;
        if (!json_is_array(v) || json_array_size(v) == 0 ||
            json_array_size(v) > LK_COND_MAX_KIDS || json_object_size(j) != 1)
            return lk_lawfile__fail(
                lc->err, lc->doc, ptr,
                "'all'/'any' take a list of 1 to %d conditions",
                LK_COND_MAX_KIDS);
        json_array_foreach(v, i, x)
        {
            snprintf(p, sizeof(p), "%s/%s/%zu", ptr, all ? "all" : "any", i);
            error = law_compile(lc, x, p, depth + 1, &kids[n]);
            if (error < 0)
                return error;
            n++;
        }
        c.op = all ? LK_C_ALL : LK_C_ANY;
    } else if ((v = json_object_get(j, "not")) != NULL) {
        if (json_object_size(j) != 1)
            return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                    "'not' stands alone");
        snprintf(p, sizeof(p), "%s/not", ptr);
        error = law_compile(lc, v, p, depth + 1, &kids[0]);
        if (error < 0)
            return error;
        n = 1;
        c.op = LK_C_NOT;
    } else if ((v = json_object_get(j, "always")) != NULL) {
        if (!json_is_true(v) || json_object_size(j) != 1)
            return lk_lawfile__fail(lc->err, lc->doc, ptr,
                                    "write {\"always\": true}");
        c.op = LK_C_ALWAYS;
    } else if (json_object_get(j, "fact") != NULL) {
        error = law_compile_fact(lc, j, ptr, &c);
        if (error < 0)
            return error;
    } else if (json_object_get(j, "element") != NULL ||
               json_object_get(j, "score") != NULL) {
        error = law_compile_target(lc, j, ptr, &c,
                                   json_object_get(j, "score") != NULL);
        if (error < 0)
            return error;
    } else {
        return lk_lawfile__fail(
            lc->err, lc->doc, ptr,
            "a condition has one of: all, any, not, always, "
            "fact, element, score");
    }
    if (n > 0) {
        error = law_push_kids(lc, kids, n, &c.kid0);
        if (error < 0)
            return error;
        c.nkids = n;
    }
    error = law_new_cond(lc, &idx);
    if (error < 0)
        return error;
    lc->law->conds[idx] = c;
    *out = idx;
    return 0;
}

/* Order the rule indexes "v" by priority, highest first, keeping file
 * order within a priority: a stable insertion sort, since qsort would
 * need the law in a global (no payload argument) and targets have few
 * rules. */
static void law_sort_rules(const lk_law *law, int *v, int n)
{
    int i, j;
    for (i = 1; i < n; i++) {
        int r = v[i], prio = law->rules[r].info.priority;
        for (j = i; j > 0 && law->rules[v[j - 1]].info.priority < prio; j--)
            v[j] = v[j - 1];
        v[j] = r;
    }
}

/* Link rule "i" to the rules it is an exception to (their defeaters). */
static int law_link_exceptions(lk_law *law, size_t i, lk_error *err)
{
    lk_rule *r = &law->rules[i];
    size_t k;
    for (k = 0; r->excs[k]; k++) {
        int e = lk_rules__find_index(law, r->excs[k]);
        lk_rule *base;
        int *d;
        if (e < 0 || (size_t)e == i)
            return lk_lawfile__fail(err, r->doc, r->ptr,
                                    "exception_to names unknown rule '%s'",
                                    r->excs[k]);
        base = &law->rules[e];
        if (base->target != r->target)
            return lk_lawfile__fail(err, r->doc, r->ptr,
                                    "'%s' decides another target",
                                    r->excs[k]);
        d = lk_realloc(base->defeaters,
                       (size_t)(base->ndefeaters + 1) * sizeof(int));
        if (d == NULL)
            return lk_error_set_oom(err);
        base->defeaters = d;
        base->defeaters[base->ndefeaters++] = (int)i;
    }
    return 0;
}

/* The cycle closed by the last rule of "path" (of "n") naming rule "e",
 * which is on the path, as an error at that rule. */
static int law_cycle_fail(const lk_law *law, const int *path, int n, int e,
                          lk_error *err)
{
    const lk_rule *last = &law->rules[path[n - 1]];
    char list[512];
    size_t used = 0;
    int k = 0;
    while (path[k] != e)
        k++;
    list[0] = '\0';
    for (; k < n && used < sizeof(list) - 120; k++)
        used += (size_t)snprintf(list + used, sizeof(list) - used,
                                 "%.100s -> ", law->rules[path[k]].info.id);
    snprintf(list + used, sizeof(list) - used, "%.100s",
             law->rules[e].info.id);
    return lk_lawfile__fail(err, last->doc, last->ptr,
                            "exception_to makes a cycle: %s (each rule an "
                            "exception to the next)",
                            list);
}

/* Depth-first walk of the exceptions from rule "i": "color" is 0 for a
 * rule not seen, 1 on the path (the "n" rules of "path"), 2 done. The
 * depth is bounded by the number of rules (LK_LAW_MAX_RULES). */
static int law_cycle_walk(const lk_law *law, int i, char *color, int *path,
                          int n, lk_error *err)
{
    const lk_rule *r = &law->rules[i];
    size_t k;
    int error;
    color[i] = 1;
    path[n++] = i;
    for (k = 0; r->excs[k]; k++) {
        int e = lk_rules__find_index(law, r->excs[k]);
        if (color[e] == 1)
            return law_cycle_fail(law, path, n, e, err);
        if (color[e] == 0) {
            error = law_cycle_walk(law, e, color, path, n, err);
            if (error < 0)
                return error;
        }
    }
    color[i] = 2;
    return 0;
}

/* Refuse rules that are, through exception_to, exceptions to themselves
 * (A to B and B to A, or longer): which one wins would be undefined. */
static int law_check_cycles(const lk_law *law, lk_error *err)
{
    char *color = lk_calloc(law->nrules + 1, 1);
    int *path = lk_calloc(law->nrules + 1, sizeof(int));
    size_t i;
    int error = color && path ? 0 : lk_error_set_oom(err);
    for (i = 0; i < law->nrules && error == 0; i++)
        if (color[i] == 0)
            error = law_cycle_walk(law, (int)i, color, path, 0, err);
    lk_free(color);
    lk_free(path);
    return error;
}

/* Compile every rule, link exceptions, order rules per target. */
int lk_law_compile__rules(lk_law *law, lk_error *err)
{
    size_t i, k;
    int t, error = lk_model__check_params(law, err);
    if (error < 0)
        return error;
    for (i = 0; i < law->nrules; i++) {
        lk_rule *r = &law->rules[i];
        law_compiler lc;
        char p[LK_ERROR_POINTER_MAX];
        memset(&lc, 0, sizeof(lc));
        lc.law = law;
        lc.doc = r->doc;
        lc.err = err;
        lc.target = r->target;
        snprintf(p, sizeof(p), "%s/when", r->ptr);
        error =
            law_compile(&lc, json_object_get(r->json, "when"), p, 0, &r->cond);
        if (error == 0)
            error = law_link_exceptions(law, i, err);
        if (error < 0)
            return error;
        r->facts = lc.facts;
        r->targets = lc.targets;
    }
    error = law_check_cycles(law, err);
    if (error < 0)
        return error;
    for (t = 0; t < law->ntargets; t++) {
        lk_target *tg = &law->targets[t];
        int has_default = 0;
        tg->rules = lk_calloc(law->nrules + 1, sizeof(int));
        if (tg->rules == NULL)
            return lk_error_set_oom(err);
        for (i = 0; i < law->nrules; i++) {
            if (law->rules[i].target != t)
                continue;
            tg->rules[tg->nrules++] = (int)i;
            if (law->conds[law->rules[i].cond].op == LK_C_ALWAYS &&
                law->rules[i].ndefeaters == 0)
                has_default = 1;
        }
        law_sort_rules(law, tg->rules, tg->nrules);
        if (tg->kind != LK_TK_SCORE && !has_default)
            return lk_lawfile__fail(
                err, NULL, "", "'%s' has no default rule ({\"always\": true})",
                tg->id);
        /* the facts each rule and this target can depend on, through the
         * targets the rules read (all decided earlier, so already
         * computed) */
        for (k = 0; k < (size_t)tg->nrules; k++) {
            lk_rule *r = &law->rules[tg->rules[k]];
            int f, u;
            for (f = 0; f < LK_F_COUNT; f++)
                if (r->facts & (1u << f))
                    r->deps |= lk_law__fact_deps(f);
            for (u = 0; u < t; u++)
                if (r->targets & ((uint64_t)1 << u))
                    r->deps |= law->targets[u].deps;
            tg->deps |= r->deps;
        }
    }
    return 0;
}
