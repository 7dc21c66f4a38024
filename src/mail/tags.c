/*
 * mail_tags.c: the DKIM tag=value list (RFC 6376 §3.2) shared by
 * signatures and key records, and a whitespace-tolerant base64 decoder.
 */
#include <pthread.h>
#include <string.h>

#include "mail_int.h"

static int tags_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int tags_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int tags_is_namechar(char c)
{
    return tags_is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

int lk_mail__tags_parse(lk_mail_taglist *out, const char *s, size_t n,
                        const char **why)
{
    size_t i = 0;
    out->n = 0;
    *why = NULL;
    while (i < n) {
        size_t ns, ne, vs, ve, end;
        int k;
        while (i < n && tags_is_space(s[i]))
            i++;
        if (i < n && s[i] == ';') { /* empty tag-spec: tolerated */
            i++;
            continue;
        }
        if (i >= n)
            break;
        ns = i;
        if (!tags_is_alpha(s[i])) {
            *why = "tag name must start with a letter";
            return LK_EINVALID;
        }
        while (i < n && tags_is_namechar(s[i]))
            i++;
        ne = i;
        while (i < n && tags_is_space(s[i]))
            i++;
        if (i >= n || s[i] != '=') {
            *why = "tag without '='";
            return LK_EINVALID;
        }
        i++;
        end = i;
        while (end < n && s[end] != ';')
            end++;
        vs = i;
        while (vs < end && tags_is_space(s[vs]))
            vs++;
        ve = end;
        while (ve > vs && tags_is_space(s[ve - 1]))
            ve--;
        for (k = 0; k < out->n; k++) {
            if (out->tag[k].name_len == ne - ns &&
                memcmp(out->tag[k].name, s + ns, ne - ns) == 0) {
                *why = "duplicate tag";
                return LK_EINVALID;
            }
        }
        if (out->n >= LK_MAIL_MAX_TAGS) {
            *why = "too many tags";
            return LK_EINVALID;
        }
        out->tag[out->n].name = s + ns;
        out->tag[out->n].name_len = ne - ns;
        out->tag[out->n].value = s + vs;
        out->tag[out->n].value_len = ve - vs;
        out->tag[out->n].raw_start = i;
        out->tag[out->n].raw_end = end;
        out->n++;
        i = end < n ? end + 1 : end;
    }
    return 0;
}

const lk_mail_tag *lk_mail__tags_get(const lk_mail_taglist *tl,
                                     const char *name)
{
    size_t len = strlen(name);
    int k;
    for (k = 0; k < tl->n; k++)
        if (tl->tag[k].name_len == len &&
            memcmp(tl->tag[k].name, name, len) == 0)
            return &tl->tag[k];
    return NULL;
}

static int tags_b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

/* 0-63: base64 digit, 64: whitespace, 65: '=', 66: invalid. */
static unsigned char tags_b64_table[256];

static void tags_b64_init(void)
{
    int c;
    for (c = 0; c < 256; c++) {
        int v = tags_b64_value((unsigned char)c);
        tags_b64_table[c] = (unsigned char)(v >= 0 ? v : 66);
    }
    tags_b64_table[' '] = tags_b64_table['\t'] = 64;
    tags_b64_table['\r'] = tags_b64_table['\n'] = 64;
    tags_b64_table['='] = 65;
}

long lk_mail__base64(unsigned char *out, size_t cap, const char *s, size_t n)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    unsigned long acc = 0;
    size_t i, len = 0;
    int bits = 0, pad = 0;
    pthread_once(&once, tags_b64_init);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int v = tags_b64_table[c];
        if (v == 64)
            continue;
        if (v == 65) {
            pad++;
            continue;
        }
        if (v == 66)
            v = -1;
        if (v < 0 || pad)
            return -1; /* bad character, or data after padding */
        acc = (acc << 6) | (unsigned long)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (len >= cap)
                return -1;
            out[len++] = (unsigned char)(acc >> bits);
            acc &= (1ul << bits) - 1;
        }
    }
    if (pad > 2 || bits >= 6)
        return -1;
    return (long)len;
}
