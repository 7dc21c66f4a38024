/*
 * date.h: calendar dates as day numbers (days since 1970-01-01).
 */
#ifndef LK_UTIL_DATE_H
#define LK_UTIL_DATE_H

#include <stdint.h>

/* Parse "YYYY-MM-DD" into days since 1970-01-01. 0 or LK_EINVALID. */
int lk_date_parse(const char *s, int32_t *days);

/* The civil date of "days" since 1970-01-01. Cannot fail. */
void lk_date_civil(int32_t days, int *y, int *m, int *d);

#endif
