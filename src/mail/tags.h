/*
 * tags.h: the DKIM tag=value list (RFC 6376 §3.2) shared by signatures and
 * key records. Parsing never copies: tags point into the input.
 */
#ifndef LK_MAIL_TAGS_H
#define LK_MAIL_TAGS_H

#include <stddef.h>

#define LK_MAIL_MAX_TAGS 32 /* tags per signature or key record */

typedef struct lk_mail_tag {
    const char *name;  /* tag name, not NUL-terminated */
    size_t name_len;   /* bytes of name */
    const char *value; /* value without surrounding whitespace */
    size_t value_len;  /* bytes of value */
    size_t raw_start;  /* offset of the byte after '=' in the input */
    size_t raw_end;    /* offset of the ';' ending the value, or the end */
} lk_mail_tag;

typedef struct lk_mail_taglist {
    lk_mail_tag tag[LK_MAIL_MAX_TAGS]; /* tags in input order */
    int n;                             /* number of tags */
} lk_mail_taglist;

/*
 * Parse "n" bytes of "s" as a tag list. Whitespace, CR and LF around
 * names and values are ignored. Returns 0 or LK_EINVALID (bad name, no
 * '=', duplicate tag, too many tags) with "*why" set to a static reason.
 */
int lk_mail__tags_parse(lk_mail_taglist *out, const char *s, size_t n,
                        const char **why);

/* The tag named "name", or NULL. Borrowed: points into "tl". */
const lk_mail_tag *lk_mail__tags_get(const lk_mail_taglist *tl,
                                     const char *name);

#endif
