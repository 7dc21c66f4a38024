/*
 * run.c: a verification run: walking corpus paths (mbox, maildir, .eml,
 * directories), mapping files, batching messages to a pool of worker
 * threads, emitting records in corpus order and counting them. Memory is
 * bounded by the batch, not the corpus: mapped pages already verified are
 * given back to the kernel.
 */
#define _DEFAULT_SOURCE 1 /* madvise(MADV_DONTNEED) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "dir.h"
#include "hash.h"
#include "mbox.h"
#include "pool.h"
#include "run.h"
#include "stream.h"
#include "verify.h"

#define RUN_BATCH 256     /* messages verified per batch */
#define RUN_MAX_DEPTH 32  /* directory nesting followed */
#define RUN_MAX_MAPS 1024 /* files held open by one batch */
#define RUN_SEGMENT ((size_t)8 << 20) /* stream bytes split at a time */
#define RUN_SNIFF 4096    /* bytes looked at to tell mail from the rest */

typedef struct run_item {
    const char *data;     /* message bytes (mapped) */
    size_t len;           /* bytes of data */
    lk_mail_source src;   /* provenance */
    size_t file;          /* index into the totals' files */
    lk_buf rec;           /* the record, reused between batches */
    lk_mail_outcome oc;   /* what the totals need */
    int error;            /* verification status */
} run_item;

typedef struct run_map {
    void *addr;           /* mapping, or heap buffer when "heap" */
    size_t len;           /* its length */
    int heap;             /* 1: lk_malloc'd (a stream's piece) */
} run_map;

typedef struct run_hash {
    size_t file;          /* index into the totals' files */
    const char *data;     /* bytes still to hash */
    size_t len;           /* their length */
    int final;            /* 1: the file's last bytes */
} run_hash;

typedef struct run_dirid {
    dev_t dev;            /* device of a directory being walked */
    ino_t ino;            /* its inode */
} run_dirid;

struct lk_mail_run {
    lk_mail_options o;            /* options (keys borrowed) */
    char *keys_path;              /* copy of o.keys_path */
    lk_mail_totals t;             /* the counts */
    lk_mail_dns *dns;             /* live DNS cache, NULL if off */
    lk_pool *pool;                /* the worker threads */
    unsigned nworkers;            /* workers, the calling thread included */
    lk_mail_worker **w;           /* one verifier per worker */
    run_item *items;              /* the batch being filled, verified */
    size_t nitems;                /* items in the batch */
    run_item *done_items;         /* the batch verified, not yet emitted:
                                   * emitted while the next one verifies */
    size_t ndone;                 /* items in done_items */
    run_map maps[RUN_MAX_MAPS];   /* mappings to release after the batch */
    size_t nmaps;                 /* used */
    run_hash hashes[RUN_MAX_MAPS + 1]; /* file bytes to hash */
    size_t nhashes;               /* used */
    EVP_MD_CTX **fctx;            /* per file digest, by file index */
    size_t cfctx;                 /* allocated */
    size_t segment;               /* stream bytes split at a time */
    run_dirid dirs[RUN_MAX_DEPTH + 1]; /* directories being walked */
};

const lk_mail_options *lk_mail__run_options(const lk_mail_run *run)
{
    return &run->o;
}

const lk_mail_totals *lk_mail__run_totals(const lk_mail_run *run)
{
    return &run->t;
}

lk_mail_dns *lk_mail__run_dns(const lk_mail_run *run)
{
    return run->dns;
}

/* ---- the batch ----------------------------------------------------------- */

/* Pool job: verify item "job" of the batch on worker "worker". */
static void run_job(size_t job, unsigned worker, void *payload)
{
    lk_mail_run *r = payload;
    run_item *it = &r->items[job];
    it->rec.len = 0;
    it->rec.error = 0;
    it->error = lk_mail__verify(r->w[worker], &r->o, &it->src, it->data,
                                it->len, &it->rec, &it->oc);
}

