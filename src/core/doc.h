/*
 * doc.h: a JSON or YAML document as a jansson tree, kept with its text so
 * that any JSON pointer into it can be mapped back to a line and column
 * for error messages. YAML is read with libyaml into the same JSON shape.
 */
#ifndef LK_LIB_DOC_H
#define LK_LIB_DOC_H

#include <jansson.h>

#include "error.h"

#define LK_DOC_MAX_BYTES ((size_t)16 << 20) /* largest document read */
#define LK_DOC_MAX_DEPTH 64                 /* deepest nesting accepted */
#define LK_DOC_STR_(x) #x
#define LK_DOC_STR(x) LK_DOC_STR_(x)        /* a number as a string */

typedef struct lk_doc {
    char *name;   /* file name used in diagnostics */
    char *text;   /* the raw text, NUL-terminated */
    size_t len;   /* bytes of text */
    int yaml;     /* 1 if the text was read as YAML, 0 for JSON */
    json_t *root; /* the parsed tree (owned) */
    int in_arena; /* 1: "root" was built in an arena (lk_alloc__json_arena)
                     that its owner resets: not to be json_decref'd */
} lk_doc;

/*
 * Parse "len" bytes of "text" (copied) named "name". YAML is chosen by a
 * .yaml/.yml name, JSON by .json, otherwise by the first non-blank byte.
 * Syntax errors are LK_EINVALID with the file, line and column set.
 * Owned by caller: release with lk_doc__free.
 */
int lk_doc__parse(lk_doc **out, const char *name, const char *text,
                  size_t len, lk_error *err);

/* Read "path" (at most LK_DOC_MAX_BYTES) and parse it as above. */
int lk_doc__load(lk_doc **out, const char *path, lk_error *err);

/*
 * Find the line and column (1-based) of the value at "pointer", or of the
 * deepest existing ancestor when the pointer names something absent.
 * Cannot fail: reports 1:1 if nothing better is known.
 */
void lk_doc__locate(const lk_doc *doc, const char *pointer, unsigned *line,
                    unsigned *column);

void lk_doc__free(lk_doc *doc);

/* Append "segment" to "ptr" (size "size") as an RFC 6901 reference token. */
void lk_doc__ptr_push(char *ptr, size_t size, const char *segment);
void lk_doc__ptr_push_index(char *ptr, size_t size, size_t index);

#endif
