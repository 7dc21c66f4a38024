/*
 * record.h: writing one message's verification record (DESIGN §3.3) as a
 * JSON line or a CSV row, and the outcome the run's totals keep of it.
 */
#ifndef LK_MAIL_RECORD_H
#define LK_MAIL_RECORD_H

#include "buf.h"
#include "dkim.h"
#include "leaklaw/mail.h"
#include "msg.h"
#include "outcome.h"

/* Where a message came from, for its record. */
typedef struct lk_mail_source {
    const char *file;     /* file name as given */
    long long offset;     /* byte offset of the mbox From_ line, or -1 */
    int mbox;             /* 1 if from an mbox (mboxrd unquoting tried) */
} lk_mail_source;

/*
 * Append the record of message "m" (its fields parsed), found at "src"
 * with SHA-256 "sha", verified into "ev", to "b" in o->record_format.
 * Errors are recorded in "b" (see lk_buf).
 */
void lk_mail__record_write(lk_buf *b, const lk_mail_options *o,
                           const lk_mail_source *src, const char *sha,
                           const lk_mail_msg *m, const lk_mail_eval *ev);

/* Fill "oc" from message "m" verified into "ev". Cannot fail. */
void lk_mail__record_outcome(lk_mail_outcome *oc, const lk_mail_msg *m,
                             const lk_mail_eval *ev);

#endif
