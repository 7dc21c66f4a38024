/*
 * fuzz_jsonl.c: libFuzzer target for the JSON Lines reader of lk_batch:
 * every line becomes exactly one record, in order, each either an
 * assessment or a rejection with its line number and diagnostics.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/batch.h"
#include "leaklaw/leaklaw.h"

static lk_law *fuzz_law;

/* Records emitted so far and the last line number, to check the order. */
typedef struct {
    unsigned long records;
    unsigned long last_line;
} fuzz_seen;

/* Emit callback: lines strictly increase; a rejection says why. */
static int fuzz_emit(const lk_batch_item *item, void *payload)
{
    fuzz_seen *s = payload;
    if (item->line <= s->last_line || item->len == 0 ||
        item->record[item->len - 1] != '\n')
        abort();
    if (item->assessment == NULL &&
        (item->errors == NULL || item->errors[0] == '\0' ||
         strstr(item->record, "\"rejected\"") == NULL))
        abort();
    s->last_line = item->line;
    s->records++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lk_batch_options opts = LK_BATCH_OPTIONS_INIT;
    lk_assess_options aopts = LK_ASSESS_OPTIONS_INIT;
    lk_batch *b = NULL;
    lk_error err;
    fuzz_seen seen = {0, 0};
    FILE *in;
    int status;
    if (fuzz_law == NULL) {
        const char *dir = getenv("LEAKLAW_DATA");
        if (lk_law_load(&fuzz_law, dir ? dir : LK_DATADIR_DEFAULT, NULL,
                        &err) < 0)
            abort();
    }
    if (size == 0)
        return 0;
    in = fmemopen((void *)data, size, "rb");
    if (in == NULL)
        return 0;
    aopts.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    opts.jobs = 1;
    opts.queue = 4;
    opts.assess = &aopts;
    lk_error_clear(&err);
    status = lk_batch_new(&b, fuzz_law, &opts, fuzz_emit, &seen, &err);
    if (status == 0)
        status = lk_batch_read_jsonl(b, in, "<stdin>", &err);
    if (status == 0)
        status = lk_batch_finish(b, &err);
    if (status != 0 && status != LK_ENOMEM)
        abort();
    lk_batch_free(b);
    fclose(in);
    return 0;
}
