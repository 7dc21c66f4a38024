/*
 * alloc.c: allocation wrappers. They add nothing in release builds but a
 * single place to inject failures (LK_DEBUG_ALLOC) and to route jansson's
 * allocations through the same accounting.
 */
#include "alloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#ifdef LK_DEBUG_ALLOC
static unsigned long alloc_count; /* allocations since the last reset */
static unsigned long alloc_fail_at; /* 0: never fail; else count to fail */

static int alloc_should_fail(void)
{
    alloc_count++;
    return alloc_fail_at != 0 && alloc_count >= alloc_fail_at;
}
#else
#define alloc_should_fail() 0
#endif

unsigned long lk_alloc__fail_after(unsigned long n)
{
#ifdef LK_DEBUG_ALLOC
    unsigned long made = alloc_count;
    alloc_count = 0;
    alloc_fail_at = n;
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

static void *alloc_json_malloc(size_t size)
{
    return lk_malloc(size);
}

void lk_alloc__init(void)
{
    json_set_alloc_funcs(alloc_json_malloc, lk_free);
}
