/*
 * mail_run.c: a verification run: walking corpus paths (mbox, maildir,
 * .eml, directories), mapping files, batching messages to a pool of
 * worker threads, emitting records in corpus order and keeping the totals
 * the summaries need. Memory is bounded by the batch, not the corpus:
 * mapped pages already verified are given back to the kernel.
 */
#define _DEFAULT_SOURCE 1 /* madvise(MADV_DONTNEED) */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "dir.h"
#include "array.h"
#include "date.h"
#include "mail_int.h"

#define RUN_BATCH 256     /* messages verified per batch */
#define RUN_MAX_DEPTH 32  /* directory nesting followed */
#define RUN_MAX_MAPS 1024 /* files held open by one batch */

typedef struct run_item {
    const char *data;     /* message bytes (mapped) */
    size_t len;           /* bytes of data */
    lk_mail_source src;   /* provenance */
    size_t file;          /* index into run->files */
    lk_buf rec;           /* the record, reused between batches */
    lk_mail_outcome oc;   /* what the totals need */
    int error;            /* verification status */
} run_item;

typedef struct run_map {
    void *addr;           /* mapping */
    size_t len;           /* its length */
} run_map;

typedef struct run_hash {
    size_t file;          /* index into run->files */
    const char *data;     /* bytes still to hash */
    size_t len;           /* their length */
    int final;            /* 1: the file's last bytes */
} run_hash;

typedef struct lk_mail_pool {
    unsigned n;                   /* workers, the calling thread included */
    lk_mail_worker **w;           /* one verifier per worker */
    pthread_t *th;                /* threads 1..n-1 */
    unsigned started;             /* threads running */
    pthread_mutex_t mu;           /* guards gen, busy, quit */
    pthread_cond_t go, done;      /* batch start, batch end */
    unsigned long gen;            /* batch generation */
    unsigned busy;                /* threads still working */
    int quit;                     /* threads must exit */
    run_item *items;              /* the batch being filled, verified */
    size_t nitems;                /* items in the batch */
    run_item *done_items;         /* the batch verified, not yet emitted:
                                   * emitted while the next one verifies */
    size_t ndone;                 /* items in done_items */
    size_t next;                  /* next item to claim (atomic) */
    run_map maps[RUN_MAX_MAPS];   /* mappings to release after the batch */
    size_t nmaps;                 /* used */
    run_hash hashes[RUN_MAX_MAPS + 1]; /* file bytes to hash */
    size_t nhashes;               /* used */
    EVP_MD_CTX **fctx;            /* per file digest, by file index */
    size_t cfctx;                 /* allocated */
    lk_mail_run *run;             /* owner */
} lk_mail_pool;

typedef struct pool_arg {
    lk_mail_pool *pool;   /* the pool */
    unsigned idx;         /* worker index */
} pool_arg;

static void pool_work(lk_mail_pool *p, unsigned idx)
{
    for (;;) {
        size_t i = __atomic_fetch_add(&p->next, 1, __ATOMIC_RELAXED);
        run_item *it;
        if (i >= p->nitems)
            break;
        it = &p->items[i];
        it->rec.len = 0;
        it->rec.error = 0;
        it->error = lk_mail__verify(p->w[idx], &p->run->o, &it->src,
                                    it->data, it->len, &it->rec, &it->oc);
    }
}

static void *pool_thread(void *arg)
{
    pool_arg *a = arg;
    lk_mail_pool *p = a->pool;
    unsigned long seen = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->gen == seen && !p->quit)
            pthread_cond_wait(&p->go, &p->mu);
        if (p->quit)
            break;
        seen = p->gen;
        pthread_mutex_unlock(&p->mu);
        pool_work(p, a->idx);
        pthread_mutex_lock(&p->mu);
        if (--p->busy == 0)
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    lk_free(a);
    return NULL;
}

static void pool_free(lk_mail_pool *p)
{
    unsigned i;
    size_t k;
    if (p == NULL)
        return;
    if (p->started) {
        pthread_mutex_lock(&p->mu);
        p->quit = 1;
        pthread_cond_broadcast(&p->go);
        pthread_mutex_unlock(&p->mu);
        for (i = 0; i < p->started; i++)
            pthread_join(p->th[i], NULL);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->go);
    pthread_cond_destroy(&p->done);
    for (i = 0; p->w && i < p->n; i++)
        lk_mail__worker_free(p->w[i]);
    for (k = 0; p->items && k < RUN_BATCH; k++)
        lk_buf_dispose(&p->items[k].rec);
    for (k = 0; p->done_items && k < RUN_BATCH; k++)
        lk_buf_dispose(&p->done_items[k].rec);
    lk_free(p->done_items);
    for (k = 0; k < p->nmaps; k++)
        munmap(p->maps[k].addr, p->maps[k].len);
    for (k = 0; k < p->cfctx; k++)
        EVP_MD_CTX_free(p->fctx[k]);
    lk_free(p->fctx);
    lk_free(p->items);
    lk_free(p->w);
    lk_free(p->th);
    lk_free(p);
}

