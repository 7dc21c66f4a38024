/*
 * rules.c: reading rules and intent indicators (leaklaw/rules/1 files and
 * a profile's own rules) without compiling them, and the public view of
 * the rules.
 */
#include "rules.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "catalog.h"
#include "lawfile.h"
#include "model.h"

/* The file name shown for "doc": relative to the data directory. */
static const char *rules_file_name(const lk_law *law, const lk_doc *doc)
{
    size_t n = strlen(law->datadir);
    if (strncmp(doc->name, law->datadir, n) == 0 && doc->name[n] == '/')
        return doc->name + n + 1;
    return doc->name;
}

/* Id, text and target of rule "r" ("indicator": decides a score). */
static int rules_read_head(lk_law *law, lk_rule *r, const char *ptr,
                           int indicator, lk_error *err)
{
    const lk_doc *doc = r->doc;
    const char *decides;
    size_t i;

    r->info.id = lk_lawfile__str(err, doc, ptr, r->json, "id", 1);
    decides = lk_lawfile__str(err, doc, ptr, r->json,
                              indicator ? "score" : "decides", 1);
    r->info.text = lk_lawfile__str(err, doc, ptr, r->json, "text", 1);
    if (!r->info.id || !decides || !r->info.text)
        return LK_EINVALID;
    for (i = 0; i + 1 < law->nrules; i++)
        if (strcmp(law->rules[i].info.id, r->info.id) == 0)
            return lk_lawfile__fail(err, doc, ptr, "duplicate rule id '%s'",
                                    r->info.id);
    r->target = lk_law__target_find(law, decides);
    if (r->target < 0 ||
        (law->targets[r->target].kind == LK_TK_SCORE) != indicator)
        return lk_lawfile__fail(err, doc, ptr, "'%s' is not a%s", decides,
                                indicator ? " score"
                                          : "n element, lens or flag");
    r->info.decides = law->targets[r->target].id;
    r->info.kind = lk_model__kind_name(law->targets[r->target].kind);
    return 0;
}

