/*
 * stamp.c: verification times: the --at forms a run accepts (Unix
 * seconds, a date, a UTC date and time) and the one form summaries print.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "error.h"
#include "leaklaw/mail.h"
#include "stamp.h"

/* Parse "HH:MM:SS" at "t" into seconds of the day. Returns 0 or
 * LK_EINVALID. */
static int stamp_clock(const char *t, long long *out)
{
    int h, mi, se;
    if (strspn(t, "0123456789:") < 8 || t[2] != ':' || t[5] != ':' ||
        strspn(t, "0123456789") != 2 || strspn(t + 3, "0123456789") != 2 ||
        strspn(t + 6, "0123456789") != 2)
        return LK_EINVALID;
    h = (t[0] - '0') * 10 + t[1] - '0';
    mi = (t[3] - '0') * 10 + t[4] - '0';
    se = (t[6] - '0') * 10 + t[7] - '0';
    if (h > 23 || mi > 59 || se > 60)
        return LK_EINVALID;
    *out = h * 3600 + mi * 60 + se;
    return 0;
}

int lk_mail_time_parse(long long *out, const char *text)
{
    size_t n = strlen(text), i;
    char date[11];
    int32_t days;
    long long secs = 0;
    if (n > 0 && n <= 18 && strspn(text, "0123456789") == n) {
        long long v = 0;
        for (i = 0; i < n; i++)
            v = v * 10 + (text[i] - '0');
        *out = v;
        return 0;
    }
    if (n < 10)
        return LK_EINVALID;
    memcpy(date, text, 10);
    date[10] = '\0';
    if (lk_date_parse(date, &days) < 0)
        return LK_EINVALID;
    if (n > 10) { /* "THH:MM:SS" and an optional "Z" */
        if (!(n == 20 || n == 19) || (text[10] != 'T' && text[10] != ' ') ||
            (n == 20 && text[19] != 'Z'))
            return LK_EINVALID;
        if (stamp_clock(text + 11, &secs) < 0)
            return LK_EINVALID;
    }
    *out = (long long)days * 86400 + secs;
    return 0;
}

void lk_mail__time_format(long long t, char buf[32])
{
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    long long rem = t - days * 86400;
    int y, m, d;
    lk_date_civil((int32_t)days, &y, &m, &d);
    snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
             (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
}
