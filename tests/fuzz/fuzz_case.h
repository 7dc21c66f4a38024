/*
 * fuzz_case.h: the body shared by the case-parser fuzz targets. A valid
 * case is assessed (without the what-if search, for speed) and rendered
 * as JSON and Markdown; an invalid one must have reported a location.
 */
#ifndef LK_FUZZ_CASE_H
#define LK_FUZZ_CASE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/leaklaw.h"

static lk_law *fuzz_law;

static void fuzz_diag(const lk_error *d, void *payload)
{
    /* every diagnostic names the file */
    if (strcmp(d->file, (const char *)payload) != 0)
        abort();
}

static int fuzz_case_one(const char *name, const uint8_t *data, size_t size)
{
    lk_case *c = NULL;
    lk_assessment *a = NULL;
    lk_error err;
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    char *text = NULL;
    if (fuzz_law == NULL) {
        const char *dir = getenv("LEAKLAW_DATA");
        if (lk_law_load(&fuzz_law, dir ? dir : LK_DATADIR_DEFAULT, NULL,
                        &err) < 0)
            abort();
    }
    lk_error_clear(&err);
    if (lk_case_parse(&c, name, (const char *)data, size, fuzz_diag,
                      (void *)name, &err) < 0) {
        if (err.code != LK_EINVALID && err.code != LK_ENOMEM)
            abort();
        return 0;
    }
    opts.flags = LK_ASSESS_NO_WHATIF;
    if (lk_assess(&a, fuzz_law, c, &opts, &err) == 0) {
        if (lk_report_render(&text, NULL, a, LK_REPORT_JSON, 0, &err) == 0)
            lk_report_free(text);
        text = NULL;
        if (lk_report_render(&text, NULL, a, LK_REPORT_MD, 0, &err) == 0)
            lk_report_free(text);
        if (lk_assessment_verdict(a, "classic") == NULL)
            abort();
    }
    lk_assessment_free(a);
    lk_case_free(c);
    return 0;
}

#endif
