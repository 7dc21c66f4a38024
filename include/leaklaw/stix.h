/*
 * leaklaw/stix.h: STIX 2.1 interchange. The export part writes assessed
 * cases as a STIX 2.1 bundle (docs/formats.md, "STIX export"); the import
 * part, when present, reads STIX bundles into case files.
 */
#ifndef LEAKLAW_STIX_H
#define LEAKLAW_STIX_H

#include <stddef.h>

#include "assess.h"
#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

/* ==== export ======================================================== */

/** Options of lk_stix_export. */
typedef struct lk_stix_export_options {
    unsigned int version; /* LK_STIX_EXPORT_OPTIONS_VERSION */
    const char *date;     /* "created"/"modified" of every object:
                             YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.sss]Z; NULL:
                             each case's facts date (lk_case_facts_date),
                             else 1970-01-01T00:00:00.000Z */
} lk_stix_export_options;

#define LK_STIX_EXPORT_OPTIONS_VERSION 1
#define LK_STIX_EXPORT_OPTIONS_INIT {LK_STIX_EXPORT_OPTIONS_VERSION, NULL}

/**
 * Write the "n" assessments of "as" as one STIX 2.1 bundle: per case an
 * incident, its actor (threat-actor, attributed-to the State's identity),
 * its targets (identity, location), its ATT&CK techniques (attack-pattern)
 * and a note carrying the assessment through the leaklaw extension. Ids
 * are name-based UUIDs of the case id and the object's role, so the same
 * input always gives the same bytes.
 *
 * @param out [out] the bundle as JSON text, NUL-terminated
 * @param len [out] its length, or NULL
 * @return 0; LK_EINVALID (a bad date, "n" 0); LK_ENOMEM.
 *         Owned by caller: release with lk_stix_free.
 */
LK_EXTERN(int) lk_stix_export(char **out, size_t *len,
                              const lk_assessment *const *as, size_t n,
                              const lk_stix_export_options *opts,
                              lk_error *err);

/** DESTRUCTOR: free a text of lk_stix_export. NULL is allowed. */
LK_EXTERN(void) lk_stix_free(char *text);

/* ==== end of export ================================================= */

LK_END_DECL

#endif
