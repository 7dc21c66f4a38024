/*
 * test_mail_vectors.c: the shared DKIM vectors (tests/resources/mail) give
 * the results their sources document, plus the parts of the mail module
 * that can be checked alone: tag lists, key archives, the mbox splitter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "alloc.h"
#include "buf.h"
#include "leaklaw/mail.h"
#include "keys.h"
#include "mbox.h"
#include "tags.h"

#define AT_MAIL_AUTH 1667843664LL /* the verification time of mail-auth */

static char *res_read(const char *rel, size_t *len)
{
    const char *dir = getenv("LK_TEST_RESOURCES");
    char path[1024];
    char *text = NULL;
    lk_error err;
    snprintf(path, sizeof(path), "%s/mail/%s", dir ? dir : "tests/resources",
             rel);
    assert_int_equal(lk_file_read(&text, len, path, 1 << 24, &err), 0);
    return text;
}

static int collect(const char *rec, size_t len, void *payload)
{
    return lk_buf_put(payload, rec, len);
}

/* Verify "msg" against archive text "keys" at "at"; returns the records
 * as a JSON array (owned). */
static json_t *verify(const char *keys, const char *msg, size_t len,
                      long long at)
{
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_keys *ks = NULL;
    lk_mail_run *run = NULL;
    lk_error err;
    lk_buf out;
    json_t *arr = json_array();
    char *line;
    lk_buf_init(&out, 0);
    assert_int_equal(lk_mail_keys_parse(&ks, "keys", keys, strlen(keys),
                                        &err),
                     0);
    o.keys = ks;
    o.at = at;
    o.on_record = collect;
    o.record_payload = &out;
    assert_int_equal(lk_mail_run_new(&run, &o, &err), 0);
    assert_int_equal(lk_mail_run_add_buffer(run, "msg", msg, len, &err), 0);
    line = out.ptr;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        json_error_t je;
        json_t *rec = json_loadb(line, (size_t)(nl - line), 0, &je);
        assert_non_null(rec);
        json_array_append_new(arr, rec);
        line = nl + 1;
    }
    lk_mail_run_free(run);
    lk_mail_keys_free(ks);
    lk_buf_dispose(&out);
    return arr;
}

static const char *sig_result(json_t *rec, size_t i)
{
    json_t *s = json_array_get(json_object_get(rec, "signatures"), i);
    return json_string_value(json_object_get(s, "result"));
}

