/*
 * stix_in.h: internals of the STIX import (stix_in.c) that the unit tests
 * reach; the API is include/leaklaw/stix.h.
 */
#ifndef LK_INTEROP_STIX_IN_H
#define LK_INTEROP_STIX_IN_H

/* STIX 2.1 confidence "c" (0-100) as a leaklaw confidence level, on the
 * STIX 2.1 "None / Low / Med / High" scale: 0 none, 1-29 low, 30-69
 * moderate, 70-100 high. */
const char *lk_stix__level(long long c);

#endif
