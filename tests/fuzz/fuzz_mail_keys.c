/*
 * fuzz_mail_keys.c: the key archive (opendkim and zone-file styles) and
 * the key record parser, which decodes p= through OpenSSL.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lk_mail_keys *ks = NULL;
    lk_mail_key key;
    lk_error err;
    size_t n;
    lk_alloc__init();
    if (lk_mail_keys_parse(&ks, "fuzz", (const char *)data, size, &err) ==
        0) {
        if (ks->n > 0)
            lk_mail__keys_find(ks, ks->keys[0].name, &n);
        lk_mail_keys_free(ks);
    }
    memset(&key, 0, sizeof(key));
    if (lk_mail__key_parse(&key, (const char *)data, size) == 0)
        lk_mail__key_dispose(&key);
    return 0;
}
