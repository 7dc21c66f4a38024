/*
 * outcome.h: the vocabulary of a verification (message verdicts,
 * signature results, transformations) and the per-message outcome the
 * run's totals are built from, beside the record.
 */
#ifndef LK_MAIL_OUTCOME_H
#define LK_MAIL_OUTCOME_H

/* Message verdicts and signature results, in report order. */
enum {
    LK_MAIL_V_VERIFIED,
    LK_MAIL_V_PARTIAL,
    LK_MAIL_V_ALTERED,
    LK_MAIL_V_UNVERIFIABLE,
    LK_MAIL_V_UNSIGNED,
    LK_MAIL_V_COUNT
};
extern const char *const lk_mail_verdict_names[LK_MAIL_V_COUNT];

enum {
    LK_MAIL_R_PASS,
    LK_MAIL_R_FAIL_BODY,
    LK_MAIL_R_FAIL_HEADER,
    LK_MAIL_R_NOKEY,
    LK_MAIL_R_REVOKED,
    LK_MAIL_R_MISMATCH,
    LK_MAIL_R_PERMERROR,
    LK_MAIL_R_COUNT
};
extern const char *const lk_mail_result_names[LK_MAIL_R_COUNT];

enum {
    LK_MAIL_T_NONE = 0,
    LK_MAIL_T_LF = 1,     /* lf-to-crlf */
    LK_MAIL_T_UNQUOTE = 2 /* mboxrd-unquote */
};

/* The name of transformation "t" (LK_MAIL_T_* bits) in records, or NULL
 * for none. Borrowed: static. */
const char *lk_mail__transform_name(int t);

#define LK_MAIL_SUMMARY_SIGS 4 /* signatures kept per message for totals */

/* What the run's totals need from one signature. */
typedef struct lk_mail_sigsum {
    char domain[128];  /* d= (lowercase), "" if unparsable */
    char key[300];     /* owner name of the key record used, or "" */
    unsigned key_line; /* archive line of that record, 0 if none */
    int result;        /* LK_MAIL_R_* */
    long long t;       /* t= or -1 */
} lk_mail_sigsum;

/* What the run's totals need from one message, beside its record. */
typedef struct lk_mail_outcome {
    int verdict;              /* LK_MAIL_V_* */
    int transform;            /* LK_MAIL_T_* bits */
    int limit;                /* LK_MAIL_LIMIT_* bits */
    int nsig;                 /* signatures summarised in sig[] */
    lk_mail_sigsum sig[LK_MAIL_SUMMARY_SIGS]; /* the first signatures */
    char message_id[160];     /* Message-ID, truncated, for reports */
} lk_mail_outcome;

#endif
