/*
 * date.c: ISO 8601 calendar dates as days since 1970-01-01 (proleptic
 * Gregorian), shared by the case validator, the engine and the mail run.
 */
#include "date.h"

#include "leaklaw/errors.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int32_t date_days_from_civil(int y, int m, int d)
{
    int era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

int lk_date_parse(const char *s, int32_t *days)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31};
    int y, m, d, i, leap;
    for (i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return LK_EINVALID;
        } else if (s[i] < '0' || s[i] > '9') {
            return LK_EINVALID;
        }
    }
    if (s[10] != '\0')
        return LK_EINVALID;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
        (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return LK_EINVALID;
    leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return LK_EINVALID;
    *days = date_days_from_civil(y, m, d);
    return 0;
}

void lk_date_civil(int32_t z, int *y, int *m, int *d)
{
    int era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    *y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y += *m <= 2;
}
