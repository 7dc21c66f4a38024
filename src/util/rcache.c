/*
 * rcache.c: a bounded LRU cache of byte strings keyed by a digest.
 *
 * A chained hash table (the key's first bytes are already uniform: it is
 * a digest) of entries that also sit on a doubly linked list, most
 * recently used at the head. One mutex guards it all; a hit copies the
 * value out under the lock, so an entry is never freed while read.
 */
#include "rcache.h"

#include <pthread.h>
#include <string.h>

#include <openssl/evp.h>

#include "alloc.h"
#include "hash.h"

#define RC_BUCKETS 4096 /* a power of two */

typedef struct rc_entry {
    unsigned char key[LK_RCACHE_KEY];
    struct rc_entry *chain;      /* next in the bucket */
    struct rc_entry *prev, *next; /* the use list */
    const char *tag;
    size_t len;
    char value[]; /* len bytes and a NUL */
} rc_entry;

struct lk_rcache {
    pthread_mutex_t lock;
    rc_entry *bucket[RC_BUCKETS];
    rc_entry *head, *tail; /* most and least recently used */
    size_t max, bytes, count;
};

static size_t rc_cost(size_t len)
{
    return sizeof(rc_entry) + len + 1;
}

static size_t rc_slot(const unsigned char *key)
{
    size_t h;
    memcpy(&h, key, sizeof(h));
    return h & (RC_BUCKETS - 1);
}

lk_rcache *lk_rcache_new(size_t max)
{
    lk_rcache *c;
    if (max == 0)
        return NULL;
    c = lk_calloc(1, sizeof(*c));
    if (c == NULL)
        return NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        lk_free(c);
        return NULL;
    }
    c->max = max;
    return c;
}

static void rc_unlink(lk_rcache *c, rc_entry *e)
{
    if (e->prev)
        e->prev->next = e->next;
    else
        c->head = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void rc_push_front(lk_rcache *c, rc_entry *e)
{
    e->prev = NULL;
    e->next = c->head;
    if (c->head)
        c->head->prev = e;
    c->head = e;
    if (c->tail == NULL)
        c->tail = e;
}

static rc_entry *rc_find(lk_rcache *c, const unsigned char *key)
{
    rc_entry *e = c->bucket[rc_slot(key)];
    while (e && memcmp(e->key, key, LK_RCACHE_KEY) != 0)
        e = e->chain;
    return e;
}

/* Remove "e" from its bucket and the use list, and free it. */
static void rc_drop(lk_rcache *c, rc_entry *e)
{
    rc_entry **p = &c->bucket[rc_slot(e->key)];
    while (*p != e)
        p = &(*p)->chain;
    *p = e->chain;
    rc_unlink(c, e);
    c->bytes -= rc_cost(e->len);
    c->count--;
    lk_free(e);
}

int lk_rcache_get(lk_rcache *c, const unsigned char key[LK_RCACHE_KEY],
                  char **value, size_t *len, const char **tag)
{
    rc_entry *e;
    int hit = 0;
    *value = NULL;
    *len = 0;
    if (c == NULL)
        return 0;
    pthread_mutex_lock(&c->lock);
    e = rc_find(c, key);
    if (e != NULL && (*value = lk_malloc(e->len + 1)) != NULL) {
        memcpy(*value, e->value, e->len + 1);
        *len = e->len;
        *tag = e->tag;
        rc_unlink(c, e);
        rc_push_front(c, e);
        hit = 1;
    }
    pthread_mutex_unlock(&c->lock);
    return hit;
}

void lk_rcache_put(lk_rcache *c, const unsigned char key[LK_RCACHE_KEY],
                   const char *value, size_t len, const char *tag)
{
    rc_entry *e;
    size_t slot;
    if (c == NULL || len > c->max / 8 || rc_cost(len) > c->max)
        return;
    e = lk_malloc(rc_cost(len));
    if (e == NULL)
        return;
    memcpy(e->key, key, LK_RCACHE_KEY);
    memcpy(e->value, value, len);
    e->value[len] = '\0';
    e->len = len;
    e->tag = tag;
    pthread_mutex_lock(&c->lock);
    if (rc_find(c, key) != NULL) { /* another worker put it first */
        pthread_mutex_unlock(&c->lock);
        lk_free(e);
        return;
    }
    while (c->tail != NULL && c->bytes + rc_cost(len) > c->max)
        rc_drop(c, c->tail);
    slot = rc_slot(key);
    e->chain = c->bucket[slot];
    c->bucket[slot] = e;
    rc_push_front(c, e);
    c->bytes += rc_cost(len);
    c->count++;
    pthread_mutex_unlock(&c->lock);
}

int lk_rcache_key(unsigned char key[LK_RCACHE_KEY], const void *prefix,
                  size_t plen, const void *data, size_t dlen)
{
    unsigned char buf[128 + LK_RCACHE_KEY];
    const EVP_MD *md = lk_hash_sha256();
    if (plen > 128)
        return -1;
    memcpy(buf, prefix, plen);
    if (!EVP_Digest(data, dlen, buf + plen, NULL, md, NULL) ||
        !EVP_Digest(buf, plen + LK_RCACHE_KEY, key, NULL, md, NULL))
        return -1;
    return 0;
}

void lk_rcache_clear(lk_rcache *c)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    while (c->tail != NULL)
        rc_drop(c, c->tail);
    pthread_mutex_unlock(&c->lock);
}

size_t lk_rcache_count(lk_rcache *c)
{
    size_t n;
    if (c == NULL)
        return 0;
    pthread_mutex_lock(&c->lock);
    n = c->count;
    pthread_mutex_unlock(&c->lock);
    return n;
}

size_t lk_rcache_bytes(lk_rcache *c)
{
    size_t n;
    if (c == NULL)
        return 0;
    pthread_mutex_lock(&c->lock);
    n = c->bytes;
    pthread_mutex_unlock(&c->lock);
    return n;
}

void lk_rcache_free(lk_rcache *c)
{
    if (c == NULL)
        return;
    lk_rcache_clear(c);
    pthread_mutex_destroy(&c->lock);
    lk_free(c);
}
