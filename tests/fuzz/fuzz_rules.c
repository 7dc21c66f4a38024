/*
 * fuzz_rules.c: libFuzzer target for the rules loader. The input becomes
 * one more rules file beside the bundled model and intrusiveness table in
 * a scratch data directory; loading must succeed or fail with an error,
 * never crash, and a law that loads must evaluate a case.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "leaklaw/leaklaw.h"

static char fuzz_dir[64];

static void fuzz_copy(const char *from, const char *to)
{
    char cmd[4096];
    snprintf(cmd, sizeof(cmd), "cp -r '%s' '%s'", from, to);
    if (system(cmd) != 0)
        abort();
}

static void fuzz_setup(void)
{
    const char *data = getenv("LEAKLAW_DATA");
    char from[1024], to[1024];
    if (data == NULL)
        data = LK_DATADIR_DEFAULT;
    snprintf(fuzz_dir, sizeof(fuzz_dir), "/tmp/lk-fuzz-rules-XXXXXX");
    if (mkdtemp(fuzz_dir) == NULL)
        abort();
    snprintf(to, sizeof(to), "%s/rules", fuzz_dir);
    if (mkdir(to, 0755) != 0)
        abort();
    snprintf(from, sizeof(from), "%s/sources.json", data);
    fuzz_copy(from, fuzz_dir);
    snprintf(from, sizeof(from), "%s/profiles", data);
    fuzz_copy(from, fuzz_dir);
    snprintf(from, sizeof(from), "%s/attack", data);
    fuzz_copy(from, fuzz_dir);
    snprintf(from, sizeof(from), "%s/rules/model.json", data);
    fuzz_copy(from, to);
    snprintf(from, sizeof(from), "%s/rules/intrusiveness.json", data);
    fuzz_copy(from, to);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256];
    FILE *f;
    lk_law *law = NULL;
    lk_error err;
    if (fuzz_dir[0] == '\0')
        fuzz_setup();
    snprintf(path, sizeof(path), "%s/rules/fuzz.json", fuzz_dir);
    f = fopen(path, "wb");
    if (f == NULL)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    lk_error_clear(&err);
    if (lk_law_load(&law, fuzz_dir, NULL, &err) == 0) {
        static const char text[] =
            "{\"format\": \"leaklaw/case/1\", \"id\": \"f\", \"actor\": "
            "{\"kind\": \"state-organ\"}, \"access\": [{\"method\": "
            "\"phishing\"}]}";
        lk_case *c = NULL;
        lk_assessment *a = NULL;
        if (lk_case_parse(&c, "f.json", text, sizeof(text) - 1, NULL, NULL,
                          &err) != 0)
            abort();
        if (lk_assess(&a, law, c, NULL, &err) == 0)
            lk_assessment_free(a);
        lk_case_free(c);
        lk_law_free(law);
    } else if (err.message[0] == '\0') {
        abort(); /* a failure always says why */
    }
    return 0;
}
