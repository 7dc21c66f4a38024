/*
 * leaklaw/report.h: rendering an assessment as "leaklaw/assessment/1"
 * JSON (DESIGN §3.2), as a Markdown memo a legal adviser can sign, or as
 * one self-contained HTML file (no external requests) with an SVG chart
 * placing the case on intent x intrusiveness. Output is deterministic.
 */
#ifndef LEAKLAW_REPORT_H
#define LEAKLAW_REPORT_H

#include "assess.h"
#include "common.h"
#include "errors.h"
#include "knowledge.h"

LK_BEGIN_DECL

/** Output formats. */
typedef enum lk_report_format {
    LK_REPORT_JSON = 0, /* leaklaw/assessment/1 */
    LK_REPORT_MD = 1,   /* Markdown memo */
    LK_REPORT_HTML = 2, /* self-contained HTML report */
    LK_REPORT_CSV = 3,  /* one CSV row per case, for datasets */
    LK_REPORT_TEXT = 4  /* plain text (the rules listing only) */
} lk_report_format;

/** Bit flags of lk_report_render. */
#define LK_REPORT_COMPACT 0x1u    /* JSON on one line */
#define LK_REPORT_CSV_HEADER 0x2u /* CSV: the header row before the row */

/**
 * Render "a" in "format".
 *
 * @param out   [out] the text, NUL-terminated
 * @param len   [out] its length in bytes (may be NULL)
 * @param a     the assessment
 * @param format one of lk_report_format
 * @param flags LK_REPORT_* bits
 * @param err   error detail
 * The CSV row has the columns case, title, then one per lens, two per
 * element (its status, then "<id>_level", its level when it has one) and
 * one per flag of the law's model in model order, then profile,
 * rules_sha256, case_sha256, actor_state, victim_state, disclosure_date
 * and process_date (empty when unknown); it skips what-if and
 * precedents, so an assessment made without them renders the same. The
 * memo made here states no date, author or classification (see
 * lk_report_render_ext).
 *
 * @return 0; LK_ETOOBIG past 64 MiB; LK_ENOMEM; LK_EINVALID for an
 *         unknown format. Owned by caller: release with lk_report_free.
 */
LK_EXTERN(int) lk_report_render(char **out, size_t *len,
                                const lk_assessment *a,
                                lk_report_format format, unsigned flags,
                                lk_error *err);

/** Options of lk_report_render_ext. */
typedef struct lk_report_options {
    unsigned int version;       /* LK_REPORT_OPTIONS_VERSION */
    unsigned int flags;         /* LK_REPORT_* bits */
    const char *date;           /* memo: its date (YYYY-MM-DD), or NULL
                                   for "not stated" */
    const char *author;         /* memo: its author, or NULL */
    const char *classification; /* memo: a classification line, or NULL */
} lk_report_options;

#define LK_REPORT_OPTIONS_VERSION 1
#define LK_REPORT_OPTIONS_INIT {LK_REPORT_OPTIONS_VERSION, 0, NULL, NULL, NULL}

/**
 * Render "a" in "format" as lk_report_render does, with "opts" (NULL
 * for the defaults): the memo (md, html) states its date, author and
 * classification when they are given. Output depends only on "a" and
 * "opts".
 *
 * @return as lk_report_render; LK_EINVALID also for an unknown options
 *         version. Owned by caller: release with lk_report_free.
 */
LK_EXTERN(int) lk_report_render_ext(char **out, size_t *len,
                                    const lk_assessment *a,
                                    lk_report_format format,
                                    const lk_report_options *opts,
                                    lk_error *err);

/**
 * The header line of the CSV rows of assessments under "law" (what
 * LK_REPORT_CSV_HEADER puts before the first row), ending in '\n'.
 *
 * @return 0 or LK_ENOMEM. Owned by caller: release with lk_report_free.
 */
LK_EXTERN(int) lk_report_csv_header(char **out, size_t *len,
                                    const lk_law *law, lk_error *err);

