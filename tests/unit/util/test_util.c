/*
 * test_util.c: bounded buffers, error formatting, status mapping, file
 * reads with a ceiling, SHA-256 digests and the streaming JSON writer
 * (the same bytes as jansson's json_dumps).
 */
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "jsonw.h"

#include <jansson.h>
#include "helpers.h"

static void test_buf_ceiling(void **state)
{
    lk_buf b;
    (void)state;
    lk_buf_init(&b, 8);
    assert_int_equal(lk_buf_puts(&b, "12345678"), 0);
    assert_int_equal(lk_buf_puts(&b, "9"), LK_ETOOBIG);
    /* the buffer keeps what it had and the failure is sticky */
    assert_string_equal(b.ptr, "12345678");
    assert_int_equal(lk_buf_puts(&b, ""), LK_ETOOBIG);
    lk_buf_dispose(&b);
}

static void test_buf_printf_grows(void **state)
{
    lk_buf b;
    int i;
    (void)state;
    lk_buf_init(&b, 0);
    for (i = 0; i < 1000; i++)
        assert_int_equal(lk_buf_printf(&b, "%04d,", i), 0);
    assert_int_equal(b.len, 5000);
    assert_memory_equal(b.ptr + 4995, "0999,", 5);
    lk_buf_dispose(&b);
}

static void test_error_format(void **state)
{
    lk_error e;
    char line[256];
    (void)state;
    lk_error_clear(&e);
    lk_error_set_at(&e, LK_EINVALID, "case.json", 3, 7, "/actor/kind",
                    "bad %s\nsecond line", "value");
    lk_error_format(&e, line, sizeof(line));
    /* one line, always */
    assert_string_equal(line,
                        "case.json:3:7: /actor/kind: bad value second line");
    lk_error_clear(&e);
    lk_error_set(&e, LK_ERROR, "plain");
    lk_error_format(&e, line, sizeof(line));
    assert_string_equal(line, "plain");
}

static void test_exit_codes(void **state)
{
    (void)state;
    assert_int_equal(lk_status_exit_code(0), 0);
    assert_int_equal(lk_status_exit_code(LK_EINVALID), 65);
    assert_int_equal(lk_status_exit_code(LK_ETOOBIG), 65);
    assert_int_equal(lk_status_exit_code(LK_EIO), 1);
    assert_int_equal(lk_status_exit_code(LK_ENOMEM), 1);
}

static void test_file_read(void **state)
{
    char path[] = "/tmp/lk-test-XXXXXX";
    char *text = NULL;
    size_t len = 0;
    lk_error err;
    int fd;
    (void)state;
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "hello", 5), 5);
    close(fd);
    assert_int_equal(lk_file_read(&text, &len, path, 100, &err), 0);
    assert_int_equal(len, 5);
    assert_string_equal(text, "hello");
    lk_free(text);
    /* a file over the ceiling is refused, not truncated */
    assert_int_equal(lk_file_read(&text, &len, path, 4, &err), LK_ETOOBIG);
    unlink(path);
    assert_int_equal(lk_file_read(&text, &len, path, 4, &err), LK_EIO);
}

static void test_sha256(void **state)
{
    char hex[65];
    (void)state;
    lk_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
                             "b00361a396177a9cb410ff61f20015ad");
}

/* RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
static void test_csv_cells(void **state)
{
    static const char *const in[] = {"plain", "a,b", "say \"hi\"", "=1+1",
                                     "+1", "-1", "@SUM(A1)", "\tx",
                                     "\rx", "", NULL};
    lk_buf b;
    size_t i;
    (void)state;
    lk_buf_init(&b, 0);
    for (i = 0; in[i]; i++)
        lk_csv_cells(&b, in[i], in[i + 1] == NULL);
    assert_int_equal(b.error, 0);
    assert_string_equal(b.ptr, "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=1+1\","
                               "\"'+1\",\"'-1\",\"'@SUM(A1)\",\"'\tx\","
                               "\"'\rx\",\n");
    lk_buf_dispose(&b);
}

/* The document of test_jsonw_like_jansson, written with "w". */
static void jsonw_doc(lk_jsonw *w)
{
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "s");
    lk_jsonw_string(w, "q\" b\\ \b\f\n\r\t \x01\x1f \xc3\xa9 / \x7f");
    lk_jsonw_key(w, "empty");
    lk_jsonw_open(w, '[');
    lk_jsonw_close(w, ']');
    lk_jsonw_key(w, "eo");
    lk_jsonw_open(w, '{');
    lk_jsonw_close(w, '}');
    lk_jsonw_key(w, "v");
    lk_jsonw_open(w, '[');
    lk_jsonw_int(w, 1);
    lk_jsonw_int(w, -9007199254740993LL);
    lk_jsonw_bool(w, 1);
    lk_jsonw_bool(w, 0);
    lk_jsonw_null(w);
    lk_jsonw_string(w, NULL);
    lk_jsonw_close(w, ']');
    lk_jsonw_key(w, "o");
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "k\n");
    lk_jsonw_open(w, '[');
    lk_jsonw_open(w, '{');
    lk_jsonw_key(w, "deep");
    lk_jsonw_raw(w, "2.5", 3);
    lk_jsonw_close(w, '}');
    lk_jsonw_close(w, ']');
    lk_jsonw_close(w, '}');
    lk_jsonw_close(w, '}');
}

