/*
 * test_batch.c: lk_batch: the records of a JSON Lines stream come back
 * in input order and byte for byte the same on 1, 2 and 3 workers and
 * any queue length; a bad line becomes a rejected record and the rest go
 * on; the emit callback can stop the batch.
 */
#include <stdio.h>

#include "helpers.h"
#include "leaklaw/batch.h"

#include "alloc.h"
#include "buf.h"

/* What the emit callback collects. */
typedef struct {
    lk_buf out;             /* every record, in order */
    unsigned long rejected; /* rejected records seen */
    unsigned long stop_at;  /* stop after this many records, 0: never */
    unsigned long seen;     /* records seen */
} batch_sink;

/* Emit callback: append the record. */
static int batch_collect(const lk_batch_item *item, void *payload)
{
    batch_sink *s = payload;
    lk_buf_put(&s->out, item->record, item->len);
    if (item->assessment == NULL) {
        s->rejected++;
        assert_non_null(item->errors);
    }
    s->seen++;
    return s->stop_at != 0 && s->seen >= s->stop_at;
}

/* A stream of "n" cases, one per line, cycling through the bundled case
 * files, with a bad line at "bad" (1-based; 0: none). */
static FILE *batch_stream(size_t n, size_t bad)
{
    static const char *const files[] = {
        "cases/dnc-2016.json", "cases/ashley-madison-2015.json",
        "cases/dnc-2016.json"};
    char path[1024];
    FILE *f = tmpfile();
    size_t i;
    assert_non_null(f);
    for (i = 1; i <= n; i++) {
        char *text = NULL, *p;
        size_t len = 0;
        lk_error err;
        if (i == bad) {
            fputs("{\"format\": \"leaklaw/case/1\", broken\n", f);
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", test_data(),
                 files[i % 3]);
        lk_error_clear(&err);
        assert_int_equal(lk_file_read(&text, &len, path, (size_t)1 << 24,
                                      &err), 0);
        for (p = text; *p != '\0'; p++) /* JSON: newlines are blanks */
            if (*p == '\n' || *p == '\r')
                *p = ' ';
        fwrite(text, 1, len, f);
        fputc('\n', f);
        lk_free(text);
    }
    rewind(f);
    return f;
}

/* Run the stream through a batch of "jobs" workers and queue "queue". */
static char *batch_run(const lk_law *law, FILE *in, unsigned jobs,
                       size_t queue, unsigned long *rejected)
{
    lk_batch_options opts = LK_BATCH_OPTIONS_INIT;
    lk_assess_options aopts = LK_ASSESS_OPTIONS_INIT;
    lk_batch *b = NULL;
    batch_sink s;
    lk_error err;
    memset(&s, 0, sizeof(s));
    lk_buf_init(&s.out, 0);
    aopts.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    opts.jobs = jobs;
    opts.queue = queue;
    opts.assess = &aopts;
    lk_error_clear(&err);
    rewind(in);
    assert_int_equal(lk_batch_new(&b, law, &opts, batch_collect, &s, &err),
                     0);
    assert_int_equal(lk_batch_read_jsonl(b, in, "<stdin>", &err), 0);
    assert_int_equal(lk_batch_finish(b, &err), 0);
    lk_batch_free(b);
    *rejected = s.rejected;
    return lk_buf_detach(&s.out, NULL);
}

/* The same bytes whatever the workers and queue length. */
static void test_order(void **state)
{
    lk_law *law = test_law(NULL);
    FILE *in = batch_stream(11, 5);
    unsigned long r1, r2, r3;
    char *one, *two, *three;
    (void)state;
    one = batch_run(law, in, 1, 0, &r1);
    two = batch_run(law, in, 2, 3, &r2);
    three = batch_run(law, in, 3, 1, &r3);
    assert_int_equal(r1, 1);
    assert_int_equal(r2, 1);
    assert_int_equal(r3, 1);
    assert_string_equal(one, two);
    assert_string_equal(one, three);
    assert_non_null(strstr(one, "\"rejected\":{\"source\":\"<stdin>\","
                                "\"line\":5,"));
    lk_free(one);
    lk_free(two);
    lk_free(three);
    fclose(in);
    lk_law_free(law);
}

/* The callback stops the batch: nothing more is emitted. */
static void test_stop(void **state)
{
    lk_law *law = test_law(NULL);
    FILE *in = batch_stream(6, 0);
    lk_batch_options opts = LK_BATCH_OPTIONS_INIT;
    lk_batch *b = NULL;
    batch_sink s;
    lk_error err;
    int status;
    (void)state;
    memset(&s, 0, sizeof(s));
    lk_buf_init(&s.out, 0);
    s.stop_at = 2;
    opts.jobs = 2;
    opts.queue = 2;
    lk_error_clear(&err);
    assert_int_equal(lk_batch_new(&b, law, &opts, batch_collect, &s, &err),
                     0);
    status = lk_batch_read_jsonl(b, in, "<stdin>", &err);
    if (status == 0)
        status = lk_batch_finish(b, &err);
    assert_int_equal(status, LK_BATCH_STOPPED);
    assert_int_equal(s.seen, 2);
    lk_batch_free(b);
    lk_buf_dispose(&s.out);
    fclose(in);
    lk_law_free(law);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
