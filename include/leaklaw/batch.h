/*
 * batch.h: assess a stream of cases (JSON Lines or case files) on several
 * threads, handing back one record per case in input order. Memory is
 * bounded by the queue, not by the input; a bad case becomes a
 * "rejected" record and the batch goes on.
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
    const char *record;   /* one JSON record ending in '\n' */
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
    size_t queue;                  /* cases in flight, 0: 64 a job */
    const lk_assess_options *assess; /* NULL: the defaults */
} lk_batch_options;

#define LK_BATCH_OPTIONS_VERSION 1
#define LK_BATCH_OPTIONS_INIT {LK_BATCH_OPTIONS_VERSION, 0, 0, NULL}
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
 * "source" (0: the whole of a file). When the queue is full, it is
 * assessed and emitted first.
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

LK_END_DECL

#endif