static int pool_new(lk_mail_pool **out, lk_mail_run *run, unsigned n)
{
    lk_mail_pool *p = lk_calloc(1, sizeof(*p));
    unsigned i;
    size_t k;
    if (p == NULL)
        return LK_ENOMEM;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->go, NULL);
    pthread_cond_init(&p->done, NULL);
    p->n = n;
    p->run = run;
    p->w = lk_calloc(n, sizeof(*p->w));
    p->th = lk_calloc(n, sizeof(*p->th));
    p->items = lk_calloc(RUN_BATCH, sizeof(*p->items));
    p->done_items = lk_calloc(RUN_BATCH, sizeof(*p->done_items));
    if (p->w == NULL || p->th == NULL || p->items == NULL ||
        p->done_items == NULL)
        goto oom;
    for (k = 0; k < RUN_BATCH; k++) {
        lk_buf_init(&p->items[k].rec, (size_t)4 << 20);
        lk_buf_init(&p->done_items[k].rec, (size_t)4 << 20);
    }
    for (i = 0; i < n; i++)
        if (lk_mail__worker_new(&p->w[i], run->dns) < 0)
            goto oom;
    for (i = 1; i < n; i++) {
        pool_arg *a = lk_malloc(sizeof(*a));
        if (a == NULL)
            goto oom;
        a->pool = p;
        a->idx = i;
        if (pthread_create(&p->th[p->started], NULL, pool_thread, a) != 0) {
            lk_free(a);
            goto oom;
        }
        p->started++;
    }
    *out = p;
    return 0;
oom:
    pool_free(p);
    return LK_ENOMEM;
}

/* ---- totals -------------------------------------------------------------- */

