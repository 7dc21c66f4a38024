/*
 * techniques.c: the MITRE ATT&CK technique index (attack/techniques.tsv)
 * and the intrusiveness table: access method -> level, technique ->
 * method.
 */
#include "techniques.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "catalog.h"
#include "lawfile.h"

/* ---- intrusiveness table and ATT&CK index --------------------------- */

static int techniques_attack_cmp(const void *a, const void *b)
{
    return strcmp(((const lk_attack_map *)a)->id,
                  ((const lk_attack_map *)b)->id);
}

static int techniques_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The index entry of technique "id" (its id, then its name), or NULL. */
static const char *techniques_find(const lk_law *law, const char *id)
{
    char key[LK_TECHNIQUE_ENTRY];
    if (strlen(id) >= 12)
        return NULL;
    memset(key, 0, sizeof(key));
    memcpy(key, id, strlen(id));
    return bsearch(key, law->techniques, law->ntechniques, sizeof(key),
                   techniques_cmp);
}

int lk_law__technique_known(const lk_law *law, const char *id)
{
    return techniques_find(law, id) != NULL;
}

const char *lk_law_technique_name(const lk_law *law, const char *id)
{
    const char *entry = techniques_find(law, id);
    return entry && entry[12] ? entry + 12 : NULL;
}

int lk_law__attack_method(const lk_law *law, const char *id)
{
    lk_attack_map key, *hit;
    memset(&key, 0, sizeof(key));
    if (strlen(id) >= sizeof(key.id))
        return -1;
    memcpy(key.id, id, strlen(id));
    hit = bsearch(&key, law->attack, law->nattack, sizeof(key),
                  techniques_attack_cmp);
    if (hit == NULL && strchr(key.id, '.') != NULL) {
        *strchr(key.id, '.') = '\0'; /* sub-technique: use its parent */
        hit = bsearch(&key, law->attack, law->nattack, sizeof(key),
                      techniques_attack_cmp);
    }
    return hit ? hit->method : -1;
}

/* 1 if "line" of the index is "Tnnnn" or "Tnnnn.nnn", a tab, a name. */
static int techniques_line_ok(const char *line)
{
    const char *tab = strchr(line, '\t');
    size_t n = tab ? (size_t)(tab - line) : 0, i;
    if ((n != 5 && n != 9) || line[0] != 'T' || tab[1] == '\0')
        return 0;
    for (i = 1; i < n; i++)
        if (i == 5 ? line[i] != '.' : (line[i] < '0' || line[i] > '9'))
            return 0;
    return 1;
}

int lk_techniques__load(lk_law *law, lk_error *err)
{
    char path[4096], *text = NULL, *line, *next;
    size_t len = 0, cap = 0;
    unsigned lineno = 0;
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
        lineno++;
        if (line[0] == '#' || line[0] == '\0')
            continue; /* header, comments and blank lines */
        if (!techniques_line_ok(line)) {
            lk_free(text);
            return lk_error_set_at(err, LK_EINVALID, path, lineno, 1, NULL,
                                   "expected a technique id (Tnnnn or "
                                   "Tnnnn.nnn), a tab and its name");
        }
        tab = strchr(line, '\t');
        *tab++ = '\0'; /* techniques_line_ok: the id, a tab, the name */
        if (law->ntechniques == cap) {
            size_t ncap = cap ? cap * 2 : 1024;
            char(*t)[LK_TECHNIQUE_ENTRY] =
                lk_realloc(law->techniques, ncap * LK_TECHNIQUE_ENTRY);
            if (t == NULL) {
                lk_free(text);
                return lk_error_set_oom(err);
            }
            law->techniques = t;
            cap = ncap;
        }
        memset(law->techniques[law->ntechniques], 0, LK_TECHNIQUE_ENTRY);
        memcpy(law->techniques[law->ntechniques], line, strlen(line));
        /* the name, cut to its room (the index's are shorter) */
        snprintf(law->techniques[law->ntechniques] + 12,
                 LK_TECHNIQUE_ENTRY - 12, "%.*s", (int)strcspn(tab, "\t\r"),
                 tab);
        law->ntechniques++;
    }
    lk_free(text);
    qsort(law->techniques, law->ntechniques, LK_TECHNIQUE_ENTRY,
          techniques_cmp);
    return 0;
}

/* The ordered access "levels", lowest first (the domain of the derived
 * fact /access/level). */
static int techniques_load_levels(lk_law *law, const lk_doc *doc, lk_error *err)
{
    json_t *arr = json_object_get(doc->root, "levels"), *l;
    char ptr[64];
    size_t i;
    int k;

    if (!json_is_array(arr) || json_array_size(arr) == 0 ||
        json_array_size(arr) > LK_MAX_LEVELS)
        return lk_lawfile__fail(err, doc, arr ? "/levels" : "",
                                "'levels' must list 1 to %d names, lowest "
                                "first",
                                LK_MAX_LEVELS);
    json_array_foreach(arr, i, l)
    {
        snprintf(ptr, sizeof(ptr), "/levels/%zu", i);
        if (!json_is_string(l) || json_string_length(l) == 0)
            return lk_lawfile__fail(err, doc, ptr,
                                    "expected a non-empty string");
        for (k = 0; k < law->nlevels; k++)
            if (strcmp(law->levels[k], json_string_value(l)) == 0)
                return lk_lawfile__fail(err, doc, ptr, "duplicate level");
        law->levels[law->nlevels++] = json_string_value(l);
    }
    return 0;
}

