/*
 * buf.c: bounded growable buffers, whole-file reads with a ceiling and
 * SHA-256 hex digests.
 */
#include "buf.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "hash.h"

void lk_buf_init(lk_buf *buf, size_t max)
{
    memset(buf, 0, sizeof(*buf));
    buf->max = max ? max : LK_BUF_DEFAULT_MAX;
}

void lk_buf_dispose(lk_buf *buf)
{
    if (buf == NULL)
        return;
    lk_free(buf->ptr);
    buf->ptr = NULL;
    buf->len = buf->alloc = 0;
}

static int buf_grow(lk_buf *buf, size_t extra)
{
    size_t need, alloc;
    char *p;
    if (buf->error)
        return buf->error;
    if (extra > buf->max - buf->len) {
        buf->error = LK_ETOOBIG;
        return LK_ETOOBIG;
    }
    need = buf->len + extra + 1;
    if (need <= buf->alloc)
        return 0;
    alloc = buf->alloc ? buf->alloc : 256;
    while (alloc < need)
        alloc *= 2;
    p = lk_realloc(buf->ptr, alloc);
    if (p == NULL) {
        buf->error = LK_ENOMEM;
        return LK_ENOMEM;
    }
    buf->ptr = p;
    buf->alloc = alloc;
    return 0;
}

int lk_buf_put(lk_buf *buf, const char *data, size_t n)
{
    int error = buf_grow(buf, n);
    if (error < 0)
        return error;
    if (n)
        memcpy(buf->ptr + buf->len, data, n);
    buf->len += n;
    buf->ptr[buf->len] = '\0';
    return 0;
}

int lk_buf_puts(lk_buf *buf, const char *s)
{
    return lk_buf_put(buf, s, strlen(s));
}

int lk_buf_vprintf(lk_buf *buf, const char *fmt, va_list ap)
{
    va_list ap2;
    int n, error;
    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return LK_ERROR;
    error = buf_grow(buf, (size_t)n);
    if (error < 0)
        return error;
    vsnprintf(buf->ptr + buf->len, (size_t)n + 1, fmt, ap);
    buf->len += (size_t)n;
    return 0;
}

int lk_buf_printf(lk_buf *buf, const char *fmt, ...)
{
    va_list ap;
    int error;
    va_start(ap, fmt);
    error = lk_buf_vprintf(buf, fmt, ap);
    va_end(ap);
    return error;
}

char *lk_buf_detach(lk_buf *buf, size_t *len_out)
{
    char *p = buf->ptr;
    if (p == NULL)
        p = lk_strdup("");
    if (len_out)
        *len_out = p ? buf->len : 0;
    buf->ptr = NULL;
    buf->len = buf->alloc = 0;
    return p;
}

int lk_file_read(char **out, size_t *len_out, const char *path, size_t max,
                 lk_error *err)
{
    int error = 0;
    FILE *f = NULL;
    lk_buf buf;
    char chunk[16384];
    size_t n;

    lk_buf_init(&buf, max);
    f = fopen(path, "rb");
    if (f == NULL) {
        error = lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                                strerror(errno));
        goto out;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        error = lk_buf_put(&buf, chunk, n);
        if (error == LK_ETOOBIG) {
            lk_error_set_at(err, error, path, 0, 0, NULL,
                            "file is larger than %zu bytes", max);
            goto out;
        }
        if (error < 0) {
            lk_error_set_oom(err);
            goto out;
        }
    }
    if (ferror(f)) {
        error = lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "read error");
        goto out;
    }
    if (buf.ptr == NULL && lk_buf_put(&buf, "", 0) < 0) {
        error = lk_error_set_oom(err);
        goto out;
    }
    *out = lk_buf_detach(&buf, len_out);
out:
    if (f != NULL)
        fclose(f);
    lk_buf_dispose(&buf);
    return error;
}

void lk_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[32];
    unsigned int mdlen = 0;
    if (EVP_Digest(data, len, md, &mdlen, lk_hash_sha256(), NULL) != 1 ||
        mdlen != sizeof(md)) {
        hex[0] = '\0';
        return;
    }
    lk_hash_hex(md, sizeof(md), hex);
}
