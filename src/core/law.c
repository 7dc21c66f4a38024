/*
 * law.c: loading, checking and compiling the law from its data files.
 * Nothing here decides a legal question: it reads rules written as data,
 * checks that every reference resolves (facts, values, targets, rules,
 * sources, ATT&CK ids) and compiles conditions for eval.c.
 */
#include "law.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dir.h"
#include "buf.h"
#include "case.h"

#define LAW_MAX_FILES 64
#define LAW_MAX_RULES 4096
#define LAW_MAX_CONDS 65536
#define LAW_MAX_DEPTH 32

static const char *const status_element[] = {"met", "not-met", NULL};
static const char *const status_lens[] = {"breach", "likely-breach",
                                          "unlikely-breach", "no-breach",
                                          NULL};
static const char *const status_flag[] = {"raised", "not-raised", NULL};
static const char *const status_score[] = {"score", NULL};
static const char *const kind_names[] = {"score", "element", "lens", "flag"};

const char *const *lk_law__statuses(lk_tkind kind)
{
    switch (kind) {
    case LK_TK_ELEMENT: return status_element;
    case LK_TK_LENS: return status_lens;
    case LK_TK_FLAG: return status_flag;
    default: return status_score;
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

static int law_fail(lk_error *err, const lk_doc *doc, const char *ptr,
                    const char *fmt, ...) LK_PRINTF(4, 5);
static int law_fail(lk_error *err, const lk_doc *doc, const char *ptr,
                    const char *fmt, ...)
{
    char msg[LK_ERROR_MESSAGE_MAX];
    unsigned line = 0, col = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (doc != NULL)
        lk_doc__locate(doc, ptr, &line, &col);
    return lk_error_set_at(err, LK_EINVALID, doc ? doc->name : NULL, line,
                           col, ptr, "%s", msg);
}

/* Check that "obj" has only the keys in "allowed" (or "x-" keys). */
static int law_keys(lk_error *err, const lk_doc *doc, const char *ptr,
                    json_t *obj, const char *const *allowed)
{
    const char *key;
    json_t *v;
    char p[LK_ERROR_POINTER_MAX];
    if (!json_is_object(obj))
        return law_fail(err, doc, ptr, "expected an object");
    json_object_foreach(obj, key, v)
    {
        const char *const *a;
        for (a = allowed; *a; a++)
            if (strcmp(*a, key) == 0)
                break;
        if (*a == NULL && strncmp(key, "x-", 2) != 0) {
            snprintf(p, sizeof(p), "%s", ptr);
            lk_doc__ptr_push(p, sizeof(p), key);
            return law_fail(err, doc, p, "unknown key '%.100s'", key);
        }
    }
    return 0;
}

/* A required string member; returns NULL after setting "err". */
static const char *law_str(lk_error *err, const lk_doc *doc, const char *ptr,
                           json_t *obj, const char *key, int required)
{
    json_t *v = json_object_get(obj, key);
    char p[LK_ERROR_POINTER_MAX];
    if (v == NULL && !required)
        return "";
    snprintf(p, sizeof(p), "%s", ptr);
    lk_doc__ptr_push(p, sizeof(p), key);
    if (!json_is_string(v) || json_string_length(v) == 0) {
        law_fail(err, doc, v ? p : ptr, v ? "expected a non-empty string"
                                          : "missing required key '%s'",
                 key);
        return NULL;
    }
    return json_string_value(v);
}

static int law_add_doc(lk_law *law, lk_doc *doc, lk_error *err)
{
    lk_doc **d;
    if (law->ndocs >= LAW_MAX_FILES) {
        lk_doc__free(doc);
        return lk_error_set(err, LK_ETOOBIG, "more than %d data files",
                            LAW_MAX_FILES);
    }
    d = lk_realloc(law->docs, (law->ndocs + 1) * sizeof(*d));
    if (d == NULL) {
        lk_doc__free(doc);
        return lk_error_set_oom(err);
    }
    law->docs = d;
    law->docs[law->ndocs++] = doc;
    return 0;
}

static int law_load_doc(lk_law *law, const char *path, lk_doc **out,
                        lk_error *err)
{
    lk_doc *doc = NULL;
    int error = lk_doc__load(&doc, path, err);
    if (error < 0)
        return error;
    error = law_add_doc(law, doc, err);
    if (error < 0)
        return error;
    if (!json_is_object(doc->root))
        return law_fail(err, doc, "", "expected an object");
    *out = doc;
    return 0;
}

/* Load "path", check its top-level keys and its "format". */
static int law_open_doc(lk_law *law, const char *path, const char *format,
                        const char *const *keys, lk_doc **out, lk_error *err)
{
    lk_doc *doc = NULL;
    const char *f;
    int error = law_load_doc(law, path, &doc, err);
    if (error < 0)
        return error;
    error = law_keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    f = json_string_value(json_object_get(doc->root, "format"));
    if (f == NULL || strcmp(f, format) != 0)
        return law_fail(err, doc, "/format", "expected format \"%s\"",
                        format);
    *out = doc;
    return 0;
}

/* ---- sources -------------------------------------------------------- */

static int law_load_sources(lk_law *law, lk_error *err)
{
    static const char *const keys[] = {"format", "sources", NULL};
    static const char *const skeys[] = {"id",  "title",  "pinpoint", "date",
                                        "url", "status", "note",     "quote",
                                        NULL};
    char path[4096], ptr[64];
    lk_doc *doc = NULL;
    json_t *arr, *item;
    size_t i, j;
    int error;

    snprintf(path, sizeof(path), "%s/sources.json", law->datadir);
    error = law_open_doc(law, path, "leaklaw/sources/1", keys, &doc, err);
    if (error < 0)
        return error;
    arr = json_object_get(doc->root, "sources");
    if (!json_is_array(arr))
        return law_fail(err, doc, "/sources", "expected an array");
    law->sources = lk_calloc(json_array_size(arr) + 1, sizeof(lk_source_info));
    if (law->sources == NULL)
        return lk_error_set_oom(err);
    json_array_foreach(arr, i, item)
    {
        lk_source_info *s = &law->sources[i];
        snprintf(ptr, sizeof(ptr), "/sources/%zu", i);
        error = law_keys(err, doc, ptr, item, skeys);
        if (error < 0)
            return error;
        s->id = law_str(err, doc, ptr, item, "id", 1);
        s->title = law_str(err, doc, ptr, item, "title", 1);
        s->pinpoint = law_str(err, doc, ptr, item, "pinpoint", 0);
        s->date = law_str(err, doc, ptr, item, "date", 0);
        s->url = law_str(err, doc, ptr, item, "url", 0);
        s->status = law_str(err, doc, ptr, item, "status", 1);
        s->quote = law_str(err, doc, ptr, item, "quote", 0);
        if (!s->id || !s->title || !s->pinpoint || !s->date || !s->url ||
            !s->status || !s->quote)
            return LK_EINVALID;
        if (strcmp(s->status, "confirmed") && strcmp(s->status, "unconfirmed"))
            return law_fail(err, doc, ptr,
                            "status must be \"confirmed\" or \"unconfirmed\"");
        for (j = 0; j < i; j++)
            if (strcmp(law->sources[j].id, s->id) == 0)
                return law_fail(err, doc, ptr, "duplicate source id '%s'",
                                s->id);
        law->nsources++;
    }
    return 0;
}

const lk_source_info *lk_law_source_find(const lk_law *law, const char *id)
{
    size_t i;
    for (i = 0; i < law->nsources; i++)
        if (strcmp(law->sources[i].id, id) == 0)
            return &law->sources[i];
    return NULL;
}

size_t lk_law_source_count(const lk_law *law)
{
    return law->nsources;
}

const lk_source_info *lk_law_source(const lk_law *law, size_t i)
{
    return i < law->nsources ? &law->sources[i] : NULL;
}

/* "cites" must be a non-empty array of catalogue ids. */
static int law_check_cites(lk_law *law, lk_error *err, const lk_doc *doc,
                           const char *ptr, json_t *cites, int required)
{
    size_t i;
    json_t *c;
    char p[LK_ERROR_POINTER_MAX];
    if (cites == NULL && !required)
        return 0;
    snprintf(p, sizeof(p), "%s/cites", ptr);
    if (!json_is_array(cites) || json_array_size(cites) == 0)
        return law_fail(err, doc, cites ? p : ptr,
                        "every rule must cite at least one source (cites)");
    json_array_foreach(cites, i, c)
    {
        snprintf(p, sizeof(p), "%s/cites/%zu", ptr, i);
        if (!json_is_string(c) ||
            lk_law_source_find(law, json_string_value(c)) == NULL)
            return law_fail(err, doc, p,
                            "'%.100s' is not in the sources catalogue",
                            json_is_string(c) ? json_string_value(c) : "?");
    }
    return 0;
}

/* ---- model ---------------------------------------------------------- */

/* The strings of "arr" as a NULL-terminated array (owned; the strings
 * are borrowed from "arr"), or NULL when out of memory. */
static const char **law_strings(json_t *arr)
{
    size_t i, n = json_is_array(arr) ? json_array_size(arr) : 0;
    const char **v = lk_calloc(n + 1, sizeof(char *));
    if (v == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        v[i] = json_string_value(json_array_get(arr, i));
    return v;
}


static int law_add_target(lk_law *law, lk_error *err, const lk_doc *doc,
                          const char *ptr, json_t *obj, lk_tkind kind)
{
    static const char *const keys[] = {"id", "title", "question", "levels",
                                       "cites", NULL};
    lk_target *t;
    json_t *levels, *l;
    size_t i;
    int error = law_keys(err, doc, ptr, obj, keys);
    if (error < 0)
        return error;
    if (law->ntargets >= LK_MAX_TARGETS)
        return law_fail(err, doc, ptr, "more than %d targets",
                        LK_MAX_TARGETS);
    t = &law->targets[law->ntargets];
    t->kind = kind;
    t->id = law_str(err, doc, ptr, obj, "id", 1);
    t->title = law_str(err, doc, ptr, obj, "title", 1);
    t->question = law_str(err, doc, ptr, obj, "question", 0);
    if (!t->id || !t->title || !t->question)
        return LK_EINVALID;
    if (lk_law__target_find(law, t->id) >= 0)
        return law_fail(err, doc, ptr, "duplicate id '%s'", t->id);
    levels = json_object_get(obj, "levels");
    if (levels != NULL) {
        if (!json_is_array(levels) || json_array_size(levels) > LK_MAX_LEVELS)
            return law_fail(err, doc, ptr,
                            "levels must be an array of at most %d names",
                            LK_MAX_LEVELS);
        json_array_foreach(levels, i, l)
        {
            if (!json_is_string(l))
                return law_fail(err, doc, ptr, "levels must be strings");
            t->levels[t->nlevels++] = json_string_value(l);
        }
    }
    t->cites = json_object_get(obj, "cites");
    error = law_check_cites(law, err, doc, ptr, t->cites, 0);
    if (error < 0)
        return error;
    t->cite_ids = law_strings(t->cites);
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

static int law_load_model(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {"format", "name",   "version",
                                       "params", "scores", "elements",
                                       "lenses", "flags",  "caveats",
                                       NULL};
    static const char *const groups[] = {"scores", "elements", "lenses",
                                         "flags"};
    static const lk_tkind kinds[] = {LK_TK_SCORE, LK_TK_ELEMENT, LK_TK_LENS,
                                     LK_TK_FLAG};
    char ptr[64];
    json_t *arr, *item, *params;
    const char *key, *name, *version;
    size_t i;
    int g, error = law_keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    name = law_str(err, doc, "", doc->root, "name", 1);
    version = law_str(err, doc, "", doc->root, "version", 1);
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
            error = law_keys(err, doc, ptr, cv, ckeys);
            if (error == 0 && law_str(err, doc, ptr, cv, "text", 1) == NULL)
                error = LK_EINVALID;
            if (error == 0)
                error = law_check_cites(law, err, doc, ptr,
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
            return law_fail(err, doc, ptr, "parameters are integers");
        law->params[law->nparams].name = key;
        law->params[law->nparams++].value = (int)json_integer_value(item);
    }
    for (g = 0; g < 4; g++) {
        arr = json_object_get(doc->root, groups[g]);
        if (!json_is_array(arr))
            return law_fail(err, doc, "", "missing array '%s'", groups[g]);
        json_array_foreach(arr, i, item)
        {
            snprintf(ptr, sizeof(ptr), "/%s/%zu", groups[g], i);
            error = law_add_target(law, err, doc, ptr, item, kinds[g]);
            if (error < 0)
                return error;
            if (kinds[g] != LK_TK_ELEMENT &&
                law->targets[law->ntargets - 1].nlevels)
                return law_fail(err, doc, ptr,
                                "only elements have levels");
        }
    }
    return 0;
}

static lk_param *law_param(lk_law *law, const char *name)
{
    int i;
    for (i = 0; i < law->nparams; i++)
        if (strcmp(law->params[i].name, name) == 0)
            return &law->params[i];
    return NULL;
}

/* ---- intrusiveness table and ATT&CK index --------------------------- */

static int law_attack_cmp(const void *a, const void *b)
{
    return strcmp(((const lk_attack_map *)a)->id,
                  ((const lk_attack_map *)b)->id);
}

static int law_technique_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int lk_law__technique_known(const lk_law *law, const char *id)
{
    char key[12];
    if (strlen(id) >= sizeof(key))
        return 0;
    memset(key, 0, sizeof(key));
    memcpy(key, id, strlen(id));
    return bsearch(key, law->techniques, law->ntechniques, sizeof(key),
                   law_technique_cmp) != NULL;
}

int lk_law__attack_method(const lk_law *law, const char *id)
{
    lk_attack_map key, *hit;
    memset(&key, 0, sizeof(key));
    if (strlen(id) >= sizeof(key.id))
        return -1;
    memcpy(key.id, id, strlen(id));
    hit = bsearch(&key, law->attack, law->nattack, sizeof(key),
                  law_attack_cmp);
    if (hit == NULL && strchr(key.id, '.') != NULL) {
        *strchr(key.id, '.') = '\0'; /* sub-technique: use its parent */
        hit = bsearch(&key, law->attack, law->nattack, sizeof(key),
                      law_attack_cmp);
    }
    return hit ? hit->method : -1;
}

static int law_load_techniques(lk_law *law, lk_error *err)
{
    char path[4096], *text = NULL, *line, *next;
    size_t len = 0, cap = 0;
    int error;
    snprintf(path, sizeof(path), "%s/attack/techniques.tsv", law->datadir);
    error = lk_file_read(&text, &len, path, (size_t)4 << 20, err);
    if (error < 0)
        return error;
    for (line = text; line && *line; line = next) {
        char *tab;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (line[0] != 'T')
            continue; /* header and comments */
        tab = strchr(line, '\t');
        if (tab)
            *tab = '\0';
        if (strlen(line) >= 12)
            continue;
        if (law->ntechniques == cap) {
            size_t ncap = cap ? cap * 2 : 1024;
            char(*t)[12] = lk_realloc(law->techniques, ncap * 12);
            if (t == NULL) {
                lk_free(text);
                return lk_error_set_oom(err);
            }
            law->techniques = t;
            cap = ncap;
        }
        memset(law->techniques[law->ntechniques], 0, 12);
        memcpy(law->techniques[law->ntechniques++], line, strlen(line));
    }
    lk_free(text);
    qsort(law->techniques, law->ntechniques, 12, law_technique_cmp);
    return 0;
}

static int law_load_intrusiveness(lk_law *law, const lk_doc *doc,
                                  lk_error *err)
{
    static const char *const keys[] = {"format", "methods", "attack", NULL};
    static const char *const mkeys[] = {"method", "level", "text", "cites",
                                        NULL};
    static const char *const akeys[] = {"id", "method", "name", NULL};
    json_t *arr, *item;
    char ptr[64];
    size_t i;
    int m, error = law_keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    for (m = 0; m < 16; m++)
        law->methods[m].level = -1;
    arr = json_object_get(doc->root, "methods");
    json_array_foreach(arr, i, item)
    {
        const char *method, *level, *text;
        int mi, li;
        snprintf(ptr, sizeof(ptr), "/methods/%zu", i);
        error = law_keys(err, doc, ptr, item, mkeys);
        if (error < 0)
            return error;
        method = law_str(err, doc, ptr, item, "method", 1);
        level = law_str(err, doc, ptr, item, "level", 1);
        text = law_str(err, doc, ptr, item, "text", 1);
        if (!method || !level || !text)
            return LK_EINVALID;
        mi = lk_facts__value_index(LK_F_ACCESS_METHOD, method);
        li = lk_facts__value_index(LK_F_ACCESS_LEVEL, level);
        if (mi < 0 || li < 0)
            return law_fail(err, doc, ptr, "unknown method or level");
        if (law->methods[mi].level >= 0)
            return law_fail(err, doc, ptr, "method '%s' listed twice",
                            method);
        law->methods[mi].level = li;
        law->methods[mi].text = text;
        law->methods[mi].cites = json_object_get(item, "cites");
        error = law_check_cites(law, err, doc, ptr,
                                law->methods[mi].cites, 1);
        if (error < 0)
            return error;
    }
    for (m = 0; lk_enum_method[m]; m++)
        if (law->methods[m].level < 0)
            return law_fail(err, doc, "/methods",
                            "no level for access method '%s'",
                            lk_enum_method[m]);
    arr = json_object_get(doc->root, "attack");
    law->attack = lk_calloc(json_array_size(arr) + 1, sizeof(lk_attack_map));
    if (law->attack == NULL)
        return lk_error_set_oom(err);
    json_array_foreach(arr, i, item)
    {
        const char *id, *method;
        lk_attack_map *a = &law->attack[law->nattack];
        snprintf(ptr, sizeof(ptr), "/attack/%zu", i);
        error = law_keys(err, doc, ptr, item, akeys);
        if (error < 0)
            return error;
        id = law_str(err, doc, ptr, item, "id", 1);
        method = law_str(err, doc, ptr, item, "method", 1);
        if (!id || !method)
            return LK_EINVALID;
        if (!lk_law__technique_known(law, id))
            return law_fail(err, doc, ptr,
                            "'%s' is not an ATT&CK technique id", id);
        a->method = lk_facts__value_index(LK_F_ACCESS_METHOD, method);
        if (a->method < 0)
            return law_fail(err, doc, ptr, "unknown method '%s'", method);
        memcpy(a->id, id, strlen(id));
        law->nattack++;
    }
    qsort(law->attack, law->nattack, sizeof(lk_attack_map), law_attack_cmp);
    for (i = 1; i < law->nattack; i++)
        if (strcmp(law->attack[i - 1].id, law->attack[i].id) == 0)
            return law_fail(err, doc, "/attack", "technique '%s' listed twice",
                            law->attack[i].id);
    return 0;
}

/* ---- conditions ----------------------------------------------------- */

typedef struct {
    lk_law *law;
    const lk_doc *doc;
    lk_error *err;
    int target;        /* target of the rule being compiled */
    uint32_t facts;    /* facts read so far */
    uint64_t targets;  /* targets read so far */
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
        lk_param *p = law_param(
            lc->law, json_string_value(json_object_get(v, "param")));
        if (p == NULL)
            return law_fail(lc->err, lc->doc, ptr, "unknown parameter");
        *out = p->value;
        return 0;
    }
    if (json_is_string(v) && fact >= 0 && lk_facts__def(fact)->ordered) {
        int idx = lk_facts__value_index(fact, json_string_value(v));
        if (idx < 0)
            return law_fail(lc->err, lc->doc, ptr, "'%s' is not a value of %s",
                            json_string_value(v), lk_facts__def(fact)->pointer);
        *out = idx;
        return 0;
    }
    return law_fail(lc->err, lc->doc, ptr,
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
                return law_fail(lc->err, lc->doc, p,
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
        return law_fail(lc->err, lc->doc, ptr, "empty list of values");
    for (i = 0; i < n; i++) {
        json_t *x = json_is_array(v) ? json_array_get(v, i) : v;
        int idx = -1;
        if (def->type == LK_FT_BOOL && json_is_boolean(x))
            idx = json_is_true(x);
        else if (json_is_string(x))
            idx = lk_facts__value_index(fact, json_string_value(x));
        if (idx < 0)
            return law_fail(lc->err, lc->doc, ptr,
                            "not a value of %s: %s", def->pointer,
                            json_is_string(x) ? json_string_value(x)
                                              : "(wrong type)");
        *mask |= (uint64_t)1 << idx;
    }
    return 0;
}

static int law_compile(law_compiler *lc, json_t *j, const char *ptr,
                       int depth, int *out);

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
        return law_fail(lc->err, lc->doc, ptr, "unknown fact '%.100s'",
                        name ? name : "?");
    def = lk_facts__def(fact);
    c->arg = (int16_t)fact;
    lc->facts |= 1u << fact;
    if (nkeys != 2)
        return law_fail(lc->err, lc->doc, ptr,
                        "a fact test has exactly one operator");
    if ((v = json_object_get(j, "in")) || (v = json_object_get(j, "is"))) {
        snprintf(p, sizeof(p), "%s/%s", ptr,
                 json_object_get(j, "in") ? "in" : "is");
        c->op = LK_C_IN;
        if (def->type == LK_FT_COUNTRY) {
            if (!json_is_string(v) || json_string_length(v) != 2)
                return law_fail(lc->err, lc->doc, p,
                                "expected a two-letter country code");
            c->lo = ((unsigned char)json_string_value(v)[0] << 8) |
                    (unsigned char)json_string_value(v)[1];
            return 0;
        }
        if (def->type != LK_FT_ENUM && def->type != LK_FT_BOOL)
            return law_fail(lc->err, lc->doc, p,
                            "'in' applies to single-valued facts");
        return law_value_mask(lc, p, v, fact, &c->mask);
    }
    if ((v = json_object_get(j, "has")) != NULL) {
        snprintf(p, sizeof(p), "%s/has", ptr);
        c->op = LK_C_HAS;
        if (def->type != LK_FT_SET)
            return law_fail(lc->err, lc->doc, p, "'has' applies to lists");
        return law_value_mask(lc, p, v, fact, &c->mask);
    }
    if ((v = json_object_get(j, "empty")) != NULL) {
        c->op = LK_C_EMPTY;
        if (def->type != LK_FT_SET || !json_is_true(v))
            return law_fail(lc->err, lc->doc, ptr,
                            "'empty': true applies to lists");
        return 0;
    }
    if ((v = json_object_get(j, "known")) != NULL) {
        c->op = LK_C_KNOWN;
        if (!json_is_true(v))
            return law_fail(lc->err, lc->doc, ptr,
                            "write {\"not\": {... \"known\": true}}");
        return 0;
    }
    if ((v = json_object_get(j, "same_as")) != NULL) {
        int other = json_is_string(v) ? lk_facts__find(json_string_value(v))
                                      : -1;
        c->op = LK_C_SAME;
        if (def->type != LK_FT_COUNTRY || other < 0 ||
            lk_facts__def(other)->type != LK_FT_COUNTRY)
            return law_fail(lc->err, lc->doc, ptr,
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
            return law_fail(lc->err, lc->doc, ptr,
                            "'meets' applies to attribution confidence");
        for (i = 0; i < lc->law->nstandards; i++)
            if (strcmp(lc->law->standards[i].element, elem) == 0)
                break;
        if (i == lc->law->nstandards)
            return law_fail(lc->err, lc->doc, ptr,
                            "the profile sets no standard of proof for '%s'",
                            elem);
        c->lo = lc->law->standards[i].min_confidence;
        c->hi = INT32_MAX;
        return 0;
    }
    c->op = LK_C_RANGE;
    if (def->type != LK_FT_INT && !(def->type == LK_FT_ENUM && def->ordered))
        return law_fail(lc->err, lc->doc, ptr, "unknown operator for %s",
                        def->pointer);
    error = law_range(lc, ptr, j, fact, c, &found);
    if (error < 0)
        return error;
    if (found != 1)
        return law_fail(lc->err, lc->doc, ptr, "unknown operator");
    return 0;
}

static int law_compile_target(law_compiler *lc, json_t *j, const char *ptr,
                              lk_cond *c, int score)
{
    const char *name = json_string_value(
        json_object_get(j, score ? "score" : "element"));
    int t = name ? lk_law__target_find(lc->law, name) : -1, found, error;
    const lk_target *tg;
    json_t *st, *lv;
    uint64_t smask = 0, lmask = 0;
    int s, l;
    char p[LK_ERROR_POINTER_MAX];

    if (t < 0)
        return law_fail(lc->err, lc->doc, ptr, "unknown %s '%.100s'",
                        score ? "score" : "element, lens or flag",
                        name ? name : "?");
    tg = &lc->law->targets[t];
    if ((tg->kind == LK_TK_SCORE) != score)
        return law_fail(lc->err, lc->doc, ptr, "'%s' is a %s", name,
                        kind_names[tg->kind]);
    if (t >= lc->target)
        return law_fail(lc->err, lc->doc, ptr,
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
            return law_fail(lc->err, lc->doc, ptr,
                            "a score test has exactly one comparison");
        return 0;
    }
    c->op = LK_C_TARGET;
    st = json_object_get(j, "status");
    lv = json_object_get(j, "level");
    if ((st == NULL && lv == NULL) ||
        json_object_size(j) != (size_t)(1 + (st != NULL) + (lv != NULL)))
        return law_fail(lc->err, lc->doc, ptr,
                        "an element test takes \"status\" and/or \"level\"");
    /* statuses and levels named, each as a name or a list */
    for (s = 0; lk_law__statuses(tg->kind)[s]; s++) {
        size_t i, n = json_is_array(st) ? json_array_size(st) : 1;
        if (st == NULL) {
            smask |= 1u << s;
            continue;
        }
        for (i = 0; i < n; i++) {
            json_t *x = json_is_array(st) ? json_array_get(st, i) : st;
            if (json_is_string(x) &&
                strcmp(json_string_value(x), lk_law__statuses(tg->kind)[s]) ==
                    0)
                smask |= 1u << s;
        }
    }
    if (st != NULL) {
        size_t n = json_is_array(st) ? json_array_size(st) : 1;
        if ((size_t)__builtin_popcountll(smask) != n) {
            snprintf(p, sizeof(p), "%s/status", ptr);
            return law_fail(lc->err, lc->doc, p, "unknown status for '%s'",
                            name);
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
            return law_fail(lc->err, lc->doc, p, "unknown level for '%s'",
                            name);
        }
    }
    for (s = 0; lk_law__statuses(tg->kind)[s]; s++)
        for (l = -1; l < tg->nlevels; l++)
            if ((smask & (1u << s)) && (lmask & (1u << (l + 1))))
                c->mask |= (uint64_t)1 << lk_law__outcome(tg, s, l);
    return 0;
}

static int law_compile(law_compiler *lc, json_t *j, const char *ptr,
                       int depth, int *out)
{
    int idx = -1, error, kids[64], n = 0;
    lk_cond c;
    json_t *v;
    char p[LK_ERROR_POINTER_MAX];

    memset(&c, 0, sizeof(c));
    if (depth > LAW_MAX_DEPTH)
        return law_fail(lc->err, lc->doc, ptr, "condition nested too deeply");
    if (!json_is_object(j))
        return law_fail(lc->err, lc->doc, ptr, "a condition is an object");
    if ((v = json_object_get(j, "all")) || (v = json_object_get(j, "any"))) {
        size_t i;
        json_t *x;
        int all = json_object_get(j, "all") != NULL;
        if (!json_is_array(v) || json_array_size(v) == 0 ||
            json_array_size(v) > 64 || json_object_size(j) != 1)
            return law_fail(lc->err, lc->doc, ptr,
                            "'all'/'any' take a list of 1 to 64 conditions");
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
            return law_fail(lc->err, lc->doc, ptr, "'not' stands alone");
        snprintf(p, sizeof(p), "%s/not", ptr);
        error = law_compile(lc, v, p, depth + 1, &kids[0]);
        if (error < 0)
            return error;
        n = 1;
        c.op = LK_C_NOT;
    } else if ((v = json_object_get(j, "always")) != NULL) {
        if (!json_is_true(v) || json_object_size(j) != 1)
            return law_fail(lc->err, lc->doc, ptr,
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
        return law_fail(lc->err, lc->doc, ptr,
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

/* ---- rules ---------------------------------------------------------- */

/* Read one rule (or indicator, "score" set) without compiling it. */
static int law_read_rule(lk_law *law, const lk_doc *doc, const char *ptr,
                         json_t *j, int indicator, lk_error *err)
{
    static const char *const rkeys[] = {"id",       "decides",      "when",
                                        "then",     "priority",     "exception_to",
                                        "cites",    "text",         NULL};
    static const char *const ikeys[] = {"id",   "score", "weight", "when",
                                        "cites", "text", NULL};
    lk_rule *r;
    const char *decides;
    json_t *v;
    size_t i;
    int error;

    if (law->nrules >= LAW_MAX_RULES)
        return law_fail(err, doc, ptr, "more than %d rules", LAW_MAX_RULES);
    error = law_keys(err, doc, ptr, j, indicator ? ikeys : rkeys);
    if (error < 0)
        return error;
    /* counted at once, so that lk_law_free releases a half-read rule */
    r = &law->rules[law->nrules++];
    memset(r, 0, sizeof(*r));
    r->doc = doc;
    r->json = j;
    snprintf(r->ptr, sizeof(r->ptr), "%s", ptr);
    r->info.file = doc->name; /* shown relative to the data directory */
    if (strncmp(doc->name, law->datadir, strlen(law->datadir)) == 0 &&
        doc->name[strlen(law->datadir)] == '/')
        r->info.file = doc->name + strlen(law->datadir) + 1;
    r->info.id = law_str(err, doc, ptr, j, "id", 1);
    decides = law_str(err, doc, ptr, j, indicator ? "score" : "decides", 1);
    r->info.text = law_str(err, doc, ptr, j, "text", 1);
    if (!r->info.id || !decides || !r->info.text)
        return LK_EINVALID;
    for (i = 0; i + 1 < law->nrules; i++)
        if (strcmp(law->rules[i].info.id, r->info.id) == 0)
            return law_fail(err, doc, ptr, "duplicate rule id '%s'",
                            r->info.id);
    r->target = lk_law__target_find(law, decides);
    if (r->target < 0 ||
        (law->targets[r->target].kind == LK_TK_SCORE) != indicator)
        return law_fail(err, doc, ptr, "'%s' is not a%s", decides,
                        indicator ? " score" : "n element, lens or flag");
    r->info.decides = law->targets[r->target].id;
    r->info.kind = kind_names[law->targets[r->target].kind];
    error = law_check_cites(law, err, doc, ptr, json_object_get(j, "cites"),
                            1);
    if (error < 0)
        return error;
    r->cites = law_strings(json_object_get(j, "cites"));
    r->excs = law_strings(json_object_get(j, "exception_to"));
    if (r->cites == NULL || r->excs == NULL)
        return lk_error_set_oom(err);
    r->info.cites = r->cites;
    r->info.exception_to = r->excs;
    v = json_object_get(j, "priority");
    if (v != NULL && !json_is_integer(v))
        return law_fail(err, doc, ptr, "priority is an integer");
    r->info.priority = v ? (int)json_integer_value(v) : 0;
    if (!json_is_object(json_object_get(j, "when")))
        return law_fail(err, doc, ptr, "missing condition 'when'");
    r->owned[1] = json_dumps(json_object_get(j, "when"),
                             JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (r->owned[1] == NULL)
        return lk_error_set_oom(err);
    r->info.when = r->owned[1];
    if (indicator) {
        char buf[32];
        v = json_object_get(j, "weight");
        if (!json_is_integer(v))
            return law_fail(err, doc, ptr, "weight is an integer");
        r->weight = (int)json_integer_value(v);
        snprintf(buf, sizeof(buf), "%+d", r->weight);
        r->owned[0] = lk_strdup(buf);
    } else {
        static const char *const okeys[] = {"status", "level", "verdict",
                                            NULL};
        const lk_target *t = &law->targets[r->target];
        json_t *then = json_object_get(j, "then");
        const char *st, *lv;
        int s = -1, l = -1;
        char buf[128], p[LK_ERROR_POINTER_MAX];
        snprintf(p, sizeof(p), "%s/then", ptr);
        error = law_keys(err, doc, then ? p : ptr, then, okeys);
        if (error < 0)
            return error;
        st = json_string_value(json_object_get(
            then, t->kind == LK_TK_LENS ? "verdict" : "status"));
        lv = json_string_value(json_object_get(then, "level"));
        for (i = 0; st && lk_law__statuses(t->kind)[i]; i++)
            if (strcmp(st, lk_law__statuses(t->kind)[i]) == 0)
                s = (int)i;
        for (i = 0; lv && i < (size_t)t->nlevels; i++)
            if (strcmp(lv, t->levels[i]) == 0)
                l = (int)i;
        if (s < 0 || (lv != NULL && l < 0))
            return law_fail(err, doc, p, "not an outcome of '%s'", t->id);
        r->outcome = lk_law__outcome(t, s, l);
        if (l >= 0)
            snprintf(buf, sizeof(buf), "%s (%s)", st, lv);
        else
            snprintf(buf, sizeof(buf), "%s", st);
        r->owned[0] = lk_strdup(buf);
    }
    if (r->owned[0] == NULL)
        return lk_error_set_oom(err);
    r->info.outcome = r->owned[0];
    return 0;
}

static int law_is_disabled(json_t *disable, const char *id)
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

static int law_read_rules(lk_law *law, const lk_doc *doc, json_t *disable,
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
            return law_fail(err, doc, "", "'%s' must be an array",
                            groups[g]);
        json_array_foreach(arr, i, item)
        {
            const char *id = json_string_value(json_object_get(item, "id"));
            if (id && law_is_disabled(disable, id))
                continue;
            snprintf(ptr, sizeof(ptr), "/%s/%zu", groups[g], i);
            error = law_read_rule(law, doc, ptr, item, g == 0, err);
            if (error < 0)
                return error;
        }
    }
    return 0;
}

static int law_rule_find_index(const lk_law *law, const char *id)
{
    size_t i;
    for (i = 0; i < law->nrules; i++)
        if (strcmp(law->rules[i].info.id, id) == 0)
            return (int)i;
    return -1;
}

const lk_rule_info *lk_law_rule_find(const lk_law *law, const char *id)
{
    int i = law_rule_find_index(law, id);
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

static lk_law *law_sort_ctx; /* qsort has no payload argument */

static int law_prio_cmp(const void *a, const void *b)
{
    const lk_rule *ra = &law_sort_ctx->rules[*(const int *)a];
    const lk_rule *rb = &law_sort_ctx->rules[*(const int *)b];
    if (ra->info.priority != rb->info.priority)
        return ra->info.priority > rb->info.priority ? -1 : 1;
    return *(const int *)a - *(const int *)b; /* file order */
}

/* Compile every rule, link exceptions, order rules per target. */
static int law_compile_rules(lk_law *law, lk_error *err)
{
    size_t i, k;
    int t, error;
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
        error = law_compile(&lc, json_object_get(r->json, "when"), p, 0,
                            &r->cond);
        if (error < 0)
            return error;
        r->facts = lc.facts;
        r->targets = lc.targets;
        for (k = 0; r->excs[k]; k++) {
            int e = law_rule_find_index(law, r->excs[k]);
            lk_rule *base;
            int *d;
            if (e < 0 || (size_t)e == i)
                return law_fail(err, r->doc, r->ptr,
                                "exception_to names unknown rule '%s'",
                                r->excs[k]);
            base = &law->rules[e];
            if (base->target != r->target)
                return law_fail(err, r->doc, r->ptr,
                                "'%s' decides another target", r->excs[k]);
            d = lk_realloc(base->defeaters,
                           (size_t)(base->ndefeaters + 1) * sizeof(int));
            if (d == NULL)
                return lk_error_set_oom(err);
            base->defeaters = d;
            base->defeaters[base->ndefeaters++] = (int)i;
        }
    }
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
        law_sort_ctx = law;
        qsort(tg->rules, (size_t)tg->nrules, sizeof(int), law_prio_cmp);
        law_sort_ctx = NULL;
        if (tg->kind != LK_TK_SCORE && !has_default)
            return law_fail(err, NULL, "",
                            "'%s' has no default rule ({\"always\": true})",
                            tg->id);
        /* the facts this target can depend on, through the targets its
         * rules read (all decided earlier, so already computed) */
        for (k = 0; k < (size_t)tg->nrules; k++) {
            const lk_rule *r = &law->rules[tg->rules[k]];
            int f, u;
            for (f = 0; f < LK_F_COUNT; f++)
                if (r->facts & (1u << f))
                    tg->deps |= lk_law__fact_deps(f);
            for (u = 0; u < t; u++)
                if (r->targets & ((uint64_t)1 << u))
                    tg->deps |= law->targets[u].deps;
        }
    }
    return 0;
}

/* ---- profile -------------------------------------------------------- */

static int law_load_profile(lk_law *law, const char *name, lk_doc **out,
                            lk_error *err)
{
    static const char *const keys[] = {"format", "id",         "title",
                                       "summary", "cites",     "standards",
                                       "params",  "disable",   "rules",
                                       "indicators", NULL};
    static const char *const skeys[] = {"standard", "min_confidence", "text",
                                        "cites", NULL};
    char path[4096], ptr[LK_ERROR_POINTER_MAX];
    lk_doc *doc = NULL;
    const char *key, *p;
    json_t *v;
    int error;

    for (p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-'))
            return lk_error_set(err, LK_ENOTFOUND,
                                "no profile named '%.100s'", name);
    snprintf(path, sizeof(path), "%s/profiles/%s.json", law->datadir, name);
    {
        FILE *f = fopen(path, "rb");
        if (f == NULL)
            return lk_error_set(err, LK_ENOTFOUND,
                                "no profile named '%.100s' in %s/profiles",
                                name, law->datadir);
        fclose(f);
    }
    error = law_open_doc(law, path, "leaklaw/profile/1", keys, &doc, err);
    if (error < 0)
        return error;
    law->profile = law_str(err, doc, "", doc->root, "id", 1);
    law->profile_title = law_str(err, doc, "", doc->root, "title", 1);
    if (!law->profile || !law->profile_title)
        return LK_EINVALID;
    if (strcmp(law->profile, name) != 0)
        return law_fail(err, doc, "/id", "id must match the file name");
    law->profile_cites = json_object_get(doc->root, "cites");
    error = law_check_cites(law, err, doc, "", law->profile_cites, 1);
    if (error < 0)
        return error;
    json_object_foreach(json_object_get(doc->root, "params"), key, v)
    {
        lk_param *prm = law_param(law, key);
        snprintf(ptr, sizeof(ptr), "/params");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (prm == NULL || !json_is_integer(v))
            return law_fail(err, doc, ptr,
                            "unknown parameter or not an integer");
        prm->value = (int)json_integer_value(v);
    }
    json_object_foreach(json_object_get(doc->root, "standards"), key, v)
    {
        lk_standard *s;
        const char *mc;
        snprintf(ptr, sizeof(ptr), "/standards");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (law->nstandards >= 8)
            return law_fail(err, doc, ptr, "too many standards");
        error = law_keys(err, doc, ptr, v, skeys);
        if (error < 0)
            return error;
        s = &law->standards[law->nstandards];
        s->element = key;
        if (lk_law__target_find(law, key) < 0)
            return law_fail(err, doc, ptr, "unknown element '%s'", key);
        s->name = law_str(err, doc, ptr, v, "standard", 1);
        s->text = law_str(err, doc, ptr, v, "text", 1);
        mc = law_str(err, doc, ptr, v, "min_confidence", 1);
        if (!s->name || !s->text || !mc)
            return LK_EINVALID;
        s->min_confidence = lk_facts__value_index(LK_F_ATTR_CONFIDENCE, mc);
        if (s->min_confidence < 0)
            return law_fail(err, doc, ptr, "unknown confidence '%s'", mc);
        s->cites = json_object_get(v, "cites");
        error = law_check_cites(law, err, doc, ptr, s->cites, 1);
        if (error < 0)
            return error;
        law->nstandards++;
    }
    *out = doc;
    return 0;
}

/* ---- derived facts -------------------------------------------------- */

uint32_t lk_law__fact_deps(int fact)
{
    switch (fact) {
    case LK_F_ACCESS_LEVEL: return 1u << LK_F_ACCESS_METHOD;
    case LK_F_DAYS_BEFORE:
        return (1u << LK_F_DISC_DATE) | (1u << LK_F_PROCESS_DATE);
    case LK_F_FOREIGN:
        return (1u << LK_F_ACTOR_STATE) | (1u << LK_F_VICTIM_STATE);
    default: return 1u << fact;
    }
}

int lk_law__map_access(const lk_law *law, json_t *case_json, lk_facts *facts,
                       const lk_doc *doc, lk_diag_cb cb, void *payload,
                       lk_error *err)
{
    json_t *access = json_object_get(case_json, "access"), *item;
    lk_fval *fv = &facts->f[LK_F_ACCESS_METHOD];
    size_t i;
    int error = 0;
    json_array_foreach(access, i, item)
    {
        json_t *m = json_object_get(item, "method");
        json_t *a = json_object_get(item, "attack");
        const char *id = json_string_value(a);
        int method;
        if (id != NULL && !lk_law__technique_known(law, id)) {
            char ptr[64];
            unsigned line = 0, col = 0;
            lk_error d;
            snprintf(ptr, sizeof(ptr), "/access/%zu/attack", i);
            if (doc != NULL)
                lk_doc__locate(doc, ptr, &line, &col);
            lk_error_clear(&d);
            lk_error_set_at(&d, LK_EINVALID, doc ? doc->name : NULL, line,
                            col, ptr,
                            "'%.20s' is not a technique of MITRE ATT&CK "
                            "Enterprise v18.1",
                            id);
            if (error == 0 && err != NULL)
                *err = d;
            if (cb != NULL)
                cb(&d, payload);
            error = LK_EINVALID;
            continue;
        }
        if (json_is_string(m) && strcmp(json_string_value(m), "unknown"))
            continue; /* stated directly: taken by lk_case__base_facts */
        method = id ? lk_law__attack_method(law, id) : -1;
        if (method >= 0)
            fv->mask |= 1u << method;
        else
            fv->partial = 1; /* how this entry got access is unknown */
    }
    return error;
}

void lk_law__derive(const lk_law *law, lk_facts *facts)
{
    const lk_fval *m = &facts->f[LK_F_ACCESS_METHOD];
    lk_fval *lvl = &facts->f[LK_F_ACCESS_LEVEL];
    const lk_fval *dd = &facts->f[LK_F_DISC_DATE];
    const lk_fval *pd = &facts->f[LK_F_PROCESS_DATE];
    const lk_fval *as = &facts->f[LK_F_ACTOR_STATE];
    const lk_fval *vs = &facts->f[LK_F_VICTIM_STATE];
    int i, max = -1;

    /* intrusiveness: the most intrusive method used; an unknown method
     * leaves it open unless a known one is already the highest level */
    memset(lvl, 0, sizeof(*lvl));
    if (m->known || m->partial) {
        for (i = 0; lk_enum_method[i]; i++)
            if ((m->mask & (1u << i)) && law->methods[i].level > max)
                max = law->methods[i].level;
        if (max >= 0 && (!m->partial || max == 2)) {
            lvl->known = 1;
            lvl->v = max;
        }
    }
    memset(&facts->f[LK_F_DAYS_BEFORE], 0, sizeof(lk_fval));
    if (dd->known && pd->known) {
        facts->f[LK_F_DAYS_BEFORE].known = 1;
        facts->f[LK_F_DAYS_BEFORE].v = pd->v - dd->v;
    }
    memset(&facts->f[LK_F_FOREIGN], 0, sizeof(lk_fval));
    if (as->known && vs->known) {
        facts->f[LK_F_FOREIGN].known = 1;
        facts->f[LK_F_FOREIGN].v = as->v != vs->v;
    }
}

/* ---- load ----------------------------------------------------------- */

static int law_is_rule_file(const char *name)
{
    size_t len = strlen(name);
    return len >= 6 && strcmp(name + len - 5, ".json") == 0 &&
           name[0] != '.';
}

static int law_list_rules(const char *dir, char ***out, size_t *n,
                          lk_error *err)
{
    int error = lk_dir_names(out, n, dir, law_is_rule_file, LAW_MAX_FILES,
                             "rule files", err);
    if (error == LK_EIO)
        lk_error_set_at(err, LK_EIO, dir, 0, 0, NULL,
                        "cannot open rules directory");
    else if (error == LK_ETOOBIG)
        lk_error_set(err, LK_ETOOBIG, "too many rule files");
    return error;
}

int lk_law_load(lk_law **out, const char *datadir, const lk_law_options *opts,
                lk_error *err)
{
    lk_law *law = NULL;
    char **names = NULL, path[4096];
    size_t nnames = 0, i;
    lk_doc *model = NULL, *intr = NULL, *profile = NULL;
    lk_doc *rulesdocs[LAW_MAX_FILES];
    size_t nrulesdocs = 0;
    json_t *disable;
    int error = 0;
    const char *profile_name =
        opts && opts->profile ? opts->profile : "default";
    lk_buf all;

    lk_alloc__init();
    lk_buf_init(&all, (size_t)64 << 20);
    law = lk_calloc(1, sizeof(*law));
    if (law == NULL)
        return lk_error_set_oom(err);
    law->datadir = lk_strdup(datadir);
    if (law->datadir == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    error = law_load_sources(law, err);
    if (error < 0)
        goto out;
    error = law_load_techniques(law, err);
    if (error < 0)
        goto out;
    snprintf(path, sizeof(path), "%s/rules", datadir);
    error = law_list_rules(path, &names, &nnames, err);
    if (error < 0)
        goto out;
    for (i = 0; i < nnames; i++) {
        lk_doc *doc = NULL;
        const char *format;
        snprintf(path, sizeof(path), "%s/rules/%s", datadir, names[i]);
        error = law_load_doc(law, path, &doc, err);
        if (error < 0)
            goto out;
        format = json_string_value(json_object_get(doc->root, "format"));
        if (format && !strcmp(format, "leaklaw/model/1") && !model)
            model = doc;
        else if (format && !strcmp(format, "leaklaw/intrusiveness/1") &&
                 !intr)
            intr = doc;
        else if (format && !strcmp(format, "leaklaw/rules/1"))
            rulesdocs[nrulesdocs++] = doc;
        else {
            error = law_fail(err, doc, "/format",
                             "expected \"leaklaw/rules/1\" (or one model "
                             "and one intrusiveness file)");
            goto out;
        }
    }
    if (model == NULL || intr == NULL) {
        error = lk_error_set_at(err, LK_EINVALID, path, 0, 0, NULL,
                                "the rules directory needs a model and an "
                                "intrusiveness file");
        goto out;
    }
    error = law_load_model(law, model, err);
    if (error == 0)
        error = law_load_intrusiveness(law, intr, err);
    if (error == 0)
        error = law_load_profile(law, profile_name, &profile, err);
    if (error < 0)
        goto out;
    law->rules = lk_calloc(LAW_MAX_RULES, sizeof(lk_rule));
    if (law->rules == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    disable = json_object_get(profile->root, "disable");
    for (i = 0; i < nrulesdocs; i++) {
        static const char *const keys[] = {"format", "indicators", "rules",
                                           NULL};
        error = law_keys(err, rulesdocs[i], "", rulesdocs[i]->root, keys);
        if (error == 0)
            error = law_read_rules(law, rulesdocs[i], disable, err);
        if (error < 0)
            goto out;
    }
    error = law_read_rules(law, profile, NULL, err);
    if (error < 0)
        goto out;
    {
        /* a profile may only disable rules that exist */
        json_t *d;
        json_array_foreach(disable, i, d)
        {
            size_t k, n;
            int seen = 0;
            char ptr[64];
            for (k = 0; k < nrulesdocs && !seen; k++) {
                json_t *arr = json_object_get(rulesdocs[k]->root, "rules"),
                       *r;
                json_array_foreach(arr, n, r)
                {
                    if (json_equal(json_object_get(r, "id"), d))
                        seen = 1;
                }
            }
            if (!seen) {
                snprintf(ptr, sizeof(ptr), "/disable/%zu", i);
                error = law_fail(err, profile, ptr,
                                 "disables unknown rule '%.100s'",
                                 json_is_string(d) ? json_string_value(d)
                                                   : "?");
                goto out;
            }
        }
    }
    error = law_compile_rules(law, err);
    if (error < 0)
        goto out;
    /* the digest covers every file read, in load order */
    for (i = 0; i < law->ndocs && error == 0; i++) {
        error = lk_buf_puts(&all, law->docs[i]->name +
                                      strlen(law->datadir));
        if (error == 0)
            error = lk_buf_put(&all, law->docs[i]->text, law->docs[i]->len);
    }
    if (error < 0) {
        lk_error_set(err, error, "data files too large");
        goto out;
    }
    lk_sha256_hex(all.ptr ? all.ptr : "", all.len, law->sha256);
    *out = law;
    law = NULL;
out:
    lk_dir_names_free(names, nnames);
    lk_buf_dispose(&all);
    lk_law_free(law);
    return error;
}

void lk_law_free(lk_law *law)
{
    size_t i;
    int t;
    if (law == NULL)
        return;
    for (i = 0; i < law->nrules; i++) {
        lk_rule *r = &law->rules[i];
        lk_free(r->owned[0]);
        lk_free(r->owned[1]); /* from json_dumps: jansson's allocator */
        lk_free(r->defeaters);
        lk_free((void *)r->excs);
        lk_free((void *)r->cites);
    }
    for (t = 0; t < law->ntargets; t++) {
        lk_free(law->targets[t].rules);
        lk_free((void *)law->targets[t].cite_ids);
    }
    for (i = 0; i < law->ndocs; i++)
        lk_doc__free(law->docs[i]);
    lk_free(law->docs);
    lk_free(law->rules);
    lk_free(law->conds);
    lk_free(law->kids);
    lk_free(law->sources);
    lk_free(law->attack);
    lk_free(law->techniques);
    lk_free(law->name);
    lk_free(law->version);
    lk_free(law->datadir);
    lk_free(law);
}

const char *lk_law_name(const lk_law *law)
{
    return law->name;
}

const char *lk_law_version(const lk_law *law)
{
    return law->version;
}

const char *lk_law_sha256(const lk_law *law)
{
    return law->sha256;
}

const char *lk_law_profile(const lk_law *law)
{
    return law->profile;
}

const char *lk_law_datadir(const lk_law *law)
{
    return law->datadir;
}

int lk_law_check_case(const lk_law *law, const lk_case *c, lk_diag_cb cb,
                      void *payload, lk_error *err)
{
    lk_facts facts;
    lk_case__base_facts(c, &facts);
    return lk_law__map_access(law, lk_case__json(c), &facts, c->doc, cb,
                              payload, err);
}
