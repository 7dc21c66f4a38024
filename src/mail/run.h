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

#endif
