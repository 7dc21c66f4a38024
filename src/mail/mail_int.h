/*
 * mail_int.h: internals shared by the mail module's files: the DKIM
 * tag-list parser, the key archive, the message parser and verifier, the
 * mbox splitter and the run's aggregation of results.
 */
#ifndef LK_LIB_MAIL_INT_H
#define LK_LIB_MAIL_INT_H

#include <openssl/evp.h>
#include <stddef.h>

#include "array.h"
#include "buf.h"
#include "leaklaw/mail.h"

/* ---- tag lists (RFC 6376 §3.2) ------------------------------------------ */

#define LK_MAIL_MAX_TAGS 32 /* tags per signature or key record */

typedef struct lk_mail_tag {
    const char *name;  /* tag name, not NUL-terminated */
    size_t name_len;   /* bytes of name */
    const char *value; /* value without surrounding whitespace */
    size_t value_len;  /* bytes of value */
    size_t raw_start;  /* offset of the byte after '=' in the input */
    size_t raw_end;    /* offset of the ';' ending the value, or the end */
} lk_mail_tag;

typedef struct lk_mail_taglist {
    lk_mail_tag tag[LK_MAIL_MAX_TAGS]; /* tags in input order */
    int n;                             /* number of tags */
} lk_mail_taglist;

/*
 * Parse "n" bytes of "s" as a tag list. Whitespace, CR and LF around
 * names and values are ignored. Returns 0 or LK_EINVALID (bad name, no
 * '=', duplicate tag, too many tags) with "*why" set to a static reason.
 */
int lk_mail__tags_parse(lk_mail_taglist *out, const char *s, size_t n,
                        const char **why);

/* The tag named "name", or NULL. Borrowed: points into "tl". */
const lk_mail_tag *lk_mail__tags_get(const lk_mail_taglist *tl,
                                     const char *name);

/*
 * Decode base64 "s" of "n" bytes, ignoring whitespace, into "out" of
 * "cap" bytes. Returns the decoded length or -1 when invalid or too long.
 */
long lk_mail__base64(unsigned char *out, size_t cap, const char *s,
                     size_t n);

/* ---- keys ---------------------------------------------------------------- */

/* Why a key record cannot be used, as a signature result. */
enum {
    LK_MAIL_KEY_OK = 0,     /* usable */
    LK_MAIL_KEY_REVOKED,    /* empty p= */
    LK_MAIL_KEY_BAD,        /* malformed record or key data */
    LK_MAIL_KEY_UNSUPPORTED /* unknown k= */
};

enum { LK_MAIL_K_RSA = 0, LK_MAIL_K_ED25519 = 1 };

typedef struct lk_mail_key {
    char *name;           /* lowercase owner name, no trailing dot */
    char *record;         /* the TXT record, strings concatenated */
    unsigned line;        /* 1-based line of the record in the archive */
    int state;            /* LK_MAIL_KEY_* */
    const char *why;      /* static reason when state is not OK */
    int ktype;            /* LK_MAIL_K_* */
    int hash_sha1;        /* h= allows sha1 (or h= absent) */
    int hash_sha256;      /* h= allows sha256 (or h= absent) */
    int service_email;    /* s= absent, "*" or lists "email" */
    int testing;          /* t=y */
    int strict;           /* t=s: i= domain must equal d= */
    int bits;             /* RSA modulus size, 0 for Ed25519 */
    int from_dns;         /* 1: fetched by --dns, not from the archive */
    EVP_PKEY *pkey;       /* the public key, NULL unless state is OK */
} lk_mail_key;

struct lk_mail_keys {
    char *file;           /* archive name for provenance */
    char sha256[65];      /* hex digest of the archive bytes */
    lk_mail_key *keys;    /* sorted by name, then line */
    size_t n;             /* number of records */
};

/*
 * Parse one key record's text into "key" (state, flags, pkey). Never
 * fails hard: a bad record gets state LK_MAIL_KEY_BAD and a reason.
 * Returns LK_ENOMEM only.
 */
int lk_mail__key_parse(lk_mail_key *key, const char *text, size_t len);

/* Free what lk_mail__key_parse allocated in "key". */
void lk_mail__key_dispose(lk_mail_key *key);

/*
 * The records named "name" (lowercase): "*count" of them from the
 * returned pointer. Borrowed: valid until lk_mail_keys_free.
 */
const lk_mail_key *lk_mail__keys_find(const lk_mail_keys *keys,
                                      const char *name, size_t *count);

