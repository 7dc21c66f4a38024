/*
 * techniques.c: the technique indexes (MITRE ATT&CK, attack/techniques.tsv;
 * DISARM, disarm/techniques.tsv, optional) and the intrusiveness table:
 * access method -> level, ATT&CK technique -> method, with reasons.
 */
#include "techniques.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "catalog.h"
#include "lawfile.h"

/* ---- technique indexes ----------------------------------------------- */

static int techniques_attack_cmp(const void *a, const void *b)
{
    return strcmp(((const lk_attack_map *)a)->id,
                  ((const lk_attack_map *)b)->id);
}

static int techniques_row_cmp(const void *a, const void *b)
{
    return strcmp(((const lk_technique_row *)a)->id,
                  ((const lk_technique_row *)b)->id);
}

/* The row of technique "id" in index "ix", or NULL. */
static const lk_technique_row *techniques_find(const lk_technique_index *ix,
                                               const char *id)
{
    lk_technique_row key;
    memset(&key, 0, sizeof(key));
    if (strlen(id) >= sizeof(key.id) || ix->n == 0)
        return NULL;
    memcpy(key.id, id, strlen(id));
    return bsearch(&key, ix->rows, ix->n, sizeof(key), techniques_row_cmp);
}

int lk_law__technique_known(const lk_law *law, const char *id)
{
    return techniques_find(&law->attack_index, id) != NULL;
}

const char *lk_law_technique_name(const lk_law *law, const char *id)
{
    const lk_technique_row *row = techniques_find(&law->attack_index, id);
    return row ? row->name : NULL;
}

/* The intrusiveness row for technique "id" (exact, then its parent), or
 * NULL. */
static const lk_attack_map *techniques_attack_row(const lk_law *law,
                                                  const char *id)
{
    lk_attack_map key;
    const lk_attack_map *hit;
    memset(&key, 0, sizeof(key));
    if (strlen(id) >= sizeof(key.id) || law->nattack == 0)
        return NULL;
    memcpy(key.id, id, strlen(id));
    hit = bsearch(&key, law->attack, law->nattack, sizeof(key),
                  techniques_attack_cmp);
    if (hit == NULL && strchr(key.id, '.') != NULL) {
        *strchr(key.id, '.') = '\0'; /* sub-technique: use its parent */
        hit = bsearch(&key, law->attack, law->nattack, sizeof(key),
                      techniques_attack_cmp);
    }
    return hit;
}

int lk_law__attack_method(const lk_law *law, const char *id)
{
    const lk_attack_map *hit = techniques_attack_row(law, id);
    return hit ? hit->method : -1;
}

/* 1 if "line" of an index is "Tnnnn" or "Tnnnn.nnn", a tab, a name. */
static int techniques_line_ok(const char *line)
{
    const char *tab = strchr(line, '\t');
    size_t n = tab ? (size_t)(tab - line) : 0, i;
    if ((n != 5 && n != 9) || line[0] != 'T' || tab[1] == '\0' ||
        tab[1] == '\t')
        return 0;
    for (i = 1; i < n; i++)
        if (i == 5 ? line[i] != '.' : (line[i] < '0' || line[i] > '9'))
            return 0;
    return 1;
}

/* Cut the next tab-separated field of "*p" (NUL-terminated in place) and
 * return it; "" when the line has no more fields. */
static const char *techniques_field(char **p)
{
    char *f = *p, *end;
    if (f == NULL)
        return "";
    end = f + strcspn(f, "\t\r");
    if (*end == '\t') {
        *end = '\0';
        *p = end + 1;
    } else {
        *end = '\0';
        *p = NULL;
    }
    return f;
}

/* Parse the index text "ix->text" read from "path": one technique a line,
 * "id TAB name [TAB tactics [TAB status]]", "#" comments. */
static int techniques_parse(lk_technique_index *ix, const char *path,
                            lk_error *err)
{
    char *line, *next;
    size_t cap = 0;
    unsigned lineno = 0;
    for (line = ix->text; line && *line; line = next) {
        lk_technique_row *r;
        char *rest;
        const char *status;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (line[0] == '#' || line[0] == '\0' || line[0] == '\r')
            continue; /* header, comments and blank lines */
        if (!techniques_line_ok(line))
            return lk_error_set_at(err, LK_EINVALID, path, lineno, 1, NULL,
                                   "expected a technique id (Tnnnn or "
                                   "Tnnnn.nnn), a tab and its name");
        if (ix->n == cap) {
            size_t ncap = cap ? cap * 2 : 512;
            r = lk_realloc(ix->rows, ncap * sizeof(*r));
            if (r == NULL)
                return lk_error_set_oom(err);
            ix->rows = r;
            cap = ncap;
        }
        r = &ix->rows[ix->n];
        memset(r, 0, sizeof(*r));
        rest = strchr(line, '\t');
        memcpy(r->id, line, (size_t)(rest - line));
        rest++;
        r->name = techniques_field(&rest);
        r->tactics = techniques_field(&rest);
        status = techniques_field(&rest);
        if (*status && strcmp(status, "deprecated") &&
            strcmp(status, "revoked"))
            return lk_error_set_at(err, LK_EINVALID, path, lineno, 1, NULL,
                                   "status '%.20s' is neither 'deprecated' "
                                   "nor 'revoked'",
                                   status);
        r->status = status;
        ix->n++;
    }
    qsort(ix->rows, ix->n, sizeof(*ix->rows), techniques_row_cmp);
    for (cap = 1; cap < ix->n; cap++)
        if (strcmp(ix->rows[cap - 1].id, ix->rows[cap].id) == 0)
            return lk_error_set_at(err, LK_EINVALID, path, 0, 0, NULL,
                                   "technique '%s' listed twice",
                                   ix->rows[cap].id);
    return 0;
}

