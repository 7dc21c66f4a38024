/*
 * model.c: the law's model (DATADIR/rules/model.json): its scores,
 * elements, lenses and flags, their statuses and levels, the encoding of
 * outcomes and the named parameters.
 */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "catalog.h"
#include "lawfile.h"

/* Scores take no status; their outcomes are encoded as this one. */
static const char *const status_score[] = {"score", NULL};
static const char *const kind_names[] = {"score", "element", "lens", "flag"};
/* The model's "statuses" section: its key for each lk_tkind. */
static const char *const status_keys[] = {NULL, "element", "lens", "flag"};

const char *lk_model__kind_name(lk_tkind kind)
{
    return kind_names[kind];
}

const char *const *lk_law__statuses(const lk_law *law, lk_tkind kind)
{
    if (kind == LK_TK_SCORE)
        return status_score;
    return law->status_ids[kind];
}

const char *lk_law__open_status(const lk_law *law)
{
    return law->statuses[LK_TK_LENS][law->nstatuses[LK_TK_LENS]].id;
}

int lk_law__outcome(const lk_target *t, int status, int level)
{
    return status * (t->nlevels + 1) + (level + 1);
}

void lk_law__outcome_split(const lk_target *t, int outcome, int *status,
                           int *level)
{
    *status = outcome / (t->nlevels + 1);
    *level = outcome % (t->nlevels + 1) - 1;
}

int lk_law__target_find(const lk_law *law, const char *id)
{
    int i;
    for (i = 0; i < law->ntargets; i++)
        if (strcmp(law->targets[i].id, id) == 0)
            return i;
    return -1;
}

static int model_add_target(lk_law *law, lk_error *err, const lk_doc *doc,
                            const char *ptr, json_t *obj, lk_tkind kind)
{
    static const char *const keys[] = {"id",     "title", "question",
                                       "levels", "cites", NULL};
    lk_target *t;
    json_t *levels, *l;
    size_t i;
    int error = lk_lawfile__keys(err, doc, ptr, obj, keys);
    if (error < 0)
        return error;
    if (law->ntargets >= LK_MAX_TARGETS)
        return lk_lawfile__fail(err, doc, ptr, "more than %d targets",
                                LK_MAX_TARGETS);
    t = &law->targets[law->ntargets];
    t->kind = kind;
    t->id = lk_lawfile__str(err, doc, ptr, obj, "id", 1);
    t->title = lk_lawfile__str(err, doc, ptr, obj, "title", 1);
    t->question = lk_lawfile__str(err, doc, ptr, obj, "question", 0);
    if (!t->id || !t->title || !t->question)
        return LK_EINVALID;
    if (lk_law__target_find(law, t->id) >= 0)
        return lk_lawfile__fail(err, doc, ptr, "duplicate id '%s'", t->id);
    levels = json_object_get(obj, "levels");
    if (levels != NULL) {
        if (!json_is_array(levels) || json_array_size(levels) > LK_MAX_LEVELS)
            return lk_lawfile__fail(
                err, doc, ptr, "levels must be an array of at most %d names",
                LK_MAX_LEVELS);
        json_array_foreach(levels, i, l)
        {
            if (!json_is_string(l))
                return lk_lawfile__fail(err, doc, ptr,
                                        "levels must be strings");
            t->levels[t->nlevels++] = json_string_value(l);
        }
    }
    t->cites = json_object_get(obj, "cites");
    error = lk_catalog__check_cites(law, err, doc, ptr, t->cites, 0);
    if (error < 0)
        return error;
    t->cite_ids = lk_lawfile__strings(t->cites);
    if (t->cite_ids == NULL)
        return lk_error_set_oom(err);
    t->info.id = t->id;
    t->info.title = t->title;
    t->info.question = t->question;
    t->info.kind = (lk_target_kind)kind;
    t->info.levels = t->levels;
    t->info.cites = t->cite_ids;
    law->ntargets++;
    return 0;
}

size_t lk_law_target_count(const lk_law *law)
{
    return (size_t)law->ntargets;
}

const lk_target_info *lk_law_target(const lk_law *law, size_t i)
{
    return &law->targets[i].info;
}

int lk_law_target_index(const lk_law *law, const char *id)
{
    return lk_law__target_find(law, id);
}

