/*
 * error.h: setting an lk_error at the point of failure (STYLE rule 4).
 */
#ifndef LK_UTIL_ERROR_H
#define LK_UTIL_ERROR_H

#include "leaklaw/errors.h"

#if defined(__GNUC__)
#define LK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LK_PRINTF(f, a)
#endif

/* Set code and message; keep any location already set. Returns "code". */
int lk_error_set(lk_error *err, int code, const char *fmt, ...)
    LK_PRINTF(3, 4);

/* Set code, location (file may be NULL, pointer may be NULL) and message. */
int lk_error_set_at(lk_error *err, int code, const char *file, unsigned line,
                    unsigned column, const char *pointer, const char *fmt,
                    ...) LK_PRINTF(7, 8);

/* Record an allocation failure without allocating. Returns LK_ENOMEM. */
int lk_error_set_oom(lk_error *err);

#endif
