/*
 * msg.c: a message's header split into fields (RFC 5322 §2.2, folded
 * lines joined), line ends as found or with bare LF accepted, and the
 * field lookups records and verification share.
 */
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "array.h"
#include "error.h"
#include "msg.h"

size_t lk_mail__line(const char *d, size_t pos, size_t end, int lf,
                        size_t *le)
{
    size_t p = pos;
    for (;;) {
        const char *q = p < end ? memchr(d + p, '\n', end - p) : NULL;
        size_t at;
        if (q == NULL) {
            *le = end;
            return end;
        }
        at = (size_t)(q - d);
        if (at > pos && d[at - 1] == '\r') {
            *le = at - 1;
            return at + 1;
        }
        if (lf) {
            *le = at;
            return at + 1;
        }
        p = at + 1; /* bare LF inside a CRLF line */
    }
}

static int msg_wsp(char c)
{
    return c == ' ' || c == '\t';
}

/* Start a new field at "pos" of "m" whose first line ends at "le".
 * Returns 0 or LK_ENOMEM. */
static int msg_field_add(lk_mail_msg *m, size_t pos, size_t le)
{
    lk_mail_field *f;
    const char *c;
    size_t n;
    f = lk_array_grow(m->fields, &m->cap, m->nfields, sizeof(*f));
    if (f == NULL)
        return LK_ENOMEM;
    m->fields = f;
    f = &m->fields[m->nfields++];
    f->start = pos;
    f->end = le;
    c = memchr(m->data + pos, ':', le - pos);
    f->colon = c ? (size_t)(c - m->data) : le;
    n = f->colon - pos;
    while (n > 0 && msg_wsp(m->data[pos + n - 1]))
        n--;
    f->name_len = c ? n : 0;
    return 0;
}

int lk_mail__header_parse(lk_mail_msg *m, size_t max_header,
                          size_t max_line)
{
    size_t pos = 0;
    m->nfields = 0;
    m->body = m->len;
    m->limit = 0;
    while (pos < m->len) {
        size_t le, next = lk_mail__line(m->data, pos, m->len, m->lf, &le);
        if (le == pos) { /* the empty line */
            m->body = next;
            return 0;
        }
        if (next > max_header) {
            m->limit |= LK_MAIL_LIMIT_HEADER;
            return 0;
        }
        if (le - pos > max_line)
            m->limit |= LK_MAIL_LIMIT_LINE;
        if (msg_wsp(m->data[pos]) && m->nfields > 0) {
            m->fields[m->nfields - 1].end = le;
        } else {
            if (m->nfields >= LK_MAIL_MAX_FIELDS) {
                m->limit |= LK_MAIL_LIMIT_FIELDS;
                return 0;
            }
            if (msg_field_add(m, pos, le) < 0)
                return LK_ENOMEM;
        }
        pos = next;
    }
    return 0;
}

void lk_mail__msg_dispose(lk_mail_msg *m)
{
    lk_free(m->fields);
    m->fields = NULL;
    m->cap = m->nfields = 0;
}

int lk_mail__quoted_from(const char *d, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && d[i] == '>')
        i++;
    return i > a && b - i >= 5 && memcmp(d + i, "From ", 5) == 0;
}

int lk_mail__field_is(const lk_mail_msg *m, const lk_mail_field *f,
                      const char *name, size_t n)
{
    return f->name_len == n &&
           strncasecmp(m->data + f->start, name, n) == 0;
}

size_t lk_mail__field_value(const lk_mail_msg *m, const char *name,
                            char *out, size_t cap)
{
    size_t j, n = strlen(name), len = 0;
    for (j = 0; j < m->nfields; j++) {
        const lk_mail_field *f = &m->fields[j];
        size_t p;
        if (!lk_mail__field_is(m, f, name, n))
            continue;
        for (p = f->colon + 1; p < f->end && len + 1 < cap; p++) {
            char c = m->data[p];
            if (c == '\r' || c == '\n')
                continue;
            if (c == '\t')
                c = ' ';
            if (c == ' ' && (len == 0 || out[len - 1] == ' '))
                continue;
            out[len++] = c;
        }
        while (len > 0 && out[len - 1] == ' ')
            len--;
        break;
    }
    out[len] = '\0';
    return len;
}
