/*
 * totals.h: what a run counts for its summaries: inputs with their
 * digests, messages per verdict, signatures per result by signing domain
 * and by key (with the key's t= timeline), and the failing messages.
 */
#ifndef LK_MAIL_TOTALS_H
#define LK_MAIL_TOTALS_H

#include <stddef.h>

#include "outcome.h"

typedef struct lk_mail_filestat {
    char *path;                   /* as given or found in a directory */
    char sha256[65];              /* hex digest of the whole file, or "" */
    unsigned long long bytes;     /* file size */
    unsigned long long messages;  /* messages read from it */
} lk_mail_filestat;

typedef struct lk_mail_domstat {
    char name[128];                          /* d= */
    unsigned long long r[LK_MAIL_R_COUNT];   /* signatures per result */
} lk_mail_domstat;

typedef struct lk_mail_month {
    int ym;                  /* year * 100 + month of t= */
    unsigned long long n;    /* signatures with that t= month */
} lk_mail_month;

typedef struct lk_mail_keystat {
    char name[300];                          /* key owner name */
    unsigned line;                           /* archive line, 0 if none */
    unsigned long long r[LK_MAIL_R_COUNT];   /* signatures per result */
    long long tmin, tmax;                    /* t= range, -1 if none */
    lk_mail_month *months;                   /* t= timeline, by month */
    size_t nmonths;                          /* entries in months */
} lk_mail_keystat;

typedef struct lk_mail_tamper {
    size_t file;             /* index into files */
    long long offset;        /* mbox offset or -1 */
    char message_id[160];    /* Message-ID */
    char key[300];           /* key owner name */
    unsigned line;           /* archive line */
    int result;              /* fail-body or fail-header */
} lk_mail_tamper;

#define LK_MAIL_TAMPER_MAX 10000 /* failing messages kept for the report */

typedef struct lk_mail_skip {
    char *path;              /* the input or directory entry skipped */
    char *reason;            /* why, e.g. "not mail: PNG image" */
} lk_mail_skip;

/* The totals of a run; all zero is empty. */
typedef struct lk_mail_totals {
    unsigned long long messages;        /* messages verified */
    unsigned long long verdicts[LK_MAIL_V_COUNT]; /* per verdict */
    unsigned long long results[LK_MAIL_R_COUNT];  /* per signature result */
    unsigned long long transforms[4];   /* per LK_MAIL_T_* combination */
    unsigned long long limits[4];       /* per LK_MAIL_LIMIT_* bit */
    lk_mail_filestat *files;            /* inputs in order */
    size_t nfiles, cfiles;              /* used, allocated */
    lk_mail_domstat *doms;              /* sorted by name */
    size_t ndoms, cdoms;                /* used, allocated */
    lk_mail_keystat *keys;              /* sorted by name, line */
    size_t nkeys, ckeys;                /* used, allocated */
    lk_mail_tamper *tamper;             /* failing messages with a key */
    size_t ntamper, ctamper;            /* used, allocated */
    unsigned long long tamper_dropped;  /* failing messages not kept */
    lk_mail_skip *skipped;              /* inputs skipped, in order */
    size_t nskipped, cskipped;          /* used, allocated */
} lk_mail_totals;

/*
 * Add input "path" of "bytes" bytes; its index goes to "*idx". Returns 0
 * or LK_ENOMEM (nothing added).
 */
int lk_mail__totals_file(lk_mail_totals *t, const char *path,
                         unsigned long long bytes, size_t *idx);

/*
 * Count message "oc" of input "file" at mbox offset "offset" (-1 if
 * none). Returns 0 or LK_ENOMEM (the counts may then be partial).
 */
int lk_mail__totals_add(lk_mail_totals *t, const lk_mail_outcome *oc,
                        size_t file, long long offset);

/*
 * Note that input "path" was skipped because of "reason" (both copied).
 * Returns 0 or LK_ENOMEM (nothing added).
 */
int lk_mail__totals_skip(lk_mail_totals *t, const char *path,
                         const char *reason);

/* Free what the totals hold. Cannot fail. */
void lk_mail__totals_dispose(lk_mail_totals *t);

#endif
