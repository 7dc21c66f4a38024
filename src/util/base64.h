/*
 * base64.h: decoding base64 (RFC 4648 §4) as DKIM writes it: whitespace
 * (space, tab, CR, LF) anywhere is ignored, '=' padding only at the end.
 */
#ifndef LK_UTIL_BASE64_H
#define LK_UTIL_BASE64_H

#include <stddef.h>

/*
 * Decode the "n" bytes of "s" into "out" of "cap" bytes. Returns the
 * decoded length, or -1 when "s" is not base64 (a bad character, data
 * after padding, more than two '=' or a dangling digit) or would not fit.
 * Thread-safe. Cannot fail otherwise.
 */
long lk_base64_decode(unsigned char *out, size_t cap, const char *s,
                      size_t n);

#endif
