/*
 * fuzz_stix_in.c: libFuzzer target for the STIX import. Any input must
 * give drafts or an error, never a crash; each draft must load as a case
 * (the importer validates it; a failure is a bug and aborts here).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/leaklaw.h"
#include "leaklaw/stix.h"

static lk_law *fuzz_law;

/* Release the law at exit, for the leak checkers. */
static void fuzz_cleanup(void)
{
    lk_law_free(fuzz_law);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    size_t i;
    int rc;
    if (fuzz_law == NULL) {
        const char *dir = getenv("LEAKLAW_DATA");
        lk_law_options o = LK_LAW_OPTIONS_INIT;
        if (lk_law_load(&fuzz_law, dir ? dir : LK_DATADIR_DEFAULT, &o,
                        NULL) < 0)
            abort();
        atexit(fuzz_cleanup);
    }
    lk_error_clear(&err);
    rc = lk_stix_import(&r, "fuzz", (const char *)data, size, fuzz_law,
                        &err);
    if (rc == LK_ERROR) /* a draft failed its own validation */
        abort();
    if (rc < 0)
        return 0;
    for (i = 0; i < lk_stix_import_count(r); i++) {
        lk_case *c = NULL;
        const char *text = lk_stix_import_case(r, i, (int)(i & 1));
        if (lk_case_parse(&c, "draft", text, strlen(text), NULL, NULL,
                          NULL) < 0)
            abort();
        lk_case_free(c);
    }
    for (i = 0; i < lk_stix_import_note_count(r); i++)
        if (lk_stix_import_note(r, i).message == NULL)
            abort();
    lk_stix_import_free(r);
    return 0;
}