static lk_mail_domstat *run_dom(lk_mail_run *r, const char *name)
{
    size_t lo = 0, hi = r->ndoms;
    lk_mail_domstat *d;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(r->doms[mid].name, name);
        if (c == 0)
            return &r->doms[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    d = lk_array_grow(r->doms, &r->cdoms, r->ndoms, sizeof(*d));
    if (d == NULL)
        return NULL;
    r->doms = d;
    memmove(&d[lo + 1], &d[lo], (r->ndoms - lo) * sizeof(*d));
    memset(&d[lo], 0, sizeof(*d));
    snprintf(d[lo].name, sizeof(d[lo].name), "%s", name);
    r->ndoms++;
    return &d[lo];
}

static int run_keycmp(const lk_mail_keystat *k, const char *name,
                      unsigned line)
{
    int c = strcmp(k->name, name);
    if (c != 0)
        return c;
    return k->line < line ? -1 : k->line > line;
}

static lk_mail_keystat *run_key(lk_mail_run *r, const char *name,
                                unsigned line)
{
    size_t lo = 0, hi = r->nkeys;
    lk_mail_keystat *k;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = run_keycmp(&r->keys[mid], name, line);
        if (c == 0)
            return &r->keys[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    k = lk_array_grow(r->keys, &r->ckeys, r->nkeys, sizeof(*k));
    if (k == NULL)
        return NULL;
    r->keys = k;
    memmove(&k[lo + 1], &k[lo], (r->nkeys - lo) * sizeof(*k));
    memset(&k[lo], 0, sizeof(*k));
    snprintf(k[lo].name, sizeof(k[lo].name), "%s", name);
    k[lo].line = line;
    k[lo].tmin = k[lo].tmax = -1;
    r->nkeys++;
    return &k[lo];
}

static int run_month(lk_mail_keystat *k, long long t)
{
    int y, m, d, ym;
    size_t i;
    lk_mail_month *mm;
    lk_date_civil((int32_t)(t / 86400), &y, &m, &d);
    ym = y * 100 + m;
    for (i = 0; i < k->nmonths && k->months[i].ym < ym; i++)
        ;
    if (i < k->nmonths && k->months[i].ym == ym) {
        k->months[i].n++;
        return 0;
    }
    if (k->nmonths >= 1200)
        return 0; /* a century of months is enough for a timeline */
    mm = lk_realloc(k->months, (k->nmonths + 1) * sizeof(*mm));
    if (mm == NULL)
        return LK_ENOMEM;
    k->months = mm;
    memmove(&mm[i + 1], &mm[i], (k->nmonths - i) * sizeof(*mm));
    mm[i].ym = ym;
    mm[i].n = 1;
    k->nmonths++;
    return 0;
}

static int run_tally(lk_mail_run *r, const run_item *it)
{
    const lk_mail_outcome *oc = &it->oc;
    int k;
    r->messages++;
    r->verdicts[oc->verdict]++;
    r->transforms[oc->transform & 3]++;
    for (k = 0; k < 4; k++)
        if (oc->limit & (1 << k))
            r->limits[k]++;
    r->files[it->file].messages++;
    for (k = 0; k < oc->nsig; k++) {
        const lk_mail_sigsum *s = &oc->sig[k];
        lk_mail_domstat *d = run_dom(r, s->domain);
        lk_mail_keystat *ks = run_key(r, s->key, s->key_line);
        if (d == NULL || ks == NULL)
            return LK_ENOMEM;
        r->results[s->result]++;
        d->r[s->result]++;
        ks->r[s->result]++;
        if (s->t >= 0) {
            if (ks->tmin < 0 || s->t < ks->tmin)
                ks->tmin = s->t;
            if (s->t > ks->tmax)
                ks->tmax = s->t;
            if (run_month(ks, s->t) < 0)
                return LK_ENOMEM;
        }
        if ((s->result == LK_MAIL_R_FAIL_BODY ||
             s->result == LK_MAIL_R_FAIL_HEADER) &&
            s->key_line > 0) {
            lk_mail_tamper *t;
            if (r->ntamper >= LK_MAIL_TAMPER_MAX) {
                r->tamper_dropped++;
                continue;
            }
            t = lk_array_grow(r->tamper, &r->ctamper, r->ntamper, sizeof(*t));
            if (t == NULL)
                return LK_ENOMEM;
            r->tamper = t;
            t = &t[r->ntamper++];
            t->file = it->file;
            t->offset = it->src.offset;
            snprintf(t->message_id, sizeof(t->message_id), "%s",
                     oc->message_id);
            snprintf(t->key, sizeof(t->key), "%s", s->key);
            t->line = s->key_line;
            t->result = s->result;
        }
    }
    return 0;
}

/* ---- batches ------------------------------------------------------------- */

static void run_hash_pending(lk_mail_pool *p)
{
    size_t k;
    for (k = 0; k < p->nhashes; k++) {
        run_hash *h = &p->hashes[k];
        EVP_MD_CTX *c = p->fctx[h->file];
        if (h->len)
            EVP_DigestUpdate(c, h->data, h->len);
        if (h->final) {
            unsigned char md[32];
            unsigned n = 0, i;
            static const char hex[] = "0123456789abcdef";
            char *dst = p->run->files[h->file].sha256;
            EVP_DigestFinal_ex(c, md, &n);
            for (i = 0; i < 32; i++) {
                dst[2 * i] = hex[md[i] >> 4];
                dst[2 * i + 1] = hex[md[i] & 15];
            }
            dst[64] = '\0';
            EVP_MD_CTX_free(c);
            p->fctx[h->file] = NULL;
        }
    }
    p->nhashes = 0;
}

/* Emit the records of the verified batch in order and count them. */
static int run_emit(lk_mail_run *r, lk_error *err)
{
    lk_mail_pool *p = r->pool;
    size_t i;
    int error = 0;
    for (i = 0; i < p->ndone && error == 0; i++) {
        run_item *it = &p->done_items[i];
        if (it->error < 0) {
            error = it->error == LK_ENOMEM ? lk_error_set_oom(err)
                                           : lk_error_set(err, it->error,
                                                          "record too large");
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
        error = run_tally(r, it);
        if (error < 0)
            lk_error_set_oom(err);
    }
    p->ndone = 0;
    if (r->o.on_progress != NULL)
        r->o.on_progress(r->messages, r->o.progress_payload);
    return error;
}

/*
 * Verify the filled batch on every worker while this thread hashes input
 * files and emits the previous batch (a pipeline: the workers never wait
 * for the records to be written). The batch just verified becomes the
 * one to emit; run_finish emits the last.
 */
static int run_flush(lk_mail_run *r, lk_error *err)
{
    lk_mail_pool *p = r->pool;
    run_item *t;
    size_t i;
    int error;
    p->next = 0;
    if (p->started && p->nitems > 0) {
        pthread_mutex_lock(&p->mu);
        p->busy = p->started;
        p->gen++;
        pthread_cond_broadcast(&p->go);
        pthread_mutex_unlock(&p->mu);
    }
    run_hash_pending(p);
    error = run_emit(r, err);
    if (p->nitems > 0) {
        pool_work(p, 0);
        if (p->started) {
            pthread_mutex_lock(&p->mu);
            while (p->busy > 0)
                pthread_cond_wait(&p->done, &p->mu);
            pthread_mutex_unlock(&p->mu);
        }
    }
    t = p->done_items;
    p->done_items = p->items;
    p->ndone = p->nitems;
    p->items = t;
    p->nitems = 0;
    for (i = 0; i < p->nmaps; i++)
        munmap(p->maps[i].addr, p->maps[i].len);
    p->nmaps = 0;
    return error;
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
    lk_error *err;        /* receives errors */
} run_split;

static int run_queue_hash(lk_mail_pool *p, run_split *s, size_t upto,
                          int final)
{
    run_hash *h;
    if (p->run->o.flags & LK_MAIL_NO_FILE_HASH) {
        if (final) { /* no digest; the context is not needed */
            EVP_MD_CTX_free(p->fctx[s->file]);
            p->fctx[s->file] = NULL;
        }
        return 0;
    }
    h = &p->hashes[p->nhashes++];
    h->file = s->file;
    h->data = s->base + s->hashed;
    h->len = upto - s->hashed;
    h->final = final;
    s->hashed = upto;
    return 0;
}

static int run_on_message(const char *data, size_t len, long long off,
                          void *payload)
{
    run_split *s = payload;
    lk_mail_run *r = s->run;
    lk_mail_pool *p = r->pool;
    run_item *it;
    if (p->nitems == RUN_BATCH) {
        int error;
        size_t done = (size_t)(data - s->base);
        run_queue_hash(p, s, done, 0);
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
    it = &p->items[p->nitems++];
    it->data = data;
    it->len = len;
    it->src.file = r->files[s->file].path;
    it->src.offset = s->mbox ? off : -1;
    it->src.mbox = s->mbox;
    it->file = s->file;
    it->error = 0;
    return 0;
}

static int run_file_new(lk_mail_run *r, const char *path,
                        unsigned long long bytes, size_t *idx,
                        lk_error *err)
{
    lk_mail_filestat *f;
    lk_mail_pool *p = r->pool;
    if (p->nhashes >= RUN_MAX_MAPS || p->nmaps >= RUN_MAX_MAPS) {
        int error = run_flush(r, err);
        if (error != 0)
            return error;
    }
    f = lk_array_grow(r->files, &r->cfiles, r->nfiles, sizeof(*f));
    if (f == NULL)
        return lk_error_set_oom(err);
    r->files = f;
    if (r->nfiles >= p->cfctx) {
        size_t nc = p->cfctx ? p->cfctx * 2 : 16;
        EVP_MD_CTX **c = lk_realloc(p->fctx, nc * sizeof(*c));
        if (c == NULL)
            return lk_error_set_oom(err);
        memset(c + p->cfctx, 0, (nc - p->cfctx) * sizeof(*c));
        p->fctx = c;
        p->cfctx = nc;
    }
    f = &r->files[r->nfiles];
    memset(f, 0, sizeof(*f));
    f->path = lk_strdup(path);
    p->fctx[r->nfiles] = EVP_MD_CTX_new();
    if (f->path == NULL || p->fctx[r->nfiles] == NULL) {
        lk_free(f->path);
        return lk_error_set_oom(err);
    }
    EVP_DigestInit_ex(p->fctx[r->nfiles], EVP_sha256(), NULL);
    f->bytes = bytes;
    *idx = r->nfiles++;
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
        run_queue_hash(r->pool, &s, len, 1);
    if (map != NULL)
        r->pool->maps[r->pool->nmaps++] = (run_map){map, len};
    return error;
}

static int run_file(lk_mail_run *r, const char *path, lk_error *err)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    void *map = NULL;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                               strerror(e));
    }
    if (st.st_size > 0) {
        map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            int e = errno;
            close(fd);
            return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                                   strerror(e));
        }
        madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
    }
    close(fd);
    if (map == NULL)
        return run_bytes(r, path, "", 0, NULL, err);
    return run_bytes(r, path, map, (size_t)st.st_size, map, err);
}

