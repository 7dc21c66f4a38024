/*
 * alloc.h: the only allocator of the library, CLI and tests (STYLE rule 9).
 * With LK_DEBUG_ALLOC, a test hook makes the Nth allocation fail so that
 * every out-of-memory path can be exercised (the "torture" tests).
 */
#ifndef LK_UTIL_ALLOC_H
#define LK_UTIL_ALLOC_H

#include <stddef.h>

void *lk_malloc(size_t size);
void *lk_calloc(size_t n, size_t size);
void *lk_realloc(void *ptr, size_t size);
char *lk_strdup(const char *s);
char *lk_strndup(const char *s, size_t n);
void lk_free(void *ptr);

/*
 * Make allocation number "n" (1-based, counted from this call) and every
 * later one fail; 0 switches failure injection off. Only effective in
 * LK_DEBUG_ALLOC builds. Returns the number of allocations made since the
 * previous call. The count is process-wide and atomic: with several
 * threads, "n" is the nth allocation of any thread, and every allocation
 * after it fails in every thread.
 */
unsigned long lk_alloc__fail_after(unsigned long n);

/*
 * Point jansson at lk_malloc/lk_free and seed its hash function, exactly
 * once per process (pthread_once): safe to call from any thread, any
 * number of times. Every entry point that creates jansson values calls it.
 */
void lk_alloc__init(void);

/*
 * 1 if an allocation jansson asked for has failed in the calling thread
 * since the previous call (which resets it), else 0. jansson's parser
 * reports an allocation failure inside its lexer as a syntax error; a
 * caller resets this before parsing and asks after a failure, so that
 * running out of memory is never blamed on the input.
 */
int lk_alloc__json_failed(void);

/*
 * Make jansson allocate in the calling thread from arena "a" (NULL: from
 * lk_malloc again) and return the arena it used before. While "a" is set,
 * jansson's frees of blocks of "a" do nothing. A document parsed then
 * (lk_doc__parse) keeps its tree in "a" and does not free it: the caller
 * resets "a" only once that document, and all that refers to it, is
 * freed. Values made while "a" is set must not be linked into trees that
 * outlive it.
 */
struct lk_arena;
struct lk_arena *lk_alloc__json_arena(struct lk_arena *a);

/* 1 if jansson allocates from an arena in the calling thread, else 0. */
int lk_alloc__json_in_arena(void);

#endif
