/*
 * run.h: the narrow view of a finished run that its summaries read: the
 * options it ran with, its totals and the live DNS answers it used. The
 * run itself knows nothing of summaries.
 */
#ifndef LK_MAIL_RUN_H
#define LK_MAIL_RUN_H

#include "dns.h"
#include "leaklaw/mail.h"
#include "totals.h"

/* The run's options (keys_path filled in). Borrowed: valid until
 * lk_mail_run_free. */
const lk_mail_options *lk_mail__run_options(const lk_mail_run *run);

/* The run's totals. Borrowed: valid until lk_mail_run_free. */
const lk_mail_totals *lk_mail__run_totals(const lk_mail_run *run);

/* The run's live DNS cache, NULL when LK_MAIL_DNS is off. Borrowed:
 * valid until lk_mail_run_free. */
lk_mail_dns *lk_mail__run_dns(const lk_mail_run *run);

/* Read streams in pieces of about "bytes" (tests and fuzzing use small
 * pieces to cut an mbox often). Cannot fail. */
void lk_mail__run_set_piece(lk_mail_run *run, size_t bytes);

/*
 * Verify the "len" bytes of "data" named "name" as a stream compressed
 * with "z" (LK_MAIL_Z_*), in pieces, as standard input or a compressed
 * file would be read. Returns as lk_mail_run_add_path.
 */
int lk_mail__run_add_stream(lk_mail_run *run, const char *name,
                            const char *data, size_t len, int z,
                            lk_error *err);

#endif
