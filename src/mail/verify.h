/*
 * verify.h: one message from bytes to record: its SHA-256, the
 * transformations tried (as found, LF line ends, mboxrd unquoting), the
 * record of the attempt reported and its outcome for the totals.
 */
#ifndef LK_MAIL_VERIFY_H
#define LK_MAIL_VERIFY_H

#include <stddef.h>

#include "buf.h"
#include "dns.h"
#include "leaklaw/mail.h"
#include "outcome.h"
#include "record.h"

/* Per-thread scratch of the verifier. */
typedef struct lk_mail_worker lk_mail_worker;

/*
 * A verifier; "dns" (may be NULL) serves keys missing from the archive.
 * Returns 0, LK_ENOMEM or LK_ERROR (OpenSSL).
 * Owned by caller: release with lk_mail__worker_free.
 */
int lk_mail__worker_new(lk_mail_worker **out, lk_mail_dns *dns);

/* Free "w"; NULL is allowed. */
void lk_mail__worker_free(lk_mail_worker *w);

/*
 * Verify one message of "len" bytes and append its record to "rec" in
 * "opts"' format; fill "oc". Returns 0, LK_ENOMEM, LK_ETOOBIG (record
 * too large) or LK_ERROR (OpenSSL failed).
 */
int lk_mail__verify(lk_mail_worker *w, const lk_mail_options *opts,
                    const lk_mail_source *src, const char *data,
                    size_t len, lk_buf *rec, lk_mail_outcome *oc);

#endif
