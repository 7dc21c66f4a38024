/*
 * rcache.h: a bounded cache of byte strings keyed by a 32-byte digest,
 * least recently used first out, safe to share between threads.
 *
 * The server keeps the answers of pure requests in one (an assessment is
 * a function of the case's bytes, the profile and the flags, the law and
 * library being read-only while it runs). Memory is bounded by "max"
 * bytes, counting each entry's value and bookkeeping; a value larger than
 * an eighth of it is not kept.
 */
#ifndef LK_UTIL_RCACHE_H
#define LK_UTIL_RCACHE_H

#include <stddef.h>

#define LK_RCACHE_KEY 32

typedef struct lk_rcache lk_rcache;

/* A cache of at most "max" bytes (0: no cache, NULL returned, and every
 * function below accepts NULL as a cache that keeps nothing). NULL also
 * when out of memory: the caller goes on without a cache. */
lk_rcache *lk_rcache_new(size_t max);
void lk_rcache_free(lk_rcache *c);

/* A copy of the value of "key" into *value (lk_malloc'd, NUL-terminated,
 * *len bytes) and its tag into *tag: 1 when found, 0 when not (or out of
 * memory). A hit makes the entry the most recently used. */
int lk_rcache_get(lk_rcache *c, const unsigned char key[LK_RCACHE_KEY],
                  char **value, size_t *len, const char **tag);

/* Keep a copy of "value" ("len" bytes) with "tag" (a static string) under
 * "key", first dropping the least recently used entries until it fits.
 * A key already kept is left as it is. Out of memory: nothing kept. */
void lk_rcache_put(lk_rcache *c, const unsigned char key[LK_RCACHE_KEY],
                   const char *value, size_t len, const char *tag);

/* The key of "data" ("dlen" bytes) asked for in the way "prefix" says
 * (at most 128 bytes: route, profile, flags): SHA-256 of the prefix and
 * of the SHA-256 of the data. Returns 0, or -1 when OpenSSL fails (then
 * do not use the cache). */
int lk_rcache_key(unsigned char key[LK_RCACHE_KEY], const void *prefix,
                  size_t plen, const void *data, size_t dlen);

/* Drop every entry. */
void lk_rcache_clear(lk_rcache *c);

/* Entries and bytes held (for tests and the server's log). */
size_t lk_rcache_count(lk_rcache *c);
size_t lk_rcache_bytes(lk_rcache *c);

#endif
