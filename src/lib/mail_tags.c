/*
 * mail_tags.c: the DKIM tag=value list (RFC 6376 §3.2) shared by
 * signatures and key records, and a whitespace-tolerant base64 decoder.
 */
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

long lk_mail__base64(unsigned char *out, size_t cap, const char *s, size_t n)
{
    unsigned long acc = 0;
    size_t i, len = 0;
    int bits = 0, pad = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int v;
        if (tags_is_space((char)c))
            continue;
        if (c == '=') {
            pad++;
            continue;
        }
        v = tags_b64_value(c);
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
