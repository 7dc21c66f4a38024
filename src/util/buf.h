/*
 * buf.h: a growable byte buffer with a ceiling (STYLE rule 9). Appends fail
 * with LK_ETOOBIG past "max" instead of growing without limit; after a
 * failed append the buffer keeps its earlier contents and stays usable.
 */
#ifndef LK_UTIL_BUF_H
#define LK_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "error.h"

typedef struct lk_buf {
    char *ptr;    /* contents, always NUL-terminated once allocated */
    size_t len;   /* bytes used, excluding the terminating NUL */
    size_t alloc; /* bytes allocated */
    size_t max;   /* ceiling on len, in bytes */
    int error;    /* first failure (sticky), 0 if none */
} lk_buf;

#define LK_BUF_DEFAULT_MAX ((size_t)64 << 20) /* 64 MiB */

/* Initialise an empty buffer with ceiling "max" (0: LK_BUF_DEFAULT_MAX). */
void lk_buf_init(lk_buf *buf, size_t max);
/* Free the contents; the struct may be reused after lk_buf_init. */
void lk_buf_dispose(lk_buf *buf);
/* Append "n" bytes. Returns 0, LK_ENOMEM or LK_ETOOBIG (also sticky). */
int lk_buf_put(lk_buf *buf, const char *data, size_t n);
int lk_buf_puts(lk_buf *buf, const char *s);
int lk_buf_printf(lk_buf *buf, const char *fmt, ...) LK_PRINTF(2, 3);
int lk_buf_vprintf(lk_buf *buf, const char *fmt, va_list ap);
/* Take the contents (caller frees with lk_free); the buffer is emptied. */
char *lk_buf_detach(lk_buf *buf, size_t *len_out);

/*
 * Read all of "path" into a NUL-terminated heap string of at most "max"
 * bytes. On failure returns LK_EIO, LK_ETOOBIG or LK_ENOMEM with "err" set
 * and "*out" untouched. Owned by caller: release with lk_free.
 */
int lk_file_read(char **out, size_t *len_out, const char *path, size_t max,
                 lk_error *err);

/* Lowercase hex SHA-256 of "data" into "hex" (65 bytes). */
void lk_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