/* Citations, exceptions, priority and condition text of rule "r". */
static int rules_read_body(lk_law *law, lk_rule *r, const char *ptr,
                           lk_error *err)
{
    json_t *j = r->json, *v;
    int error = lk_catalog__check_cites(law, err, r->doc, ptr,
                                  json_object_get(j, "cites"), 1);
    if (error < 0)
        return error;
    r->cites = lk_lawfile__strings(json_object_get(j, "cites"));
    r->excs = lk_lawfile__strings(json_object_get(j, "exception_to"));
    if (r->cites == NULL || r->excs == NULL)
        return lk_error_set_oom(err);
    r->info.cites = r->cites;
    r->info.exception_to = r->excs;
    v = json_object_get(j, "priority");
    if (v != NULL && !json_is_integer(v))
        return lk_lawfile__fail(err, r->doc, ptr, "priority is an integer");
    r->info.priority = v ? (int)json_integer_value(v) : 0;
    if (!json_is_object(json_object_get(j, "when")))
        return lk_lawfile__fail(err, r->doc, ptr, "missing condition 'when'");
    r->owned[1] = json_dumps(json_object_get(j, "when"),
                             JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (r->owned[1] == NULL)
        return lk_error_set_oom(err);
    r->info.when = r->owned[1];
    return 0;
}

/* The weight of indicator "r", shown as its outcome ("+2"). */
static int rules_read_weight(lk_rule *r, const char *ptr, lk_error *err)
{
    json_t *v = json_object_get(r->json, "weight");
    char buf[32];
    if (!json_is_integer(v))
        return lk_lawfile__fail(err, r->doc, ptr, "weight is an integer");
    r->weight = (int)json_integer_value(v);
    snprintf(buf, sizeof(buf), "%+d", r->weight);
    r->owned[0] = lk_strdup(buf);
    return r->owned[0] ? 0 : lk_error_set_oom(err);
}

/* Index of status "st" of target "t", or -1. */
static int rules_status_index(const lk_law *law, const lk_target *t,
                              const char *st)
{
    int i;
    for (i = 0; st && lk_law__statuses(law, t->kind)[i]; i++)
        if (strcmp(st, lk_law__statuses(law, t->kind)[i]) == 0)
            return i;
    return -1;
}

/* "until": the facts whose proof would settle an open outcome. */
static int rules_read_until(lk_rule *r, json_t *then, const char *p,
                            int open, lk_error *err)
{
    json_t *until = json_object_get(then, "until"), *x;
    size_t k;
    if (until == NULL)
        return 0;
    if (!open || !json_is_array(until))
        return lk_lawfile__fail(err, r->doc, p,
                                "'until' lists the facts that settle an "
                                "open outcome (a list of statuses)");
    json_array_foreach(until, k, x)
    {
        int f = json_is_string(x) ? lk_facts__find(json_string_value(x)) : -1;
        if (f < 0 || f >= LK_FACT_FIRST_DERIVED)
            return lk_lawfile__fail(err, r->doc, p,
                                    "'until' names no fact of a case: "
                                    "'%.100s'",
                                    json_is_string(x) ? json_string_value(x)
                                                      : "?");
        r->until |= 1u << f;
    }
    return 0;
}

/*
 * The outcome ("then") of rule "r": a status or verdict, and a level; or
 * a list of statuses, which the rule leaves open between (the result is
 * then undetermined among them, not an interpretive choice).
 */
static int rules_read_outcome(lk_law *law, lk_rule *r, const char *ptr,
                              lk_error *err)
{
    static const char *const okeys[] = {"status", "level", "verdict",
                                        "until", NULL};
    const lk_target *t = &law->targets[r->target];
    json_t *then = json_object_get(r->json, "then"), *sv, *x;
    const char *lv;
    int s, l = -1, i, error;
    size_t k;
    lk_buf text;
    char p[LK_ERROR_POINTER_MAX];

    snprintf(p, sizeof(p), "%s/then", ptr);
    error = lk_lawfile__keys(err, r->doc, then ? p : ptr, then, okeys);
    if (error < 0)
        return error;
    sv = json_object_get(then, t->kind == LK_TK_LENS ? "verdict" : "status");
    lv = json_string_value(json_object_get(then, "level"));
    for (i = 0; lv && i < t->nlevels; i++)
        if (strcmp(lv, t->levels[i]) == 0)
            l = i;
    if ((lv != NULL && (l < 0 || !json_is_string(sv))) ||
        (!json_is_string(sv) &&
         (!json_is_array(sv) || json_array_size(sv) < 2)))
        return lk_lawfile__fail(err, r->doc, p, "not an outcome of '%s'",
                                t->id);
    lk_buf_init(&text, 1024);
    r->outcome = -1;
    for (k = 0; k < (json_is_array(sv) ? json_array_size(sv) : 1); k++) {
        x = json_is_array(sv) ? json_array_get(sv, k) : sv;
        s = rules_status_index(law, t, json_string_value(x));
        if (s < 0) {
            lk_buf_dispose(&text);
            return lk_lawfile__fail(err, r->doc, p,
                                    "not an outcome of '%s'", t->id);
        }
        if (r->outcome < 0)
            r->outcome = lk_law__outcome(t, s, l);
        r->outcomes |= (uint64_t)1 << lk_law__outcome(t, s, l);
        lk_buf_printf(&text, "%s%s", k ? " or " : "",
                      json_string_value(x));
    }
    if (l >= 0)
        lk_buf_printf(&text, " (%s)", lv);
    if (json_is_array(sv))
        lk_buf_puts(&text, ", left open");
    error = rules_read_until(r, then, p, json_is_array(sv), err);
    if (error < 0) {
        lk_buf_dispose(&text);
        return error;
    }
    r->owned[0] = text.error ? NULL : lk_buf_detach(&text, NULL);
    lk_buf_dispose(&text);
    return r->owned[0] ? 0 : lk_error_set_oom(err);
}

/* Read one rule (or indicator, "score" set) without compiling it. */
static int rules_read_one(lk_law *law, const lk_doc *doc, const char *ptr,
                          json_t *j, int indicator, lk_error *err)
{
    static const char *const rkeys[] = {"id",    "decides",  "when",
                                        "then",  "priority", "exception_to",
                                        "cites", "text",     NULL};
    static const char *const ikeys[] = {"id",    "score", "weight", "when",
                                        "cites", "text",  NULL};
    lk_rule *r;
    int error;

    if (law->nrules >= LK_LAW_MAX_RULES)
        return lk_lawfile__fail(err, doc, ptr, "more than %d rules",
                                LK_LAW_MAX_RULES);
    error = lk_lawfile__keys(err, doc, ptr, j, indicator ? ikeys : rkeys);
    if (error < 0)
        return error;
    /* counted at once, so that lk_law_free releases a half-read rule */
    r = &law->rules[law->nrules++];
    memset(r, 0, sizeof(*r));
    r->doc = doc;
    r->json = j;
    snprintf(r->ptr, sizeof(r->ptr), "%s", ptr);
    r->info.file = rules_file_name(law, doc);
    error = rules_read_head(law, r, ptr, indicator, err);
    if (error == 0)
        error = rules_read_body(law, r, ptr, err);
    if (error == 0)
        error = indicator ? rules_read_weight(r, ptr, err)
                          : rules_read_outcome(law, r, ptr, err);
    if (error == 0)
        r->info.outcome = r->owned[0];
    return error;
}

static int rules_is_disabled(json_t *disable, const char *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(disable, i, v)
    {
        if (json_is_string(v) && strcmp(json_string_value(v), id) == 0)
            return 1;
    }
    return 0;
}

int lk_rules__read(lk_law *law, const lk_doc *doc, json_t *disable,
                   lk_error *err)
{
    static const char *const groups[] = {"indicators", "rules"};
    int g, error;
    size_t i;
    json_t *item;
    char ptr[64];
    for (g = 0; g < 2; g++) {
        json_t *arr = json_object_get(doc->root, groups[g]);
        if (arr != NULL && !json_is_array(arr))
            return lk_lawfile__fail(err, doc, "", "'%s' must be an array",
                                    groups[g]);
        json_array_foreach(arr, i, item)
        {
            const char *id = json_string_value(json_object_get(item, "id"));
            if (id && rules_is_disabled(disable, id))
                continue;
            snprintf(ptr, sizeof(ptr), "/%s/%zu", groups[g], i);
            error = rules_read_one(law, doc, ptr, item, g == 0, err);
            if (error < 0)
                return error;
        }
    }
    return 0;
}

int lk_rules__find_index(const lk_law *law, const char *id)
{
    size_t i;
    for (i = 0; i < law->nrules; i++)
        if (strcmp(law->rules[i].info.id, id) == 0)
            return (int)i;
    return -1;
}

const lk_rule_info *lk_law_rule_find(const lk_law *law, const char *id)
{
    int i = lk_rules__find_index(law, id);
    return i < 0 ? NULL : &law->rules[i].info;
}

size_t lk_law_rule_count(const lk_law *law)
{
    return law->nrules;
}

const lk_rule_info *lk_law_rule(const lk_law *law, size_t i)
{
    return i < law->nrules ? &law->rules[i].info : NULL;
}

int lk_rules__check_disabled(const lk_doc *profile, lk_doc *const *docs,
                             size_t ndocs, lk_error *err)
{
    json_t *disable = json_object_get(profile->root, "disable"), *d, *r;
    size_t i, k, n;
    char ptr[64];

    json_array_foreach(disable, i, d)
    {
        int seen = 0;
        for (k = 0; k < ndocs && !seen; k++) {
            json_array_foreach(json_object_get(docs[k]->root, "rules"), n, r)
            {
                if (json_equal(json_object_get(r, "id"), d))
                    seen = 1;
            }
        }
        if (!seen) {
            snprintf(ptr, sizeof(ptr), "/disable/%zu", i);
            return lk_lawfile__fail(
                err, profile, ptr, "disables unknown rule '%.100s'",
                json_is_string(d) ? json_string_value(d) : "?");
        }
    }
    return 0;
}
