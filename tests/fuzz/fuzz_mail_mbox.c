/*
 * fuzz_mail_mbox.c: the mbox splitter must hand out messages that lie
 * inside the input, in order, whatever the bytes.
 */
#include <stdint.h>
#include <stdlib.h>

#include "mbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fuzz_bounds {
    const char *base;  /* input */
    size_t size;       /* its length */
    const char *last;  /* end of the previous message */
} fuzz_bounds;

static int fuzz_mbox_cb(const char *d, size_t len, long long off, void *p)
{
    fuzz_bounds *b = p;
    if (d < b->base || d + len > b->base + b->size || d < b->last ||
        off >= (long long)b->size)
        abort();
    b->last = d + len;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bounds b;
    b.base = (const char *)data;
    b.size = size;
    b.last = b.base;
    lk_mail__mbox_split((const char *)data, size, fuzz_mbox_cb, &b);
    return 0;
}
