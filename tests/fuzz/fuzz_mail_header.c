/*
 * fuzz_mail_header.c: a message through the header parser and the whole
 * verifier (signature tags, canonicalization, key history, record), with
 * an archive holding an RSA, an Ed25519 and a revoked record.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "msg.h"
#include "verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_archive[] =
    "brisbane._domainkey.football.example.com v=DKIM1; k=ed25519; "
    "p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "test._domainkey.football.example.com v=DKIM1; p=\n"
    "test._domainkey.football.example.com v=DKIM1; k=rsa; "
    "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08"
    "a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+"
    "yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K"
    "4w3QIDAQAB\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lk_mail_keys *keys;
    static lk_mail_worker *w;
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_source src = {"fuzz", -1, 1};
    lk_mail_outcome oc;
    lk_mail_msg m;
    lk_buf rec;
    lk_error err;
    lk_alloc__init();
    if (keys == NULL &&
        lk_mail_keys_parse(&keys, "fuzz.keys", fuzz_archive,
                           strlen(fuzz_archive), &err) < 0)
        return 0;
    if (w == NULL && lk_mail__worker_new(&w, NULL) < 0)
        return 0;
    memset(&m, 0, sizeof(m));
    m.data = (const char *)data;
    m.len = size;
    m.lf = 1;
    lk_mail__header_parse(&m, 4096, 1024);
    lk_mail__msg_dispose(&m);
    o.keys = keys;
    o.max_signatures = 4;
    o.max_header_bytes = 16384;
    o.max_line_bytes = 2048;
    lk_buf_init(&rec, 1 << 20);
    lk_mail__verify(w, &o, &src, (const char *)data, size, &rec, &oc);
    lk_buf_dispose(&rec);
    return 0;
}
