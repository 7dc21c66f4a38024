/*
 * dkim.h: verifying every DKIM signature of one message under one
 * transformation: body hash, header hash, every record of the key
 * history tried, and the message's verdict.
 */
#ifndef LK_MAIL_DKIM_H
#define LK_MAIL_DKIM_H

#include <stddef.h>

#include "dns.h"
#include "leaklaw/mail.h"
#include "msg.h"
#include "sig.h"

/* The signatures of one message and its verdict. */
typedef struct lk_mail_eval {
    lk_mail_sig *sig;  /* signatures (caller's scratch) */
    unsigned cap;      /* entries of sig */
    int nsig;          /* number used */
    int verdict;       /* LK_MAIL_V_* */
    int limit;         /* LK_MAIL_LIMIT_* */
    int transform;     /* LK_MAIL_T_* */
} lk_mail_eval;

/* A verifier's digests and scratch; one per thread. */
typedef struct lk_mail_dkim lk_mail_dkim;

/*
 * A verifier; "dns" (may be NULL) serves keys missing from the archive.
 * Returns 0, LK_ENOMEM or LK_ERROR (OpenSSL cannot provide a digest).
 * Owned by caller: release with lk_mail__dkim_free.
 */
int lk_mail__dkim_new(lk_mail_dkim **out, lk_mail_dns *dns);

/* Free "d"; NULL is allowed. */
void lk_mail__dkim_free(lk_mail_dkim *d);

/*
 * Parse the header of "m" under the limits of "o" and verify each of its
 * signatures (at most ev->cap) into "ev" (transform is left to the
 * caller). Returns 0, LK_ENOMEM or LK_ERROR (OpenSSL failed).
 */
int lk_mail__dkim_eval(lk_mail_dkim *d, const lk_mail_options *o,
                       lk_mail_msg *m, lk_mail_eval *ev);

/* The SHA-256 of "len" bytes of "data" as hex into "hex", with the
 * verifier's digest. Returns 0 or LK_ERROR. */
int lk_mail__dkim_sha256(lk_mail_dkim *d, const char *data, size_t len,
                         char hex[65]);

#endif