/* One status {id, label, color} at "ptr" into "*st". */
static int model_read_status(lk_law *law, const lk_doc *doc, const char *ptr,
                             json_t *obj, lk_status_info *st, lk_error *err)
{
    static const char *const keys[] = {"id", "label", "color", NULL};
    int error = lk_lawfile__keys(err, doc, ptr, obj, keys);
    (void)law;
    if (error < 0)
        return error;
    st->id = lk_lawfile__str(err, doc, ptr, obj, "id", 1);
    st->label = lk_lawfile__str(err, doc, ptr, obj, "label", 1);
    st->color = lk_lawfile__str(err, doc, ptr, obj, "color", 0);
    if (!st->id || !st->label || !st->color)
        return LK_EINVALID;
    return 0;
}

/* The closed statuses of kind "k" (section "statuses/<key>"). */
static int model_read_kind_statuses(lk_law *law, const lk_doc *doc, json_t *arr,
                                    int k, lk_error *err)
{
    char ptr[64];
    size_t i;
    json_t *item;
    int j, error;

    snprintf(ptr, sizeof(ptr), "/statuses/%s", status_keys[k]);
    if (!json_is_array(arr) || json_array_size(arr) == 0 ||
        json_array_size(arr) > LK_MAX_STATUSES)
        return lk_lawfile__fail(
            err, doc, json_is_array(arr) ? ptr : "/statuses",
            "'%s' must list 1 to %d statuses", status_keys[k], LK_MAX_STATUSES);
    json_array_foreach(arr, i, item)
    {
        lk_status_info *st = &law->statuses[k][i];
        snprintf(ptr, sizeof(ptr), "/statuses/%s/%zu", status_keys[k], i);
        error = model_read_status(law, doc, ptr, item, st, err);
        if (error < 0)
            return error;
        for (j = 0; j < (int)i; j++)
            if (strcmp(law->statuses[k][j].id, st->id) == 0)
                return lk_lawfile__fail(err, doc, ptr, "duplicate status '%s'",
                                        st->id);
        law->status_ids[k][i] = st->id;
        law->nstatuses[k]++;
    }
    return 0;
}

/* The "statuses" section: closed statuses per kind and the open one. */
static int model_load_statuses(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {"element", "lens", "flag", "open", NULL};
    json_t *sec = json_object_get(doc->root, "statuses");
    lk_status_info open;
    int k, j, error;

    if (sec == NULL)
        return lk_lawfile__fail(err, doc, "", "missing object 'statuses'");
    error = lk_lawfile__keys(err, doc, "/statuses", sec, keys);
    if (error == 0)
        error = model_read_status(law, doc, "/statuses/open",
                                  json_object_get(sec, "open"), &open, err);
    for (k = LK_TK_ELEMENT; k <= LK_TK_FLAG && error == 0; k++) {
        error = model_read_kind_statuses(
            law, doc, json_object_get(sec, status_keys[k]), k, err);
        for (j = 0; j < law->nstatuses[k] && error == 0; j++)
            if (strcmp(law->statuses[k][j].id, open.id) == 0)
                error =
                    lk_lawfile__fail(err, doc, "/statuses/open",
                                     "'%s' is also a closed status", open.id);
        open.open = 1;
        law->statuses[k][law->nstatuses[k]] = open;
    }
    return error;
}

/* The "caveats" of the model: [{text, cites}]. */
static int model_load_caveats(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const ckeys[] = {"text", "cites", NULL};
    char ptr[64];
    json_t *cv;
    size_t i;
    int error = 0;

    law->caveats = json_object_get(doc->root, "caveats");
    json_array_foreach(law->caveats, i, cv)
    {
        snprintf(ptr, sizeof(ptr), "/caveats/%zu", i);
        error = lk_lawfile__keys(err, doc, ptr, cv, ckeys);
        if (error == 0 && lk_lawfile__str(err, doc, ptr, cv, "text", 1) == NULL)
            error = LK_EINVALID;
        if (error == 0)
            error = lk_catalog__check_cites(law, err, doc, ptr,
                                      json_object_get(cv, "cites"), 1);
        if (error < 0)
            return error;
    }
    return 0;
}

/* The named integer "params". */
static int model_load_params(lk_law *law, const lk_doc *doc, lk_error *err)
{
    json_t *item;
    const char *key;
    char ptr[64];

    json_object_foreach(json_object_get(doc->root, "params"), key, item)
    {
        snprintf(ptr, sizeof(ptr), "/params");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (!json_is_integer(item) || law->nparams >= LK_MAX_PARAMS)
            return lk_lawfile__fail(err, doc, ptr, "parameters are integers");
        law->params[law->nparams].name = key;
        law->params[law->nparams++].value = (int)json_integer_value(item);
    }
    return 0;
}

#define MODEL_PARAM_MAX 100000 /* largest value of a parameter */

/* Parameters that bound others: the first must not be below the second. */
static const char *const model_param_order[][2] = {
    {"intent_high", "intent_threshold"},
};