/* ---- live DNS (only with LK_MAIL_DNS) ---------------------------------- */

typedef struct lk_mail_dnsname {
    char *name;           /* the name queried */
    lk_mail_key *keys;    /* its TXT records, parsed (name borrowed) */
    size_t n;             /* number of records */
} lk_mail_dnsname;

typedef struct lk_mail_dns lk_mail_dns;

int lk_mail__dns_new(lk_mail_dns **out);
void lk_mail__dns_free(lk_mail_dns *d);

/*
 * The TXT records of "name", fetched on first use and cached; thread-safe.
 * "*count" records from the returned pointer, NULL when there are none.
 * Borrowed: valid until lk_mail__dns_free.
 */
const lk_mail_key *lk_mail__dns_find(lk_mail_dns *d, const char *name,
                                     size_t *count);

/* The names looked up so far, in lookup order ("*out"); their number. */
size_t lk_mail__dns_names(lk_mail_dns *d, const lk_mail_dnsname **out);

/* ---- messages ------------------------------------------------------------ */

typedef struct lk_mail_field {
    size_t start;    /* offset of the field's first byte */
    size_t end;      /* offset after its last line, terminator excluded */
    size_t name_len; /* bytes of the name, trailing blanks excluded */
    size_t colon;    /* offset of ':' or end when there is none */
} lk_mail_field;

/* One message as seen under one transformation. */
typedef struct lk_mail_msg {
    const char *data; /* the raw bytes */
    size_t len;       /* bytes of data */
    int lf;           /* 1: a bare LF ends a line (lf-to-crlf) */
    int unquote;      /* 1: ">From " lines lose one '>' (mboxrd) */
    lk_mail_field *fields; /* header fields in order */
    size_t nfields;        /* number of fields */
    size_t cap;            /* allocated fields */
    size_t body;           /* offset of the body, len if none */
    int limit;             /* LK_MAIL_LIMIT_* bits hit while parsing */
} lk_mail_msg;

enum {
    LK_MAIL_LIMIT_HEADER = 1, /* header block larger than the limit */
    LK_MAIL_LIMIT_LINE = 2,   /* a header line longer than the limit */
    LK_MAIL_LIMIT_SIGS = 4,   /* more signatures than the limit */
    LK_MAIL_LIMIT_FIELDS = 8  /* more header fields than the limit */
};

#define LK_MAIL_MAX_FIELDS 2000 /* header fields parsed per message */

/*
 * Split the header of "m" (data, len, lf set) into fields. Stops at the
 * limits given, recording them in m->limit. Returns 0 or LK_ENOMEM.
 */
int lk_mail__header_parse(lk_mail_msg *m, size_t max_header,
                          size_t max_line);

/* Free the field array of "m". */
void lk_mail__msg_dispose(lk_mail_msg *m);

/* ---- verification -------------------------------------------------------- */

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

#define LK_MAIL_SUMMARY_SIGS 4 /* signatures kept per message for totals */

/* What the run's totals need from one message, beside its record. */
typedef struct lk_mail_sigsum {
    char domain[128];  /* d= (lowercase), "" if unparsable */
    char key[300];     /* owner name of the key record used, or "" */
    unsigned key_line; /* archive line of that record, 0 if none */
    int result;        /* LK_MAIL_R_* */
    long long t;       /* t= or -1 */
} lk_mail_sigsum;

typedef struct lk_mail_outcome {
    int verdict;              /* LK_MAIL_V_* */
    int transform;            /* LK_MAIL_T_* bits */
    int limit;                /* LK_MAIL_LIMIT_* bits */
    int nsig;                 /* signatures summarised in sig[] */
    lk_mail_sigsum sig[LK_MAIL_SUMMARY_SIGS]; /* the first signatures */
    char message_id[160];     /* Message-ID, truncated, for reports */
} lk_mail_outcome;

/* Per-thread scratch of the verifier. */
typedef struct lk_mail_worker lk_mail_worker;

/* A verifier; "dns" (may be NULL) serves keys missing from the archive. */
int lk_mail__worker_new(lk_mail_worker **out, lk_mail_dns *dns);
void lk_mail__worker_free(lk_mail_worker *w);

/* Where a message came from, for its record. */
typedef struct lk_mail_source {
    const char *file;     /* file name as given */
    long long offset;     /* byte offset of the mbox From_ line, or -1 */
    int mbox;             /* 1 if from an mbox (mboxrd unquoting tried) */
} lk_mail_source;