/* One entry of "methods": {method, level, text, cites}. */
static int techniques_load_method(lk_law *law, const lk_doc *doc,
                                  const char *ptr, json_t *item, lk_error *err)
{
    static const char *const mkeys[] = {"method", "level", "text", "cites",
                                        NULL};
    const char *method, *level, *text;
    int mi, li, error = lk_lawfile__keys(err, doc, ptr, item, mkeys);
    if (error < 0)
        return error;
    method = lk_lawfile__str(err, doc, ptr, item, "method", 1);
    level = lk_lawfile__str(err, doc, ptr, item, "level", 1);
    text = lk_lawfile__str(err, doc, ptr, item, "text", 1);
    if (!method || !level || !text)
        return LK_EINVALID;
    mi = lk_facts__value_index(LK_F_ACCESS_METHOD, method);
    li = lk_law__value_index(law, LK_F_ACCESS_LEVEL, level);
    if (mi < 0 || li < 0)
        return lk_lawfile__fail(err, doc, ptr, "unknown method or level");
    if (law->methods[mi].level >= 0)
        return lk_lawfile__fail(err, doc, ptr, "method '%s' listed twice",
                                method);
    law->methods[mi].level = li;
    law->methods[mi].text = text;
    law->methods[mi].cites = json_object_get(item, "cites");
    return lk_catalog__check_cites(law, err, doc, ptr, law->methods[mi].cites, 1);
}

/* The "methods" table: a level for every access method. */
static int techniques_load_methods(lk_law *law, const lk_doc *doc,
                                   lk_error *err)
{
    json_t *item;
    char ptr[64];
    size_t i;
    int m, error;

    for (m = 0; m < LK_MAX_METHODS; m++)
        law->methods[m].level = -1;
    json_array_foreach(json_object_get(doc->root, "methods"), i, item)
    {
        snprintf(ptr, sizeof(ptr), "/methods/%zu", i);
        error = techniques_load_method(law, doc, ptr, item, err);
        if (error < 0)
            return error;
    }
    for (m = 0; lk_enum_method[m]; m++)
        if (law->methods[m].level < 0)
            return lk_lawfile__fail(err, doc, "/methods",
                                    "no level for access method '%s'",
                                    lk_enum_method[m]);
    return 0;
}

/* The "attack" table: technique id -> access method, sorted by id. */
static int techniques_load_attack(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const akeys[] = {"id", "method", "name", NULL};
    json_t *arr = json_object_get(doc->root, "attack"), *item;
    char ptr[64];
    size_t i;
    int error;

    law->attack = lk_calloc(json_array_size(arr) + 1, sizeof(lk_attack_map));
    if (law->attack == NULL)
        return lk_error_set_oom(err);
    json_array_foreach(arr, i, item)
    {
        const char *id, *method;
        lk_attack_map *a = &law->attack[law->nattack];
        snprintf(ptr, sizeof(ptr), "/attack/%zu", i);
        error = lk_lawfile__keys(err, doc, ptr, item, akeys);
        if (error < 0)
            return error;
        id = lk_lawfile__str(err, doc, ptr, item, "id", 1);
        method = lk_lawfile__str(err, doc, ptr, item, "method", 1);
        if (!id || !method)
            return LK_EINVALID;
        if (!lk_law__technique_known(law, id))
            return lk_lawfile__fail(err, doc, ptr,
                                    "'%s' is not an ATT&CK technique id", id);
        a->method = lk_facts__value_index(LK_F_ACCESS_METHOD, method);
        if (a->method < 0)
            return lk_lawfile__fail(err, doc, ptr, "unknown method '%s'",
                                    method);
        memcpy(a->id, id, strlen(id));
        law->nattack++;
    }
    qsort(law->attack, law->nattack, sizeof(lk_attack_map),
          techniques_attack_cmp);
    for (i = 1; i < law->nattack; i++)
        if (strcmp(law->attack[i - 1].id, law->attack[i].id) == 0)
            return lk_lawfile__fail(err, doc, "/attack",
                                    "technique '%s' listed twice",
                                    law->attack[i].id);
    return 0;
}

int lk_techniques__load_intrusiveness(lk_law *law, const lk_doc *doc,
                                      lk_error *err)
{
    static const char *const keys[] = {"format", "levels", "methods", "attack",
                                       NULL};
    int error = lk_lawfile__keys(err, doc, "", doc->root, keys);
    if (error == 0)
        error = techniques_load_levels(law, doc, err);
    if (error == 0)
        error = techniques_load_methods(law, doc, err);
    if (error == 0)
        error = techniques_load_attack(law, doc, err);
    return error;
}
