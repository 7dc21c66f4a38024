/*
 * batch.c: lk_batch: cases queued in input order, assessed and rendered
 * as compact JSON on a worker pool one queue-full at a time, then handed
 * back in order. A case that fails to parse or validate becomes a
 * "rejected" record holding its diagnostics.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "leaklaw/batch.h"
#include "leaklaw/case.h"
#include "leaklaw/report.h"

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "jsonw.h"
#include "pool.h"

/* One queued case and, once its job ran, its result. */
typedef struct batch_slot {
    char *source;        /* "<stdin>" or a path */
    unsigned long line;  /* line of "source", 0: a whole file */
    char *data;          /* the case text, NULL: read "source" */
    size_t len;          /* bytes of "data" */
    int too_long;        /* the line exceeded LK_BATCH_LINE_MAX */
    lk_case *cs;         /* the case, which the assessment refers to */
    lk_assessment *a;    /* the assessment, NULL when rejected */
    char *record;        /* the JSON record with its '\n' */
    size_t rlen;         /* bytes of "record" */
    lk_buf errors;       /* diagnostics, one a line */
    char first[LK_ERROR_MESSAGE_MAX]; /* the first diagnostic's message */
    unsigned n_errors;   /* diagnostics seen */
    int failed;          /* a runtime error (memory), not the input */
} batch_slot;

struct lk_batch {
    const lk_law *law;
    lk_assess_options aopts;
    lk_pool *pool;
    batch_slot *slots;   /* the queue */
    size_t cap;          /* slots allocated */
    size_t n;            /* slots queued */
    lk_batch_emit_cb emit;
    void *payload;
    unsigned long emitted;
    unsigned long rejected;
    int stopped;         /* the callback stopped the batch */
};

/* Workers to use: "jobs", or one a core when 0. */
static unsigned batch_workers(unsigned jobs)
{
    long n;
    if (jobs > 0)
        return jobs;
    n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)(n > 256 ? 256 : n) : 1u;
}

int lk_batch_new(lk_batch **out, const lk_law *law,
                 const lk_batch_options *opts, lk_batch_emit_cb emit,
                 void *payload, lk_error *err)
{
    lk_batch *b;
    unsigned workers = batch_workers(opts ? opts->jobs : 0);
    int error;
    *out = NULL;
    b = lk_calloc(1, sizeof(*b));
    if (b == NULL)
        return lk_error_set_oom(err);
    b->law = law;
    b->aopts = (lk_assess_options)LK_ASSESS_OPTIONS_INIT;
    if (opts != NULL && opts->assess != NULL)
        b->aopts = *opts->assess;
    b->cap = opts != NULL && opts->queue > 0 ? opts->queue
                                             : (size_t)workers * 64;
    b->emit = emit;
    b->payload = payload;
    b->slots = lk_calloc(b->cap, sizeof(*b->slots));
    if (b->slots == NULL) {
        lk_free(b);
        return lk_error_set_oom(err);
    }
    error = lk_pool_new(&b->pool, workers);
    if (error < 0) {
        lk_free(b->slots);
        lk_free(b);
        return lk_error_set(err, error, "cannot start %u worker threads",
                            workers);
    }
    *out = b;
    return 0;
}

/* Diagnostic callback of a job: one line into the slot, located on the
 * slot's line when the case came from a JSON Lines stream. */
static void batch_diag(const lk_error *d, void *payload)
{
    batch_slot *s = payload;
    char line[2048];
    if (s->n_errors++ == 0)
        memcpy(s->first, d->message, sizeof(s->first));
    if (s->line == 0) {
        lk_error_format(d, line, sizeof(line));
        lk_buf_printf(&s->errors, "%s\n", line);
        return;
    }
    /* a column on the case's only line is a column of the stream's line */
    lk_buf_printf(&s->errors, "%s:%lu:", s->source, s->line);
    if (d->line == 1 && d->column > 0)
        lk_buf_printf(&s->errors, "%u:", d->column);
    lk_buf_printf(&s->errors, " %s%s%s\n", d->pointer,
                  d->pointer[0] ? ": " : "", d->message);
}

