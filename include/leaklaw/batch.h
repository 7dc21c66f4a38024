/*
 * batch.h: assess a stream of cases (JSON Lines or case files) on several
 * threads, handing back one record per case in input order. Two queues
 * take turns (the workers assess one while the caller fills the other),
 * so memory is bounded by the queues, not by the input; a bad case
 * becomes a "rejected" record and the batch goes on.
 */
#ifndef LEAKLAW_BATCH_H
#define LEAKLAW_BATCH_H

#include <stdio.h>

#include "assess.h"
#include "common.h"
#include "errors.h"
#include "law.h"

LK_BEGIN_DECL

typedef struct lk_batch lk_batch;

/** One case of the batch, as handed to the emit callback. */
typedef struct lk_batch_item {
    const char *source;   /* "<stdin>" or the case file's path */
    unsigned long line;   /* line of "source", 0 for a whole file */
    const char *record;   /* one JSON record ending in '\n'; with the
                             option "csv", the case's CSV row for an
                             assessed case (the rejected record stays
                             JSON) */
    size_t len;           /* bytes of "record" */
    const lk_assessment *assessment; /* NULL when rejected */
    const char *errors;   /* rejected: one diagnostic a line, else NULL */
} lk_batch_item;

/** Called for every case in input order; nonzero stops the batch. */
typedef int (*lk_batch_emit_cb)(const lk_batch_item *item, void *payload);

/** Options of lk_batch_new. */
typedef struct lk_batch_options {
    unsigned int version;          /* LK_BATCH_OPTIONS_VERSION */
    unsigned int jobs;             /* worker threads, 0: every core */
    size_t queue;                  /* cases a queue (two queues), 0: 64
                                      a job */
    const lk_assess_options *assess; /* NULL: the defaults */
    int csv;                       /* since version 2: 1 renders each
                                      assessment as its CSV row (no
                                      header: lk_report_csv_header) */
} lk_batch_options;

#define LK_BATCH_OPTIONS_VERSION 2
#define LK_BATCH_OPTIONS_INIT {LK_BATCH_OPTIONS_VERSION, 0, 0, NULL, 0}
#define LK_BATCH_LINE_MAX ((size_t)16 << 20) /* longest JSONL line */
#define LK_BATCH_STOPPED 1 /* the emit callback asked to stop */

/**
 * Start a batch assessing under "law" (shared, read only, by the
 * workers), calling "emit" with "payload" for each case in order.
 *
 * @return 0, LK_ENOMEM or LK_ERROR (threads). Owned by caller: release
 *         with lk_batch_free.
 */
LK_EXTERN(int) lk_batch_new(lk_batch **out, const lk_law *law,
                            const lk_batch_options *opts,
                            lk_batch_emit_cb emit, void *payload,
                            lk_error *err);

/**
 * Queue case text "data" ("len" bytes, copied) from line "line" of
 * "source" (0: the whole of a file). When the queue being filled is
 * full, the workers start on it and the records of the queue they were
 * assessing are emitted first.
 *
 * @return 0, LK_BATCH_STOPPED, LK_ENOMEM or the emit callback's error.
 */
LK_EXTERN(int) lk_batch_add_text(lk_batch *b, const char *source,
                                 unsigned long line, const char *data,
                                 size_t len, lk_error *err);

/**
 * Queue case file "path" (JSON or YAML), read by a worker.
 *
 * @return as lk_batch_add_text.
 */
LK_EXTERN(int) lk_batch_add_file(lk_batch *b, const char *path,
                                 lk_error *err);

/**
 * Queue every non-blank line of "in" (named "source") as one JSON case.
 * A line longer than LK_BATCH_LINE_MAX is rejected, the rest go on.
 *
 * @return as lk_batch_add_text, or LK_EIO when reading fails.
 */
LK_EXTERN(int) lk_batch_read_jsonl(lk_batch *b, FILE *in, const char *source,
                                   lk_error *err);

/**
 * Assess and emit what is still queued.
 *
 * @return as lk_batch_add_text.
 */
LK_EXTERN(int) lk_batch_finish(lk_batch *b, lk_error *err);

/** Number of cases emitted so far, and how many of them were rejected. */
LK_EXTERN(void) lk_batch_counts(const lk_batch *b, unsigned long *emitted,
                                unsigned long *rejected);

/** Free "b" (unemitted cases are dropped); NULL is allowed. */
LK_EXTERN(void) lk_batch_free(lk_batch *b);

/*
 * Statistics of a JSON Lines stream of assessments (what lk_batch or
 * "leaklaw assess --format jsonl" writes): verdict counts per lens,
 * overall and by victim State, actor State and year of disclosure, read
 * from each record's "lenses" and "facts".
 */
typedef struct lk_stats lk_stats;

/** Output formats of lk_stats_render. */
typedef enum lk_stats_format {
    LK_STATS_TEXT = 0, /* aligned tables */
    LK_STATS_CSV = 1,  /* group,key,lens,verdict,count */
    LK_STATS_HTML = 2  /* self-contained page with an SVG chart, no script */
} lk_stats_format;

/** An empty tally. @return 0 or LK_ENOMEM. Release with lk_stats_free. */
LK_EXTERN(int) lk_stats_new(lk_stats **out, lk_error *err);

/**
 * Count every record of "in" (named "source"); a line that is not an
 * assessment record is reported to "cb" and skipped.
 *
 * @return 0 (also with lines skipped), LK_EIO or LK_ENOMEM.
 */
LK_EXTERN(int) lk_stats_read_jsonl(lk_stats *s, FILE *in, const char *source,
                                   lk_diag_cb cb, void *payload,
                                   lk_error *err);

/** Records counted, rejected records among them, lines skipped. */
LK_EXTERN(void) lk_stats_counts(const lk_stats *s, unsigned long *records,
                                unsigned long *rejected,
                                unsigned long *skipped);

/**
 * Render the tally. @return 0 or LK_ENOMEM. Owned by caller: release
 * "*out" with lk_report_free.
 */
LK_EXTERN(int) lk_stats_render(char **out, size_t *len, const lk_stats *s,
                               lk_stats_format format, lk_error *err);

/** Free "s"; NULL is allowed. */
LK_EXTERN(void) lk_stats_free(lk_stats *s);

LK_END_DECL

#endif