/* The last document that sets parameter "name" (a profile's after the
 * model's) and its value there; -1 if none. */
static int model_param_doc(const lk_law *law, const char *name, json_t **v)
{
    size_t i;
    for (i = law->ndocs; i-- > 0;) {
        json_t *p = json_object_get(law->docs[i]->root, "params");
        *v = json_object_get(p, name);
        if (*v != NULL)
            return (int)i;
    }
    return -1;
}

/* Report parameter "name" (set by document "d") as out of order. */
static int model_param_fail(const lk_law *law, int d, const char *name,
                            lk_error *err, const char *fmt, ...)
    LK_PRINTF(5, 6);
static int model_param_fail(const lk_law *law, int d, const char *name,
                            lk_error *err, const char *fmt, ...)
{
    char ptr[LK_ERROR_POINTER_MAX] = "/params", msg[LK_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    lk_doc__ptr_push(ptr, sizeof(ptr), name);
    return lk_lawfile__fail(err, law->docs[d], ptr, "%s", msg);
}

int lk_model__check_params(const lk_law *law, lk_error *err)
{
    size_t k;
    int i;
    for (i = 0; i < law->nparams; i++) {
        json_t *v;
        int d = model_param_doc(law, law->params[i].name, &v);
        json_int_t x = json_integer_value(v);
        if (d >= 0 && (x < 0 || x > MODEL_PARAM_MAX))
            return model_param_fail(law, d, law->params[i].name, err,
                                    "must be between 0 and %d, found %"
                                    JSON_INTEGER_FORMAT,
                                    MODEL_PARAM_MAX, x);
    }
    for (k = 0; k < sizeof(model_param_order) / sizeof(*model_param_order);
         k++) {
        const char *hi = model_param_order[k][0], *lo = model_param_order[k][1];
        json_t *vh, *vl;
        int dh = model_param_doc(law, hi, &vh), dl = model_param_doc(law, lo,
                                                                    &vl);
        json_int_t h = json_integer_value(vh), l = json_integer_value(vl);
        if (dh < 0 || dl < 0 || h >= l)
            continue;
        if (dl > dh) /* blame the one set last */
            return model_param_fail(law, dl, lo, err,
                                    "must not be above %s (%" JSON_INTEGER_FORMAT
                                    "), found %" JSON_INTEGER_FORMAT, hi, h, l);
        return model_param_fail(law, dh, hi, err,
                                "must not be below %s (%" JSON_INTEGER_FORMAT
                                "), found %" JSON_INTEGER_FORMAT, lo, l, h);
    }
    return 0;
}

/* The targets of the four sections, in order; outcomes fit 64 bits. */
static int model_load_targets(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const groups[] = {"scores", "elements", "lenses",
                                         "flags"};
    static const lk_tkind kinds[] = {LK_TK_SCORE, LK_TK_ELEMENT, LK_TK_LENS,
                                     LK_TK_FLAG};
    char ptr[64];
    json_t *arr, *item;
    size_t i;
    int g, error, nlens = 0;

    for (g = 0; g < 4; g++) {
        arr = json_object_get(doc->root, groups[g]);
        if (!json_is_array(arr))
            return lk_lawfile__fail(err, doc, "", "missing array '%s'",
                                    groups[g]);
        json_array_foreach(arr, i, item)
        {
            const lk_target *t;
            snprintf(ptr, sizeof(ptr), "/%s/%zu", groups[g], i);
            error = model_add_target(law, err, doc, ptr, item, kinds[g]);
            if (error < 0)
                return error;
            t = &law->targets[law->ntargets - 1];
            if (kinds[g] != LK_TK_ELEMENT && t->nlevels)
                return lk_lawfile__fail(err, doc, ptr,
                                        "only elements have levels");
            if (kinds[g] != LK_TK_SCORE &&
                law->nstatuses[kinds[g]] * (t->nlevels + 1) > 63)
                return lk_lawfile__fail(err, doc, ptr,
                                        "too many statuses and levels");
            if (kinds[g] == LK_TK_LENS && ++nlens > LK_MAX_LENSES)
                return lk_lawfile__fail(err, doc, ptr, "more than %d lenses",
                                        LK_MAX_LENSES);
        }
    }
    return 0;
}

/* Target "id" of kind "kind", or a diagnostic at "ptr" and -1. */
static int model_chart_target(lk_law *law, const lk_doc *doc, const char *ptr,
                              const char *id, lk_tkind kind, lk_error *err)
{
    int t = id ? lk_law__target_find(law, id) : -1;
    if (t < 0 || law->targets[t].kind != kind) {
        lk_lawfile__fail(err, doc, ptr, "'%.100s' is not a%s %s", id ? id : "?",
                         kind == LK_TK_ELEMENT ? "n" : "", kind_names[kind]);
        return -1;
    }
    return t;
}

/* The optional "chart": {lens, x: {score}, y: {fact, element, title}}. */
static int model_load_chart(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {"lens", "x", "y", NULL};
    static const char *const xkeys[] = {"score", NULL};
    static const char *const ykeys[] = {"fact", "element", "title", NULL};
    json_t *c = json_object_get(doc->root, "chart");
    json_t *x = json_object_get(c, "x"), *y = json_object_get(c, "y");
    lk_chart_info *ch = &law->chart;
    int fact, error;

    if (c == NULL)
        return 0;
    error = lk_lawfile__keys(err, doc, "/chart", c, keys);
    if (error == 0)
        error = lk_lawfile__keys(err, doc, "/chart/x", x, xkeys);
    if (error == 0)
        error = lk_lawfile__keys(err, doc, "/chart/y", y, ykeys);
    if (error < 0)
        return error;
    ch->lens = lk_lawfile__str(err, doc, "/chart", c, "lens", 1);
    ch->score = lk_lawfile__str(err, doc, "/chart/x", x, "score", 1);
    ch->fact = lk_lawfile__str(err, doc, "/chart/y", y, "fact", 1);
    ch->element = lk_lawfile__str(err, doc, "/chart/y", y, "element", 1);
    ch->title_y = lk_lawfile__str(err, doc, "/chart/y", y, "title", 1);
    if (!ch->lens || !ch->score || !ch->fact || !ch->element || !ch->title_y)
        return LK_EINVALID;
    if (model_chart_target(law, doc, "/chart/lens", ch->lens, LK_TK_LENS, err) <
            0 ||
        model_chart_target(law, doc, "/chart/x/score", ch->score, LK_TK_SCORE,
                           err) < 0 ||
        model_chart_target(law, doc, "/chart/y/element", ch->element,
                           LK_TK_ELEMENT, err) < 0)
        return LK_EINVALID;
    fact = lk_facts__find(ch->fact);
    if (fact < 0 || lk_facts__def(fact)->type != LK_FT_ENUM ||
        !lk_facts__def(fact)->ordered)
        return lk_lawfile__fail(err, doc, "/chart/y/fact",
                                "'%.100s' is not an ordered fact", ch->fact);
    ch->y_values = lk_law__fact_values(law, fact);
    law->has_chart = 1;
    return 0;
}

int lk_model__load(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {
        "format", "name",  "version", "params",   "scores", "elements",
        "lenses", "flags", "caveats", "statuses", "chart",  NULL};
    const char *name, *version;
    int error = lk_lawfile__keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    name = lk_lawfile__str(err, doc, "", doc->root, "name", 1);
    version = lk_lawfile__str(err, doc, "", doc->root, "version", 1);
    if (!name || !version)
        return LK_EINVALID;
    law->name = lk_strdup(name);
    law->version = lk_strdup(version);
    if (!law->name || !law->version)
        return lk_error_set_oom(err);
    error = model_load_caveats(law, doc, err);
    if (error == 0)
        error = model_load_params(law, doc, err);
    if (error == 0)
        error = model_load_statuses(law, doc, err);
    if (error == 0)
        error = model_load_targets(law, doc, err);
    if (error == 0)
        error = model_load_chart(law, doc, err);
    return error;
}

lk_param *lk_model__param(lk_law *law, const char *name)
{
    int i;
    for (i = 0; i < law->nparams; i++)
        if (strcmp(law->params[i].name, name) == 0)
            return &law->params[i];
    return NULL;
}

size_t lk_law_status_count(const lk_law *law, lk_target_kind kind)
{
    if (kind == LK_TARGET_SCORE || (int)kind < 0 || (int)kind > 3)
        return 0;
    return (size_t)law->nstatuses[kind] + 1;
}

const lk_status_info *lk_law_status(const lk_law *law, lk_target_kind kind,
                                    size_t i)
{
    if (i >= lk_law_status_count(law, kind))
        return NULL;
    return &law->statuses[kind][i];
}

const lk_status_info *lk_law_status_find(const lk_law *law, lk_target_kind kind,
                                         const char *id)
{
    size_t i, n = lk_law_status_count(law, kind);
    for (i = 0; i < n; i++)
        if (strcmp(law->statuses[kind][i].id, id) == 0)
            return &law->statuses[kind][i];
    return NULL;
}

const lk_chart_info *lk_law_chart(const lk_law *law)
{
    return law->has_chart ? &law->chart : NULL;
}