static const char *str(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* mail-auth: key lines, empty line, message; the last signature passes
 * at 1667843664 with LF turned into CRLF (as the source's test does), and
 * as found (LF) through the lf-to-crlf transformation. */
static void test_mail_auth(void **state)
{
    int i;
    (void)state;
    for (i = 1; i <= 6; i++) {
        char name[64], *text, *sep, *crlf;
        size_t len, k, n = 0;
        json_t *recs, *rec, *sigs;
        snprintf(name, sizeof(name), "mail-auth/dkim-%03d.txt", i);
        text = res_read(name, &len);
        sep = strstr(text, "\n\n");
        assert_non_null(sep);
        *sep = '\0';
        crlf = lk_malloc(2 * len + 1);
        for (k = 0; sep + 2 + k < text + len; k++) {
            if (sep[2 + k] == '\n')
                crlf[n++] = '\r';
            crlf[n++] = sep[2 + k];
        }
        recs = verify(text, crlf, n, AT_MAIL_AUTH);
        rec = json_array_get(recs, 0);
        sigs = json_object_get(rec, "signatures");
        assert_string_equal(sig_result(rec, json_array_size(sigs) - 1),
                            "pass");
        assert_true(json_is_null(json_object_get(rec, "transform")));
        assert_string_equal(str(rec, "verdict"), "verified");
        json_decref(recs);

        recs = verify(text, sep + 2, (size_t)(text + len - sep - 2),
                      AT_MAIL_AUTH);
        rec = json_array_get(recs, 0);
        sigs = json_object_get(rec, "signatures");
        assert_string_equal(sig_result(rec, json_array_size(sigs) - 1),
                            "pass");
        assert_string_equal(str(rec, "transform"), "lf-to-crlf");
        json_decref(recs);
        lk_free(crlf);
        lk_free(text);
    }
}

/* RFC 6376 Appendix A (mail-auth dkim-002): the key is PKCS#1 and the
 * message verifies. Under another RSA key (dkimpy's test.txt) the result
 * is key-mismatch, not fail-header: RSA recovery tells them apart. */
static void test_rfc6376_appendix(void **state)
{
    size_t len;
    char *text = res_read("mail-auth/dkim-002.txt", &len);
    char *sep = strstr(text, "\n\n");
    json_t *recs;
    json_t *key;
    char *other;
    size_t kl;
    lk_buf b;
    (void)state;
    *sep = '\0';
    recs = verify(text, sep + 2, (size_t)(text + len - sep - 2), 0);
    assert_string_equal(sig_result(json_array_get(recs, 0), 0), "pass");
    key = json_object_get(
        json_array_get(json_object_get(json_array_get(recs, 0),
                                       "signatures"),
                       0),
        "key");
    assert_int_equal(json_integer_value(json_object_get(key, "line")), 1);
    assert_int_equal(json_integer_value(json_object_get(key, "bits")), 1024);
    json_decref(recs);
    other = res_read("dkimpy/test.txt", &kl);
    lk_buf_init(&b, 0);
    lk_buf_printf(&b, "newengland._domainkey.example.com %s\n", other);
    recs = verify(b.ptr, sep + 2, (size_t)(text + len - sep - 2), 0);
    lk_buf_dispose(&b);
    lk_free(other);
    assert_string_equal(sig_result(json_array_get(recs, 0), 0),
                        "key-mismatch");
    assert_string_equal(str(json_array_get(recs, 0), "verdict"),
                        "unverifiable");
    json_decref(recs);
    lk_free(text);
}

/* mailauth: the RFC 8463 example with the records of dns.json (zone
 * style, the RSA record split in several strings). */
static void test_mailauth_rfc8463(void **state)
{
    static const char zone[] =
        "brisbane._domainkey.football.example.com. 300 IN TXT "
        "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        "=\"\n"
        "test._domainkey.football.example.com. IN TXT (\n"
        "  \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQo"
        "BTzWR\"\n"
        "  \"iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y"
        "3FutAC\" ; comment\n"
        "  \"DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO"
        "2EeC3\"\n"
        "  \"Ip3G+2kryOTIKT+l/K4w3QIDAQAB\" )\n";
    size_t len;
    char *msg = res_read("mailauth/signed.eml", &len);
    json_t *recs = verify(zone, msg, len, 0), *rec;
    (void)state;
    rec = json_array_get(recs, 0);
    assert_string_equal(sig_result(rec, 0), "pass");
    assert_string_equal(sig_result(rec, 1), "pass");
    assert_string_equal(str(rec, "verdict"), "verified");
    json_decref(recs);
    lk_free(msg);
}

static char *dkimpy_keys(void)
{
    static const char gmail[] =
        "20120113._domainkey.gmail.com k=rsa; "
        "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1Kd87/UeJjenpabgbFwh"
        "+eBCsSTrqmwIYYvywlbhbqoo2DymndFkbjOVIPIldNs/m40KF+yzMn1skyoxcTUGCQ"
        "s8g3FgD2Ap3ZB5DekAo5wMmk4wimDO+U8QzI3SD07y2+07wlNWwIt8svnxgdxGkVbb"
        "hzY8i+RQ9DpSVpPbF7ykQxtKXkv/ahW3KjViiAH+ghvvIhkx4xYSIc9oSwVmAl5Oct"
        "MEeWUwg8Istjqz8BZeTWbf41fbNhte7Y+YqZOwq1Sd0DbvYAD9NOZK9vlfuac0598H"
        "Y+vtSBczUiKERHv1yRbcaQtZFh5wtiRrN04BLUTD21MycBX5jYchHjPY/wIDAQAB\n";
    size_t l1, l2;
    char *test = res_read("dkimpy/test.txt", &l1);
    char *exim = res_read("dkimpy/eximtest.dns", &l2);
    lk_buf b;
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "brisbane._domainkey.football.example.com v=DKIM1; "
                    "k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
                    "\n");
    lk_buf_printf(&b, "test._domainkey.football.example.com %s\n", test);
    lk_buf_printf(&b, "sed._domainkey.test.ex %s\n", exim);
    lk_buf_puts(&b, gmail);
    lk_free(test);
    lk_free(exim);
    return lk_buf_detach(&b, NULL);
}

/* dkimpy: test_double_previous_verifies (rfc6376.signed.msg, first
 * signature, with test.txt for "test"), test_verify_third_party
 * (ed25519test2.msg, Exim-signed), test_degenerate_folding
 * (test2.message). */
static void test_dkimpy(void **state)
{
    static const char *const msgs[] = {"dkimpy/rfc6376.signed.msg",
                                       "dkimpy/ed25519test2.msg",
                                       "dkimpy/test2.message"};
    char *keys = dkimpy_keys();
    size_t i;
    (void)state;
    for (i = 0; i < 3; i++) {
        size_t len;
        char *msg = res_read(msgs[i], &len);
        json_t *recs = verify(keys, msg, len, 0);
        assert_string_equal(sig_result(json_array_get(recs, 0), 0), "pass");
        json_decref(recs);
        lk_free(msg);
    }
    lk_free(keys);
}

/* dkimpy test_bad_version / test_unknown_k: those key records verify
 * nothing (here: the rfc6376.signed.msg RSA signature). */
static void test_dkimpy_bad_keys(void **state)
{
    static const char *const files[] = {"dkimpy/badversion.txt",
                                        "dkimpy/badk.txt"};
    static const char *const want[] = {"permerror", "key-mismatch"};
    size_t len, i;
    char *msg = res_read("dkimpy/rfc6376.signed.msg", &len);
    (void)state;
    for (i = 0; i < 2; i++) {
        size_t kl;
        char *rec = res_read(files[i], &kl);
        lk_buf b;
        json_t *recs;
        lk_buf_init(&b, 0);
        lk_buf_printf(&b, "test._domainkey.football.example.com %s\n", rec);
        recs = verify(b.ptr, msg, len, 0);
        assert_string_equal(sig_result(json_array_get(recs, 0), 1), want[i]);
        json_decref(recs);
        lk_buf_dispose(&b);
        lk_free(rec);
    }
    lk_free(msg);
}

/* ---- module parts -------------------------------------------------------- */

static void test_tags(void **state)
{
    lk_mail_taglist tl;
    const char *why;
    const lk_mail_tag *b;
    static const char sig[] = "h=From; b = abc\r\n def\r\n; v=1";
    (void)state;
    assert_int_equal(lk_mail__tags_parse(&tl, sig, strlen(sig), &why), 0);
    assert_int_equal(tl.n, 3);
    b = lk_mail__tags_get(&tl, "b");
    assert_int_equal(b->value_len, 9);
    /* the b= value and its surrounding whitespace are what is removed */
    assert_int_equal(b->raw_start, 11);
    assert_int_equal(sig[b->raw_end], ';');
    assert_int_equal(lk_mail__tags_parse(&tl, "a=1; a=2", 8, &why),
                     LK_EINVALID);
    assert_int_equal(lk_mail__tags_parse(&tl, "1a=1", 4, &why), LK_EINVALID);
    assert_int_equal(lk_mail__tags_parse(&tl, "v", 1, &why), LK_EINVALID);
}

static void test_keys_archive(void **state)
{
    static const char text[] =
        "# key history of example.org\n"
        "s._domainkey.Example.ORG. v=DKIM1; p=\n"
        "s._domainkey.example.org 3600 IN TXT \"v=DKIM1; k=ed25519; \" "
        "\"p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n"
        "\n"
        "t._domainkey.example.org k=ed25519; t=y:s; h=sha256; s=email; "
        "p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n";
    lk_mail_keys *ks = NULL;
    lk_error err;
    const lk_mail_key *k;
    size_t n;
    (void)state;
    assert_int_equal(lk_mail_keys_parse(&ks, "a.keys", text, strlen(text),
                                        &err),
                     0);
    assert_int_equal(lk_mail_keys_count(ks), 3);
    k = lk_mail__keys_find(ks, "s._domainkey.example.org", &n);
    assert_int_equal(n, 2);
    assert_int_equal(k[0].line, 2);
    assert_int_equal(k[0].state, LK_MAIL_KEY_REVOKED);
    assert_int_equal(k[1].line, 3);
    assert_int_equal(k[1].state, LK_MAIL_KEY_OK);
    assert_int_equal(k[1].ktype, LK_MAIL_K_ED25519);
    k = lk_mail__keys_find(ks, "t._domainkey.example.org", &n);
    assert_int_equal(n, 1);
    assert_true(k->testing && k->strict && k->hash_sha256 &&
                !k->hash_sha1 && k->service_email);
    assert_null(lk_mail__keys_find(ks, "u._domainkey.example.org", &n));
    lk_mail_keys_free(ks);

    lk_error_clear(&err);
    assert_int_equal(lk_mail_keys_parse(&ks, "b.keys", "x\n\nname \"abc\n",
                                        12, &err),
                     LK_EINVALID);
    assert_int_equal(err.line, 1);
    assert_string_equal(err.file, "b.keys");
    assert_int_equal(lk_mail_keys_parse(&ks, "c.keys", "a TXT ( \"x\"\n", 12,
                                        &err),
                     LK_EINVALID);
}

typedef struct split_seen {
    int n;                 /* messages */
    long long off[4];      /* From_ offsets */
    size_t len[4];         /* message lengths */
} split_seen;

static int split_cb(const char *d, size_t len, long long off, void *p)
{
    split_seen *s = p;
    (void)d;
    if (s->n < 4) {
        s->off[s->n] = off;
        s->len[s->n] = len;
    }
    s->n++;
    return 0;
}

static void test_mbox_split(void **state)
{
    static const char mbox[] = "From a@b Thu Jan  1 00:00:00 1970\n"
                               "Subject: 1\n\nbody\nFrom me, not a separator\n"
                               "\n"
                               "From c@d Thu Jan  1 00:00:00 1970\r\n"
                               "Subject: 2\r\n\r\nx\r\n\r\n";
    split_seen s;
    (void)state;
    memset(&s, 0, sizeof(s));
    assert_int_equal(lk_mail__mbox_split(mbox, strlen(mbox), split_cb, &s),
                     0);
    assert_int_equal(s.n, 2);
    assert_int_equal(s.off[0], 0);
    assert_int_equal(s.len[0], strlen("Subject: 1\n\nbody\nFrom me, not a "
                                      "separator\n"));
    assert_int_equal(s.off[1], 77);
    assert_int_equal(s.len[1], strlen("Subject: 2\r\n\r\nx\r\n"));
    memset(&s, 0, sizeof(s));
    assert_int_equal(lk_mail__mbox_split("Subject: x\n\n", 12, split_cb, &s),
                     0);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.off[0], -1);
}

