/*
 * stix_identity.c: how `leaklaw import stix` reads a STIX identity
 * (DATADIR/stix/identity.json, optional): per identity class and per
 * sector, the victim target it gives, whether it makes a government
 * body and (sectors) whether it lets an organisation be read as a
 * company. Checked when the law loads: every target a value of the case
 * format's victim.target, keys unique, every field present.
 */
#include "stix_identity.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "lawfile.h"

/* 1 if "s" is a victim.target of the case format. */
static int stix_identity_is_target(const char *s)
{
    size_t k;
    for (k = 0; lk_enum_target[k]; k++)
        if (strcmp(lk_enum_target[k], s) == 0)
            return 1;
    return 0;
}

/* Member "key" of row "r" (at "p") as a target: NULL for JSON null, else
 * a value of lk_enum_target; "*bad" set (and "err") when it is neither. */
static const char *stix_identity_target(lk_error *err, const lk_doc *doc,
                                        const char *p, json_t *r,
                                        const char *key, int *bad)
{
    json_t *v = json_object_get(r, key);
    char q[LK_ERROR_POINTER_MAX];
    snprintf(q, sizeof(q), "%s/%s", p, key);
    if (v == NULL) {
        *bad = lk_lawfile__fail(err, doc, p, "missing required key '%s' "
                                "(a victim target, or null)", key);
        return NULL;
    }
    if (json_is_null(v))
        return NULL;
    if (!json_is_string(v) || !stix_identity_is_target(json_string_value(v))) {
        *bad = lk_lawfile__fail(err, doc, q, "expected null or a victim "
                                "target of the case format (e.g. "
                                "'government', 'company')");
        return NULL;
    }
    return json_string_value(v);
}

/* Member "key" of row "r" (at "p"), true or false, into "*out"; -1 (and
 * "err") when it is anything else or absent (then the row is blamed). */
static int stix_identity_bool(lk_error *err, const lk_doc *doc,
                              const char *p, json_t *r, const char *key,
                              int *out)
{
    json_t *v = json_object_get(r, key);
    char q[LK_ERROR_POINTER_MAX];
    snprintf(q, sizeof(q), "%s/%s", p, key);
    if (!json_is_boolean(v))
        return lk_lawfile__fail(err, doc, v ? q : p,
                                "'%s' takes true or false", key);
    *out = json_is_true(v);
    return 0;
}

/* Read rows "rs" (at "name", keyed by "key") into "*out" / "*n". */
static int stix_identity_rows(const lk_doc *doc, json_t *rs, const char *name,
                              const char *key, lk_stix_reading **out,
                              size_t *n, lk_error *err)
{
    static const char *const class_keys[] = {"class", "target", "fallback",
                                             "government", "text", NULL};
    static const char *const sector_keys[] = {"sector", "target",
                                              "government", "company",
                                              "text", NULL};
    int is_class = strcmp(key, "class") == 0;
    char p[64], q[LK_ERROR_POINTER_MAX];
    json_t *r;
    size_t i, j;
    if (!json_is_array(rs))
        return lk_lawfile__fail(err, doc, name, "expected an array");
    *out = lk_calloc(json_array_size(rs) + 1, sizeof(**out));
    if (*out == NULL)
        return lk_error_set_oom(err);
    json_array_foreach(rs, i, r)
    {
        lk_stix_reading *row = &(*out)[i];
        const char *star;
        int bad = 0;
        snprintf(p, sizeof(p), "%s/%zu", name, i);
        if (lk_lawfile__keys(err, doc, p, r,
                             is_class ? class_keys : sector_keys) < 0 ||
            !(row->key = lk_lawfile__str(err, doc, p, r, key, 1)) ||
            !(row->text = lk_lawfile__str(err, doc, p, r, "text", 1)))
            return LK_EINVALID;
        row->target = stix_identity_target(err, doc, p, r, "target", &bad);
        if (bad == 0 && is_class)
            row->fallback = stix_identity_target(err, doc, p, r, "fallback",
                                                 &bad);
        if (bad < 0)
            return LK_EINVALID;
        if (stix_identity_bool(err, doc, p, r, "government",
                               &row->government) < 0 ||
            (!is_class && stix_identity_bool(err, doc, p, r, "company",
                                             &row->company) < 0))
            return LK_EINVALID;
        snprintf(q, sizeof(q), "%s/%s", p, key);
        star = strchr(row->key, '*');
        if (star && (is_class || star[1] != '\0' || star == row->key))
            return lk_lawfile__fail(err, doc, q, "'*' may only end a sector "
                                    "(a prefix such as 'government*')");
        for (j = 0; j < i; j++)
            if (strcmp((*out)[j].key, row->key) == 0)
                return lk_lawfile__fail(err, doc, q, "'%.60s' is read twice "
                                        "(also at %s/%zu)", row->key, name,
                                        j);
        (*n)++;
    }
    return 0;
}

int lk_stix_identity__load(lk_law *law, lk_error *err)
{
    static const char *const keys[] = {"format", "note", "classes",
                                       "sectors", NULL};
    char path[4096];
    lk_doc *doc = NULL;
    int error;
    snprintf(path, sizeof(path), "%s/stix/identity.json", law->datadir);
    error = lk_lawfile__open_optional(law, path, "leaklaw/stix-identity/1",
                                      keys, &doc, err);
    if (error < 0 || doc == NULL) /* the file is optional */
        return error;
    error = stix_identity_rows(doc, json_object_get(doc->root, "classes"),
                               "/classes", "class", &law->stix_classes,
                               &law->nstix_classes, err);
    if (error == 0)
        error = stix_identity_rows(doc, json_object_get(doc->root, "sectors"),
                                   "/sectors", "sector", &law->stix_sectors,
                                   &law->nstix_sectors, err);
    return error;
}

void lk_stix_identity__free(lk_law *law)
{
    lk_free(law->stix_classes);
    lk_free(law->stix_sectors);
}

/* The row of "rows" ("n") whose key is "key" exactly into "out". */
static int stix_identity_find(const lk_stix_reading *rows, size_t n,
                              const char *key, lk_stix_reading *out)
{
    size_t i;
    if (key == NULL)
        return LK_ENOTFOUND;
    for (i = 0; i < n; i++)
        if (strcmp(rows[i].key, key) == 0) {
            *out = rows[i];
            return 0;
        }
    return LK_ENOTFOUND;
}

int lk_law_stix_sector(const lk_law *law, const char *sector,
                       lk_stix_reading *out)
{
    size_t i;
    if (sector == NULL)
        return LK_ENOTFOUND;
    if (stix_identity_find(law->stix_sectors, law->nstix_sectors, sector,
                           out) == 0)
        return 0;
    for (i = 0; i < law->nstix_sectors; i++) {
        const char *k = law->stix_sectors[i].key;
        size_t n = strlen(k);
        if (k[n - 1] == '*' && strncmp(k, sector, n - 1) == 0) {
            *out = law->stix_sectors[i];
            return 0;
        }
    }
    return LK_ENOTFOUND;
}

int lk_law_stix_class(const lk_law *law, const char *cls,
                      lk_stix_reading *out)
{
    return stix_identity_find(law->stix_classes, law->nstix_classes, cls,
                              out);
}
