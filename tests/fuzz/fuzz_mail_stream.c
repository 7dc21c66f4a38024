/*
 * fuzz_mail_stream.c: the stream reader (gzip, xz, zstd or plain bytes,
 * cut into pieces at mbox separators) and the sniffing that tells mail
 * from the rest must account for every byte without a crash or a leak,
 * whatever the input. The first byte picks the decoder and the piece
 * size; the rest is the stream.
 */
#include <stdint.h>
#include <stdlib.h>

#include "leaklaw/mail.h"
#include "run.h"
#include "stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_run *run = NULL;
    lk_error err;
    const char *d = (const char *)data + 1;
    int z;
    if (size < 1)
        return 0;
    o.at = 1700000000;
    if (lk_mail_run_new(&run, &o, &err) != 0)
        return 0;
    lk_mail__run_set_piece(run, 1 + (size_t)(data[0] >> 2) * 37);
    if (lk_mail__run_add_stream(run, "s", d, size - 1, data[0] & 3, &err) ==
            0 &&
        lk_mail_run_skipped(run) > 1)
        abort(); /* one input is skipped at most once */
    lk_mail_run_add_buffer(run, "b", d, size - 1, &err);
    (void)lk_mail__sniff(d, size - 1, &z);
    lk_mail_run_free(run);
    return 0;
}