/* Read the index DATADIR/"rel" into "ix"; a missing file is no error
 * when "optional". */
static int techniques_load_index(lk_law *law, lk_technique_index *ix,
                                 const char *rel, int optional, lk_error *err)
{
    char path[4096];
    size_t len = 0;
    int error;
    snprintf(path, sizeof(path), "%s/%s", law->datadir, rel);
    if (optional) {
        FILE *f = fopen(path, "rb");
        if (f == NULL && errno == ENOENT)
            return 0;
        if (f != NULL)
            fclose(f);
    }
    error = lk_file_read(&ix->text, &len, path, (size_t)4 << 20, err);
    if (error < 0)
        return error;
    return techniques_parse(ix, path, err);
}

int lk_techniques__load(lk_law *law, lk_error *err)
{
    int error = techniques_load_index(law, &law->attack_index,
                                      "attack/techniques.tsv", 0, err);
    if (error == 0)
        error = techniques_load_index(law, &law->disarm_index,
                                      "disarm/techniques.tsv", 1, err);
    if (error == 0)
        error = lk_techniques__load_disarm_readings(law, err);
    return error;
}

void lk_techniques__free(lk_law *law)
{
    lk_free(law->attack_index.text);
    lk_free(law->attack_index.rows);
    lk_free(law->disarm_index.text);
    lk_free(law->disarm_index.rows);
}

/* The index of "catalogue" ("attack", "disarm"), or NULL. */
static const lk_technique_index *techniques_index(const lk_law *law,
                                                  const char *catalogue)
{
    if (strcmp(catalogue, "attack") == 0)
        return &law->attack_index;
    if (strcmp(catalogue, "disarm") == 0)
        return &law->disarm_index;
    return NULL;
}

/* Copy the string ids of "cites" (a JSON array or NULL) into "out". */
static size_t techniques_cites(json_t *cites, const char **out)
{
    size_t i, n = 0;
    json_t *c;
    json_array_foreach(cites, i, c)
    {
        if (n < LK_TECHNIQUE_MAX_CITES && json_is_string(c))
            out[n++] = json_string_value(c);
    }
    return n;
}

/* Fill "out" for "row" of catalogue "catalogue". */
static void techniques_info(const lk_law *law, const char *catalogue,
                            const lk_technique_row *row,
                            lk_technique_info *out)
{
    const lk_attack_map *map;
    memset(out, 0, sizeof(*out));
    out->id = row->id;
    out->name = row->name;
    out->tactics = row->tactics;
    out->status = row->status;
    out->catalogue = catalogue;
    if (strcmp(catalogue, "attack") != 0) {
        lk_techniques__disarm_reading(law, row->id, out);
        return; /* DISARM: no access method */
    }
    out->reconnaissance = strstr(row->tactics, "TA0043") != NULL;
    map = techniques_attack_row(law, row->id);
    if (map == NULL)
        return;
    out->mapped_by = map->id;
    out->method = lk_enum_method[map->method];
    out->text = map->text ? map->text : "";
    out->ncites = techniques_cites(map->cites, out->cites);
    if (law->methods[map->method].level >= 0) {
        const lk_method_info *mi = &law->methods[map->method];
        out->level = law->levels[mi->level];
        out->level_text = mi->text;
        out->nlevel_cites = techniques_cites(mi->cites, out->level_cites);
    }
}

int lk_law_technique_find(const lk_law *law, const char *catalogue,
                          const char *id, lk_technique_info *out)
{
    static const char *const all[] = {"attack", "disarm", NULL};
    const lk_technique_row *row;
    int i;
    if (law == NULL || id == NULL || out == NULL)
        return LK_ENOTFOUND;
    for (i = 0; all[i]; i++) {
        if (catalogue != NULL && strcmp(catalogue, all[i]) != 0)
            continue;
        row = techniques_find(techniques_index(law, all[i]), id);
        if (row != NULL) {
            techniques_info(law, all[i], row, out);
            return 0;
        }
    }
    return LK_ENOTFOUND;
}

size_t lk_law_technique_count(const lk_law *law, const char *catalogue)
{
    const lk_technique_index *ix =
        law && catalogue ? techniques_index(law, catalogue) : NULL;
    return ix ? ix->n : 0;
}

int lk_law_technique(const lk_law *law, const char *catalogue, size_t i,
                     lk_technique_info *out)
{
    const lk_technique_index *ix =
        law && catalogue ? techniques_index(law, catalogue) : NULL;
    if (ix == NULL || i >= ix->n || out == NULL)
        return LK_ENOTFOUND;
    techniques_info(law, catalogue == NULL ? "attack" : catalogue,
                    &ix->rows[i], out);
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
    static const char *const akeys[] = {"id",   "method", "name",
                                        "text", "cites",  NULL};
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
        a->text = lk_lawfile__str(err, doc, ptr, item, "text", 0);
        if (a->text == NULL)
            return LK_EINVALID;
        a->cites = json_object_get(item, "cites");
        if (a->cites != NULL) {
            error = lk_catalog__check_cites(law, err, doc, ptr, a->cites, 1);
            if (error < 0)
                return error;
        }
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