/* Release the mappings and stream pieces the last batch used. */
static void run_maps_release(lk_mail_run *r)
{
    size_t i;
    for (i = 0; i < r->nmaps; i++) {
        if (r->maps[i].heap)
            lk_free(r->maps[i].addr);
        else
            munmap(r->maps[i].addr, r->maps[i].len);
    }
    r->nmaps = 0;
}

/* Free the workers and the batch of "r". */
static void run_batch_free(lk_mail_run *r)
{
    unsigned i;
    size_t k;
    lk_pool_free(r->pool);
    for (i = 0; r->w && i < r->nworkers; i++)
        lk_mail__worker_free(r->w[i]);
    for (k = 0; r->items && k < RUN_BATCH; k++)
        lk_buf_dispose(&r->items[k].rec);
    for (k = 0; r->done_items && k < RUN_BATCH; k++)
        lk_buf_dispose(&r->done_items[k].rec);
    run_maps_release(r);
    for (k = 0; k < r->cfctx; k++)
        EVP_MD_CTX_free(r->fctx[k]);
    lk_free(r->fctx);
    lk_free(r->done_items);
    lk_free(r->items);
    lk_free(r->w);
}

/* Allocate the batch and "n" workers with their threads. Returns 0,
 * LK_ENOMEM or LK_ERROR; run_batch_free releases a partial result. */
static int run_batch_new(lk_mail_run *r, unsigned n)
{
    unsigned i;
    size_t k;
    int error;
    r->nworkers = n;
    r->w = lk_calloc(n, sizeof(*r->w));
    r->items = lk_calloc(RUN_BATCH, sizeof(*r->items));
    r->done_items = lk_calloc(RUN_BATCH, sizeof(*r->done_items));
    if (r->w == NULL || r->items == NULL || r->done_items == NULL)
        return LK_ENOMEM;
    for (k = 0; k < RUN_BATCH; k++) {
        lk_buf_init(&r->items[k].rec, (size_t)4 << 20);
        lk_buf_init(&r->done_items[k].rec, (size_t)4 << 20);
    }
    for (i = 0; i < n; i++) {
        error = lk_mail__worker_new(&r->w[i], r->dns);
        if (error < 0)
            return error;
    }
    return lk_pool_new(&r->pool, n);
}

/* Feed the queued file bytes to their digests; finish the files whose
 * last bytes came. Returns 0 or LK_ERROR with "err" set. */
static int run_hash_pending(lk_mail_run *r, lk_error *err)
{
    size_t k;
    int error = 0;
    for (k = 0; k < r->nhashes && error == 0; k++) {
        run_hash *h = &r->hashes[k];
        EVP_MD_CTX *c = r->fctx[h->file];
        if (h->len && EVP_DigestUpdate(c, h->data, h->len) != 1)
            error = LK_ERROR;
        if (h->final && error == 0) {
            error = lk_hash_final_hex(c, r->t.files[h->file].sha256);
            EVP_MD_CTX_free(c);
            r->fctx[h->file] = NULL;
        }
    }
    r->nhashes = 0;
    if (error < 0)
        lk_error_set(err, error, "cannot compute a SHA-256");
    return error;
}

/* Report the failure "error" of a message's verification in "err". */
static int run_item_error(int error, lk_error *err)
{
    if (error == LK_ENOMEM)
        return lk_error_set_oom(err);
    if (error == LK_ETOOBIG)
        return lk_error_set(err, error, "record too large");
    return lk_error_set(err, error, "cryptographic library failure");
}

/* Emit the records of the verified batch in order and count them. */
static int run_emit(lk_mail_run *r, lk_error *err)
{
    size_t i;
    int error = 0;
    for (i = 0; i < r->ndone && error == 0; i++) {
        run_item *it = &r->done_items[i];
        if (it->error < 0) {
            error = run_item_error(it->error, err);
            break;
        }
        if (r->o.on_record != NULL) {
            error = r->o.on_record(it->rec.ptr, it->rec.len,
                                   r->o.record_payload);
            if (error != 0) {
                lk_error_set(err, error, "cannot write a record");
                break;
            }
        }
        error = lk_mail__totals_add(&r->t, &it->oc, it->file,
                                    it->src.offset);
        if (error < 0)
            lk_error_set_oom(err);
    }
    r->ndone = 0;
    if (r->o.on_progress != NULL)
        r->o.on_progress(r->t.messages, r->o.progress_payload);
    return error;
}

