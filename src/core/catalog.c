/*
 * catalog.c: the catalogue of legal sources (DATADIR/sources.json), which
 * every rule, target and profile cites.
 */
#include "catalog.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "lawfile.h"
/* ---- sources -------------------------------------------------------- */

int lk_catalog__load(lk_law *law, lk_error *err)
{
    static const char *const keys[] = {"format", "sources", NULL};
    static const char *const skeys[] = {"id",   "title", "pinpoint",
                                        "date", "url",   "status",
                                        "note", "quote", NULL};
    char path[4096], ptr[64];
    lk_doc *doc = NULL;
    json_t *arr, *item;
    size_t i, j;
    int error;

    snprintf(path, sizeof(path), "%s/sources.json", law->datadir);
    error = lk_lawfile__open(law, path, "leaklaw/sources/1", keys, &doc, err);
    if (error < 0)
        return error;
    arr = json_object_get(doc->root, "sources");
    if (!json_is_array(arr))
        return lk_lawfile__fail(err, doc, "/sources", "expected an array");
    law->sources = lk_calloc(json_array_size(arr) + 1, sizeof(lk_source_info));
    if (law->sources == NULL)
        return lk_error_set_oom(err);
    json_array_foreach(arr, i, item)
    {
        lk_source_info *s = &law->sources[i];
        snprintf(ptr, sizeof(ptr), "/sources/%zu", i);
        error = lk_lawfile__keys(err, doc, ptr, item, skeys);
        if (error < 0)
            return error;
        s->id = lk_lawfile__str(err, doc, ptr, item, "id", 1);
        s->title = lk_lawfile__str(err, doc, ptr, item, "title", 1);
        s->pinpoint = lk_lawfile__str(err, doc, ptr, item, "pinpoint", 0);
        s->date = lk_lawfile__str(err, doc, ptr, item, "date", 0);
        s->url = lk_lawfile__str(err, doc, ptr, item, "url", 0);
        s->status = lk_lawfile__str(err, doc, ptr, item, "status", 1);
        s->quote = lk_lawfile__str(err, doc, ptr, item, "quote", 0);
        if (!s->id || !s->title || !s->pinpoint || !s->date || !s->url ||
            !s->status || !s->quote)
            return LK_EINVALID;
        if (strcmp(s->status, "confirmed") && strcmp(s->status, "unconfirmed"))
            return lk_lawfile__fail(
                err, doc, ptr,
                "status must be \"confirmed\" or \"unconfirmed\"");
        for (j = 0; j < i; j++)
            if (strcmp(law->sources[j].id, s->id) == 0)
                return lk_lawfile__fail(err, doc, ptr,
                                        "duplicate source id '%s'", s->id);
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
int lk_catalog__check_cites(const lk_law *law, lk_error *err, const lk_doc *doc,
                      const char *ptr, json_t *cites, int required)
{
    size_t i;
    json_t *c;
    char p[LK_ERROR_POINTER_MAX];
    if (cites == NULL && !required)
        return 0;
    snprintf(p, sizeof(p), "%s/cites", ptr);
    if (!json_is_array(cites) || json_array_size(cites) == 0)
        return lk_lawfile__fail(
            err, doc, cites ? p : ptr,
            "every rule must cite at least one source (cites)");
    json_array_foreach(cites, i, c)
    {
        snprintf(p, sizeof(p), "%s/cites/%zu", ptr, i);
        if (!json_is_string(c) ||
            lk_law_source_find(law, json_string_value(c)) == NULL)
            return lk_lawfile__fail(
                err, doc, p, "'%.100s' is not in the sources catalogue",
                json_is_string(c) ? json_string_value(c) : "?");
    }
    return 0;
}
