/*
 * fuzz_position.c: libFuzzer target for the position reader of the
 * store's search (lk_store__position_read): any input gives a position
 * with every string set, "another format" or an error with a message,
 * never a crash or a leak.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lk_store_position p;
    lk_error err;
    int rc;
    lk_error_clear(&err);
    rc = lk_store__position_read(&p, "fuzz", (const char *)data, size, &err);
    if (rc == 0) {
        if (p.id == NULL || p.id[0] == '\0' || p.title == NULL ||
            p.name == NULL || p.quotes == NULL)
            abort();
        lk_store__position_dispose(&p);
    } else if (rc < 0 && err.message[0] == '\0') {
        abort();
    } else if (rc > 1) {
        abort();
    }
    return 0;
}