/* lk_jsonw prints what json_dumps prints for the same tree, compact and
 * indented: escapes, empty containers, nesting, numbers. */
static void test_jsonw_like_jansson(void **state)
{
    json_t *doc;
    unsigned indent[2] = {0, 2};
    size_t i;
    (void)state;
    lk_alloc__init();
    doc = json_pack("{s:s, s:[], s:{}, s:[I, I, b, b, n, n], s:{s:[{s:f}]}}",
                    "s", "q\" b\\ \b\f\n\r\t \x01\x1f \xc3\xa9 / \x7f",
                    "empty", "eo", "v", (json_int_t)1,
                    (json_int_t)-9007199254740993LL, 1, 0, "o", "k\n",
                    "deep", 2.5);
    assert_non_null(doc);
    for (i = 0; i < 2; i++) {
        lk_buf b;
        lk_jsonw w;
        char *want = json_dumps(doc, JSON_PRESERVE_ORDER |
                                         (indent[i] ? JSON_INDENT(2)
                                                    : JSON_COMPACT));
        assert_non_null(want);
        lk_buf_init(&b, 0);
        lk_jsonw_init(&w, &b, indent[i]);
        jsonw_doc(&w);
        assert_int_equal(b.error, 0);
        assert_string_equal(b.ptr, want);
        lk_free(want);
        lk_buf_dispose(&b);
    }
    json_decref(doc);
}

/* lk_jsonw_tree prints a tree as json_dumps does, compact and indented,
 * and refuses a real number (jansson's digits) rather than guess them. */
static void test_jsonw_tree_like_jansson(void **state)
{
    json_t *doc, *real;
    unsigned indent[2] = {0, 2};
    size_t i;
    (void)state;
    lk_alloc__init();
    doc = json_pack("{s:s, s:[], s:{}, s:[I, I, b, b, n, n], s:{s:[{s:s}]},"
                    " s:[[[]], {s:{}}]}",
                    "s", "q\" b\\ \b\f\n\r\t \x01\x1f \xc3\xa9 / \x7f",
                    "empty", "eo", "v", (json_int_t)1,
                    (json_int_t)-9007199254740993LL, 1, 0, "o", "k\n",
                    "deep", "z", "nest", "x");
    assert_non_null(doc);
    for (i = 0; i < 2; i++) {
        lk_buf b;
        lk_jsonw w;
        char *want = json_dumps(doc, indent[i] ? JSON_INDENT(2)
                                               : JSON_COMPACT);
        assert_non_null(want);
        lk_buf_init(&b, 0);
        lk_jsonw_init(&w, &b, indent[i]);
        assert_int_equal(lk_jsonw_tree(&w, doc), 0);
        assert_int_equal(b.error, 0);
        assert_string_equal(b.ptr, want);
        lk_free(want);
        lk_buf_dispose(&b);
    }
    real = json_pack("{s:[f]}", "r", 0.1);
    assert_non_null(real);
    {
        lk_buf b;
        lk_jsonw w;
        lk_buf_init(&b, 0);
        lk_jsonw_init(&w, &b, 0);
        assert_int_equal(lk_jsonw_tree(&w, real), -1);
        lk_buf_dispose(&b);
    }
    json_decref(real);
    json_decref(doc);
}

/* test_rcache.c */
extern const struct CMUnitTest lk_rcache_tests[];
extern const size_t lk_rcache_ntests;
/* test_arena.c */
extern const struct CMUnitTest lk_arena_tests[];
extern const size_t lk_arena_ntests;

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_ceiling),
        cmocka_unit_test(test_buf_printf_grows),
        cmocka_unit_test(test_error_format),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_file_read),
        cmocka_unit_test(test_sha256),
        cmocka_unit_test(test_csv_cells),
        cmocka_unit_test(test_jsonw_like_jansson),
        cmocka_unit_test(test_jsonw_tree_like_jansson),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    failed += _cmocka_run_group_tests("rcache", lk_rcache_tests,
                                      lk_rcache_ntests, NULL, NULL);
    return failed + _cmocka_run_group_tests("arena", lk_arena_tests,
                                            lk_arena_ntests, NULL, NULL);
}
