/*
 * arena.h: a bump allocator for the many small blocks of one short-lived
 * tree (a case's jansson values, see lk_alloc__json_arena). Blocks are not
 * freed one by one: lk_arena_reset drops them all at once and keeps the
 * memory for the next tree. Chunks come from lk_malloc, so the torture
 * tests' allocation failures reach it.
 */
#ifndef LK_UTIL_ARENA_H
#define LK_UTIL_ARENA_H

#include <stddef.h>

typedef struct lk_arena lk_arena;

/* A new, empty arena; NULL when out of memory. Owned by caller: release
 * with lk_arena_free. */
lk_arena *lk_arena_new(void);

/* "size" bytes aligned for any type, valid until the next reset or free;
 * NULL when out of memory or when "size" is absurd. */
void *lk_arena_alloc(lk_arena *a, size_t size);

/* 1 if "p" lies in a chunk of "a" (allocated from it), else 0. */
int lk_arena_owns(const lk_arena *a, const void *p);

/* Drop every block of "a". Keeps one chunk large enough for what was used,
 * up to LK_ARENA_KEEP bytes, and frees the others, so an arena that once
 * held a large tree does not hold its memory for ever. */
void lk_arena_reset(lk_arena *a);

/* Bytes an arena keeps at most across a reset. */
#define LK_ARENA_KEEP ((size_t)256 << 10)

/* Free "a" and its chunks; NULL is allowed. */
void lk_arena_free(lk_arena *a);

/* The calling thread's own arena, made on first use and freed when the
 * thread exits (the main thread's stays until the process ends); NULL
 * when out of memory. For a thread that handles one short-lived tree
 * after another (the server's workers): it resets the arena when done
 * with each. */
lk_arena *lk_arena_thread(void);

#endif
