/*
 * errors.c: the lk_error record: setting, formatting, exit-status mapping.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *lk_version(void)
{
    return LK_VERSION_STRING;
}

void lk_error_clear(lk_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof(*err));
}

static void error_copy(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= size)
        n = size - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

static void error_vset(lk_error *err, int code, const char *fmt, va_list ap)
{
    char *p;
    err->code = code;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    /* One line, always: a message must never break the "file:line" form. */
    for (p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

int lk_error_set(lk_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return code;
    va_start(ap, fmt);
    error_vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

int lk_error_set_at(lk_error *err, int code, const char *file, unsigned line,
                    unsigned column, const char *pointer, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return code;
    error_copy(err->file, sizeof(err->file), file);
    error_copy(err->pointer, sizeof(err->pointer), pointer);
    err->line = line;
    err->column = column;
    va_start(ap, fmt);
    error_vset(err, code, fmt, ap);
    va_end(ap);
    return code;
}

int lk_error_set_oom(lk_error *err)
{
    static const char oom[] = "out of memory";
    if (err != NULL) {
        err->code = LK_ENOMEM;
        memcpy(err->message, oom, sizeof(oom));
    }
    return LK_ENOMEM;
}

size_t lk_error_format(const lk_error *err, char *buf, size_t size)
{
    int n;
    char where[LK_ERROR_FILE_MAX + 32] = "";
    if (err->file[0] && err->line)
        snprintf(where, sizeof(where), "%s:%u:%u: ", err->file, err->line,
                 err->column);
    else if (err->file[0])
        snprintf(where, sizeof(where), "%s: ", err->file);
    n = snprintf(buf, size, "%s%s%s%s", where, err->pointer,
                 err->pointer[0] ? ": " : "", err->message);
    return n < 0 ? 0 : (size_t)n;
}

int lk_status_exit_code(int status)
{
    if (status == 0)
        return 0;
    if (status == LK_EINVALID || status == LK_ETOOBIG)
        return 65;
    return 1;
}
