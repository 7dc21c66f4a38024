/*
 * stamp.h: verification times as summaries print them.
 */
#ifndef LK_MAIL_STAMP_H
#define LK_MAIL_STAMP_H

/* Format Unix time "t" as "YYYY-MM-DDTHH:MM:SSZ" into "buf". Cannot
 * fail. */
void lk_mail__time_format(long long t, char buf[32]);

#endif
