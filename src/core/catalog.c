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

/* The kinds of legal source ("method": leaklaw's own calibration). */
static const char *const catalog_kinds[] = {
    "treaty",      "judgment", "un-document", "national-position",
    "official-statement", "indictment", "report", "scholarship",
    "press",       "standard", "method",      NULL};

/* 1 if "s" is one of the NULL-terminated "list". */
static int catalog_in(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

/* Number of "seen_at" entries of every source of "arr" (not checked). */
static size_t catalog_count_copies(json_t *arr)
{
    size_t i, n = 0;
    json_t *item;
    json_array_foreach(arr, i, item)
        n += json_array_size(json_object_get(item, "seen_at"));
    return n;
}

/* Read the "seen_at" array of "item" (at "ptr") into "s", whose copies
 * go to "copies". */
static int catalog_copies(lk_error *err, const lk_doc *doc, const char *ptr,
                          json_t *item, lk_source_info *s,
                          lk_source_copy *copies)
{
    static const char *const ckeys[] = {"url", "what", NULL};
    json_t *arr = json_object_get(item, "seen_at"), *c;
    char p[LK_ERROR_POINTER_MAX];
    size_t j;
    int error;
    if (arr == NULL)
        return 0;
    snprintf(p, sizeof(p), "%s/seen_at", ptr);
    if (!json_is_array(arr))
        return lk_lawfile__fail(err, doc, p, "expected an array");
    s->seen_at = json_array_size(arr) ? copies : NULL;
    json_array_foreach(arr, j, c)
    {
        snprintf(p, sizeof(p), "%s/seen_at/%zu", ptr, j);
        if (!json_is_object(c))
            return lk_lawfile__fail(err, doc, p, "expected an object");
        error = lk_lawfile__keys(err, doc, p, c, ckeys);
        if (error < 0)
            return error;
        copies[j].url = lk_lawfile__str(err, doc, p, c, "url", 1);
        copies[j].what = lk_lawfile__str(err, doc, p, c, "what", 1);
        if (!copies[j].url || !copies[j].what)
            return LK_EINVALID;
        s->nseen_at++;
    }
    return 0;
}

/* Check the kind and the OSCOLA citation of source "s" (at "ptr"). */
static int catalog_check(lk_error *err, const lk_doc *doc, const char *ptr,
                         const lk_source_info *s)
{
    char p[LK_ERROR_POINTER_MAX];
    size_t stars = 0;
    const char *c;
    if (strcmp(s->status, "confirmed") && strcmp(s->status, "unconfirmed"))
        return lk_lawfile__fail(
            err, doc, ptr, "status must be \"confirmed\" or \"unconfirmed\"");
    if (!catalog_in(catalog_kinds, s->kind)) {
        snprintf(p, sizeof(p), "%s/kind", ptr);
        return lk_lawfile__fail(
            err, doc, p,
            "unknown kind '%.60s' (treaty, judgment, un-document, "
            "national-position, official-statement, indictment, report, "
            "scholarship, press, standard, method)",
            s->kind);
    }
    for (c = s->oscola; *c; c++)
        stars += *c == '*';
    if (stars % 2) {
        snprintf(p, sizeof(p), "%s/oscola", ptr);
        return lk_lawfile__fail(err, doc, p,
                                "unpaired '*' (*text* marks italics)");
    }
    return 0;
}

/* The catalogue is one allocation: the sources (and a zeroed last one),
 * then every source's copies, so that law.c frees it with law->sources. */
int lk_catalog__load(lk_law *law, lk_error *err)
{
    static const char *const keys[] = {"format", "sources", NULL};
    static const char *const skeys[] = {
        "id",    "kind",   "title",    "pinpoint", "date",    "url", "status",
        "quote", "oscola", "supports", "seen_at",  "note",    NULL};
    char path[4096], ptr[64];
    lk_doc *doc = NULL;
    lk_source_copy *copies;
    json_t *arr, *item;
    size_t i, j, n, ncopies;
    int error;

    snprintf(path, sizeof(path), "%s/sources.json", law->datadir);
    error = lk_lawfile__open(law, path, "leaklaw/sources/1", keys, &doc, err);
    if (error < 0)
        return error;
    arr = json_object_get(doc->root, "sources");
    if (!json_is_array(arr))
        return lk_lawfile__fail(err, doc, "/sources", "expected an array");
    n = json_array_size(arr) + 1;
    ncopies = catalog_count_copies(arr);
    if (n > ((size_t)-1 - ncopies * sizeof(lk_source_copy)) /
                sizeof(lk_source_info))
        return lk_error_set_oom(err);
    law->sources = lk_calloc(
        1, n * sizeof(lk_source_info) + ncopies * sizeof(lk_source_copy));
    if (law->sources == NULL)
        return lk_error_set_oom(err);
    copies = (lk_source_copy *)(void *)(law->sources + n);
    json_array_foreach(arr, i, item)
    {
        lk_source_info *s = &law->sources[i];
        snprintf(ptr, sizeof(ptr), "/sources/%zu", i);
        error = lk_lawfile__keys(err, doc, ptr, item, skeys);
        if (error < 0)
            return error;
        s->id = lk_lawfile__str(err, doc, ptr, item, "id", 1);
        s->kind = lk_lawfile__str(err, doc, ptr, item, "kind", 1);
        s->title = lk_lawfile__str(err, doc, ptr, item, "title", 1);
        s->pinpoint = lk_lawfile__str(err, doc, ptr, item, "pinpoint", 0);
        s->date = lk_lawfile__str(err, doc, ptr, item, "date", 0);
        s->url = lk_lawfile__str(err, doc, ptr, item, "url", 0);
        s->status = lk_lawfile__str(err, doc, ptr, item, "status", 1);
        s->quote = lk_lawfile__str(err, doc, ptr, item, "quote", 0);
        s->oscola = lk_lawfile__str(err, doc, ptr, item, "oscola", 1);
        s->supports = lk_lawfile__str(err, doc, ptr, item, "supports", 0);
        s->note = lk_lawfile__str(err, doc, ptr, item, "note", 0);
        if (!s->id || !s->kind || !s->title || !s->pinpoint || !s->date ||
            !s->url || !s->status || !s->quote || !s->oscola ||
            !s->supports || !s->note)
            return LK_EINVALID;
        error = catalog_check(err, doc, ptr, s);
        if (error < 0)
            return error;
        error = catalog_copies(err, doc, ptr, item, s, copies);
        if (error < 0)
            return error;
        copies += s->nseen_at;
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
