/*
 * fuzz_jsonfast.c: libFuzzer target for the fast JSON reader
 * (src/util/jsonfast.c), against jansson: whatever the fast reader
 * accepts, json_loadb(JSON_REJECT_DUPLICATES) accepts as an equal tree
 * dumped to the same bytes, and within the depth lk_doc__parse allows;
 * and lk_doc__parse, which uses it, gives a tree exactly when jansson does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "doc.h"
#include "jsonfast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_bytes(const json_t *a, const json_t *b)
{
    size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
    char *x = json_dumps(a, flags), *y = json_dumps(b, flags);
    if (x == NULL || y == NULL || strcmp(x, y) != 0)
        abort();
    lk_free(x);
    lk_free(y);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text;
    json_t *fast, *slow;
    json_error_t jerr;
    lk_doc *doc = NULL;
    lk_error err;
    if (size > 65536 || memchr(data, '\0', size) != NULL ||
        (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
        return 0; /* the reader's contract: one '\0', at the end; and
                   * lk_doc__parse would drop a byte order mark */
    lk_alloc__init();
    text = lk_strndup((const char *)data, size);
    if (text == NULL)
        return 0;
    fast = lk_jsonfast_load(text, size, LK_DOC_MAX_DEPTH);
    slow = json_loadb(text, size, JSON_REJECT_DUPLICATES, &jerr);
    if (fast != NULL && (slow == NULL || !json_equal(fast, slow)))
        abort();
    if (fast != NULL)
        same_bytes(fast, slow);
    /* a JSON document (not YAML, which lk_doc__parse may pick by its
     * first byte) reads through lk_doc__parse as jansson reads it, unless
     * it is nested deeper than lk_doc allows */
    lk_error_clear(&err);
    if (lk_doc__parse(&doc, "f.json", text, size, &err) == 0) {
        if (slow == NULL || !json_equal(doc->root, slow))
            abort();
        lk_doc__free(doc);
    } else if (slow != NULL && fast != NULL) {
        abort();
    }
    json_decref(fast);
    json_decref(slow);
    lk_free(text);
    return 0;
}
