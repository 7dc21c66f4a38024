/*
 * canon.c: DKIM canonicalization (RFC 6376 §3.4) streamed into a digest.
 * Relaxed bodies take a fast path: most lines need no change and are
 * copied whole once an eight-bytes-at-a-time scan has checked them.
 */
#include <stdint.h>
#include <string.h>

#include "canon.h"
#include "error.h"

static int canon_wsp(char c)
{
    return c == ' ' || c == '\t';
}

void lk_mail__sink_init(lk_mail_sink *s, EVP_MD_CTX *md,
                        unsigned long long limit)
{
    s->md = md;
    s->total = 0;
    s->limit = limit;
    s->n = 0;
    s->error = 0;
}

/* Feed "n" bytes of "p" to the digest, remembering a failure. */
static void sink_update(lk_mail_sink *s, const void *p, size_t n)
{
    if (EVP_DigestUpdate(s->md, p, n) != 1)
        s->error = LK_ERROR;
}

int lk_mail__sink_flush(lk_mail_sink *s)
{
    if (s->n)
        sink_update(s, s->buf, s->n);
    s->n = 0;
    return s->error;
}

/* Append "n" bytes of "p", hashing no more than the limit allows. */
static void sink_put(lk_mail_sink *s, const char *p, size_t n)
{
    size_t take = n;
    if (s->total >= s->limit)
        take = 0;
    else if (s->limit - s->total < n)
        take = (size_t)(s->limit - s->total);
    s->total += n;
    if (take > sizeof(s->buf) - s->n) {
        lk_mail__sink_flush(s);
        if (take >= sizeof(s->buf)) {
            sink_update(s, p, take);
            return;
        }
    }
    memcpy(s->buf + s->n, p, take);
    s->n += take;
}

/* Append line content [a, b) relaxed: WSP runs become one SP, trailing
 * WSP goes; "*ws" carries a pending blank across lines and "*started"
 * 0 drops leading WSP (header values). */
static void sink_relaxed(lk_mail_sink *s, const char *d, size_t a,
                         size_t b, int *ws, int *started)
{
    size_t i = a;
    if (s->limit == ~0ull && b - a < sizeof(s->buf)) {
        /* fast path, no l= to honour: compress straight into the buffer
         * (a line never grows: each space written replaces a blank) */
        unsigned char *o, *o0;
        int w = *ws, st = *started;
        if (sizeof(s->buf) - s->n < b - a + 1)
            lk_mail__sink_flush(s);
        o = o0 = s->buf + s->n;
        for (; i < b; i++) {
            unsigned char c = (unsigned char)d[i];
            if (c == ' ' || c == '\t') {
                w = 1;
                continue;
            }
            if (w && st)
                *o++ = ' ';
            *o++ = c;
            w = 0;
            st = 1;
        }
        s->n += (size_t)(o - o0);
        s->total += (size_t)(o - o0);
        *ws = w;
        *started = st;
        return;
    }
    while (i < b) {
        size_t j = i;
        if (canon_wsp(d[i])) {
            while (i < b && canon_wsp(d[i]))
                i++;
            *ws = 1;
            continue;
        }
        while (j < b && !canon_wsp(d[j]))
            j++;
        if (*ws && *started)
            sink_put(s, " ", 1);
        sink_put(s, d + i, j - i);
        *ws = 0;
        *started = 1;
        i = j;
    }
}

/* High bit of each byte of "v" that is zero, exactly (no false hits). */
static uint64_t canon_zero_bytes(uint64_t v)
{
    const uint64_t lo7 = 0x7f7f7f7f7f7f7f7full;
    return ~(((v & lo7) + lo7) | v | lo7);
}

/*
 * Is the body line [a, b) (trailing blanks already gone) unchanged by
 * relaxed canonicalization: no tab and no two blanks in a row? Most lines
 * are, and copying them whole is several times faster. Eight bytes at a
 * time: this check runs over every byte of every relaxed body.
 */
static int canon_plain(const char *d, size_t a, size_t b)
{
    const uint64_t sp = 0x2020202020202020ull, tab = 0x0909090909090909ull;
    uint64_t carry = 0; /* the previous word ended with a blank */
    size_t i = a;
    for (; i + 8 <= b; i += 8) {
        uint64_t v, z;
        memcpy(&v, d + i, 8);
        if (canon_zero_bytes(v ^ tab))
            return 0;
        z = canon_zero_bytes(v ^ sp);
        /* little- or big-endian, a pair shows in z & (z >> 8) or
         * z & (z << 8); checking both is exact as each flags a real pair */
        if ((z & (z >> 8)) || (z & (z << 8)))
            return 0;
        if (carry && (d[i] == ' '))
            return 0;
        carry = d[i + 7] == ' ';
    }
    for (; i < b; i++) {
        char c = d[i];
        if (c == '\t' || (c == ' ' && ((i > a && d[i - 1] == ' ') ||
                                        (i + 1 < b && d[i + 1] == ' '))))
            return 0;
    }
    return 1;
}

void lk_mail__canon_body(const lk_mail_msg *m, int relaxed,
                         lk_mail_sink *s)
{
    const char *d = m->data;
    size_t pos = m->body;
    unsigned long long pending = 0;
    int any = 0;
    while (pos < m->len) {
        size_t le, next = lk_mail__line(d, pos, m->len, m->lf, &le);
        size_t a = pos, e = le;
        if (m->unquote && lk_mail__quoted_from(d, a, e))
            a++;
        if (relaxed)
            while (e > a && canon_wsp(d[e - 1]))
                e--;
        if (e == a) {
            pending++;
        } else {
            int ws = 0, started = 1;
            for (; pending > 0; pending--)
                sink_put(s, "\r\n", 2);
            if (relaxed && !canon_plain(d, a, e))
                sink_relaxed(s, d, a, e, &ws, &started);
            else
                sink_put(s, d + a, e - a);
            sink_put(s, "\r\n", 2);
            any = 1;
        }
        pos = next;
    }
    if (!any && !relaxed)
        sink_put(s, "\r\n", 2);
}

void lk_mail__canon_header(lk_mail_sink *s, const char *d, size_t start,
                           size_t end, size_t name_len, size_t colon, int lf,
                           int relaxed, int crlf)
{
    size_t pos;
    if (!relaxed) {
        pos = start;
        while (pos < end) {
            size_t le, next = lk_mail__line(d, pos, end, lf, &le);
            sink_put(s, d + pos, le - pos);
            if (next < end || (next == end && le < end))
                sink_put(s, "\r\n", 2);
            pos = next;
        }
    } else {
        char lower[64];
        size_t i = 0, k;
        int ws = 0, started = 0;
        while (i < name_len) {
            k = 0;
            while (i < name_len && k < sizeof(lower)) {
                char c = d[start + i++];
                lower[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            sink_put(s, lower, k);
        }
        sink_put(s, ":", 1);
        pos = colon < end ? colon + 1 : end;
        while (pos < end) {
            size_t le, next = lk_mail__line(d, pos, end, lf, &le);
            sink_relaxed(s, d, pos, le, &ws, &started);
            if (next > le) /* a folding line break counts as WSP */
                ws = 1;
            pos = next;
        }
    }
    if (crlf)
        sink_put(s, "\r\n", 2);
}
