/*
 * pool.c: the worker threads of lk_pool. A batch is published under the
 * mutex with a new generation number; every worker, the caller included,
 * claims jobs with an atomic counter until none are left, and the last
 * thread to finish wakes the caller.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "error.h"
#include "pool.h"

struct lk_pool {
    unsigned workers;       /* workers, the calling thread included */
    pthread_t *th;          /* threads 1..workers-1 */
    unsigned started;       /* threads running */
    int locks;              /* 1 once mu, go and done are initialised */
    pthread_mutex_t mu;     /* guards gen, busy, quit and the batch */
    pthread_cond_t go;      /* a batch started, or quit */
    pthread_cond_t done;    /* the threads finished the batch */
    unsigned long gen;      /* batch generation */
    unsigned busy;          /* threads still working on the batch */
    int quit;               /* threads must exit */
    size_t n;               /* jobs in the batch */
    size_t next;            /* next job to claim (atomic) */
    lk_pool_job_cb cb;      /* the batch's job */
    void *payload;          /* passed to cb */
};

/* Passed to each thread: its pool and worker index. */
typedef struct pool_arg {
    lk_pool *pool;  /* the pool */
    unsigned idx;   /* worker index, 1.. */
} pool_arg;

/* Claim and run jobs of the current batch until none are left. */
static void pool_work(lk_pool *p, unsigned idx)
{
    for (;;) {
        size_t i = __atomic_fetch_add(&p->next, 1, __ATOMIC_RELAXED);
        if (i >= p->n)
            break;
        p->cb(i, idx, p->payload);
    }
}

/*
 * A lock operation of a pool thread failed: the pool's state is corrupt
 * (POSIX only fails these on an invalid mutex or condition), and the
 * caller would wait forever for the thread, so stop with a message.
 */
static void pool_check(int rc, int line)
{
    if (rc == 0)
        return;
    fprintf(stderr, "leaklaw: %s:%d: worker thread lock failed (%d)\n",
            __FILE__, line, rc);
    abort();
}

/* A thread: wait for a new generation, work on it, report, repeat. */
static void *pool_thread(void *arg)
{
    pool_arg a = *(pool_arg *)arg;
    lk_pool *p = a.pool;
    unsigned long seen = 0;
    lk_free(arg);
    pool_check(pthread_mutex_lock(&p->mu), __LINE__);
    for (;;) {
        while (p->gen == seen && !p->quit)
            pool_check(pthread_cond_wait(&p->go, &p->mu), __LINE__);
        if (p->quit)
            break;
        seen = p->gen;
        pool_check(pthread_mutex_unlock(&p->mu), __LINE__);
        pool_work(p, a.idx);
        pool_check(pthread_mutex_lock(&p->mu), __LINE__);
        if (--p->busy == 0)
            pool_check(pthread_cond_signal(&p->done), __LINE__);
    }
    pool_check(pthread_mutex_unlock(&p->mu), __LINE__);
    return NULL;
}

/* Initialise the mutex and conditions. Returns 0 or LK_ERROR. */
static int pool_locks_init(lk_pool *p)
{
    if (pthread_mutex_init(&p->mu, NULL) != 0)
        return LK_ERROR;
    if (pthread_cond_init(&p->go, NULL) != 0) {
        pthread_mutex_destroy(&p->mu);
        return LK_ERROR;
    }
    if (pthread_cond_init(&p->done, NULL) != 0) {
        pthread_cond_destroy(&p->go);
        pthread_mutex_destroy(&p->mu);
        return LK_ERROR;
    }
    p->locks = 1;
    return 0;
}

/* Start threads 1..workers-1. Returns 0, LK_ENOMEM or LK_ERROR. */
static int pool_threads_start(lk_pool *p)
{
    unsigned i;
    for (i = 1; i < p->workers; i++) {
        pool_arg *a = lk_malloc(sizeof(*a));
        if (a == NULL)
            return LK_ENOMEM;
        a->pool = p;
        a->idx = i;
        if (pthread_create(&p->th[p->started], NULL, pool_thread, a) != 0) {
            lk_free(a);
            return LK_ERROR;
        }
        p->started++;
    }
    return 0;
}

int lk_pool_new(lk_pool **out, unsigned workers)
{
    lk_pool *p = lk_calloc(1, sizeof(*p));
    int error = 0;
    if (p == NULL)
        return LK_ENOMEM;
    p->workers = workers ? workers : 1;
    p->th = lk_calloc(p->workers, sizeof(*p->th));
    if (p->th == NULL) {
        error = LK_ENOMEM;
        goto out;
    }
    error = pool_locks_init(p);
    if (error < 0)
        goto out;
    error = pool_threads_start(p);
out:
    if (error < 0) {
        lk_pool_free(p);
        return error;
    }
    *out = p;
    return 0;
}

void lk_pool_free(lk_pool *p)
{
    unsigned i;
    if (p == NULL)
        return;
    if (p->started) {
        /* a thread blocked forever on a broken lock cannot be joined */
        if (pthread_mutex_lock(&p->mu) == 0) {
            p->quit = 1;
            pthread_cond_broadcast(&p->go);
            pthread_mutex_unlock(&p->mu);
            for (i = 0; i < p->started; i++)
                pthread_join(p->th[i], NULL);
        }
    }
    if (p->locks) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->go);
        pthread_cond_destroy(&p->done);
    }
    lk_free(p->th);
    lk_free(p);
}

int lk_pool_start(lk_pool *p, size_t n, lk_pool_job_cb cb, void *payload)
{
    p->n = n;
    p->next = 0;
    p->cb = cb;
    p->payload = payload;
    p->busy = 0;
    if (!p->started || n == 0)
        return 0;
    if (pthread_mutex_lock(&p->mu) != 0)
        return LK_ERROR;
    p->busy = p->started;
    p->gen++;
    pthread_cond_broadcast(&p->go);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int lk_pool_wait(lk_pool *p)
{
    int error = 0;
    if (p->n == 0)
        return 0;
    pool_work(p, 0);
    if (p->started) {
        if (pthread_mutex_lock(&p->mu) != 0)
            return LK_ERROR;
        while (p->busy > 0 && error == 0)
            if (pthread_cond_wait(&p->done, &p->mu) != 0)
                error = LK_ERROR;
        pthread_mutex_unlock(&p->mu);
    }
    p->n = 0;
    return error;
}
