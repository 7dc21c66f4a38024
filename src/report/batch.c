/*
 * batch.c: lk_batch: cases queued in input order into one of two queues;
 * while the worker pool assesses and renders one queue as compact JSON,
 * the caller reads the next into the other (double buffering), then the
 * records are handed back in order. A case that fails to parse or
 * validate becomes a "rejected" record holding its diagnostics. A slot's
 * buffers (case text, record, diagnostics) are kept from one case to the
 * next, so a long batch does not allocate them again for every case.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "leaklaw/batch.h"
#include "leaklaw/case.h"
#include "leaklaw/report.h"

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "error.h"
#include "jsonw.h"
#include "pool.h"
#include "report_int.h"

#define BATCH_BLOCK ((size_t)1 << 20) /* bytes read from a stream at once */

/* A source name shared by the slots of its cases (main thread only). */
typedef struct batch_src {
    unsigned long refs; /* slots and the batch holding it */
    char name[];        /* "<stdin>" or a path */
} batch_src;

/* One queued case and, once its job ran, its result. */
typedef struct batch_slot {
    batch_src *src;      /* where the case comes from */
    unsigned long line;  /* line of the source, 0: a whole file */
    int is_file;         /* 1: read the file "src" (no "data") */
    char *data;          /* the case text (kept for the next case) */
    size_t len;          /* bytes of "data" in use */
    size_t data_cap;     /* bytes allocated for "data" */
    int too_long;        /* the line exceeded LK_BATCH_LINE_MAX */
    lk_case *cs;         /* the case, which the assessment refers to */
    lk_assessment *a;    /* the assessment, NULL when rejected */
    lk_case *old_cs;     /* the slot's previous case and assessment, */
    lk_assessment *old_a; /* emitted: freed by the next job, in parallel */
    lk_arena *arena;     /* holds the JSON trees of "cs" and "old_cs" */
    lk_buf out;          /* the JSON record with its '\n' (kept) */
    lk_buf errors;       /* diagnostics, one a line (kept) */
    char first[LK_ERROR_MESSAGE_MAX]; /* the first diagnostic's message */
    unsigned n_errors;   /* diagnostics seen */
    int failed;          /* a runtime error (memory), not the input */
} batch_slot;

