/*
 * totals.c: the counts of a run, kept as the records are emitted (in
 * corpus order, on the run's own thread): per verdict, per signing domain
 * and per key (sorted, found by binary search), the t= months of each key
 * and the failing messages the tamper section lists.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "array.h"
#include "date.h"
#include "error.h"
#include "msg.h"
#include "totals.h"

/* The counts of signing domain "name", added when new; NULL when out of
 * memory. */
static lk_mail_domstat *totals_dom(lk_mail_totals *r, const char *name)
{
    size_t lo = 0, hi = r->ndoms;
    lk_mail_domstat *d;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(r->doms[mid].name, name);
        if (c == 0)
            return &r->doms[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    d = lk_array_grow(r->doms, &r->cdoms, r->ndoms, sizeof(*d));
    if (d == NULL)
        return NULL;
    r->doms = d;
    memmove(&d[lo + 1], &d[lo], (r->ndoms - lo) * sizeof(*d));
    memset(&d[lo], 0, sizeof(*d));
    snprintf(d[lo].name, sizeof(d[lo].name), "%s", name);
    r->ndoms++;
    return &d[lo];
}

/* Order of key counts: by name, then archive line. */
static int totals_keycmp(const lk_mail_keystat *k, const char *name,
                      unsigned line)
{
    int c = strcmp(k->name, name);
    if (c != 0)
        return c;
    return k->line < line ? -1 : k->line > line;
}

/* The counts of key "name" at archive line "line", added when new; NULL
 * when out of memory. */
static lk_mail_keystat *totals_key(lk_mail_totals *r, const char *name,
                                unsigned line)
{
    size_t lo = 0, hi = r->nkeys;
    lk_mail_keystat *k;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = totals_keycmp(&r->keys[mid], name, line);
        if (c == 0)
            return &r->keys[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    k = lk_array_grow(r->keys, &r->ckeys, r->nkeys, sizeof(*k));
    if (k == NULL)
        return NULL;
    r->keys = k;
    memmove(&k[lo + 1], &k[lo], (r->nkeys - lo) * sizeof(*k));
    memset(&k[lo], 0, sizeof(*k));
    snprintf(k[lo].name, sizeof(k[lo].name), "%s", name);
    k[lo].line = line;
    k[lo].tmin = k[lo].tmax = -1;
    r->nkeys++;
    return &k[lo];
}

/* Count t= "t" in the month timeline of "k". Returns 0 or LK_ENOMEM. */
static int totals_month(lk_mail_keystat *k, long long t)
{
    int y, m, d, ym;
    size_t i;
    lk_mail_month *mm;
    lk_date_civil((int32_t)(t / 86400), &y, &m, &d);
    ym = y * 100 + m;
    for (i = 0; i < k->nmonths && k->months[i].ym < ym; i++)
        ;
    if (i < k->nmonths && k->months[i].ym == ym) {
        k->months[i].n++;
        return 0;
    }
    if (k->nmonths >= 1200)
        return 0; /* a century of months is enough for a timeline */
    mm = lk_realloc(k->months, (k->nmonths + 1) * sizeof(*mm));
    if (mm == NULL)
        return LK_ENOMEM;
    k->months = mm;
    memmove(&mm[i + 1], &mm[i], (k->nmonths - i) * sizeof(*mm));
    mm[i].ym = ym;
    mm[i].n = 1;
    k->nmonths++;
    return 0;
}

/* Keep failing signature "s" of message "oc" for the tamper section.
 * Returns 0 or LK_ENOMEM. */
static int totals_tamper(lk_mail_totals *r, const lk_mail_outcome *oc,
                         const lk_mail_sigsum *s, size_t file,
                         long long offset)
{
    lk_mail_tamper *t;
    if (r->ntamper >= LK_MAIL_TAMPER_MAX) {
        r->tamper_dropped++;
        return 0;
    }
    t = lk_array_grow(r->tamper, &r->ctamper, r->ntamper, sizeof(*t));
    if (t == NULL)
        return LK_ENOMEM;
    r->tamper = t;
    t = &t[r->ntamper++];
    t->file = file;
    t->offset = offset;
    snprintf(t->message_id, sizeof(t->message_id), "%s", oc->message_id);
    snprintf(t->key, sizeof(t->key), "%s", s->key);
    t->line = s->key_line;
    t->result = s->result;
    return 0;
}

/* Count signature "s" of message "oc". Returns 0 or LK_ENOMEM. */
static int totals_sig(lk_mail_totals *r, const lk_mail_outcome *oc,
                      const lk_mail_sigsum *s, size_t file, long long offset)
{
    lk_mail_domstat *d = totals_dom(r, s->domain);
    lk_mail_keystat *ks = totals_key(r, s->key, s->key_line);
    if (d == NULL || ks == NULL)
        return LK_ENOMEM;
    r->results[s->result]++;
    d->r[s->result]++;
    ks->r[s->result]++;
    if (s->t >= 0) {
        if (ks->tmin < 0 || s->t < ks->tmin)
            ks->tmin = s->t;
        if (s->t > ks->tmax)
            ks->tmax = s->t;
        if (totals_month(ks, s->t) < 0)
            return LK_ENOMEM;
    }
    /* a message whose signatures were not all checked is no tamper
     * signal: what was not read cannot be said to have changed */
    if ((s->result == LK_MAIL_R_FAIL_BODY ||
         s->result == LK_MAIL_R_FAIL_HEADER) &&
        s->key_line > 0 && !(oc->limit & LK_MAIL_LIMIT_UNCHECKED))
        return totals_tamper(r, oc, s, file, offset);
    return 0;
}

int lk_mail__totals_add(lk_mail_totals *r, const lk_mail_outcome *oc,
                        size_t file, long long offset)
{
    int k, error;
    r->messages++;
    r->verdicts[oc->verdict]++;
    r->transforms[oc->transform & 3]++;
    for (k = 0; k < 4; k++)
        if (oc->limit & (1 << k))
            r->limits[k]++;
    r->files[file].messages++;
    for (k = 0; k < oc->nsig; k++) {
        error = totals_sig(r, oc, &oc->sig[k], file, offset);
        if (error < 0)
            return error;
    }
    return 0;
}

int lk_mail__totals_file(lk_mail_totals *t, const char *path,
                         unsigned long long bytes, size_t *idx)
{
    lk_mail_filestat *f;
    f = lk_array_grow(t->files, &t->cfiles, t->nfiles, sizeof(*f));
    if (f == NULL)
        return LK_ENOMEM;
    t->files = f;
    f = &t->files[t->nfiles];
    memset(f, 0, sizeof(*f));
    f->path = lk_strdup(path);
    if (f->path == NULL)
        return LK_ENOMEM;
    f->bytes = bytes;
    *idx = t->nfiles++;
    return 0;
}

int lk_mail__totals_skip(lk_mail_totals *t, const char *path,
                         const char *reason)
{
    lk_mail_skip *s;
    s = lk_array_grow(t->skipped, &t->cskipped, t->nskipped, sizeof(*s));
    if (s == NULL)
        return LK_ENOMEM;
    t->skipped = s;
    s = &s[t->nskipped];
    s->path = lk_strdup(path);
    s->reason = lk_strdup(reason);
    if (s->path == NULL || s->reason == NULL) {
        lk_free(s->path);
        lk_free(s->reason);
        return LK_ENOMEM;
    }
    t->nskipped++;
    return 0;
}

void lk_mail__totals_dispose(lk_mail_totals *t)
{
    size_t i;
    for (i = 0; i < t->nskipped; i++) {
        lk_free(t->skipped[i].path);
        lk_free(t->skipped[i].reason);
    }
    lk_free(t->skipped);
    for (i = 0; i < t->nfiles; i++)
        lk_free(t->files[i].path);
    for (i = 0; i < t->nkeys; i++)
        lk_free(t->keys[i].months);
    lk_free(t->files);
    lk_free(t->doms);
    lk_free(t->keys);
    lk_free(t->tamper);
    memset(t, 0, sizeof(*t));
}
