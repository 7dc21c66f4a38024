/*
 * alloc.c: allocation wrappers. They add nothing in release builds but a
 * single place to inject failures (LK_DEBUG_ALLOC) and to route jansson's
 * allocations through the same accounting.
 */
#include "alloc.h"
#include "arena.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#ifdef LK_DEBUG_ALLOC
/*
 * Failure injection, process-wide. Both counters are only touched through
 * atomic built-ins, so threads (the mail workers, the thread-safety test)
 * may allocate at the same time: allocation number N is the Nth to reach
 * the counter in any thread, and from then on every allocation of every
 * thread fails. With one thread this is exactly "the Nth allocation".
 */
static unsigned long alloc_count;   /* allocations since the last reset */
static unsigned long alloc_fail_at; /* 0: never fail; else count to fail */

static int alloc_should_fail(void)
{
    unsigned long n = __atomic_add_fetch(&alloc_count, 1, __ATOMIC_RELAXED);
    unsigned long at = __atomic_load_n(&alloc_fail_at, __ATOMIC_RELAXED);
    return at != 0 && n >= at;
}
#else
#define alloc_should_fail() 0
#endif

unsigned long lk_alloc__fail_after(unsigned long n)
{
#ifdef LK_DEBUG_ALLOC
    unsigned long made = __atomic_exchange_n(&alloc_count, 0,
                                             __ATOMIC_RELAXED);
    __atomic_store_n(&alloc_fail_at, n, __ATOMIC_RELAXED);
    return made;
#else
    (void)n;
    return 0;
#endif
}

void *lk_malloc(size_t size)
{
    if (alloc_should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *lk_calloc(size_t n, size_t size)
{
    if (alloc_should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *lk_realloc(void *ptr, size_t size)
{
    if (alloc_should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

char *lk_strndup(const char *s, size_t n)
{
    char *copy = lk_malloc(n + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *lk_strdup(const char *s)
{
    return lk_strndup(s, strlen(s));
}

void lk_free(void *ptr)
{
    free(ptr);
}

/* Set when an allocation made for jansson fails, per thread: jansson's
 * parser reports some of them as syntax errors (see lk_alloc__json_failed). */
static __thread int alloc_json_failed;

/* The arena jansson allocates from in the calling thread, or NULL. */
static __thread lk_arena *alloc_json_arena;

static void *alloc_json_malloc(size_t size)
{
    void *p = alloc_json_arena ? lk_arena_alloc(alloc_json_arena, size)
                               : lk_malloc(size);
    if (p == NULL)
        alloc_json_failed = 1;
    return p;
}

/* A block of the thread's arena is dropped with the arena, not freed. */
static void alloc_json_free(void *p)
{
    if (alloc_json_arena != NULL && lk_arena_owns(alloc_json_arena, p))
        return;
    lk_free(p);
}

lk_arena *lk_alloc__json_arena(lk_arena *a)
{
    lk_arena *old = alloc_json_arena;
    alloc_json_arena = a;
    return old;
}

int lk_alloc__json_in_arena(void)
{
    return alloc_json_arena != NULL;
}

int lk_alloc__json_failed(void)
{
    int failed = alloc_json_failed;
    alloc_json_failed = 0;
    return failed;
}

/* Runs once per process: jansson's allocator and its hash seed are
 * process-wide settings that must not change while threads use jansson. */
static void alloc_init_once(void)
{
    json_set_alloc_funcs(alloc_json_malloc, alloc_json_free);
    /* seed the hash function now rather than lazily at the first object
     * some thread happens to create (0: jansson picks a random seed) */
    json_object_seed(0);
}

void lk_alloc__init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, alloc_init_once);
}
