/*
 * leaklaw/stix.h: STIX 2.0 and 2.1 interchange. Import: a bundle's
 * intrusion sets (or campaigns) as draft leaklaw/case/1 cases, every fact
 * citing the STIX object it came from, with a report of what could not be
 * mapped and why. Export: assessed cases as a STIX 2.1 bundle
 * (docs/formats.md, "STIX export").
 */
#ifndef LEAKLAW_STIX_H
#define LEAKLAW_STIX_H

#include <stddef.h>

#include "assess.h"
#include "common.h"
#include "errors.h"
#include "law.h"

LK_BEGIN_DECL

/* ==== import ======================================================== */

/* ------------------------------------------------------------------ */
/* Import: STIX bundle -> leaklaw/case/1 drafts                        */
/* ------------------------------------------------------------------ */

/** Largest bundle lk_stix_import reads, in bytes. */
#define LK_STIX_MAX_BYTES (64u * 1024u * 1024u)
/** Deepest nesting of arrays and objects a bundle may have. */
#define LK_STIX_MAX_DEPTH 64
/** Most objects a bundle may hold. */
#define LK_STIX_MAX_OBJECTS 100000u
/** Most drafts (intrusion sets or campaigns) one import makes. */
#define LK_STIX_MAX_CASES 1000u

/** The drafts of one import and what could not be mapped. Opaque. */
typedef struct lk_stix_import_result lk_stix_import_result;

/** One thing that could not be mapped, and why. */
typedef struct lk_stix_note {
    const char *pointer; /* RFC 6901 pointer into the bundle, or "" */
    const char *message; /* one line of plain English */
} lk_stix_note;

/**
 * CONSTRUCTOR: read the STIX 2.0 or 2.1 bundle of "len" bytes at "data"
 * and make one draft case per intrusion set (when the bundle has none:
 * per campaign; when it has neither: per threat actor). The actor comes
 * from the attributed-to chains (threat actors, identities, located-at
 * locations), the attribution from the reports naming the group
 * (confidence mapped from STIX's 0-100 scale, basis from their authors),
 * access[] from the ATT&CK ids of the attack patterns the group and its
 * campaigns use (only ids "law"'s MITRE index lists), the victim from the
 * identities and locations targeted. Each draft's sources[] has one entry
 * per STIX object used and every fact cites its object. Every draft is
 * validated as a case against "law" before it is returned.
 *
 * @param out  [out] the result. Owned by caller: release with
 *             lk_stix_import_free.
 * @param name the bundle's name, for error messages (may be NULL)
 * @param data the bundle, JSON
 * @param len  bytes of data
 * @param law  the law whose ATT&CK index checks access[].attack
 * @param err  error detail, may be NULL
 * @return 0; LK_EINVALID when "data" is not a STIX bundle (the error
 *         names the place); LK_ETOOBIG past a limit above; LK_ENOMEM;
 *         LK_ERROR when a draft failed its own validation (a bug). On
 *         error "*out" is untouched. Thread-safe for distinct arguments.
 */
LK_EXTERN(int) lk_stix_import(lk_stix_import_result **out, const char *name,
                              const char *data, size_t len, const lk_law *law,
                              lk_error *err);

/** METHOD: number of drafts. */
LK_EXTERN(size_t) lk_stix_import_count(const lk_stix_import_result *r);

/**
 * METHOD: draft "i" as JSON text without a final newline: indented by
 * two spaces when "pretty", else on one line (for JSON Lines).
 * Borrowed: valid until lk_stix_import_free.
 */
LK_EXTERN(const char *) lk_stix_import_case(const lk_stix_import_result *r,
                                            size_t i, int pretty);

/** METHOD: number of things not mapped (see lk_stix_import_note). */
LK_EXTERN(size_t) lk_stix_import_note_count(const lk_stix_import_result *r);

/**
 * METHOD: not-mapped note "i", in bundle order. Borrowed: valid until
 * lk_stix_import_free.
 */
LK_EXTERN(lk_stix_note) lk_stix_import_note(const lk_stix_import_result *r,
                                           size_t i);

/** DESTRUCTOR: release "r". NULL is allowed. */
LK_EXTERN(void) lk_stix_import_free(lk_stix_import_result *r);

/* ------------------------------------------------------------------ */
/* Export                                                              */
/* ------------------------------------------------------------------ */

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