static int run_path(lk_mail_run *r, const char *path, int depth,
                    lk_error *err);

static int run_dir(lk_mail_run *r, const char *path, int depth,
                   lk_error *err)
{
    char **names = NULL;
    size_t n = 0, i;
    int error, maildir = 0;
    lk_buf sub;
    error = lk_dir_names(&names, &n, path, NULL, (size_t)1 << 24, "entries",
                         err);
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

static int run_path(lk_mail_run *r, const char *path, int depth,
                    lk_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                               strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        if (depth >= RUN_MAX_DEPTH)
            return lk_error_set_at(err, LK_ETOOBIG, path, 0, 0, NULL,
                                   "directories nested too deep");
        return run_dir(r, path, depth, err);
    }
    if (!S_ISREG(st.st_mode))
        return 0; /* sockets, fifos: not mail */
    return run_file(r, path, err);
}

/* ---- public -------------------------------------------------------------- */

int lk_mail_run_new(lk_mail_run **out, const lk_mail_options *opts,
                    lk_error *err)
{
    lk_mail_run *r;
    unsigned jobs;
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
    if ((r->o.flags & LK_MAIL_DNS) && lk_mail__dns_new(&r->dns) < 0) {
        lk_mail_run_free(r);
        return lk_error_set_oom(err);
    }
    if (pool_new(&r->pool, r, jobs) < 0) {
        lk_mail_run_free(r);
        return lk_error_set_oom(err);
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
    int error = run_bytes(run, name, data, len, NULL, err);
    int fl = run_finish(run, err);
    return error != 0 ? error : fl;
}

unsigned long long lk_mail_run_messages(const lk_mail_run *run)
{
    return run->messages;
}

unsigned long long lk_mail_run_count(const lk_mail_run *run,
                                     const char *verdict)
{
    int k;
    for (k = 0; k < LK_MAIL_V_COUNT; k++)
        if (!strcmp(verdict, lk_mail_verdict_names[k]))
            return run->verdicts[k];
    return 0;
}

int lk_mail_run_render(char **out, size_t *len_out, const lk_mail_run *run,
                       lk_mail_summary_format format, lk_error *err)
{
    lk_buf b;
    int error;
    lk_buf_init(&b, 0);
    error = lk_mail__render(&b, run, format);
    if (error == 0)
        error = b.error;
    if (error < 0) {
        lk_buf_dispose(&b);
        return error == LK_ENOMEM ? lk_error_set_oom(err)
                                  : lk_error_set(err, error,
                                                 "summary too large");
    }
    if (b.ptr == NULL)
        lk_buf_puts(&b, "");
    *out = lk_buf_detach(&b, len_out);
    if (*out == NULL)
        return lk_error_set_oom(err);
    return 0;
}

void lk_mail_run_free(lk_mail_run *run)
{
    size_t i;
    if (run == NULL)
        return;
    pool_free(run->pool);
    lk_mail__dns_free(run->dns);
    for (i = 0; i < run->nfiles; i++)
        lk_free(run->files[i].path);
    for (i = 0; i < run->nkeys; i++)
        lk_free(run->keys[i].months);
    lk_free(run->files);
    lk_free(run->doms);
    lk_free(run->keys);
    lk_free(run->tamper);
    lk_free(run->keys_path);
    lk_free(run);
}

void lk_mail_text_free(char *text)
{
    lk_free(text);
}

int lk_mail_time_parse(long long *out, const char *text)
{
    size_t n = strlen(text), i;
    char date[11];
    int32_t days;
    int h = 0, mi = 0, se = 0;
    if (n > 0 && n <= 18 && strspn(text, "0123456789") == n) {
        long long v = 0;
        for (i = 0; i < n; i++)
            v = v * 10 + (text[i] - '0');
        *out = v;
        return 0;
    }
    if (n < 10)
        return LK_EINVALID;
    memcpy(date, text, 10);
    date[10] = '\0';
    if (lk_date_parse(date, &days) < 0)
        return LK_EINVALID;
    if (n > 10) { /* "THH:MM:SS" and an optional "Z" */
        const char *t = text + 11;
        if (!(n == 20 || n == 19) || (text[10] != 'T' && text[10] != ' ') ||
            strspn(t, "0123456789:") < 8 || t[2] != ':' || t[5] != ':' ||
            strspn(t, "0123456789") != 2 || strspn(t + 3, "0123456789") != 2 ||
            strspn(t + 6, "0123456789") != 2 || (n == 20 && text[19] != 'Z'))
            return LK_EINVALID;
        h = (t[0] - '0') * 10 + t[1] - '0';
        mi = (t[3] - '0') * 10 + t[4] - '0';
        se = (t[6] - '0') * 10 + t[7] - '0';
        if (h > 23 || mi > 59 || se > 60)
            return LK_EINVALID;
    }
    *out = (long long)days * 86400 + h * 3600 + mi * 60 + se;
    return 0;
}

void lk_mail__time_format(long long t, char buf[32])
{
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    long long rem = t - days * 86400;
    int y, m, d;
    lk_date_civil((int32_t)days, &y, &m, &d);
    snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
             (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
}