/**
 * The listing of "law": every rule and intent indicator with what it
 * decides, its outcome, priority, exceptions, condition and citations.
 *
 * @param out    [out] the text, NUL-terminated
 * @param len    [out] its length in bytes (may be NULL)
 * @param format LK_REPORT_TEXT or LK_REPORT_JSON
 * @return 0; LK_EINVALID for another format; LK_ETOOBIG; LK_ENOMEM.
 *         Owned by caller: release with lk_report_free.
 */
LK_EXTERN(int) lk_report_rules(char **out, size_t *len, const lk_law *law,
                               lk_report_format format, lk_error *err);

/**
 * The State-practice report of "k": per proposition the positions that
 * affirm, deny or are silent, with their quotations and since when; the
 * proposition x party matrix; the State reactions to the library's
 * incidents and the legal notions they invoke; the positions read.
 *
 * @param format LK_REPORT_TEXT or LK_REPORT_MD (Markdown), LK_REPORT_HTML
 *               (with an SVG timeline), LK_REPORT_JSON
 *               (leaklaw/practice-report/1) or LK_REPORT_CSV (one row per
 *               stance and per reaction)
 * @return 0; LK_EINVALID for another format; LK_ETOOBIG; LK_ENOMEM.
 *         Owned by caller: release with lk_report_free.
 */
LK_EXTERN(int) lk_report_practice(char **out, size_t *len,
                                  const lk_knowledge *k,
                                  lk_report_format format, lk_error *err);

/** An incident of the library, for the State-practice report. */
typedef struct lk_practice_incident {
    const char *id;    /* the case id */
    const char *title; /* the case title */
    int disclosed;     /* 1 material was disclosed, 0 not, -1 unknown */
} lk_practice_incident;

/**
 * lk_report_practice with the library's incidents: text and HTML add a
 * section on the leak operations ("disclosed" 1): what States did and
 * said about each; JSON adds "incidents" ({case, title, disclosed,
 * reactions}). "inc" may be NULL when "ninc" is 0.
 */
LK_EXTERN(int) lk_report_practice_ext(char **out, size_t *len,
                                      const lk_knowledge *k,
                                      const lk_practice_incident *inc,
                                      size_t ninc, lk_report_format format,
                                      lk_error *err);

/**
 * lk_report_practice_ext with the incidents of "lib" (NULL: none): each
 * case's id, title and whether it states a disclosure
 * ("/disclosure/status" other than "none").
 */
LK_EXTERN(int) lk_report_practice_library(char **out, size_t *len,
                                          const lk_knowledge *k,
                                          const lk_library *lib,
                                          lk_report_format format,
                                          lk_error *err);

/**
 * One case under several profiles: "as" holds "n" assessments of the
 * same case, each under its own law (profile); the first is the one the
 * others are compared with. The verdict of each lens side by side and,
 * for each profile whose verdicts differ, the targets whose result
 * changed and the rules that give a reason under one and not the other.
 *
 * @param format LK_REPORT_TEXT or LK_REPORT_MD (Markdown), LK_REPORT_HTML,
 *               LK_REPORT_JSON (leaklaw/profile-comparison/1) or
 *               LK_REPORT_CSV (case, profile, one column per lens)
 * @param flags  LK_REPORT_CSV_HEADER: the CSV header row first
 * @return 0; LK_EINVALID for another format or n 0; LK_ETOOBIG;
 *         LK_ENOMEM. Owned by caller: release with lk_report_free.
 */
LK_EXTERN(int) lk_report_compare(char **out, size_t *len,
                                 const lk_assessment *const *as, size_t n,
                                 lk_report_format format, unsigned flags,
                                 lk_error *err);

/** Free text returned by lk_report_render. NULL is allowed. */
LK_EXTERN(void) lk_report_free(char *text);

/**
 * Parse a format name ("json", "md", "html") into "*out".
 * @return 0 or LK_ENOTFOUND.
 */
LK_EXTERN(int) lk_report_format_parse(lk_report_format *out,
                                      const char *name);

LK_END_DECL

#endif
