/*
 * streq.h: equality of two strings, for the many short keys and names the
 * validator and the fact tables compare: a loop the compiler inlines,
 * where a call to strcmp costs more than the comparison.
 */
#ifndef LK_UTIL_STREQ_H
#define LK_UTIL_STREQ_H

/* 1 if strings "a" and "b" are equal, else 0. */
static inline int lk_streq(const char *a, const char *b)
{
    for (; *a == *b; a++, b++)
        if (*a == '\0')
            return 1;
    return 0;
}

#endif
