/*
 * techniques.h (internal): loading the ATT&CK and DISARM technique indexes
 * and the intrusiveness table. The look-ups (lk_law__technique_known,
 * lk_law__attack_method) are declared in law.h.
 */
#ifndef LK_LIB_TECHNIQUES_H
#define LK_LIB_TECHNIQUES_H

#include "law.h"

/* Read DATADIR/attack/techniques.tsv and, when present,
 * DATADIR/disarm/techniques.tsv. LK_EINVALID, LK_EIO, LK_ETOOBIG,
 * LK_ENOMEM. */
int lk_techniques__load(lk_law *law, lk_error *err);

/* Free what lk_techniques__load read. */
void lk_techniques__free(lk_law *law);

/* Read the intrusiveness file "doc" (after the technique index).
 * LK_EINVALID, LK_ENOMEM. */
int lk_techniques__load_intrusiveness(lk_law *law, const lk_doc *doc,
                                      lk_error *err);

/* Load DATADIR/disarm/reading.json (optional) into the law, after the
 * DISARM index: 0, LK_EINVALID (located), LK_EIO, LK_ENOMEM. */
int lk_techniques__load_disarm_readings(lk_law *law, lk_error *err);

/* Fill the import_* fields of "out" for DISARM technique "id". */
void lk_techniques__disarm_reading(const lk_law *law, const char *id,
                                   lk_technique_info *out);

#endif
