/*
 * leaklaw/mail.h: DKIM verification of leaked e-mail corpora (DESIGN §3.3).
 * A run reads mbox files, maildirs, .eml files and directories of them,
 * verifies every DKIM signature against a key archive (a key history per
 * selector), streams one record per message and keeps the counts, the
 * chain of custody (SHA-256 of every input) and the tamper signals for a
 * Markdown or HTML summary a newsroom can publish.
 */
#ifndef LEAKLAW_MAIL_H
#define LEAKLAW_MAIL_H

#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

/** A key archive: TXT records by name, several per name = key history. */
typedef struct lk_mail_keys lk_mail_keys;

/** One verification run over one or more corpus paths. */
typedef struct lk_mail_run lk_mail_run;

/**
 * CONSTRUCTOR: read a key archive: one record per line, either
 * "selector._domainkey.domain TXT-record" (the libopendkim key file
 * format) or zone-file style "name [ttl] [IN] TXT "a" "b"" with optional
 * parentheses across lines; '#' (and ';' in zone style) start comments.
 *
 * @param out  [out] the archive
 * @param path the file to read
 * @param err  receives the file, line and column of a syntax error
 * @return 0, LK_EINVALID (syntax), LK_EIO, LK_ETOOBIG or LK_ENOMEM.
 *         Owned by caller: release with lk_mail_keys_free.
 */
LK_EXTERN(int) lk_mail_keys_load(lk_mail_keys **out, const char *path,
                                 lk_error *err);

/**
 * CONSTRUCTOR: parse "len" bytes of archive text named "name" (used in
 * diagnostics and provenance), as lk_mail_keys_load does.
 *
 * @return 0, LK_EINVALID or LK_ENOMEM.
 *         Owned by caller: release with lk_mail_keys_free.
 */
LK_EXTERN(int) lk_mail_keys_parse(lk_mail_keys **out, const char *name,
                                  const char *text, size_t len,
                                  lk_error *err);

/** METHOD: number of records in the archive. Cannot fail. */
LK_EXTERN(size_t) lk_mail_keys_count(const lk_mail_keys *keys);

/**
 * METHOD: lowercase hex SHA-256 of the archive's bytes, for the manifest.
 *
 * @return Borrowed: valid until lk_mail_keys_free.
 */
LK_EXTERN(const char *) lk_mail_keys_sha256(const lk_mail_keys *keys);

/** DESTRUCTOR: free "keys"; NULL is allowed. */
LK_EXTERN(void) lk_mail_keys_free(lk_mail_keys *keys);

/** Per-message record formats streamed by a run. */
typedef enum lk_mail_record_format {
    LK_MAIL_RECORD_JSONL = 0, /* one JSON object per line (DESIGN §3.3) */
    LK_MAIL_RECORD_CSV = 1    /* one CSV row per message, with a header */
} lk_mail_record_format;

/** Summaries rendered once a run is complete. */
typedef enum lk_mail_summary_format {
    LK_MAIL_SUMMARY_MD = 0,       /* Markdown for the verification desk */
    LK_MAIL_SUMMARY_HTML = 1,     /* one self-contained HTML file */
    LK_MAIL_SUMMARY_MANIFEST = 2, /* chain of custody, JSON */
    LK_MAIL_SUMMARY_EVIDENCE = 3  /* counts for a case's evidence[], JSON */
} lk_mail_summary_format;

/**
 * Receives one record (a JSON line or a CSV row, newline included) in
 * corpus order. "record" is borrowed for the duration of the call. A
 * non-zero return stops the run with that status.
 */
typedef int (*lk_mail_record_cb)(const char *record, size_t len,
                                 void *payload);

/** Receives the number of messages verified so far (progress). */
typedef void (*lk_mail_progress_cb)(unsigned long long messages,
                                    void *payload);

/** Options of a run. Initialise with LK_MAIL_OPTIONS_INIT. */
typedef struct lk_mail_options {
    unsigned int version;          /* LK_MAIL_OPTIONS_VERSION */
    const lk_mail_keys *keys;      /* borrowed; NULL: every key missing */
    const char *keys_path;         /* archive file name for the manifest */
    long long at;                  /* verification time, Unix seconds */
    unsigned int jobs;             /* worker threads, 1.. (0 means 1) */
    unsigned int max_signatures;   /* signatures verified per message */
    size_t max_header_bytes;       /* largest header block read */
    size_t max_line_bytes;         /* longest header line accepted */
    lk_mail_record_format record_format; /* format of on_record */
    lk_mail_record_cb on_record;   /* NULL: records are not produced */
    void *record_payload;          /* passed to on_record */
    lk_mail_progress_cb on_progress; /* NULL: no progress reports */
    void *progress_payload;        /* passed to on_progress */
    unsigned int flags;            /* LK_MAIL_* bits */
} lk_mail_options;

