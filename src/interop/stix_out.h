/*
 * stix_out.h: internals of the STIX 2.1 export (src/interop/stix_out.c),
 * for its unit tests. The public API is leaklaw/stix.h.
 */
#ifndef LK_INTEROP_STIX_OUT_H
#define LK_INTEROP_STIX_OUT_H

/*
 * The STIX timestamp (milliseconds, UTC) of "date" into "out": YYYY,
 * YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.fraction]Z.
 * Returns 0 or LK_EINVALID.
 */
int lk_stix__timestamp(const char *date, char out[32]);

#endif
