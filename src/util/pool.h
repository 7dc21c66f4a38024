/*
 * pool.h: a fixed set of worker threads running batches of jobs. The
 * caller starts a batch of "n" jobs, may do other work while the threads
 * run it (a pipeline), then joins in and waits for the batch to finish.
 * One batch at a time, so the work queued is bounded by the batch size.
 */
#ifndef LK_UTIL_POOL_H
#define LK_UTIL_POOL_H

#include <stddef.h>

/* A pool of worker threads. */
typedef struct lk_pool lk_pool;

/*
 * Runs job "job" (0..n-1 of the batch) on worker "worker": 0 is the
 * calling thread, 1..workers-1 the pool's threads, so per-worker scratch
 * can be indexed by it. Jobs of one batch run concurrently, in any order.
 */
typedef void (*lk_pool_job_cb)(size_t job, unsigned worker, void *payload);

/*
 * Create a pool of "workers" workers (at least 1): the calling thread and
 * "workers" - 1 threads, started now and idle until a batch comes. Returns
 * 0, LK_ENOMEM, or LK_ERROR when a thread or lock cannot be created.
 * Owned by caller: release with lk_pool_free.
 */
int lk_pool_new(lk_pool **out, unsigned workers);

/* Stop and join the threads, then free "p"; NULL is allowed. A batch
 * started must have been waited for. */
void lk_pool_free(lk_pool *p);

/*
 * Start a batch of "n" jobs calling "cb" with "payload" on the pool's
 * threads, and return at once; the caller must then call lk_pool_wait
 * before starting another batch or touching what the jobs write. With one
 * worker nothing runs until lk_pool_wait. Returns 0 or LK_ERROR when a
 * lock fails (the batch then runs in lk_pool_wait on the caller alone).
 */
int lk_pool_start(lk_pool *p, size_t n, lk_pool_job_cb cb, void *payload);

/*
 * Run the remaining jobs of the batch on the calling thread (worker 0)
 * and return once every job is done. Returns 0 or LK_ERROR when a lock
 * fails.
 */
int lk_pool_wait(lk_pool *p);

#endif