/* Swap the verified batch in to be emitted and release the mappings
 * it used. */
static void run_rotate(lk_mail_run *r)
{
    run_item *t = r->done_items;
    r->done_items = r->items;
    r->ndone = r->nitems;
    r->items = t;
    r->nitems = 0;
    run_maps_release(r);
}

/*
 * Verify the filled batch on every worker while this thread hashes input
 * files and emits the previous batch (a pipeline: the workers never wait
 * for the records to be written). The batch just verified becomes the
 * one to emit; run_finish emits the last.
 */
static int run_flush(lk_mail_run *r, lk_error *err)
{
    int error, e2, e3;
    error = lk_pool_start(r->pool, r->nitems, run_job, r);
    e2 = run_hash_pending(r, err);
    e3 = run_emit(r, err);
    if (lk_pool_wait(r->pool) < 0 && error == 0)
        error = LK_ERROR;
    if (error < 0)
        lk_error_set(err, error, "worker thread synchronisation failed");
    run_rotate(r);
    if (e2 != 0)
        return e2;
    return e3 != 0 ? e3 : error;
}

/* Verify and emit everything still pending. */
static int run_finish(lk_mail_run *r, lk_error *err)
{
    int error = run_flush(r, err);
    int e2 = run_emit(r, err);
    return error != 0 ? error : e2;
}

typedef struct run_split {
    lk_mail_run *run;     /* the run */
    size_t file;          /* file index */
    int mbox;             /* messages come from an mbox */
    const char *base;     /* start of the file's bytes */
    size_t hashed;        /* bytes queued for hashing */
    size_t len;           /* file length */
    void *map;            /* the mapping, NULL for buffers */
    size_t map_len;       /* its length */
    long long off0;       /* offset of the piece in the input (streams) */
    int nohash;           /* the stream hashes the file itself */
    lk_error *err;        /* receives errors */
} run_split;

/* Queue the bytes of the split file up to "upto" for hashing ("final":
 * they are its last). Cannot fail. */
static void run_queue_hash(lk_mail_run *r, run_split *s, size_t upto,
                           int final)
{
    run_hash *h;
    if (r->o.flags & LK_MAIL_NO_FILE_HASH) {
        if (final) { /* no digest; the context is not needed */
            EVP_MD_CTX_free(r->fctx[s->file]);
            r->fctx[s->file] = NULL;
        }
        return;
    }
    h = &r->hashes[r->nhashes++];
    h->file = s->file;
    h->data = s->base + s->hashed;
    h->len = upto - s->hashed;
    h->final = final;
    s->hashed = upto;
}

static int run_on_message(const char *data, size_t len, long long off,
                          void *payload)
{
    run_split *s = payload;
    lk_mail_run *r = s->run;
    run_item *it;
    if (r->nitems == RUN_BATCH) {
        int error;
        size_t done = (size_t)(data - s->base);
        if (!s->nohash)
            run_queue_hash(r, s, done, 0);
        error = run_flush(r, s->err);
        if (error != 0)
            return error;
        if (s->map != NULL && done > 0) {
            /* give back the pages verified so far */
            long pg = sysconf(_SC_PAGESIZE);
            size_t cut = done - done % (size_t)(pg > 0 ? pg : 4096);
            if (cut > 0)
                madvise(s->map, cut, MADV_DONTNEED);
        }
    }
    it = &r->items[r->nitems++];
    it->data = data;
    it->len = len;
    it->src.file = r->t.files[s->file].path;
    it->src.offset = s->mbox ? off + s->off0 : -1;
    it->src.mbox = s->mbox;
    it->file = s->file;
    it->error = 0;
    return 0;
}

/* Room for a digest of every input up to "n" files. Returns 0 or
 * LK_ENOMEM. */