/* The "rejected" record of slot "s". */
static void batch_reject_record(batch_slot *s)
{
    lk_buf out;
    lk_buf_init(&out, 0);
    lk_buf_puts(&out, "{\"format\":\"leaklaw/assessment/1\",\"rejected\":"
                      "{\"source\":");
    lk_jsonw_str(&out, s->source, strlen(s->source));
    if (s->line > 0)
        lk_buf_printf(&out, ",\"line\":%lu", s->line);
    lk_buf_puts(&out, ",\"error\":");
    lk_jsonw_str(&out, s->first, strlen(s->first));
    lk_buf_printf(&out, ",\"errors\":%u}}\n", s->n_errors);
    if (out.error != 0) {
        lk_buf_dispose(&out);
        s->failed = 1;
        return;
    }
    s->record = lk_buf_detach(&out, &s->rlen);
}

/* Job "job": parse, check, assess and render one case. */
static void batch_job(size_t job, unsigned worker, void *payload)
{
    lk_batch *b = payload;
    batch_slot *s = &b->slots[job];
    lk_error err;
    char *text = NULL;
    size_t len = 0;
    lk_report_options ropts = LK_REPORT_OPTIONS_INIT;
    int error;
    (void)worker;
    lk_error_clear(&err);
    if (s->too_long) {
        lk_error_set(&err, LK_ETOOBIG, "line longer than %zu bytes",
                     LK_BATCH_LINE_MAX);
        batch_diag(&err, s);
        error = LK_EINVALID;
    } else if (s->data == NULL)
        error = lk_case_load(&s->cs, s->source, batch_diag, s, &err);
    else
        error = lk_case_parse(&s->cs, s->source, s->data, s->len, batch_diag,
                              s, &err);
    if (error == 0)
        error = lk_law_check_case(b->law, s->cs, batch_diag, s, &err);
    if (error == 0)
        error = lk_assess(&s->a, b->law, s->cs, &b->aopts, &err);
    ropts.flags = LK_REPORT_COMPACT;
    if (error == 0)
        error = lk_report_render_ext(&text, &len, s->a, LK_REPORT_JSON,
                                     &ropts, &err);
    if (error == 0) {
        s->record = lk_malloc(len + 2);
        if (s->record == NULL) {
            s->failed = 1;
        } else {
            memcpy(s->record, text, len);
            if (len == 0 || text[len - 1] != '\n')
                s->record[len++] = '\n';
            s->record[len] = '\0';
            s->rlen = len;
        }
        lk_report_free(text);
        return;
    }
    lk_report_free(text);
    lk_assessment_free(s->a);
    s->a = NULL;
    lk_case_free(s->cs);
    s->cs = NULL;
    if (error == LK_ENOMEM) {
        s->failed = 1;
        return;
    }
    if (s->n_errors == 0) /* an error not passed to the callback */
        batch_diag(&err, s);
    batch_reject_record(s);
}

/* Release what slot "s" holds and clear it. */
static void batch_slot_clear(batch_slot *s)
{
    lk_free(s->source);
    lk_free(s->data);
    lk_assessment_free(s->a);
    lk_case_free(s->cs);
    lk_free(s->record);
    lk_buf_dispose(&s->errors);
    memset(s, 0, sizeof(*s));
}

/* Assess the queue on the pool, then emit it in order. */
static int batch_flush(lk_batch *b, lk_error *err)
{
    size_t i;
    int status = 0;
    if (b->stopped)
        return LK_BATCH_STOPPED;
    if (b->n == 0)
        return 0;
    if (lk_pool_start(b->pool, b->n, batch_job, b) < 0 ||
        lk_pool_wait(b->pool) < 0)
        status = lk_error_set(err, LK_ERROR, "worker pool failed");
    for (i = 0; i < b->n && status == 0; i++) {
        batch_slot *s = &b->slots[i];
        lk_batch_item item;
        if (s->failed || s->record == NULL) {
            status = lk_error_set_oom(err);
            break;
        }
        item.source = s->source;
        item.line = s->line;
        item.record = s->record;
        item.len = s->rlen;
        item.assessment = s->a;
        item.errors = s->a == NULL ? s->errors.ptr : NULL;
        b->emitted++;
        if (s->a == NULL)
            b->rejected++;
        if (b->emit != NULL && b->emit(&item, b->payload) != 0) {
            b->stopped = 1;
            status = LK_BATCH_STOPPED;
        }
    }
    for (i = 0; i < b->n; i++)
        batch_slot_clear(&b->slots[i]);
    b->n = 0;
    return status;
}

