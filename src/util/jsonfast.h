/*
 * jsonfast.h: a fast reader of the common subset of JSON into
 * the jansson tree json_loadb would build.
 */
#ifndef LK_UTIL_JSONFAST_H
#define LK_UTIL_JSONFAST_H

#include <stddef.h>
#include <jansson.h>

/*
 * Read "len" bytes of "text" (text[len] must be '\0', and no byte before
 * it may be '\0') as json_loadb(text, len, JSON_REJECT_DUPLICATES) would,
 * nested at most "max_depth" containers deep (the outermost counts 1).
 *
 * Returns the tree (owned by the caller), or NULL when the text is not in
 * the subset this reader is certain of: a syntax error, a real number, an
 * integer of more than 18 digits, an escaped key, an escape of NUL or of a
 * surrogate that is not part of a pair, bytes that are not UTF-8, a
 * duplicate key, deeper nesting, or an allocation that failed. The caller
 * then asks jansson, which builds the same tree or reports the error.
 */
json_t *lk_jsonfast_load(const char *text, size_t len, int max_depth);

/*
 * json_loadb(data, len, flags, je) for any text (it is copied to end it
 * with a '\0'): read fast when the reader above can (flags 0 or
 * JSON_REJECT_DUPLICATES, at most LK_JSONFAST_MAX_DEPTH deep), else by
 * jansson, which fills "je" on error.
 */
#define LK_JSONFAST_MAX_DEPTH 512 /* below jansson's own limit of 2048 */
json_t *lk_jsonfast_loadb(const char *data, size_t len, size_t flags,
                           json_error_t *je);

#endif