static int run_fctx_reserve(lk_mail_run *r, size_t n)
{
    size_t nc;
    EVP_MD_CTX **c;
    if (n < r->cfctx)
        return 0;
    nc = r->cfctx ? r->cfctx * 2 : 16;
    c = lk_realloc(r->fctx, nc * sizeof(*c));
    if (c == NULL)
        return LK_ENOMEM;
    memset(c + r->cfctx, 0, (nc - r->cfctx) * sizeof(*c));
    r->fctx = c;
    r->cfctx = nc;
    return 0;
}

/* Add input "path" of "bytes" bytes with its digest started; its index
 * goes to "*idx". Returns 0, LK_ENOMEM, LK_ERROR or the status of
 * flushing a full batch, with "err" set. */
static int run_file_new(lk_mail_run *r, const char *path,
                        unsigned long long bytes, size_t *idx,
                        lk_error *err)
{
    EVP_MD_CTX *c;
    if (r->nhashes >= RUN_MAX_MAPS || r->nmaps >= RUN_MAX_MAPS) {
        int error = run_flush(r, err);
        if (error != 0)
            return error;
    }
    if (run_fctx_reserve(r, r->t.nfiles) < 0)
        return lk_error_set_oom(err);
    c = EVP_MD_CTX_new();
    if (c == NULL)
        return lk_error_set_oom(err);
    if (EVP_DigestInit_ex(c, lk_hash_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(c);
        return lk_error_set(err, LK_ERROR, "cannot compute a SHA-256");
    }
    if (lk_mail__totals_file(&r->t, path, bytes, idx) < 0) {
        EVP_MD_CTX_free(c);
        return lk_error_set_oom(err);
    }
    r->fctx[*idx] = c;
    return 0;
}

static int run_bytes(lk_mail_run *r, const char *name, const char *data,
                     size_t len, void *map, lk_error *err)
{
    run_split s;
    int error;
    memset(&s, 0, sizeof(s));
    error = run_file_new(r, name, len, &s.file, err);
    if (error != 0) {
        if (map != NULL)
            munmap(map, len);
        return error;
    }
    s.run = r;
    s.base = data;
    s.len = len;
    s.map = map;
    s.map_len = len;
    s.err = err;
    s.mbox = len >= 5 && memcmp(data, "From ", 5) == 0;
    error = lk_mail__mbox_split(data, len, run_on_message, &s);
    if (error == 0)
        run_queue_hash(r, &s, len, 1);
    if (map != NULL)
        r->maps[r->nmaps++] = (run_map){map, len, 0};
    return error;
}

/* ---- skipped inputs ------------------------------------------------------ */

/* Note that "path" was skipped because of "why" and go on. Returns 0 or
 * LK_ENOMEM with "err" set. */
static int run_skip(lk_mail_run *r, const char *path, const char *why,
                    lk_error *err)
{
    if (lk_mail__totals_skip(&r->t, path, why) < 0)
        return lk_error_set_oom(err);
    return 0;
}

/* As run_skip, the reason being "what" and the system error "sys". */
static int run_skip_sys(lk_mail_run *r, const char *path, const char *what,
                        int sys, lk_error *err)
{
    char why[256];
    if (sys == ELOOP)
        snprintf(why, sizeof(why), "%s: a symbolic link loop", what);
    else
        snprintf(why, sizeof(why), "%s: %s", what, strerror(sys));
    return run_skip(r, path, why, err);
}

/* ---- streams ------------------------------------------------------------- */

/* An input read piece by piece (standard input, pipes, compressed
 * files). */
typedef struct run_reader {
    lk_mail_stream *st;   /* the decoded bytes */
    char *buf;            /* bytes read, not yet verified */
    size_t len, cap;      /* used, allocated */
    long long off;        /* offset of buf[0] in the decoded input */
    int eof;              /* nothing more to read */
    int error;            /* the stream's error, 0 if none */
    int sys;              /* errno of a read error */
} run_reader;

/* Read until "rd" holds "want" bytes, the input ends or fails (rd->error
 * set). Returns 0 or LK_ENOMEM. */
static int run_read_more(run_reader *rd, size_t want)
{
    while (!rd->eof && rd->error == 0 && rd->len < want) {
        size_t got;
        if (rd->cap - rd->len < ((size_t)1 << 16)) {
            size_t nc = rd->cap ? rd->cap * 2 : (size_t)1 << 20;
            char *nb = lk_realloc(rd->buf, nc);
            if (nb == NULL)
                return LK_ENOMEM;
            rd->buf = nb;
            rd->cap = nc;
        }
        rd->error = lk_mail__stream_read(rd->st, rd->buf + rd->len,
                                         rd->cap - rd->len, &got, &rd->sys);
        if (rd->error == 0 && got == 0)
            rd->eof = 1;
        rd->len += got;
    }
    return 0;
}

/* Verify the first "cut" bytes of the reader ("more": a separator
 * follows), hand its buffer to the batch and keep the rest. Returns 0,
 * LK_ENOMEM or the status of a flush, with "err" set. */
static int run_piece(lk_mail_run *r, run_split *s, run_reader *rd,
                     size_t cut, int more)
{
    size_t rest = rd->len - cut;
    char *nb;
    int error = 0;
    if (r->nmaps >= RUN_MAX_MAPS)
        error = run_flush(r, s->err);
    if (error != 0)
        return error;
    s->off0 = rd->off;
    s->base = rd->buf;
    error = lk_mail__mbox_split_part(rd->buf, cut, more, run_on_message, s);
    nb = lk_malloc(rest > 0 ? rest : 1);
    if (nb == NULL) { /* the batch may still point into rd->buf */
        r->maps[r->nmaps++] = (run_map){rd->buf, rd->cap, 1};
        rd->buf = NULL;
        return lk_error_set_oom(s->err);
    }
    memcpy(nb, rd->buf + cut, rest);
    r->maps[r->nmaps++] = (run_map){rd->buf, rd->cap, 1};
    rd->buf = nb;
    rd->cap = rest > 0 ? rest : 1;
    rd->len = rest;
    rd->off += (long long)cut;
    return error;
}

/* Split the stream of "rd" into pieces at separators and verify them;
 * a single message is read whole. Returns 0, LK_ENOMEM or a flush's
 * status, with "err" set; rd->error says if the input failed. */
static int run_pieces(lk_mail_run *r, run_split *s, run_reader *rd)
{
    size_t want = rd->len + r->segment;
    int error = 0;
    while (error == 0) {
        size_t cut;
        if (run_read_more(rd, s->mbox ? want : (size_t)-1) < 0)
            return lk_error_set_oom(s->err);
        if (rd->error != 0) { /* verify the messages read whole */
            cut = s->mbox ? lk_mail__mbox_cut(rd->buf, rd->len) : 0;
            return cut ? run_piece(r, s, rd, cut, 1) : 0;
        }
        if (rd->eof)
            return run_piece(r, s, rd, rd->len, 0);
        cut = lk_mail__mbox_cut(rd->buf, rd->len);
        if (cut == 0) { /* one message longer than a piece */
            want = rd->len + r->segment;
            continue;
        }
        error = run_piece(r, s, rd, cut, 1);
        want = rd->len + r->segment;
    }
    return error;
}

/* Finish stream input "file": its size and digest as stored, or a skip
 * entry when it failed part way. Returns 0 or LK_ENOMEM. */
static int run_stream_end(lk_mail_run *r, size_t file, run_reader *rd,
                          int z, lk_error *err)
{
    lk_mail_filestat *f = &r->t.files[file];
    char why[256];
    f->bytes = lk_mail__stream_raw(rd->st);
    if (rd->error == 0) {
        if (lk_mail__stream_sha256(rd->st, f->sha256) < 0)
            return lk_error_set(err, LK_ERROR, "cannot compute a SHA-256");
        return 0;
    }
    if (rd->error == LK_EIO)
        snprintf(why, sizeof(why), "read error after %lld bytes: %s; the "
                 "rest was not read", rd->off, strerror(rd->sys));
    else
        snprintf(why, sizeof(why), "corrupt or truncated %s data after "
                 "%lld bytes of mail; the rest was not read",
                 lk_mail__z_name(z), rd->off);
    return run_skip(r, f->path, why, err);
}

/* Verify the input "name" read from stream "st" (freed here). Returns 0,
 * LK_ENOMEM or a flush's status, with "err" set. */
static int run_stream(lk_mail_run *r, const char *name, lk_mail_stream *st,
                      int z, lk_error *err)
{
    run_reader rd;
    run_split s;
    const char *why;
    int error, inner;
    memset(&rd, 0, sizeof(rd));
    memset(&s, 0, sizeof(s));
    rd.st = st;
    error = run_read_more(&rd, RUN_SNIFF);
    why = error == 0 ? lk_mail__sniff(rd.buf, rd.len, &inner) : NULL;
    if (error == 0 && why == NULL && inner != LK_MAIL_Z_NONE)
        why = "compressed data inside compressed data: decompress it first";
    if (error == 0 && why != NULL)
        error = run_skip(r, name, why, err);
    else if (error == 0)
        error = run_file_new(r, name, 0, &s.file, err);
    if (error == 0 && why == NULL) {
        EVP_MD_CTX_free(r->fctx[s.file]); /* the stream hashes itself */
        r->fctx[s.file] = NULL;
        s.run = r;
        s.nohash = 1;
        s.err = err;
        s.mbox = rd.len >= 5 && memcmp(rd.buf, "From ", 5) == 0;
        error = run_pieces(r, &s, &rd);
        if (error == 0)
            error = run_stream_end(r, s.file, &rd, z, err);
    } else if (error == LK_ENOMEM) {
        lk_error_set_oom(err);
    }
    lk_free(rd.buf);
    lk_mail__stream_free(st);
    return error;
}

/* Verify descriptor "fd" (or the "len" bytes of "mem" when fd is -1)
 * named "name" as a stream compressed with "z". Returns as run_stream. */
static int run_fd(lk_mail_run *r, const char *name, int fd, const char *mem,
                  size_t len, int z, lk_error *err)
{
    lk_mail_stream *st = NULL;
    int hash = !(r->o.flags & LK_MAIL_NO_FILE_HASH);
    int error = lk_mail__stream_new(&st, fd, mem, len, z, hash);
    if (error == LK_ENOMEM)
        return lk_error_set_oom(err);
    if (error < 0)
        return lk_error_set_at(err, error, name, 0, 0, NULL,
                               "cannot start the %s decoder",
                               lk_mail__z_name(z));
    return run_stream(r, name, st, z, err);
}

/* ---- files and directories ----------------------------------------------- */

/* Map regular file "fd" of "size" bytes (NULL for an empty one) into
 * "*map". Returns 0 or LK_EIO with "err" set. */
static int run_map_file(const char *path, int fd, off_t size, void **map,
                        lk_error *err)
{
    *map = NULL;
    if (size <= 0)
        return 0;
    *map = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (*map == MAP_FAILED) {
        *map = NULL;
        return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                               strerror(errno));
    }
    madvise(*map, (size_t)size, MADV_SEQUENTIAL);
    return 0;
}