/* Take the next free slot, flushing a full queue first. */
static int batch_slot_take(lk_batch *b, batch_slot **out, lk_error *err)
{
    int status;
    if (b->stopped)
        return LK_BATCH_STOPPED;
    if (b->n == b->cap) {
        status = batch_flush(b, err);
        if (status != 0)
            return status;
    }
    *out = &b->slots[b->n];
    lk_buf_init(&(*out)->errors, (size_t)1 << 20);
    return 0;
}

int lk_batch_add_text(lk_batch *b, const char *source, unsigned long line,
                      const char *data, size_t len, lk_error *err)
{
    batch_slot *s;
    int status = batch_slot_take(b, &s, err);
    if (status != 0)
        return status;
    s->source = lk_strdup(source);
    s->data = lk_malloc(len + 1);
    if (s->source == NULL || s->data == NULL) {
        batch_slot_clear(s);
        return lk_error_set_oom(err);
    }
    memcpy(s->data, data, len);
    s->data[len] = '\0';
    s->len = len;
    s->line = line;
    b->n++;
    return 0;
}

int lk_batch_add_file(lk_batch *b, const char *path, lk_error *err)
{
    batch_slot *s;
    int status = batch_slot_take(b, &s, err);
    if (status != 0)
        return status;
    s->source = lk_strdup(path);
    if (s->source == NULL) {
        batch_slot_clear(s);
        return lk_error_set_oom(err);
    }
    b->n++;
    return 0;
}

/* Queue an over-long line "line" of "source" as a rejected case. */
static int batch_add_too_long(lk_batch *b, const char *source,
                              unsigned long line, lk_error *err)
{
    int status = lk_batch_add_text(b, source, line, "", 0, err);
    if (status == 0)
        b->slots[b->n - 1].too_long = 1;
    return status;
}

/* 1 when "s" ("n" bytes) is only blanks. */
static int batch_blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Queue line "n" held in "line" (or marked too long), then empty it. */
static int batch_line_done(lk_batch *b, lk_buf *line, const char *source,
                           unsigned long n, lk_error *err)
{
    int status = 0;
    if (line->error == LK_ETOOBIG)
        status = batch_add_too_long(b, source, n, err);
    else if (line->error != 0)
        status = lk_error_set_oom(err);
    else if (!batch_blank(line->ptr ? line->ptr : "", line->len))
        status = lk_batch_add_text(b, source, n, line->ptr, line->len, err);
    line->len = 0;
    line->error = 0;
    if (line->ptr != NULL)
        line->ptr[0] = '\0';
    return status;
}

int lk_batch_read_jsonl(lk_batch *b, FILE *in, const char *source,
                        lk_error *err)
{
    lk_buf line;
    char chunk[4096];
    size_t k = 0;
    unsigned long n = 0;
    int c, status = 0, pending = 0;
    lk_buf_init(&line, LK_BATCH_LINE_MAX);
    while (status == 0) {
        c = getc_unlocked(in);
        if (c != EOF && c != '\n') {
            chunk[k++] = (char)c;
            pending = 1;
            if (k == sizeof(chunk)) {
                if (line.error == 0)
                    lk_buf_put(&line, chunk, k);
                k = 0;
            }
            continue;
        }
        if (c == EOF && !pending)
            break;
        if (k > 0 && line.error == 0)
            lk_buf_put(&line, chunk, k);
        k = 0;
        pending = 0;
        status = batch_line_done(b, &line, source, ++n, err);
        if (c == EOF)
            break;
    }
    if (status == 0 && ferror(in))
        status = lk_error_set(err, LK_EIO, "%s: read error", source);
    lk_buf_dispose(&line);
    return status;
}

int lk_batch_finish(lk_batch *b, lk_error *err)
{
    return batch_flush(b, err);
}

void lk_batch_counts(const lk_batch *b, unsigned long *emitted,
                     unsigned long *rejected)
{
    if (emitted != NULL)
        *emitted = b->emitted;
    if (rejected != NULL)
        *rejected = b->rejected;
}

void lk_batch_free(lk_batch *b)
{
    size_t i;
    if (b == NULL)
        return;
    for (i = 0; i < b->n; i++)
        batch_slot_clear(&b->slots[i]);
    lk_pool_free(b->pool);
    lk_free(b->slots);
    lk_free(b);
}
