/*
 * model.c: the law's model (DATADIR/rules/model.json): its scores,
 * elements, lenses and flags, their statuses and levels, the encoding of
 * outcomes and the named parameters.
 */
#include "model.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "lawfile.h"

static const char *const status_element[] = {"met", "not-met", NULL};
static const char *const status_lens[] = {"breach", "likely-breach",
                                          "unlikely-breach", "no-breach", NULL};
static const char *const status_flag[] = {"raised", "not-raised", NULL};
static const char *const status_score[] = {"score", NULL};
static const char *const kind_names[] = {"score", "element", "lens", "flag"};

const char *lk_model__kind_name(lk_tkind kind)
{
    return kind_names[kind];
}

const char *const *lk_law__statuses(lk_tkind kind)
{
    switch (kind) {
    case LK_TK_ELEMENT:
        return status_element;
    case LK_TK_LENS:
        return status_lens;
    case LK_TK_FLAG:
        return status_flag;
    default:
        return status_score;
    }
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
    error = lk_lawfile__cites(law, err, doc, ptr, t->cites, 0);
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

int lk_model__load(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {
        "format",   "name",   "version", "params",  "scores",
        "elements", "lenses", "flags",   "caveats", NULL};
    static const char *const groups[] = {"scores", "elements", "lenses",
                                         "flags"};
    static const lk_tkind kinds[] = {LK_TK_SCORE, LK_TK_ELEMENT, LK_TK_LENS,
                                     LK_TK_FLAG};
    char ptr[64];
    json_t *arr, *item, *params;
    const char *key, *name, *version;
    size_t i;
    int g, error = lk_lawfile__keys(err, doc, "", doc->root, keys);
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
    law->caveats = json_object_get(doc->root, "caveats");
    {
        json_t *cv;
        json_array_foreach(law->caveats, i, cv)
        {
            static const char *const ckeys[] = {"text", "cites", NULL};
            snprintf(ptr, sizeof(ptr), "/caveats/%zu", i);
            error = lk_lawfile__keys(err, doc, ptr, cv, ckeys);
            if (error == 0 &&
                lk_lawfile__str(err, doc, ptr, cv, "text", 1) == NULL)
                error = LK_EINVALID;
            if (error == 0)
                error = lk_lawfile__cites(law, err, doc, ptr,
                                          json_object_get(cv, "cites"), 1);
            if (error < 0)
                return error;
        }
    }
    params = json_object_get(doc->root, "params");
    json_object_foreach(params, key, item)
    {
        snprintf(ptr, sizeof(ptr), "/params");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (!json_is_integer(item) || law->nparams >= 32)
            return lk_lawfile__fail(err, doc, ptr, "parameters are integers");
        law->params[law->nparams].name = key;
        law->params[law->nparams++].value = (int)json_integer_value(item);
    }
    for (g = 0; g < 4; g++) {
        arr = json_object_get(doc->root, groups[g]);
        if (!json_is_array(arr))
            return lk_lawfile__fail(err, doc, "", "missing array '%s'",
                                    groups[g]);
        json_array_foreach(arr, i, item)
        {
            snprintf(ptr, sizeof(ptr), "/%s/%zu", groups[g], i);
            error = model_add_target(law, err, doc, ptr, item, kinds[g]);
            if (error < 0)
                return error;
            if (kinds[g] != LK_TK_ELEMENT &&
                law->targets[law->ntargets - 1].nlevels)
                return lk_lawfile__fail(err, doc, ptr,
                                        "only elements have levels");
        }
    }
    return 0;
}

lk_param *lk_model__param(lk_law *law, const char *name)
{
    int i;
    for (i = 0; i < law->nparams; i++)
        if (strcmp(law->params[i].name, name) == 0)
            return &law->params[i];
    return NULL;
}