static void test_time(void **state)
{
    long long t;
    (void)state;
    assert_int_equal(lk_mail_time_parse(&t, "1667843664"), 0);
    assert_int_equal(t, 1667843664);
    assert_int_equal(lk_mail_time_parse(&t, "2022-11-07T17:54:24Z"), 0);
    assert_int_equal(t, 1667843664);
    assert_int_equal(lk_mail_time_parse(&t, "1970-01-02"), 0);
    assert_int_equal(t, 86400);
    assert_int_equal(lk_mail_time_parse(&t, "2022-13-01"), LK_EINVALID);
    assert_int_equal(lk_mail_time_parse(&t, "yesterday"), LK_EINVALID);
}

/* test_mail_case.c, test_mail_torture.c */
void test_mail_case_authenticity(void **state);
void test_mail_case_rules(void **state);
void test_mail_case_bad_counts(void **state);
void test_mail_torture(void **state);
/* test_mail_reliability.c */
void test_mail_reliability_stream_pieces(void **state);
void test_mail_reliability_stream_pipe(void **state);
void test_mail_reliability_maildir_skips(void **state);
void test_mail_reliability_sniff(void **state);
void test_mail_reliability_key_errors(void **state);

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mail_auth),
        cmocka_unit_test(test_rfc6376_appendix),
        cmocka_unit_test(test_mailauth_rfc8463),
        cmocka_unit_test(test_dkimpy),
        cmocka_unit_test(test_dkimpy_bad_keys),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_keys_archive),
        cmocka_unit_test(test_mbox_split),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_mail_case_authenticity),
        cmocka_unit_test(test_mail_case_rules),
        cmocka_unit_test(test_mail_case_bad_counts),
        cmocka_unit_test(test_mail_torture),
        cmocka_unit_test(test_mail_reliability_stream_pieces),
        cmocka_unit_test(test_mail_reliability_stream_pipe),
        cmocka_unit_test(test_mail_reliability_maildir_skips),
        cmocka_unit_test(test_mail_reliability_sniff),
        cmocka_unit_test(test_mail_reliability_key_errors),
    };
    lk_alloc__init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
