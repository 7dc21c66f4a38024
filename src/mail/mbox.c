/*
 * mbox.c: splitting an mbox (mboxo or mboxrd, LF or CRLF) into
 * messages without copying: a "From " line at the start of the file or
 * after an empty line begins a message.
 */
#include <string.h>

#include "mbox.h"

/* Is there a separator "From " line at "p" of "d" ("len" bytes): one
 * after an empty line ("\n\n" or "\n\r\n" before it)? */
static int mbox_is_sep(const char *d, size_t p, size_t len)
{
    if (p < 2 || len - p < 5 || memcmp(d + p, "From ", 5) != 0 ||
        d[p - 1] != '\n')
        return 0;
    return d[p - 2] == '\n' || (p >= 3 && d[p - 2] == '\r' &&
                                 d[p - 3] == '\n');
}

size_t lk_mail__mbox_cut(const char *data, size_t len)
{
    size_t p = len;
    while (p-- > 2)
        if (data[p] == 'F' && mbox_is_sep(data, p, len))
            return p;
    return 0;
}

/* Where the message from "pos" ends when the bytes stop at "len" (a
 * separator follows when "more"). */
static size_t mbox_tail(const char *d, size_t pos, size_t len, int more)
{
    size_t at, prev;
    if (more && len > pos) { /* as before a separator found in the data */
        at = len - 1;
        prev = at > 0 && d[at - 1] == '\r' ? at - 1 : at;
        if (prev > pos && d[prev - 1] == '\n')
            return prev;
        return prev == pos ? pos : len;
    }
    /* the empty line an mbox writer puts after the last message */
    if (len - pos >= 2 && d[len - 1] == '\n' && d[len - 2] == '\n')
        return len - 1;
    if (len - pos >= 4 && !memcmp(d + len - 4, "\r\n\r\n", 4))
        return len - 2;
    return len;
}

/* Offset of the next separator "From " line after "pos", or "len"; sets
 * "*msg_end" to the end of the message before it (its empty line and the
 * From_ line excluded). "more": a separator follows "len". */
static size_t mbox_next(const char *d, size_t pos, size_t len,
                        size_t *msg_end, int more)
{
    size_t p = pos;
    while (p < len) {
        const char *q = memchr(d + p, '\n', len - p);
        size_t at, prev;
        if (q == NULL)
            break;
        at = (size_t)(q - d);
        p = at + 1;
        if (len - p < 5 || memcmp(d + p, "From ", 5) != 0)
            continue;
        /* the line ending at "at" must be empty: "\n\n" or "\n\r\n" */
        prev = at > 0 && d[at - 1] == '\r' ? at - 1 : at;
        if (prev > pos && d[prev - 1] == '\n') {
            *msg_end = prev;
            return p;
        }
        if (prev == pos) { /* an empty message */
            *msg_end = pos;
            return p;
        }
    }
    *msg_end = mbox_tail(d, pos, len, more);
    return len;
}

int lk_mail__mbox_split(const char *data, size_t len, lk_mail_msg_cb cb,
                        void *payload)
{
    return lk_mail__mbox_split_part(data, len, 0, cb, payload);
}

int lk_mail__mbox_split_part(const char *data, size_t len, int more,
                             lk_mail_msg_cb cb, void *payload)
{
    size_t pos = 0;
    if (len < 5 || memcmp(data, "From ", 5) != 0)
        return len ? cb(data, len, -1, payload) : 0;
    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t start = nl ? (size_t)(nl - data) + 1 : len, end, next;
        int error;
        next = mbox_next(data, start, len, &end, more);
        if (end < start)
            end = start;
        error = cb(data + start, end - start, (long long)pos, payload);
        if (error != 0)
            return error;
        pos = next;
    }
    return 0;
}
