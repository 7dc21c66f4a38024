/*
 * test_json.c: the fast JSON reader (src/util/jsonfast.c) against
 * jansson's json_loadb(JSON_REJECT_DUPLICATES): whatever it accepts,
 * jansson accepts as the same tree dumped to the same bytes; whatever
 * jansson refuses, it refuses; what it leaves to jansson still reads the
 * same through lk_doc__parse; and every bundled JSON document is read by
 * it, not left to jansson.
 */
#include <dirent.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "doc.h"
#include "jsonfast.h"

#include <jansson.h>
#include "helpers.h"

/* The tree jansson builds of "text", or NULL if it refuses it. */
static json_t *jansson_load(const char *text)
{
    json_error_t jerr;
    return json_loadb(text, strlen(text), JSON_REJECT_DUPLICATES, &jerr);
}

/* Dump "v" with its keys in their order, to compare bytes. */
static char *dump(const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                JSON_ENCODE_ANY);
    assert_non_null(s);
    return s;
}

/* "text" is read fast, to the tree and bytes jansson reads. */
static void assert_same(const char *text)
{
    json_t *fast = lk_jsonfast_load(text, strlen(text), LK_DOC_MAX_DEPTH);
    json_t *slow = jansson_load(text);
    char *a, *b;
    if (fast == NULL || slow == NULL)
        fail_msg("not read by %s: %s", fast ? "jansson" : "the fast reader",
                 text);
    assert_true(json_equal(fast, slow));
    a = dump(fast);
    b = dump(slow);
    assert_string_equal(a, b);
    lk_free(a);
    lk_free(b);
    json_decref(fast);
    json_decref(slow);
}

/* "text" is left to jansson, which "accepts" it or not. */
static void assert_left(const char *text, int accepts)
{
    json_t *fast = lk_jsonfast_load(text, strlen(text), LK_DOC_MAX_DEPTH);
    json_t *slow = jansson_load(text);
    if (fast != NULL)
        fail_msg("read by the fast reader: %s", text);
    if ((slow != NULL) != accepts)
        fail_msg("jansson %s: %s", accepts ? "refuses" : "accepts", text);
    json_decref(slow);
}

static void test_same_tree(void **state)
{
    static const char *const texts[] = {
        "{}", "[]", " \t\r\n{ } \n", "[1,-2,0,-0,123456789012345678]",
        "{\"a\":true,\"b\":false,\"c\":null,\"d\":[[],{}]}",
        "{\"z\":1,\"a\":2,\"m\":{\"y\":[\"x\",{\"\":\"\"}]}}",
        "[\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"]",
        "[\"\\u0041\\u00e9\\u20AC\\ud83d\\ude00 \\u001f\"]",
        "[\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbf \xf4\x8f\xbf"
        "\xbf\x7f\"]",
        "[\"a\\\"\", \"b\\n\", \"a second escaped string\\t\"]",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        assert_same(texts[i]);
}

static void test_refused_by_both(void **state)
{
    static const char *const texts[] = {
        "", "   ", "1", "\"s\"", "true", "{", "[1,]", "{\"a\":1,}",
        "{\"a\" 1}", "{a:1}", "[01]", "[-]", "[1 2]", "[tru]", "[truex]",
        "[nul]", "{} x", "{}{}", "[\"\x01\"]", "[\"tab\tin\"]",
        "[\"\xc0\xaf\"]", "[\"\xe0\x80\xaf\"]", "[\"\xed\xa0\x80\"]",
        "[\"\xf4\x90\x80\x80\"]", "[\"\xf5\x80\x80\x80\"]", "[\"\x80\"]",
        "[\"\xc3\"]", "[\"\\u0000\"]", "[\"\\ud800\"]", "[\"\\udc00\"]",
        "[\"\\ud800\\u0041\"]", "[\"\\x\"]", "[\"\\u12\"]",
        "{\"a\":1,\"a\":2}", "[\"unterminated]",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        assert_left(texts[i], 0);
}

/* What the fast reader leaves to jansson is still read, and the same. */
static void test_left_to_jansson(void **state)
{
    static const char *const texts[] = {
        "[1.5]", "[1e3]", "[-0.0]", "[1234567890123456789]",
        "{\"k\\u0065y\":1}", "{\"a\\\"b\":2}",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        lk_doc *doc = NULL;
        lk_error err;
        json_t *slow = jansson_load(texts[i]);
        assert_left(texts[i], 1);
        lk_error_clear(&err);
        assert_int_equal(lk_doc__parse(&doc, "t.json", texts[i],
                                       strlen(texts[i]), &err), 0);
        assert_true(json_equal(doc->root, slow));
        json_decref(slow);
        lk_doc__free(doc);
    }
}

/* Nesting: LK_DOC_MAX_DEPTH containers are read, one more is not (and
 * lk_doc__parse then says where). */
static void test_depth(void **state)
{
    char text[2 * (LK_DOC_MAX_DEPTH + 1) + 1];
    int n;
    lk_doc *doc = NULL;
    lk_error err;
    (void)state;
    for (n = LK_DOC_MAX_DEPTH; n <= LK_DOC_MAX_DEPTH + 1; n++) {
        json_t *v;
        memset(text, '[', (size_t)n);
        memset(text + n, ']', (size_t)n);
        text[2 * n] = '\0';
        v = lk_jsonfast_load(text, (size_t)(2 * n), LK_DOC_MAX_DEPTH);
        assert_true((v != NULL) == (n == LK_DOC_MAX_DEPTH));
        json_decref(v);
    }
    lk_error_clear(&err);
    assert_int_equal(lk_doc__parse(&doc, "deep.json", text, strlen(text),
                                   &err), LK_EINVALID);
    assert_non_null(strstr(err.message, "nesting too deep"));
}

/* Every .json file under "dir" (recursively) is read fast, as jansson
 * reads it; returns how many. */
static int read_all(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (d == NULL)
        fail_msg("cannot open %s", dir);
    while ((e = readdir(d)) != NULL) {
        char path[4096];
        size_t len = strlen(e->d_name);
        char *text = NULL;
        size_t tlen = 0;
        lk_error err;
        json_t *fast, *slow;
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            n += read_all(path);
            continue;
        }
        if (len < 5 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        lk_error_clear(&err);
        assert_int_equal(lk_file_read(&text, &tlen, path, LK_DOC_MAX_BYTES,
                                      &err), 0);
        slow = jansson_load(text);
        if (slow == NULL || strlen(text) != tlen)
            fail_msg("%s: not a JSON document", path);
        fast = lk_jsonfast_load(text, tlen, LK_DOC_MAX_DEPTH);
        if (fast == NULL || !json_equal(fast, slow))
            fail_msg("%s: not read fast as jansson reads it", path);
        json_decref(fast);
        json_decref(slow);
        lk_free(text);
        n++;
    }
    closedir(d);
    return n;
}

static void test_bundled_documents(void **state)
{
    char path[4096];
    (void)state;
    snprintf(path, sizeof(path), "%s/cases", test_data());
    assert_true(read_all(path) >= 40);
    snprintf(path, sizeof(path), "%s/positions", test_data());
    assert_true(read_all(path) >= 25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_tree),
        cmocka_unit_test(test_refused_by_both),
        cmocka_unit_test(test_left_to_jansson),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_bundled_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