/* Verify the open regular file "fd": mapped when plain mail, read
 * through its decoder when compressed, skipped when not mail. Returns 0,
 * LK_EIO, LK_ENOMEM or a flush's status, with "err" set. */
static int run_regular(lk_mail_run *r, const char *path, int fd,
                       off_t size, lk_error *err)
{
    void *map;
    const char *why;
    int z, error = run_map_file(path, fd, size, &map, err);
    if (error != 0)
        return error;
    if (map == NULL)
        return run_bytes(r, path, "", 0, NULL, err);
    why = lk_mail__sniff(map, (size_t)size < RUN_SNIFF ? (size_t)size
                                                        : RUN_SNIFF, &z);
    if (why == NULL && z == LK_MAIL_Z_NONE)
        return run_bytes(r, path, map, (size_t)size, map, err);
    munmap(map, (size_t)size);
    if (why != NULL)
        return run_skip(r, path, why, err);
    return run_fd(r, path, fd, NULL, 0, z, err);
}

/* Verify file "path" ("top": given by the user, whose errors stop the
 * run; else found in a directory, whose errors are skipped). */
static int run_file(lk_mail_run *r, const char *path, int top,
                    lk_error *err)
{
    int fd = open(path, O_RDONLY), error;
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        if (!top)
            return run_skip_sys(r, path, "cannot be read", e, err);
        return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                               strerror(e));
    }
    if (S_ISREG(st.st_mode))
        error = run_regular(r, path, fd, st.st_size, err);
    else /* a pipe, a FIFO, a terminal: an mbox stream */
        error = run_fd(r, path, fd, NULL, 0, LK_MAIL_Z_NONE, err);
    close(fd);
    if (error == LK_EIO && !top) { /* mmap failed inside a directory */
        lk_error_clear(err);
        return run_skip(r, path, "cannot be mapped", err);
    }
    return error;
}

