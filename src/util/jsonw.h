/*
 * jsonw.h: writing JSON by hand into an lk_buf, for streams too hot or too
 * large to build as jansson trees (one record per message of a corpus).
 */
#ifndef LK_UTIL_JSONW_H
#define LK_UTIL_JSONW_H

#include <stddef.h>

#include "buf.h"

/*
 * Append the "n" bytes of "s" to "b" as a JSON string: quotes and
 * backslashes escaped, control characters as \n, \r, \t or \u00XX,
 * well-formed UTF-8 copied and every byte of ill-formed UTF-8 replaced by
 * U+FFFD, so the output is always valid JSON. Errors are recorded in "b"
 * (see lk_buf).
 */
void lk_jsonw_str(lk_buf *b, const char *s, size_t n);

#endif
