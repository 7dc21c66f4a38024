/*
 * test_arena.c: the bump allocator that holds the JSON tree of a batch's
 * case. Blocks are aligned and distinct, large blocks get a chunk of their
 * own, reset keeps one chunk within the bound, and jansson, pointed at an
 * arena, builds and drops a tree in it without freeing a block
 * (AddressSanitizer would report a free of a block malloc did not give).
 * Each thread has an arena of its own, freed when the thread ends (the
 * leak checkers of the sanitizer and valgrind runs would report one that
 * is not).
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "arena.h"

#include "helpers.h"

static void test_arena_blocks(void **state)
{
    lk_arena *a = lk_arena_new();
    unsigned char *p[200];
    size_t i, j;
    (void)state;
    assert_non_null(a);
    for (i = 0; i < 200; i++) {
        p[i] = lk_arena_alloc(a, i * 37 % 1000 + 1);
        assert_non_null(p[i]);
        assert_int_equal((uintptr_t)p[i] % 16, 0);
        memset(p[i], (int)i, i * 37 % 1000 + 1);
        assert_true(lk_arena_owns(a, p[i]));
    }
    for (i = 0; i < 200; i++) /* no block overlaps another */
        for (j = 0; j < i * 37 % 1000 + 1; j++)
            assert_int_equal(p[i][j], (unsigned char)i);
    assert_false(lk_arena_owns(a, &i));
    assert_null(lk_arena_alloc(a, SIZE_MAX - 8)); /* absurd: refused */
    lk_arena_free(a);
}

static void test_arena_large_and_reset(void **state)
{
    lk_arena *a = lk_arena_new();
    unsigned char *big, *small, *again;
    (void)state;
    assert_non_null(a);
    small = lk_arena_alloc(a, 10);
    big = lk_arena_alloc(a, (size_t)1 << 20); /* larger than a chunk */
    assert_non_null(small);
    assert_non_null(big);
    memset(big, 1, (size_t)1 << 20);
    assert_true(lk_arena_owns(a, big + ((size_t)1 << 20) - 1));
    lk_arena_reset(a);
    /* a reset keeps one chunk for what was used, within the bound */
    again = lk_arena_alloc(a, (size_t)200 << 10);
    assert_non_null(again);
    assert_true(lk_arena_owns(a, again));
    lk_arena_reset(a);
    again = lk_arena_alloc(a, 16);
    assert_non_null(again);
    lk_arena_reset(a);
    lk_arena_reset(a); /* twice in a row, and on an empty arena below */
    lk_arena_free(a);
    a = lk_arena_new();
    lk_arena_reset(a);
    lk_arena_free(a);
    lk_arena_free(NULL);
}

static void test_arena_json(void **state)
{
    lk_arena *a = lk_arena_new(), *was;
    json_t *tree, *kept, *list;
    int i;
    (void)state;
    lk_alloc__init();
    kept = json_string("made outside the arena");
    assert_non_null(a);
    assert_int_equal(lk_alloc__json_in_arena(), 0);
    was = lk_alloc__json_arena(a);
    assert_null(was);
    assert_int_equal(lk_alloc__json_in_arena(), 1);
    tree = json_object();
    list = json_array();
    for (i = 0; i < 100; i++) /* enough keys for jansson to rehash */
        json_object_set_new(tree, json_string_value(json_sprintf("k%d", i)),
                            json_integer(i));
    json_object_set_new(tree, "list", list);
    json_array_append_new(list, json_string("x"));
    assert_true(lk_arena_owns(a, tree));
    /* a value from outside is freed as usual while the arena is set */
    json_decref(kept);
    json_object_del(tree, "k1"); /* frees an arena block: nothing done */
    assert_int_equal(json_integer_value(json_object_get(tree, "k99")), 99);
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(tree, "list"), 0)),
        "x");
    assert_ptr_equal(lk_alloc__json_arena(was), a);
    assert_int_equal(lk_alloc__json_in_arena(), 0);
    /* the tree is dropped with the arena, never json_decref'd */
    kept = json_string("after");
    assert_false(lk_arena_owns(a, kept));
    json_decref(kept);
    lk_arena_reset(a);
    lk_arena_free(a);
}

static pthread_barrier_t arena_both;

/* In a thread: its arena, the same on every call, with a chunk of its
 * own in use when the thread ends. Both threads hold theirs at once. */
static void *arena_thread_run(void *main_arena)
{
    lk_arena *a = lk_arena_thread();
    if (a == NULL || a == main_arena || lk_arena_thread() != a ||
        lk_arena_alloc(a, LK_ARENA_KEEP * 2) == NULL ||
        lk_arena_alloc(a, 100) == NULL)
        a = NULL;
    pthread_barrier_wait(&arena_both);
    return a;
}

static void test_arena_thread(void **state)
{
    lk_arena *a = lk_arena_thread(), *got[2];
    pthread_t th[2];
    int i;
    (void)state;
    assert_non_null(a);
    assert_ptr_equal(lk_arena_thread(), a);
    assert_int_equal(pthread_barrier_init(&arena_both, NULL, 2), 0);
    for (i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&th[i], NULL, arena_thread_run, a),
                         0);
    for (i = 0; i < 2; i++)
        assert_int_equal(pthread_join(th[i], (void **)&got[i]), 0);
    pthread_barrier_destroy(&arena_both);
    /* each had an arena of its own (freed with the thread) */
    assert_non_null(got[0]);
    assert_non_null(got[1]);
    assert_ptr_not_equal(got[0], got[1]);
    assert_non_null(lk_arena_alloc(a, 64));
    lk_arena_reset(a);
    assert_ptr_equal(lk_arena_thread(), a);
}

const struct CMUnitTest lk_arena_tests[] = {
    cmocka_unit_test(test_arena_blocks),
    cmocka_unit_test(test_arena_large_and_reset),
    cmocka_unit_test(test_arena_json),
    cmocka_unit_test(test_arena_thread),
};
const size_t lk_arena_ntests =
    sizeof(lk_arena_tests) / sizeof(lk_arena_tests[0]);
