/*
 * position.c: reading a national position (leaklaw/position/1, see
 * docs/formats.md) for the search index: its id, title, party name and
 * the text of each quotation. Not a validator: other keys are ignored,
 * and JSON of another format is skipped.
 */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "jsonfast.h"
#include "store_int.h"

#define POSITION_FORMAT "leaklaw/position/1"

/* The string member "key" of "obj", or "" when absent or not a string. */
static const char *position_str(const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

/* Every quotation's "text" of "quotes", one per line, into "b". */
static int position_quotes(lk_buf *b, const json_t *quotes, const char *name,
                           lk_error *err)
{
    size_t i, n = json_array_size(quotes);
    if (n > LK_STORE_POSITION_QUOTES_MAX)
        return lk_error_set_at(err, LK_ETOOBIG, name, 0, 0, "/quotes",
                               "more than %d quotations",
                               LK_STORE_POSITION_QUOTES_MAX);
    for (i = 0; i < n; i++) {
        lk_buf_puts(b, position_str(json_array_get(quotes, i), "text"));
        lk_buf_puts(b, "\n");
    }
    if (b->error == LK_ENOMEM)
        return lk_error_set_oom(err);
    if (b->error != 0)
        return lk_error_set_at(err, LK_ETOOBIG, name, 0, 0, "/quotes",
                               "more than %zu bytes of quotations",
                               LK_STORE_FIELD_MAX);
    return 0;
}

/* Copy the strings of "root" into "out" (zeroed by the caller). */
static int position_fill(lk_store_position *out, const json_t *root,
                         const char *name, lk_error *err)
{
    lk_buf b;
    int error;
    lk_buf_init(&b, LK_STORE_FIELD_MAX);
    error = position_quotes(&b, json_object_get(root, "quotes"), name, err);
    if (error < 0)
        goto out;
    out->id = lk_strdup(position_str(root, "id"));
    out->title = lk_strdup(position_str(root, "title"));
    out->name = lk_strdup(position_str(root, "name"));
    out->quotes = lk_strdup(b.ptr ? b.ptr : "");
    if (!out->id || !out->title || !out->name || !out->quotes)
        error = lk_error_set_oom(err);
out:
    lk_buf_dispose(&b);
    return error;
}

int lk_store__position_read(lk_store_position *out, const char *name,
                            const char *text, size_t len, lk_error *err)
{
    json_error_t jerr;
    json_t *root;
    const char *id;
    int error;
    memset(out, 0, sizeof(*out));
    lk_alloc__init();
    lk_alloc__json_failed(); /* reset: a failure below is ours to see */
    root = lk_jsonfast_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL && lk_alloc__json_failed())
        return lk_error_set_oom(err);
    if (root == NULL)
        return lk_error_set_at(err, LK_EINVALID, name,
                               jerr.line > 0 ? (unsigned)jerr.line : 0,
                               jerr.column > 0 ? (unsigned)jerr.column : 0,
                               NULL, "%s", jerr.text);
    if (!json_is_object(root) ||
        strcmp(position_str(root, "format"), POSITION_FORMAT) != 0) {
        json_decref(root);
        return 1;
    }
    id = position_str(root, "id");
    if (*id == '\0') {
        json_decref(root);
        return lk_error_set_at(err, LK_EINVALID, name, 0, 0, "/id",
                               "a position needs a string id");
    }
    error = position_fill(out, root, name, err);
    json_decref(root);
    if (error < 0)
        lk_store__position_dispose(out);
    return error;
}

void lk_store__position_dispose(lk_store_position *p)
{
    lk_free(p->id);
    lk_free(p->title);
    lk_free(p->name);
    lk_free(p->quotes);
    memset(p, 0, sizeof(*p));
}