static int run_path(lk_mail_run *r, const char *path, int depth,
                    lk_error *err);

/* Is the directory "st" already being walked (a link back up)? */
static int run_dir_seen(const lk_mail_run *r, const struct stat *st,
                        int depth)
{
    int k;
    for (k = 0; k < depth; k++)
        if (r->dirs[k].dev == st->st_dev && r->dirs[k].ino == st->st_ino)
            return 1;
    return 0;
}

static int run_dir(lk_mail_run *r, const char *path, int depth,
                   lk_error *err)
{
    char **names = NULL;
    size_t n = 0, i;
    int error, maildir = 0;
    lk_buf sub;
    error = lk_dir_names(&names, &n, path, NULL, (size_t)1 << 24, "entries",
                         err);
    if (error < 0 && depth > 0 && error != LK_ENOMEM) {
        lk_error_clear(err);
        return run_skip_sys(r, path, "directory cannot be read",
                            errno ? errno : EIO, err);
    }
    if (error < 0)
        return error;
    for (i = 0; i < n; i++)
        if (!strcmp(names[i], "cur") || !strcmp(names[i], "new"))
            maildir++;
    lk_buf_init(&sub, 8192);
    for (i = 0; i < n && error == 0; i++) {
        if (maildir == 2 && !strcmp(names[i], "tmp"))
            continue; /* deliveries in progress */
        sub.len = 0;
        sub.error = 0;
        lk_buf_printf(&sub, "%s%s%s", path,
                      path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
        if (sub.error < 0) {
            error = lk_error_set(err, LK_ETOOBIG, "path too long");
            break;
        }
        error = run_path(r, sub.ptr, depth + 1, err);
    }
    lk_buf_dispose(&sub);
    lk_dir_names_free(names, n);
    return error;
}

/* Walk directory "path" of status "st" at "depth", unless it loops back
 * or nests too deep. */
static int run_dir_enter(lk_mail_run *r, const char *path,
                         const struct stat *st, int depth, lk_error *err)
{
    if (run_dir_seen(r, st, depth))
        return run_skip(r, path, "a symbolic link loop: the directory is "
                        "already being read", err);
    if (depth >= RUN_MAX_DEPTH) {
        if (depth > 0)
            return run_skip(r, path, "directories nested too deep", err);
        return lk_error_set_at(err, LK_ETOOBIG, path, 0, 0, NULL,
                               "directories nested too deep");
    }
    r->dirs[depth].dev = st->st_dev;
    r->dirs[depth].ino = st->st_ino;
    return run_dir(r, path, depth, err);
}

static int run_path(lk_mail_run *r, const char *path, int depth,
                    lk_error *err)
{
    struct stat st;
    if (depth == 0 && !strcmp(path, "-"))
        return run_fd(r, "-", STDIN_FILENO, NULL, 0, LK_MAIL_Z_NONE, err);
    if (stat(path, &st) != 0) {
        if (depth > 0)
            return run_skip_sys(r, path, "cannot be read", errno, err);
        return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                               strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        return run_dir_enter(r, path, &st, depth, err);
    if (S_ISREG(st.st_mode) || (depth == 0 && (S_ISFIFO(st.st_mode) ||
                                               S_ISCHR(st.st_mode))))
        return run_file(r, path, depth == 0, err);
    return run_skip(r, path, "not a regular file (a device, socket or "
                    "FIFO inside a directory is not read)", err);
}

/* ---- public -------------------------------------------------------------- */

int lk_mail_run_new(lk_mail_run **out, const lk_mail_options *opts,
                    lk_error *err)
{
    lk_mail_run *r;
    unsigned jobs;
    int error;
    if (opts == NULL || opts->version != LK_MAIL_OPTIONS_VERSION)
        return lk_error_set(err, LK_EINVALID, "unknown options version");
    jobs = opts->jobs ? opts->jobs : 1;
    if (jobs > 64)
        return lk_error_set(err, LK_EINVALID, "at most 64 jobs");
    r = lk_calloc(1, sizeof(*r));
    if (r == NULL)
        return lk_error_set_oom(err);
    r->o = *opts;
    r->o.jobs = jobs;
    r->segment = RUN_SEGMENT;
    if (r->o.max_signatures == 0)
        r->o.max_signatures = 1;
    if (opts->keys_path != NULL) {
        r->keys_path = lk_strdup(opts->keys_path);
        if (r->keys_path == NULL) {
            lk_mail_run_free(r);
            return lk_error_set_oom(err);
        }
        r->o.keys_path = r->keys_path;
    } else if (opts->keys != NULL) {
        r->o.keys_path = opts->keys->file;
    }
    error = (r->o.flags & LK_MAIL_DNS) ? lk_mail__dns_new(&r->dns) : 0;
    if (error == 0)
        error = run_batch_new(r, jobs);
    if (error < 0) {
        lk_mail_run_free(r);
        return error == LK_ENOMEM
                   ? lk_error_set_oom(err)
                   : lk_error_set(err, error, "cannot start the workers");
    }
    *out = r;
    return 0;
}

int lk_mail_run_add_path(lk_mail_run *run, const char *path, lk_error *err)
{
    int error = run_path(run, path, 0, err);
    int fl = run_finish(run, err);
    return error != 0 ? error : fl;
}

int lk_mail_run_add_buffer(lk_mail_run *run, const char *name,
                           const char *data, size_t len, lk_error *err)
{
    int z, error;
    const char *why = lk_mail__sniff(data, len < RUN_SNIFF ? len : RUN_SNIFF,
                                     &z);
    if (why != NULL)
        error = run_skip(run, name, why, err);
    else if (z != LK_MAIL_Z_NONE)
        error = run_fd(run, name, -1, data, len, z, err);
    else
        error = run_bytes(run, name, data, len, NULL, err);
    int fl = run_finish(run, err);
    return error != 0 ? error : fl;
}

unsigned long long lk_mail_run_messages(const lk_mail_run *run)
{
    return run->t.messages;
}

unsigned long long lk_mail_run_count(const lk_mail_run *run,
                                     const char *verdict)
{
    int k;
    for (k = 0; k < LK_MAIL_V_COUNT; k++)
        if (!strcmp(verdict, lk_mail_verdict_names[k]))
            return run->t.verdicts[k];
    return 0;
}

size_t lk_mail_run_skipped(const lk_mail_run *run)
{
    return run->t.nskipped;
}

int lk_mail_run_skipped_get(const lk_mail_run *run, size_t i,
                            const char **path, const char **reason)
{
    if (i >= run->t.nskipped)
        return LK_ENOTFOUND;
    *path = run->t.skipped[i].path;
    *reason = run->t.skipped[i].reason;
    return 0;
}

void lk_mail_run_free(lk_mail_run *run)
{
    if (run == NULL)
        return;
    run_batch_free(run);
    lk_mail__dns_free(run->dns);
    lk_mail__totals_dispose(&run->t);
    lk_free(run->keys_path);
    lk_free(run);
}

void lk_mail__run_set_piece(lk_mail_run *run, size_t bytes)
{
    run->segment = bytes > 0 ? bytes : 1;
}

int lk_mail__run_add_stream(lk_mail_run *run, const char *name,
                            const char *data, size_t len, int z,
                            lk_error *err)
{
    int error = run_fd(run, name, -1, data, len, z, err);
    int fl = run_finish(run, err);
    return error != 0 ? error : fl;
}
