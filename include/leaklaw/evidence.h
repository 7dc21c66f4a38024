/*
 * leaklaw/evidence.h: attaching the results of other tools to a case's
 * evidence[] (DESIGN §3.1): today the summary of a mail verification run,
 * as "leaklaw mail verify --case" and the HTTP server do it.
 */
#ifndef LEAKLAW_EVIDENCE_H
#define LEAKLAW_EVIDENCE_H

#include "case.h"
#include "common.h"
#include "errors.h"
#include "mail.h"

LK_BEGIN_DECL

/**
 * Add the evidence summary of mail verification "run" to the JSON case
 * text "case_text" as an evidence[] item of kind "mail-verification" with
 * reference "ref", replacing an earlier mail-verification item with the
 * same reference (a rerun over the same corpus), and return the new case
 * text: the case's members in their order, indented by two spaces, with a
 * final newline. The result is validated as a case before it is returned,
 * so it always loads again.
 *
 * @param out       [out] the new case text, NUL-terminated
 * @param len_out   [out] its length, may be NULL
 * @param case_name the case's file name, for diagnostics
 * @param case_text the case, JSON (YAML is not accepted)
 * @param case_len  bytes of case_text
 * @param run       a finished run (borrowed)
 * @param ref       the item's reference, e.g. the command that made it
 * @param cb        receives each diagnostic of the validation, may be NULL
 * @param payload   passed to cb
 * @param err       error detail, may be NULL
 * @return 0; LK_EINVALID when "case_text" is not a JSON object or the
 *         result would not be a valid case; LK_ENOMEM. On error "*out" is
 *         untouched. Owned by caller: release with lk_evidence_free.
 *         Thread-safe for distinct arguments.
 */
LK_EXTERN(int) lk_evidence_attach_mail(char **out, size_t *len_out,
                                       const char *case_name,
                                       const char *case_text,
                                       size_t case_len,
                                       const lk_mail_run *run,
                                       const char *ref, lk_diag_cb cb,
                                       void *payload, lk_error *err);

/** Free text returned by lk_evidence_attach_mail; NULL is allowed. */
LK_EXTERN(void) lk_evidence_free(char *text);

LK_END_DECL

#endif
