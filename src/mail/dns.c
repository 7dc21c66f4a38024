/*
 * dns.c: live DNS for keys missing from the archive, only when the
 * caller asks (LK_MAIL_DNS): TXT records fetched once per name through
 * the thread-safe resolver, parsed like archive records, cached for the
 * run and listed in the manifest so that the run can be reproduced from
 * an archive later.
 */
#define _DEFAULT_SOURCE 1 /* res_nquery, ns_initparse */
#include <arpa/nameser.h>
#include <netinet/in.h>
#include <pthread.h>
#include <resolv.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "array.h"
#include "buf.h"
#include "dns.h"

struct lk_mail_dns {
    pthread_mutex_t mu;       /* guards everything below */
    lk_mail_dnsname *names;   /* looked-up names, in lookup order */
    size_t n, cap;            /* used, allocated */
};

int lk_mail__dns_new(lk_mail_dns **out)
{
    lk_mail_dns *d = lk_calloc(1, sizeof(*d));
    if (d == NULL)
        return LK_ENOMEM;
    if (pthread_mutex_init(&d->mu, NULL) != 0) {
        lk_free(d);
        return LK_ERROR;
    }
    *out = d;
    return 0;
}

void lk_mail__dns_free(lk_mail_dns *d)
{
    size_t i, k;
    if (d == NULL)
        return;
    for (i = 0; i < d->n; i++) {
        for (k = 0; k < d->names[i].n; k++) {
            lk_mail__key_dispose(&d->names[i].keys[k]);
            lk_free(d->names[i].keys[k].record);
        }
        lk_free(d->names[i].keys);
        lk_free(d->names[i].name);
    }
    lk_free(d->names);
    pthread_mutex_destroy(&d->mu);
    lk_free(d);
}

/* Query TXT "name"; each answer's strings concatenated into "recs". */
static int dns_query(const char *name, lk_buf *recs, size_t *count)
{
    struct __res_state st;
    unsigned char *ans = lk_malloc(65536);
    int len, i, error = 0;
    *count = 0;
    if (ans == NULL)
        return LK_ENOMEM;
    memset(&st, 0, sizeof(st));
    if (res_ninit(&st) != 0) {
        lk_free(ans);
        return LK_EIO;
    }
    len = res_nquery(&st, name, ns_c_in, ns_t_txt, ans, 65536);
    if (len >= HFIXEDSZ) {
        /* RFC 1035 §4.1: header, questions, answers */
        const unsigned char *p = ans + HFIXEDSZ, *end = ans + len;
        int qd = (ans[4] << 8) | ans[5], an = (ans[6] << 8) | ans[7], k;
        for (k = 0; k < qd && p < end; k++) {
            int sk = dn_skipname(p, end);
            if (sk < 0 || end - p < sk + QFIXEDSZ)
                goto done;
            p += sk + QFIXEDSZ;
        }
        for (i = 0; i < an && p < end; i++) {
            int sk = dn_skipname(p, end), type;
            size_t rdlen;
            const unsigned char *r, *rend;
            if (sk < 0 || end - p < sk + RRFIXEDSZ)
                break;
            p += sk;
            type = (p[0] << 8) | p[1];
            rdlen = ((size_t)p[8] << 8) | p[9];
            p += RRFIXEDSZ;
            if (rdlen > (size_t)(end - p))
                break;
            r = p;
            rend = p + rdlen;
            p = rend;
            if (type != ns_t_txt)
                continue;
            while (r < rend) { /* character-strings, length-prefixed */
                size_t sl = *r++;
                if (sl > (size_t)(rend - r))
                    break;
                lk_buf_put(recs, (const char *)r, sl);
                r += sl;
            }
            lk_buf_put(recs, "", 1); /* NUL between records */
            (*count)++;
        }
    }
done:
    res_nclose(&st);
    lk_free(ans);
    if (recs->error < 0)
        error = recs->error;
    return error;
}

/* Look up "name" (under the lock) and append it with its parsed records
 * to "d". Returns 0 or LK_ENOMEM. */
static int dns_add(lk_mail_dns *d, const char *name)
{
    lk_mail_dnsname *e;
    lk_buf recs;
    size_t i, n = 0;
    const char *p;
    int error = 0;
    e = lk_array_grow(d->names, &d->cap, d->n, sizeof(*e));
    if (e == NULL)
        return LK_ENOMEM;
    d->names = e;
    lk_buf_init(&recs, (size_t)1 << 20);
    error = dns_query(name, &recs, &n);
    if (error == LK_ENOMEM)
        goto out;
    if (error < 0)
        n = 0; /* no answer: the key is missing */
    error = 0;
    e = &d->names[d->n];
    memset(e, 0, sizeof(*e));
    e->name = lk_strdup(name);
    e->keys = n ? lk_calloc(n, sizeof(*e->keys)) : NULL;
    if (e->name == NULL || (n && e->keys == NULL)) {
        lk_free(e->name);
        lk_free(e->keys);
        error = LK_ENOMEM;
        goto out;
    }
    d->n++;
    for (i = 0, p = recs.ptr; i < n && error == 0; i++) {
        lk_mail_key *k = &e->keys[e->n];
        size_t len = strlen(p);
        k->name = e->name;
        k->record = lk_strndup(p, len);
        k->line = 0;
        k->from_dns = 1;
        p += len + 1;
        error = k->record ? lk_mail__key_parse(k, k->record, len)
                          : LK_ENOMEM;
        if (error < 0)
            lk_free(k->record);
        else
            e->n++;
    }
out:
    lk_buf_dispose(&recs);
    return error;
}

int lk_mail__dns_find(const lk_mail_key **out, size_t *count,
                      lk_mail_dns *d, const char *name)
{
    const lk_mail_dnsname *e = NULL;
    size_t i;
    int error = 0;
    *out = NULL;
    *count = 0;
    if (pthread_mutex_lock(&d->mu) != 0)
        return LK_ERROR;
    for (i = 0; i < d->n && e == NULL; i++)
        if (strcmp(d->names[i].name, name) == 0)
            e = &d->names[i];
    if (e == NULL) {
        /* looked up under the lock: one query per name, and the workers
         * wait for it rather than query the same name twice */
        error = dns_add(d, name);
        if (error == 0)
            e = &d->names[d->n - 1];
    }
    if (e != NULL && e->n > 0) {
        *out = e->keys;
        *count = e->n;
    }
    pthread_mutex_unlock(&d->mu);
    return error;
}

size_t lk_mail__dns_names(lk_mail_dns *d, const lk_mail_dnsname **out)
{
    *out = d ? d->names : NULL;
    return d ? d->n : 0;
}
