/*
 * arena.c: see arena.h. A list of chunks, the newest first; blocks are cut
 * from the newest chunk and a block that does not fit starts a new chunk
 * at least twice the size of the last.
 */
#include "arena.h"

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

/* Alignment of every block: as malloc's on the platforms built for
 * (C99 has no max_align_t). */
#define ARENA_ALIGN ((size_t)16)

/* Bytes of the first chunk. */
#define ARENA_FIRST ((size_t)16 << 10)

typedef struct arena_chunk {
    struct arena_chunk *next; /* the older chunk */
    size_t size;              /* bytes of its data */
    size_t used;              /* bytes of its data handed out */
    unsigned char *data;      /* ARENA_ALIGN-aligned, after the header */
} arena_chunk;

/* Bytes of a chunk's header, a multiple of ARENA_ALIGN. */
#define ARENA_HEADER \
    ((sizeof(arena_chunk) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))

struct lk_arena {
    arena_chunk *head; /* the chunk blocks are cut from, or NULL */
    size_t total;      /* bytes of "data" of all chunks */
};

lk_arena *lk_arena_new(void)
{
    return lk_calloc(1, sizeof(lk_arena));
}

/* Add a chunk of at least "size" bytes; 0 or -1 when out of memory. */
static int arena_grow(lk_arena *a, size_t size)
{
    size_t n = a->head ? a->head->size * 2 : ARENA_FIRST;
    arena_chunk *c;
    if (n < size)
        n = size;
    if (n > SIZE_MAX - ARENA_HEADER)
        return -1;
    c = lk_malloc(ARENA_HEADER + n);
    if (c == NULL)
        return -1;
    c->data = (unsigned char *)c + ARENA_HEADER;
    c->next = a->head;
    c->size = n;
    c->used = 0;
    a->head = c;
    a->total += n;
    return 0;
}

void *lk_arena_alloc(lk_arena *a, size_t size)
{
    arena_chunk *c = a->head;
    void *p;
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    if (c == NULL || c->size - c->used < size) {
        if (arena_grow(a, size) < 0)
            return NULL;
        c = a->head;
    }
    p = c->data + c->used;
    c->used += size;
    return p;
}

int lk_arena_owns(const lk_arena *a, const void *p)
{
    const arena_chunk *c;
    uintptr_t u = (uintptr_t)p;
    for (c = a->head; c != NULL; c = c->next)
        if (u >= (uintptr_t)c->data && u < (uintptr_t)c->data + c->size)
            return 1;
    return 0;
}

/* Free the chunks from "c" on. */
static void arena_chunks_free(arena_chunk *c)
{
    while (c != NULL) {
        arena_chunk *next = c->next;
        lk_free(c);
        c = next;
    }
}

void lk_arena_reset(lk_arena *a)
{
    arena_chunk *c = a->head;
    size_t want;
    if (c == NULL)
        return;
    if (c->next == NULL && c->size <= LK_ARENA_KEEP) { /* keep it */
        c->used = 0;
        return;
    }
    /* several chunks: keep one as large as all of them, so the next tree
     * of this size fits in one, within the bound */
    want = a->total <= LK_ARENA_KEEP ? a->total : LK_ARENA_KEEP;
    arena_chunks_free(c);
    a->head = NULL;
    a->total = 0;
    (void)arena_grow(a, want); /* out of memory: the next alloc retries */
}

void lk_arena_free(lk_arena *a)
{
    if (a == NULL)
        return;
    arena_chunks_free(a->head);
    lk_free(a);
}

/* ---- one arena per thread ------------------------------------------- */

static pthread_once_t arena_once = PTHREAD_ONCE_INIT;
static pthread_key_t arena_key;
static int arena_key_ok;

/* The key's destructor: a thread's arena, when the thread ends. */
static void arena_key_free(void *a)
{
    lk_arena_free(a);
}

/* Make the key of the threads' arenas (once, by pthread_once). */
static void arena_key_make(void)
{
    arena_key_ok = pthread_key_create(&arena_key, arena_key_free) == 0;
}

lk_arena *lk_arena_thread(void)
{
    lk_arena *a;
    pthread_once(&arena_once, arena_key_make);
    if (!arena_key_ok)
        return NULL;
    a = pthread_getspecific(arena_key);
    if (a != NULL)
        return a;
    a = lk_arena_new();
    if (a == NULL || pthread_setspecific(arena_key, a) != 0) {
        lk_arena_free(a);
        return NULL;
    }
    return a;
}
