/*
 * stix_identity.h (internal): loading DATADIR/stix/identity.json, how
 * `leaklaw import stix` reads a STIX identity's class and sectors. The
 * look-ups (lk_law_stix_sector, lk_law_stix_class) are declared in
 * leaklaw/law.h.
 */
#ifndef LK_LIB_STIX_IDENTITY_H
#define LK_LIB_STIX_IDENTITY_H

#include "law.h"

/* Load DATADIR/stix/identity.json (optional) into the law and check it:
 * 0, LK_EINVALID (located), LK_EIO, LK_ENOMEM. */
int lk_stix_identity__load(lk_law *law, lk_error *err);

/* Free what lk_stix_identity__load read (the rows; the strings belong to
 * the document). */
void lk_stix_identity__free(lk_law *law);

#endif
