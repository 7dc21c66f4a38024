/*
 * fuzz_mail_tags.c: the DKIM tag=value parser and the base64 decoder,
 * on signature values and key records alike.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base64.h"
#include "tags.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lk_mail_taglist tl;
    const char *why = NULL;
    const char *s = (const char *)data;
    unsigned char out[256];
    int k;
    if (lk_mail__tags_parse(&tl, s, size, &why) == 0) {
        for (k = 0; k < tl.n; k++) {
            const lk_mail_tag *t = &tl.tag[k];
            if (t->value < s || t->value + t->value_len > s + size ||
                t->raw_start > t->raw_end || t->raw_end > size)
                abort();
            lk_base64_decode(out, sizeof(out), t->value, t->value_len);
        }
    } else if (why == NULL) {
        abort();
    }
    lk_base64_decode(out, sizeof(out), s, size);
    return 0;
}
