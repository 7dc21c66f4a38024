/*
 * helpers.h: shared by the cmocka suites: paths of the bundled data and
 * test resources (from the environment CTest sets), and small loaders.
 */
#ifndef LK_TEST_HELPERS_H
#define LK_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "leaklaw/leaklaw.h"

static inline const char *test_env(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

static inline const char *test_data(void)
{
    return test_env("LEAKLAW_DATA", "data");
}

/* "buf" <- resources dir + "/" + rel */
static inline const char *test_res(char *buf, size_t n, const char *rel)
{
    snprintf(buf, n, "%s/%s", test_env("LK_TEST_RESOURCES", "tests/resources"),
             rel);
    return buf;
}

static inline lk_law *test_law(const char *profile)
{
    lk_law *law = NULL;
    lk_error err;
    lk_law_options opts = LK_LAW_OPTIONS_INIT;
    opts.profile = profile;
    lk_error_clear(&err);
    if (lk_law_load(&law, test_data(), &opts, &err) < 0) {
        char line[1024];
        lk_error_format(&err, line, sizeof(line));
        fail_msg("law: %s", line);
    }
    return law;
}

static inline lk_case *test_case_file(const char *path)
{
    lk_case *c = NULL;
    lk_error err;
    lk_error_clear(&err);
    if (lk_case_load(&c, path, NULL, NULL, &err) < 0) {
        char line[1024];
        lk_error_format(&err, line, sizeof(line));
        fail_msg("case: %s", line);
    }
    return c;
}

static inline lk_case *test_case_text(const char *name, const char *text)
{
    lk_case *c = NULL;
    lk_error err;
    lk_error_clear(&err);
    if (lk_case_parse(&c, name, text, strlen(text), NULL, NULL, &err) < 0) {
        char line[1024];
        lk_error_format(&err, line, sizeof(line));
        fail_msg("case: %s", line);
    }
    return c;
}

#endif
