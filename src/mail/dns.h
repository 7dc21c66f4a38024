/*
 * dns.h: keys fetched over live DNS (only with LK_MAIL_DNS), cached per
 * name for the whole run and listed in the manifest.
 */
#ifndef LK_MAIL_DNS_H
#define LK_MAIL_DNS_H

#include <stddef.h>

#include "keys.h"

typedef struct lk_mail_dnsname {
    char *name;           /* the name queried */
    lk_mail_key *keys;    /* its TXT records, parsed (name borrowed) */
    size_t n;             /* number of records */
} lk_mail_dnsname;

typedef struct lk_mail_dns lk_mail_dns;

/* An empty cache. Returns 0, LK_ENOMEM or LK_ERROR (lock).
 * Owned by caller: release with lk_mail__dns_free. */
int lk_mail__dns_new(lk_mail_dns **out);

/* Free "d" and its records; NULL is allowed. */
void lk_mail__dns_free(lk_mail_dns *d);

/*
 * The TXT records of "name", fetched on first use and cached; thread-safe:
 * "*count" records from "*out", which is NULL when there are none (no
 * answer is not an error). Returns 0, LK_ENOMEM or LK_ERROR (lock).
 * Borrowed: valid until lk_mail__dns_free.
 */
int lk_mail__dns_find(const lk_mail_key **out, size_t *count,
                      lk_mail_dns *d, const char *name);

/* The names looked up so far, in lookup order ("*out"); their number.
 * Borrowed: valid until lk_mail__dns_free. */
size_t lk_mail__dns_names(lk_mail_dns *d, const lk_mail_dnsname **out);

#endif
