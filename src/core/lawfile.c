/*
 * lawfile.c: reading the law's data files: documents, their format and
 * keys, required strings, citations into the catalogue, and diagnostics
 * located at a JSON pointer of the file.
 */
#include "lawfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"

int lk_lawfile__fail(lk_error *err, const lk_doc *doc, const char *ptr,
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
    return lk_error_set_at(err, LK_EINVALID, doc ? doc->name : NULL, line, col,
                           ptr, "%s", msg);
}

/* Check that "obj" has only the keys in "allowed" (or "x-" keys). */
int lk_lawfile__keys(lk_error *err, const lk_doc *doc, const char *ptr,
                     json_t *obj, const char *const *allowed)
{
    const char *key;
    json_t *v;
    char p[LK_ERROR_POINTER_MAX];
    if (!json_is_object(obj))
        return lk_lawfile__fail(err, doc, ptr, "expected an object");
    json_object_foreach(obj, key, v)
    {
        const char *const *a;
        for (a = allowed; *a; a++)
            if (strcmp(*a, key) == 0)
                break;
        if (*a == NULL && strncmp(key, "x-", 2) != 0) {
            snprintf(p, sizeof(p), "%s", ptr);
            lk_doc__ptr_push(p, sizeof(p), key);
            return lk_lawfile__fail(err, doc, p, "unknown key '%.100s'", key);
        }
    }
    return 0;
}

/* A required string member; returns NULL after setting "err". */
const char *lk_lawfile__str(lk_error *err, const lk_doc *doc, const char *ptr,
                            json_t *obj, const char *key, int required)
{
    json_t *v = json_object_get(obj, key);
    char p[LK_ERROR_POINTER_MAX];
    if (v == NULL && !required)
        return "";
    snprintf(p, sizeof(p), "%s", ptr);
    lk_doc__ptr_push(p, sizeof(p), key);
    if (!json_is_string(v) || json_string_length(v) == 0) {
        lk_lawfile__fail(err, doc, v ? p : ptr,
                         v ? "expected a non-empty string"
                           : "missing required key '%s'",
                         key);
        return NULL;
    }
    return json_string_value(v);
}

static int lawfile_add_doc(lk_law *law, lk_doc *doc, lk_error *err)
{
    lk_doc **d;
    if (law->ndocs >= LK_LAW_MAX_FILES) {
        lk_doc__free(doc);
        return lk_error_set(err, LK_ETOOBIG, "more than %d data files",
                            LK_LAW_MAX_FILES);
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

int lk_lawfile__load(lk_law *law, const char *path, lk_doc **out, lk_error *err)
{
    lk_doc *doc = NULL;
    int error = lk_doc__load(&doc, path, err);
    if (error < 0)
        return error;
    error = lawfile_add_doc(law, doc, err);
    if (error < 0)
        return error;
    if (!json_is_object(doc->root))
        return lk_lawfile__fail(err, doc, "", "expected an object");
    *out = doc;
    return 0;
}

/* Load "path", check its top-level keys and its "format". */
int lk_lawfile__open(lk_law *law, const char *path, const char *format,
                     const char *const *keys, lk_doc **out, lk_error *err)
{
    lk_doc *doc = NULL;
    const char *f;
    int error = lk_lawfile__load(law, path, &doc, err);
    if (error < 0)
        return error;
    error = lk_lawfile__keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    f = json_string_value(json_object_get(doc->root, "format"));
    if (f == NULL || strcmp(f, format) != 0)
        return lk_lawfile__fail(err, doc, "/format", "expected format \"%s\"",
                                format);
    *out = doc;
    return 0;
}
int lk_lawfile__open_optional(lk_law *law, const char *path,
                              const char *format, const char *const *keys,
                              lk_doc **out, lk_error *err)
{
    FILE *f;
    *out = NULL;
    if ((f = fopen(path, "rb")) == NULL)
        return errno == ENOENT ? 0 : lk_error_set(err, LK_EIO,
                                                  "%s: cannot read", path);
    fclose(f);
    return lk_lawfile__open(law, path, format, keys, out, err);
}

/* The strings of "arr" as a NULL-terminated array (owned; the strings
 * are borrowed from "arr"), or NULL when out of memory. */
const char **lk_lawfile__strings(json_t *arr)
{
    size_t i, n = json_is_array(arr) ? json_array_size(arr) : 0;
    const char **v = lk_calloc(n + 1, sizeof(char *));
    if (v == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        v[i] = json_string_value(json_array_get(arr, i));
    return v;
}