struct lk_batch {
    const lk_law *law;
    lk_assess_options aopts;
    int csv;             /* records are CSV rows */
    lk_pool *pool;
    batch_slot *slots[2]; /* the two queues */
    size_t cap;          /* slots of each queue */
    int fill;            /* the queue being filled, 0 or 1 */
    size_t n;            /* slots queued in slots[fill] */
    batch_slot *run;     /* the queue the pool works on */
    size_t nrun;         /* its jobs, 0: the pool is idle */
    batch_src *src;      /* the source of the last case queued */
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

/* Give the buffers of the "n" slots "slots" their ceilings and each slot
 * its arena; -1 when out of memory. */
static int batch_slots_init(batch_slot *slots, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        lk_buf_init(&slots[i].out, 0);
        lk_buf_init(&slots[i].errors, (size_t)1 << 20);
        slots[i].arena = lk_arena_new();
        if (slots[i].arena == NULL)
            return -1;
    }
    return 0;
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
    b->csv = opts != NULL && opts->version >= 2 && opts->csv;
    b->cap = opts != NULL && opts->queue > 0 ? opts->queue
                                             : (size_t)workers * 64;
    b->emit = emit;
    b->payload = payload;
    b->slots[0] = lk_calloc(b->cap, sizeof(batch_slot));
    b->slots[1] = lk_calloc(b->cap, sizeof(batch_slot));
    if (b->slots[0] == NULL || b->slots[1] == NULL ||
        batch_slots_init(b->slots[0], b->cap) < 0 ||
        batch_slots_init(b->slots[1], b->cap) < 0) {
        lk_batch_free(b);
        return lk_error_set_oom(err);
    }
    error = lk_pool_new(&b->pool, workers);
    if (error < 0) {
        lk_batch_free(b);
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
    lk_buf_printf(&s->errors, "%s:%lu:", s->src->name, s->line);
    if (d->line == 1 && d->column > 0)
        lk_buf_printf(&s->errors, "%u:", d->column);
    lk_buf_printf(&s->errors, " %s%s%s\n", d->pointer,
                  d->pointer[0] ? ": " : "", d->message);
}

/* The "rejected" record of slot "s". */
static void batch_reject_record(batch_slot *s)
{
    lk_buf *out = &s->out;
    out->len = 0;
    out->error = 0;
    lk_buf_puts(out, "{\"format\":\"leaklaw/assessment/1\",\"rejected\":"
                     "{\"source\":");
    lk_jsonw_str(out, s->src->name, strlen(s->src->name));
    if (s->line > 0)
        lk_buf_printf(out, ",\"line\":%lu", s->line);
    lk_buf_puts(out, ",\"error\":");
    lk_jsonw_str(out, s->first, strlen(s->first));
    lk_buf_printf(out, ",\"errors\":%u}}\n", s->n_errors);
    if (out->error != 0)
        s->failed = 1;
}

/* Parse (or load) and check the case of slot "s" under "b"'s law. */
static int batch_case(const lk_batch *b, batch_slot *s, lk_error *err)
{
    lk_arena *was;
    int error;
    if (s->too_long) {
        lk_error_set(err, LK_ETOOBIG, "line longer than %zu bytes",
                     LK_BATCH_LINE_MAX);
        batch_diag(err, s);
        return LK_EINVALID;
    }
    /* the case's tree is built in the slot's arena: no allocation and no
     * free per value (see lk_alloc__json_arena) */
    was = lk_alloc__json_arena(s->arena);
    if (s->is_file)
        error = lk_case_load(&s->cs, s->src->name, batch_diag, s, err);
    else
        error = lk_case_parse(&s->cs, s->src->name, s->data, s->len,
                              batch_diag, s, err);
    lk_alloc__json_arena(was);
    if (error == 0)
        error = lk_law_check_case(b->law, s->cs, batch_diag, s, err);
    return error;
}

/* Job "job": parse, check, assess and render one case of the queue the
 * pool runs, straight into the slot's record buffer. */
static void batch_job(size_t job, unsigned worker, void *payload)
{
    lk_batch *b = payload;
    batch_slot *s = &b->run[job];
    lk_error err;
    int error;
    (void)worker;
    /* freeing a case's tree costs about as much as a tenth of assessing
     * it: done here, on the pool, rather than by the emitting thread */
    lk_assessment_free(s->old_a);
    s->old_a = NULL;
    lk_case_free(s->old_cs);
    s->old_cs = NULL;
    /* the slot's trees are gone: their arena is empty again */
    if (s->cs == NULL)
        lk_arena_reset(s->arena);
    lk_error_clear(&err);
    error = batch_case(b, s, &err);
    if (error == 0)
        error = lk_assess(&s->a, b->law, s->cs, &b->aopts, &err);
    if (error == 0) {
        s->out.len = 0;
        error = b->csv ? lk_report__csv(&s->out, s->a, 0)
                       : lk_report__json(&s->out, s->a, LK_REPORT_COMPACT);
        if (error == 0)
            return;
        if (error == LK_ETOOBIG)
            lk_error_set(&err, error, "report larger than %zu bytes",
                         s->out.max);
    }
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

/* Drop one reference to "src"; NULL is allowed. */
static void batch_src_release(batch_src *src)
{
    if (src != NULL && --src->refs == 0)
        lk_free(src);
}

/* Release what slot "s" refers to and empty it, keeping its buffers;
 * with "now" 0 its case and assessment are left to the slot's next job. */
static void batch_slot_clear(batch_slot *s, int now)
{
    batch_src_release(s->src);
    s->src = NULL;
    lk_assessment_free(s->old_a);
    lk_case_free(s->old_cs);
    s->old_a = s->a;
    s->old_cs = s->cs;
    s->a = NULL;
    s->cs = NULL;
    if (now) {
        lk_assessment_free(s->old_a);
        lk_case_free(s->old_cs);
        s->old_a = NULL;
        s->old_cs = NULL;
    }
    s->line = 0;
    s->is_file = 0;
    s->len = 0;
    s->too_long = 0;
    s->out.len = 0;
    s->out.error = 0;
    s->errors.len = 0;
    s->errors.error = 0;
    if (s->errors.ptr != NULL)
        s->errors.ptr[0] = '\0';
    s->first[0] = '\0';
    s->n_errors = 0;
    s->failed = 0;
}

/* Hand the "n" assessed slots "slots" to the callback in order, then
 * empty them. */
static int batch_emit(lk_batch *b, batch_slot *slots, size_t n,
                      lk_error *err)
{
    size_t i;
    int status = 0;
    for (i = 0; i < n && status == 0; i++) {
        batch_slot *s = &slots[i];
        lk_batch_item item;
        if (s->failed || s->out.len == 0) {
            status = lk_error_set_oom(err);
            break;
        }
        item.source = s->src->name;
        item.line = s->line;
        item.record = s->out.ptr;
        item.len = s->out.len;
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
    for (i = 0; i < n; i++)
        batch_slot_clear(&slots[i], 0);
    return status;
}

/*
 * One turn of the double buffer: wait for the queue the pool runs, start
 * the pool on the queue just filled (the caller fills the other one while
 * it runs), then emit the finished queue, which becomes the one to fill.
 */
static int batch_cycle(lk_batch *b, lk_error *err)
{
    batch_slot *done = NULL;
    size_t ndone = 0;
    int status = 0, emitted;
    if (b->stopped)
        return LK_BATCH_STOPPED;
    if (b->nrun > 0) {
        if (lk_pool_wait(b->pool) < 0)
            status = lk_error_set(err, LK_ERROR, "worker pool failed");
        done = b->run;
        ndone = b->nrun;
        b->nrun = 0;
    }
    if (status == 0 && b->n > 0) {
        b->run = b->slots[b->fill];
        b->nrun = b->n;
        b->n = 0;
        b->fill ^= 1;
        /* on a lock failure the queue still runs, in lk_pool_wait */
        if (lk_pool_start(b->pool, b->nrun, batch_job, b) < 0)
            status = lk_error_set(err, LK_ERROR, "worker pool failed");
    }
    emitted = status == 0 ? batch_emit(b, done, ndone, err) : 0;
    if (status != 0 && done != NULL) {
        size_t i;
        for (i = 0; i < ndone; i++)
            batch_slot_clear(&done[i], 1);
    }
    return status != 0 ? status : emitted;
}

/* Take the next free slot for a case of "name", turning a full queue
 * over first. */
static int batch_slot_take(lk_batch *b, const char *name, batch_slot **out,
                           lk_error *err)
{
    int status;
    batch_slot *s = NULL;
    if (b->stopped)
        return LK_BATCH_STOPPED;
    if (b->n == b->cap) {
        status = batch_cycle(b, err);
        if (status != 0)
            return status;
    }
    if (b->src == NULL || strcmp(b->src->name, name) != 0) {
        size_t len = strlen(name);
        batch_src *src = lk_malloc(sizeof(*src) + len + 1);
        if (src == NULL)
            return lk_error_set_oom(err);
        src->refs = 1;
        memcpy(src->name, name, len + 1);
        batch_src_release(b->src);
        b->src = src;
    }
    s = &b->slots[b->fill][b->n];
    s->src = b->src;
    b->src->refs++;
    *out = s;
    return 0;
}

int lk_batch_add_text(lk_batch *b, const char *source, unsigned long line,
                      const char *data, size_t len, lk_error *err)
{
    batch_slot *s = NULL;
    int status = batch_slot_take(b, source, &s, err);
    if (status != 0)
        return status;
    if (s->data_cap < len + 1) {
        char *p = lk_realloc(s->data, len + 1);
        if (p == NULL) {
            batch_slot_clear(s, 1);
            return lk_error_set_oom(err);
        }
        s->data = p;
        s->data_cap = len + 1;
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
    batch_slot *s = NULL;
    int status = batch_slot_take(b, path, &s, err);
    if (status != 0)
        return status;
    s->is_file = 1;
    b->n++;
    return 0;
}

/* Queue an over-long line "line" of "source" as a rejected case. */
static int batch_add_too_long(lk_batch *b, const char *source,
                              unsigned long line, lk_error *err)
{
    int status = lk_batch_add_text(b, source, line, "", 0, err);
    if (status == 0)
        b->slots[b->fill][b->n - 1].too_long = 1;
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

/* Queue the whole lines of block "p".."end"; the part of a line that
 * continues past the block goes into "line". */
static int batch_block(lk_batch *b, const char *p, const char *end,
                       lk_buf *line, const char *source, unsigned long *n,
                       lk_error *err)
{
    int status = 0;
    while (status == 0 && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        if (nl != NULL && line->len == 0 && line->error == 0 &&
            len <= LK_BATCH_LINE_MAX) {
            /* the common case: a whole line inside the block */
            ++*n;
            if (!batch_blank(p, len))
                status = lk_batch_add_text(b, source, *n, p, len, err);
        } else {
            if (line->error == 0)
                lk_buf_put(line, p, len);
            if (nl == NULL)
                break;
            status = batch_line_done(b, line, source, ++*n, err);
        }
        p = nl + 1;
    }
    return status;
}

int lk_batch_read_jsonl(lk_batch *b, FILE *in, const char *source,
                        lk_error *err)
{
    lk_buf line;
    char *block = lk_malloc(BATCH_BLOCK);
    unsigned long n = 0;
    size_t got;
    int status = 0, pending = 0;
    if (block == NULL)
        return lk_error_set_oom(err);
    lk_buf_init(&line, LK_BATCH_LINE_MAX);
    while (status == 0) {
        got = fread(block, 1, BATCH_BLOCK, in);
        if (got == 0)
            break;
        status = batch_block(b, block, block + got, &line, source, &n, err);
        pending = block[got - 1] != '\n';
    }
    /* a last line without its newline */
    if (status == 0 && pending)
        status = batch_line_done(b, &line, source, ++n, err);
    if (status == 0 && ferror(in))
        status = lk_error_set(err, LK_EIO, "%s: read error", source);
    lk_buf_dispose(&line);
    lk_free(block);
    return status;
}

int lk_batch_finish(lk_batch *b, lk_error *err)
{
    int status = 0;
    while (status == 0 && (b->nrun > 0 || b->n > 0))
        status = batch_cycle(b, err);
    if (status == 0 && b->stopped)
        status = LK_BATCH_STOPPED;
    return status;
}

void lk_batch_counts(const lk_batch *b, unsigned long *emitted,
                     unsigned long *rejected)
{
    if (emitted != NULL)
        *emitted = b->emitted;
    if (rejected != NULL)
        *rejected = b->rejected;
}

/* Free the "n" slots of queue "slots" and the queue. */
static void batch_slots_free(batch_slot *slots, size_t n)
{
    size_t i;
    if (slots == NULL)
        return;
    for (i = 0; i < n; i++) {
        batch_slot_clear(&slots[i], 1);
        lk_free(slots[i].data);
        lk_arena_free(slots[i].arena);
        lk_buf_dispose(&slots[i].out);
        lk_buf_dispose(&slots[i].errors);
    }
    lk_free(slots);
}

void lk_batch_free(lk_batch *b)
{
    if (b == NULL)
        return;
    if (b->nrun > 0) /* a queue started must be finished before freeing */
        (void)lk_pool_wait(b->pool);
    lk_pool_free(b->pool);
    batch_slots_free(b->slots[0], b->cap);
    batch_slots_free(b->slots[1], b->cap);
    batch_src_release(b->src);
    lk_free(b);
}
