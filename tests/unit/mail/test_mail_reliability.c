/*
 * test_mail_reliability.c: every message of a corpus is accounted for:
 * pipes and FIFOs read as mbox streams, pieces cut anywhere giving the
 * same records as a mapped file, unreadable maildir entries skipped and
 * counted, and key records that say what is wrong with them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include "alloc.h"
#include "base64.h"
#include "buf.h"
#include "keys.h"
#include "leaklaw/mail.h"
#include "run.h"
#include "stream.h"

#define AT_RFC8463 1528588800LL /* 2018-06-10 */

/* called by test_mail_vectors.c */
void test_mail_reliability_stream_pieces(void **state);
void test_mail_reliability_stream_pipe(void **state);
void test_mail_reliability_maildir_skips(void **state);
void test_mail_reliability_sniff(void **state);
void test_mail_reliability_key_errors(void **state);

/* The path of test resource "rel" under mail/. */
static void rel_path(char *out, size_t cap, const char *rel)
{
    const char *dir = getenv("LK_TEST_RESOURCES");
    snprintf(out, cap, "%s/mail/%s", dir ? dir : "tests/resources", rel);
}

static char *rel_read(const char *rel, size_t *len)
{
    char path[1024];
    char *text = NULL;
    lk_error err;
    rel_path(path, sizeof(path), rel);
    assert_int_equal(lk_file_read(&text, len, path, 1 << 24, &err), 0);
    return text;
}

static int collect(const char *rec, size_t len, void *payload)
{
    return lk_buf_put(payload, rec, len);
}

/* A run over the RFC 8463 keys collecting its records into "out". */
static lk_mail_run *run_new(lk_mail_keys **ks, lk_buf *out)
{
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_run *run = NULL;
    lk_error err;
    char path[1024];
    rel_path(path, sizeof(path), "keys/rfc8463.keys");
    assert_int_equal(lk_mail_keys_load(ks, path, &err), 0);
    o.keys = *ks;
    o.at = AT_RFC8463;
    o.on_record = collect;
    o.record_payload = out;
    assert_int_equal(lk_mail_run_new(&run, &o, &err), 0);
    return run;
}

/* The records of corpus.mbox with file names replaced by "x". */
static void records_norm(lk_buf *b, const char *name)
{
    char *p;
    size_t n = strlen(name);
    lk_buf_put(b, "", 1);
    while ((p = strstr(b->ptr, name)) != NULL) {
        memset(p, 'x', n);
    }
}

/* A stream cut into pieces of any size gives the records of the file
 * read whole (mapped). */
void test_mail_reliability_stream_pieces(void **state)
{
    static const size_t pieces[] = {1, 7, 100, 1117, 1118, 1119, 4096};
    size_t len, k;
    char *mbox = rel_read("reliability/corpus.mbox", &len);
    lk_mail_keys *ks = NULL;
    lk_buf whole, part;
    lk_mail_run *run;
    lk_error err;
    (void)state;
    lk_buf_init(&whole, 0);
    run = run_new(&ks, &whole);
    assert_int_equal(lk_mail_run_add_buffer(run, "m", mbox, len, &err), 0);
    assert_int_equal(lk_mail_run_count(run, "verified"), 2);
    lk_mail_run_free(run);
    lk_mail_keys_free(ks);
    records_norm(&whole, "\"m\"");
    for (k = 0; k < sizeof(pieces) / sizeof(pieces[0]); k++) {
        lk_buf_init(&part, 0);
        run = run_new(&ks, &part);
        lk_mail__run_set_piece(run, pieces[k]);
        assert_int_equal(lk_mail__run_add_stream(run, "m", mbox, len,
                                                 LK_MAIL_Z_NONE, &err),
                         0);
        assert_int_equal(lk_mail_run_skipped(run), 0);
        lk_mail_run_free(run);
        lk_mail_keys_free(ks);
        records_norm(&part, "\"m\"");
        assert_string_equal(part.ptr, whole.ptr);
        lk_buf_dispose(&part);
    }
    lk_buf_dispose(&whole);
    lk_free(mbox);
}

/* A pipe given by name (as <(...) gives /dev/fd/N) is read as an mbox
 * stream: both messages, at their offsets. */
void test_mail_reliability_stream_pipe(void **state)
{
    size_t len;
    char *mbox = rel_read("reliability/corpus.mbox", &len);
    lk_mail_keys *ks = NULL;
    lk_mail_run *run;
    lk_buf out;
    lk_error err;
    char name[64];
    int fds[2];
    (void)state;
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], mbox, len), (ssize_t)len);
    close(fds[1]);
    snprintf(name, sizeof(name), "/dev/fd/%d", fds[0]);
    lk_buf_init(&out, 0);
    run = run_new(&ks, &out);
    assert_int_equal(lk_mail_run_add_path(run, name, &err), 0);
    close(fds[0]);
    assert_int_equal(lk_mail_run_messages(run), 2);
    assert_int_equal(lk_mail_run_count(run, "verified"), 2);
    assert_int_equal(lk_mail_run_skipped(run), 0);
    lk_buf_put(&out, "", 1);
    assert_non_null(strstr(out.ptr, "\"offset\":1118}"));
    lk_mail_run_free(run);
    lk_mail_keys_free(ks);
    lk_buf_dispose(&out);
    lk_free(mbox);
}