/* Fetch keys missing from the archive over live DNS (off by default). */
#define LK_MAIL_DNS 1u
/* Skip the SHA-256 of whole input files (the manifest then has none):
 * for record-only runs, where each record has its message's digest. */
#define LK_MAIL_NO_FILE_HASH 2u

#define LK_MAIL_OPTIONS_VERSION 1
#define LK_MAIL_OPTIONS_INIT                                               \
    {LK_MAIL_OPTIONS_VERSION, NULL, NULL, 0, 1, 16, (size_t)256 << 10,     \
     (size_t)64 << 10, LK_MAIL_RECORD_JSONL, NULL, NULL, NULL, NULL, 0}

/**
 * CONSTRUCTOR: start a run with "opts" (copied; the keys stay borrowed).
 *
 * @return 0, LK_EINVALID (bad options) or LK_ENOMEM.
 *         Owned by caller: release with lk_mail_run_free.
 */
LK_EXTERN(int) lk_mail_run_new(lk_mail_run **out,
                               const lk_mail_options *opts, lk_error *err);

/**
 * METHOD: verify every message under "path": an mbox (mboxo or mboxrd),
 * a maildir, an .eml file or a directory of them (entries in byte order;
 * dot files skipped). Files are mapped, not read, so a corpus larger than
 * memory works. Records go to opts.on_record in order.
 *
 * @return 0, LK_EIO (unreadable path), LK_ENOMEM or the non-zero value
 *         returned by on_record.
 */
LK_EXTERN(int) lk_mail_run_add_path(lk_mail_run *run, const char *path,
                                    lk_error *err);

/**
 * METHOD: verify the messages in a buffer of "len" bytes named "name":
 * an mbox if it starts with "From ", one message otherwise.
 *
 * @return 0, LK_ENOMEM or the non-zero value returned by on_record.
 */
LK_EXTERN(int) lk_mail_run_add_buffer(lk_mail_run *run, const char *name,
                                      const char *data, size_t len,
                                      lk_error *err);

/** METHOD: messages verified so far. Cannot fail. */
LK_EXTERN(unsigned long long) lk_mail_run_messages(const lk_mail_run *run);

/**
 * METHOD: number of messages with message verdict "verdict" (verified,
 * verified-partial, altered, unverifiable, unsigned); 0 for others.
 */
LK_EXTERN(unsigned long long) lk_mail_run_count(const lk_mail_run *run,
                                                const char *verdict);

/**
 * METHOD: render the run's summary. Deterministic: the same inputs and
 * options give the same bytes.
 *
 * @param out     [out] NUL-terminated text
 * @param len_out [out] its length, may be NULL
 * @return 0, LK_ENOMEM or LK_ETOOBIG.
 *         Owned by caller: release with lk_mail_text_free.
 */
LK_EXTERN(int) lk_mail_run_render(char **out, size_t *len_out,
                                  const lk_mail_run *run,
                                  lk_mail_summary_format format,
                                  lk_error *err);

/** DESTRUCTOR: free "run"; NULL is allowed. */
LK_EXTERN(void) lk_mail_run_free(lk_mail_run *run);

/** Free text returned by lk_mail_run_render; NULL is allowed. */
LK_EXTERN(void) lk_mail_text_free(char *text);

/**
 * Parse a verification time: Unix seconds, "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 *
 * @param out [out] seconds since 1970-01-01T00:00:00Z
 * @return 0 or LK_EINVALID.
 */
LK_EXTERN(int) lk_mail_time_parse(long long *out, const char *text);

/**
 * METHOD: number of inputs skipped so far: files that are not mail
 * (binary data, images, archives), entries of a directory that cannot be
 * read (a symbolic link loop, a dangling link, no permission) and
 * compressed files that are corrupt part way. Cannot fail.
 */
LK_EXTERN(size_t) lk_mail_run_skipped(const lk_mail_run *run);

/**
 * METHOD: skipped input "i" (0 .. lk_mail_run_skipped - 1), in the order
 * met: its path and why it was skipped.
 *
 * @return 0 or LK_ENOTFOUND ("i" out of range).
 *         Borrowed: valid until lk_mail_run_free.
 */
LK_EXTERN(int) lk_mail_run_skipped_get(const lk_mail_run *run, size_t i,
                                       const char **path,
                                       const char **reason);

LK_END_DECL

#endif
