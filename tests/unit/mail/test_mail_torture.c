/*
 * test_mail_torture.c: allocation failures through a whole mail run (key
 * archive, run with two workers, a signed message, every summary): each
 * failure must come back as a status, never a crash or a leak. Only
 * LK_DEBUG_ALLOC builds inject failures; elsewhere this runs once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "leaklaw/mail.h"

static int torture_discard(const char *rec, size_t len, void *payload)
{
    (void)rec;
    (void)len;
    (void)payload;
    return 0;
}

static int torture_attempt(const char *keys, const char *msg, size_t len)
{
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_keys *ks = NULL;
    lk_mail_run *run = NULL;
    lk_error err;
    char *text = NULL;
    int rc, f;
    rc = lk_mail_keys_parse(&ks, "keys", keys, strlen(keys), &err);
    o.keys = ks;
    o.jobs = 2;
    o.on_record = torture_discard;
    if (rc == 0)
        rc = lk_mail_run_new(&run, &o, &err);
    if (rc == 0)
        rc = lk_mail_run_add_buffer(run, "msg", msg, len, &err);
    for (f = 0; rc == 0 && f <= LK_MAIL_SUMMARY_EVIDENCE; f++) {
        rc = lk_mail_run_render(&text, NULL, run, (lk_mail_summary_format)f,
                                &err);
        lk_mail_text_free(text);
        text = NULL;
    }
    lk_mail_run_free(run);
    lk_mail_keys_free(ks);
    return rc;
}

void test_mail_torture(void **state);
void test_mail_torture(void **state)
{
    const char *dir = getenv("LK_TEST_RESOURCES");
    char path[1024], *text = NULL, *sep;
    size_t len;
    unsigned long n, total;
    lk_error err;
    (void)state;
    snprintf(path, sizeof(path), "%s/mail/mail-auth/dkim-001.txt",
             dir ? dir : "tests/resources");
    assert_int_equal(lk_file_read(&text, &len, path, 1 << 20, &err), 0);
    sep = strstr(text, "\n\n");
    *sep = '\0';
    lk_alloc__fail_after(0);
    assert_int_equal(torture_attempt(text, sep + 2,
                                     (size_t)(text + len - sep - 2)),
                     0);
    total = lk_alloc__fail_after(0);
    for (n = 1; n <= total; n++) {
        int rc;
        lk_alloc__fail_after(n);
        rc = torture_attempt(text, sep + 2, (size_t)(text + len - sep - 2));
        lk_alloc__fail_after(0);
        if (rc != 0 && rc != LK_ENOMEM && rc != LK_ETOOBIG)
            fail_msg("allocation %lu: status %d", n, rc);
    }
    lk_free(text);
}
