/*
 * test_rcache.c: the bounded LRU cache the server keeps answers in: hits
 * give the bytes put, the byte ceiling holds, the least recently used
 * entry goes first, oversized values are not kept, clear empties it, and
 * threads can share it.
 */
#include <pthread.h>
#include <string.h>

#include "alloc.h"
#include "rcache.h"

#include "helpers.h"

static void key_of(unsigned char key[LK_RCACHE_KEY], unsigned n)
{
    unsigned i;
    for (i = 0; i < LK_RCACHE_KEY; i++)
        key[i] = (unsigned char)(n * 2654435761u >> (i % 4 * 8)) ^
                 (unsigned char)i;
}

static void test_rcache_hit_miss(void **state)
{
    lk_rcache *c = lk_rcache_new(1 << 20);
    unsigned char k1[LK_RCACHE_KEY], k2[LK_RCACHE_KEY];
    const char *tag = NULL;
    char *v = NULL;
    size_t len = 99;
    (void)state;
    assert_non_null(c);
    key_of(k1, 1);
    key_of(k2, 2);
    assert_int_equal(lk_rcache_get(c, k1, &v, &len, &tag), 0);
    assert_null(v);
    assert_int_equal(len, 0);
    lk_rcache_put(c, k1, "a\0b", 3, "text/plain");
    assert_int_equal(lk_rcache_get(c, k2, &v, &len, &tag), 0);
    assert_int_equal(lk_rcache_get(c, k1, &v, &len, &tag), 1);
    assert_int_equal(len, 3);
    assert_memory_equal(v, "a\0b", 4); /* NUL-terminated too */
    assert_string_equal(tag, "text/plain");
    lk_free(v);
    /* a key kept is left as it is */
    lk_rcache_put(c, k1, "other", 5, "x");
    assert_int_equal(lk_rcache_get(c, k1, &v, &len, &tag), 1);
    assert_int_equal(len, 3);
    lk_free(v);
    assert_int_equal(lk_rcache_count(c), 1);
    lk_rcache_clear(c);
    assert_int_equal(lk_rcache_count(c), 0);
    assert_int_equal(lk_rcache_bytes(c), 0);
    assert_int_equal(lk_rcache_get(c, k1, &v, &len, &tag), 0);
    lk_rcache_free(c);
}

static void test_rcache_ceiling_lru(void **state)
{
    const size_t max = 64 * 1024, vlen = 1000;
    lk_rcache *c = lk_rcache_new(max);
    unsigned char k[LK_RCACHE_KEY];
    char val[1000], *v;
    const char *tag;
    size_t len, kept;
    unsigned i;
    (void)state;
    memset(val, 'x', sizeof(val));
    for (i = 0; i < 500; i++) {
        key_of(k, i);
        val[0] = (char)i;
        lk_rcache_put(c, k, val, vlen, "t");
        assert_true(lk_rcache_bytes(c) <= max);
        /* keep entry 0 in use: it must survive every eviction */
        key_of(k, 0);
        assert_int_equal(lk_rcache_get(c, k, &v, &len, &tag), 1);
        assert_int_equal(v[0], 0);
        lk_free(v);
    }
    kept = lk_rcache_count(c);
    assert_true(kept > 10 && kept < 64);
    /* the most recent ones are kept, the oldest unused ones are gone */
    key_of(k, 499);
    assert_int_equal(lk_rcache_get(c, k, &v, &len, &tag), 1);
    lk_free(v);
    key_of(k, 1);
    assert_int_equal(lk_rcache_get(c, k, &v, &len, &tag), 0);
    /* a value over an eighth of the ceiling is not kept */
    {
        char *big = lk_calloc(max / 8 + 1, 1);
        assert_non_null(big);
        key_of(k, 10000);
        lk_rcache_put(c, k, big, max / 8 + 1, "t");
        assert_int_equal(lk_rcache_get(c, k, &v, &len, &tag), 0);
        lk_free(big);
    }
    lk_rcache_free(c);
}

static void test_rcache_disabled(void **state)
{
    unsigned char k[LK_RCACHE_KEY];
    const char *tag;
    char *v;
    size_t len;
    (void)state;
    key_of(k, 1);
    assert_null(lk_rcache_new(0));
    lk_rcache_put(NULL, k, "x", 1, "t");
    assert_int_equal(lk_rcache_get(NULL, k, &v, &len, &tag), 0);
    assert_int_equal(lk_rcache_count(NULL), 0);
    lk_rcache_clear(NULL);
    lk_rcache_free(NULL);
    /* a ceiling smaller than one entry keeps nothing */
    {
        lk_rcache *c = lk_rcache_new(8);
        lk_rcache_put(c, k, "x", 1, "t");
        assert_int_equal(lk_rcache_count(c), 0);
        lk_rcache_free(c);
    }
}

typedef struct rc_thread_arg {
    lk_rcache *c;
    unsigned base;
    int bad;
} rc_thread_arg;

static void *rc_worker(void *p)
{
    rc_thread_arg *a = p;
    unsigned char k[LK_RCACHE_KEY];
    char val[64], *v;
    const char *tag;
    size_t len;
    unsigned i;
    for (i = 0; i < 4000; i++) {
        unsigned n = (a->base + i) % 300;
        key_of(k, n);
        snprintf(val, sizeof(val), "value of %u", n);
        if (lk_rcache_get(a->c, k, &v, &len, &tag)) {
            a->bad += strcmp(v, val) != 0 || len != strlen(val);
            lk_free(v);
        } else {
            lk_rcache_put(a->c, k, val, strlen(val), "t");
        }
    }
    return NULL;
}

static void test_rcache_threads(void **state)
{
    lk_rcache *c = lk_rcache_new(8 * 1024);
    pthread_t t[4];
    rc_thread_arg a[4];
    int i;
    (void)state;
    for (i = 0; i < 4; i++) {
        a[i].c = c;
        a[i].base = (unsigned)i * 77;
        a[i].bad = 0;
        assert_int_equal(pthread_create(&t[i], NULL, rc_worker, &a[i]), 0);
    }
    for (i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(a[i].bad, 0);
    }
    assert_true(lk_rcache_bytes(c) <= 8 * 1024);
    lk_rcache_free(c);
}

const struct CMUnitTest lk_rcache_tests[] = {
    cmocka_unit_test(test_rcache_hit_miss),
    cmocka_unit_test(test_rcache_ceiling_lru),
    cmocka_unit_test(test_rcache_disabled),
    cmocka_unit_test(test_rcache_threads),
};
const size_t lk_rcache_ntests =
    sizeof(lk_rcache_tests) / sizeof(lk_rcache_tests[0]);
