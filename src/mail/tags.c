/*
 * tags.c: the DKIM tag=value list (RFC 6376 §3.2) shared by signatures
 * and key records.
 */
#include <string.h>

#include "error.h"
#include "tags.h"

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

/* Does "tl" already hold a tag named "name" of "n" bytes? */
static int tags_has(const lk_mail_taglist *tl, const char *name, size_t n)
{
    int k;
    for (k = 0; k < tl->n; k++)
        if (tl->tag[k].name_len == n && memcmp(tl->tag[k].name, name, n) == 0)
            return 1;
    return 0;
}

int lk_mail__tags_parse(lk_mail_taglist *out, const char *s, size_t n,
                        const char **why)
{
    size_t i = 0;
    out->n = 0;
    *why = NULL;
    while (i < n) {
        size_t ns, ne, vs, ve, end;
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
        if (tags_has(out, s + ns, ne - ns)) {
            *why = "duplicate tag";
            return LK_EINVALID;
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