/*
 * Verify one message of "len" bytes and append its record to "rec" in
 * "format"; fill "oc". Returns 0 or LK_ENOMEM/LK_ETOOBIG.
 */
int lk_mail__verify(lk_mail_worker *w, const lk_mail_options *opts,
                    const lk_mail_source *src, const char *data,
                    size_t len, lk_buf *rec, lk_mail_outcome *oc);

/* Append "s" of "n" bytes to "b" as a JSON string (invalid UTF-8 becomes
 * U+FFFD). */
void lk_mail__json_str(lk_buf *b, const char *s, size_t n);

/* ---- mbox ---------------------------------------------------------------- */

/* Receives one message of an mbox: bytes and the offset of its From_. */
typedef int (*lk_mail_msg_cb)(const char *data, size_t len,
                              long long from_offset, void *payload);

/*
 * Split an mbox of "len" bytes into messages (a "From " line at the start
 * or after an empty line begins one; the From_ line and the empty line
 * before the next one are not part of a message). Returns 0 or the first
 * non-zero value of "cb".
 */
int lk_mail__mbox_split(const char *data, size_t len, lk_mail_msg_cb cb,
                        void *payload);


/* ---- the run ------------------------------------------------------------- */

typedef struct lk_mail_filestat {
    char *path;                   /* as given or found in a directory */
    char sha256[65];              /* hex digest of the whole file */
    unsigned long long bytes;     /* file size */
    unsigned long long messages;  /* messages read from it */
} lk_mail_filestat;

typedef struct lk_mail_domstat {
    char name[128];                          /* d= */
    unsigned long long r[LK_MAIL_R_COUNT];   /* signatures per result */
} lk_mail_domstat;

typedef struct lk_mail_month {
    int ym;                  /* year * 100 + month of t= */
    unsigned long long n;    /* signatures with that t= month */
} lk_mail_month;

typedef struct lk_mail_keystat {
    char name[300];                          /* key owner name */
    unsigned line;                           /* archive line, 0 if none */
    unsigned long long r[LK_MAIL_R_COUNT];   /* signatures per result */
    long long tmin, tmax;                    /* t= range, -1 if none */
    lk_mail_month *months;                   /* t= timeline, by month */
    size_t nmonths;                          /* entries in months */
} lk_mail_keystat;

typedef struct lk_mail_tamper {
    size_t file;             /* index into files */
    long long offset;        /* mbox offset or -1 */
    char message_id[160];    /* Message-ID */
    char key[300];           /* key owner name */
    unsigned line;           /* archive line */
    int result;              /* fail-body or fail-header */
} lk_mail_tamper;

#define LK_MAIL_TAMPER_MAX 10000 /* failing messages kept for the report */

struct lk_mail_pool;

struct lk_mail_run {
    lk_mail_options o;                  /* options (keys borrowed) */
    char *keys_path;                    /* copy of o.keys_path */
    unsigned long long messages;        /* messages verified */
    unsigned long long verdicts[LK_MAIL_V_COUNT]; /* per verdict */
    unsigned long long results[LK_MAIL_R_COUNT];  /* per signature result */
    unsigned long long transforms[4];   /* per LK_MAIL_T_* combination */
    unsigned long long limits[4];       /* per LK_MAIL_LIMIT_* bit */
    lk_mail_filestat *files;            /* inputs in order */
    size_t nfiles, cfiles;              /* used, allocated */
    lk_mail_domstat *doms;              /* sorted by name */
    size_t ndoms, cdoms;                /* used, allocated */
    lk_mail_keystat *keys;              /* sorted by name, line */
    size_t nkeys, ckeys;                /* used, allocated */
    lk_mail_tamper *tamper;             /* failing messages with a key */
    size_t ntamper, ctamper;            /* used, allocated */
    unsigned long long tamper_dropped;  /* failing messages not kept */
    struct lk_mail_pool *pool;          /* workers and the batch */
    lk_mail_dns *dns;                   /* live DNS cache, NULL if off */
};

/* ---- report -------------------------------------------------------------- */

/* Format Unix time "t" as "YYYY-MM-DDTHH:MM:SSZ" into "buf". */
void lk_mail__time_format(long long t, char buf[32]);

/* Render the summary of "run" (mail_report.c). */
int lk_mail__render(lk_buf *b, const lk_mail_run *run,
                    lk_mail_summary_format format);

#endif
