/*
 * techniques.h (internal): loading the ATT&CK technique index and the
 * intrusiveness table. The look-ups (lk_law__technique_known,
 * lk_law__attack_method) are declared in law.h.
 */
#ifndef LK_LIB_TECHNIQUES_H
#define LK_LIB_TECHNIQUES_H

#include "law.h"

/* Read DATADIR/attack/techniques.tsv. LK_EIO, LK_ETOOBIG, LK_ENOMEM. */
int lk_techniques__load(lk_law *law, lk_error *err);

/* Read the intrusiveness file "doc" (after the technique index).
 * LK_EINVALID, LK_ENOMEM. */
int lk_techniques__load_intrusiveness(lk_law *law, const lk_doc *doc,
                                      lk_error *err);

#endif