/* Inside a maildir, a link loop, a link back up and a dangling link are
 * skipped and counted; the two messages are verified. */
void test_mail_reliability_maildir_skips(void **state)
{
    lk_mail_keys *ks = NULL;
    lk_mail_run *run;
    lk_buf out;
    lk_error err;
    const char *path, *why;
    char dir[1024];
    (void)state;
    rel_path(dir, sizeof(dir), "reliability/maildir");
    lk_buf_init(&out, 0);
    run = run_new(&ks, &out);
    assert_int_equal(lk_mail_run_add_path(run, dir, &err), 0);
    assert_int_equal(lk_mail_run_count(run, "verified"), 2);
    assert_int_equal(lk_mail_run_messages(run), 2);
    assert_int_equal(lk_mail_run_skipped(run), 3);
    assert_int_equal(lk_mail_run_skipped_get(run, 1, &path, &why), 0);
    assert_non_null(strstr(path, "cur/loop"));
    assert_non_null(strstr(why, "symbolic link loop"));
    assert_int_equal(lk_mail_run_skipped_get(run, 3, &path, &why),
                     LK_ENOTFOUND);
    lk_mail_run_free(run);
    lk_mail_keys_free(ks);
    lk_buf_dispose(&out);
}

/* What is not mail is skipped, never a message; what is compressed is
 * read through its decoder. */
void test_mail_reliability_sniff(void **state)
{
    int z;
    (void)state;
    assert_null(lk_mail__sniff("From a\n", 7, &z));
    assert_null(lk_mail__sniff("Received : x\n", 13, &z));
    assert_null(lk_mail__sniff("", 0, &z));
    assert_string_equal(lk_mail__sniff("\x89PNG\r\n", 6, &z),
                        "not mail: PNG image");
    assert_non_null(lk_mail__sniff("hello world\n", 12, &z));
    assert_non_null(lk_mail__sniff("From: a\n\0", 9, &z));
    assert_null(lk_mail__sniff("\x1f\x8b\x08", 3, &z));
    assert_int_equal(z, LK_MAIL_Z_GZIP);
    assert_null(lk_mail__sniff("\x28\xb5\x2f\xfd", 4, &z));
    assert_int_equal(z, LK_MAIL_Z_ZSTD);
}

/* The DER of an RSA public key with a random modulus of "bits" bits,
 * base64 into "b". */
static void rsa_spki_b64(lk_buf *b, int bits)
{
    BIGNUM *n = BN_new(), *e = BN_new();
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    EVP_PKEY *pk = NULL;
    unsigned char *der = NULL;
    int len;
    assert_true(BN_rand(n, bits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ODD));
    assert_true(BN_set_word(e, 65537));
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e);
    params = OSSL_PARAM_BLD_to_param(bld);
    assert_int_equal(EVP_PKEY_fromdata_init(ctx), 1);
    assert_int_equal(EVP_PKEY_fromdata(ctx, &pk, EVP_PKEY_PUBLIC_KEY,
                                       params), 1);
    len = i2d_PUBKEY(pk, &der);
    assert_true(len > 0);
    {
        static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
                                 "opqrstuvwxyz0123456789+/";
        int i;
        for (i = 0; i < len; i += 3) {
            unsigned v = (unsigned)der[i] << 16;
            int left = len - i;
            if (left > 1)
                v |= (unsigned)der[i + 1] << 8;
            if (left > 2)
                v |= der[i + 2];
            lk_buf_printf(b, "%c%c%c%c", al[v >> 18], al[(v >> 12) & 63],
                          left > 1 ? al[(v >> 6) & 63] : '=',
                          left > 2 ? al[v & 63] : '=');
        }
    }
    OPENSSL_free(der);
    EVP_PKEY_free(pk);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(e);
}

/* A key record states what is wrong with it: too large is "larger than",
 * not "not base64". */
void test_mail_reliability_key_errors(void **state)
{
    lk_mail_key key;
    lk_buf rec;
    (void)state;
    memset(&key, 0, sizeof(key));
    lk_buf_init(&rec, 0);
    lk_buf_puts(&rec, "v=DKIM1; k=rsa; p=");
    rsa_spki_b64(&rec, 17000);
    assert_int_equal(lk_mail__key_parse(&key, rec.ptr, rec.len), 0);
    assert_int_equal(key.state, LK_MAIL_KEY_BAD);
    assert_string_equal(key.why, "p= holds a key larger than 16384 bits");
    lk_mail__key_dispose(&key);
    rec.len = 0;
    lk_buf_puts(&rec, "v=DKIM1; k=rsa; p=");
    rsa_spki_b64(&rec, 40000); /* more DER than leaklaw decodes */
    assert_int_equal(lk_mail__key_parse(&key, rec.ptr, rec.len), 0);
    assert_int_equal(key.state, LK_MAIL_KEY_BAD);
    assert_string_equal(key.why, "p= holds a key larger than 16384 bits");
    rec.len = 0;
    lk_buf_puts(&rec, "v=DKIM1; k=rsa; p=MIG*fMA0");
    assert_int_equal(lk_mail__key_parse(&key, rec.ptr, rec.len), 0);
    assert_string_equal(key.why, "p= is not base64");
    lk_buf_dispose(&rec);
}
