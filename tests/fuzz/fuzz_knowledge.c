/*
 * fuzz_knowledge.c: libFuzzer target for the knowledge loader
 * (positions and State practice). The first byte of the input chooses
 * the file it becomes in a scratch data directory holding the bundled
 * propositions and one library case: even, a position
 * (positions/fuzz.json); odd, a practice file (practice/fuzz.json).
 * Loading must succeed or fail with an error, never crash, and what
 * loads must render in every format of the practice report.
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
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", from, to);
    if (system(cmd) != 0)
        abort();
}

static void fuzz_setup(void)
{
    const char *data = getenv("LEAKLAW_DATA");
    char from[1024], to[1024];
    const char *const dirs[] = {"positions", "practice", "cases"};
    size_t i;
    if (data == NULL)
        data = LK_DATADIR_DEFAULT;
    snprintf(fuzz_dir, sizeof(fuzz_dir), "/tmp/lk-fuzz-knowledge-XXXXXX");
    if (mkdtemp(fuzz_dir) == NULL)
        abort();
    for (i = 0; i < 3; i++) {
        snprintf(to, sizeof(to), "%s/%s", fuzz_dir, dirs[i]);
        if (mkdir(to, 0755) != 0)
            abort();
    }
    snprintf(from, sizeof(from), "%s/positions/propositions.json", data);
    snprintf(to, sizeof(to), "%s/positions", fuzz_dir);
    fuzz_copy(from, to);
    snprintf(from, sizeof(from), "%s/cases/dnc-2016.json", data);
    snprintf(to, sizeof(to), "%s/cases", fuzz_dir);
    fuzz_copy(from, to);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const lk_report_format formats[] = {
        LK_REPORT_TEXT, LK_REPORT_HTML, LK_REPORT_JSON, LK_REPORT_CSV};
    char path[256], other[256];
    lk_knowledge *k = NULL;
    lk_error err;
    FILE *f;
    size_t i;
    if (size == 0)
        return 0;
    if (fuzz_dir[0] == '\0')
        fuzz_setup();
    snprintf(path, sizeof(path), "%s/%s/fuzz.json", fuzz_dir,
             data[0] % 2 ? "practice" : "positions");
    snprintf(other, sizeof(other), "%s/%s/fuzz.json", fuzz_dir,
             data[0] % 2 ? "positions" : "practice");
    unlink(other);
    f = fopen(path, "wb");
    if (f == NULL)
        abort();
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    lk_error_clear(&err);
    if (lk_knowledge_load(&k, fuzz_dir, &err) == 0) {
        for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
            char *text = NULL;
            if (lk_report_practice(&text, NULL, k, formats[i], &err) == 0)
                lk_report_free(text);
        }
        lk_knowledge_free(k);
    } else if (err.message[0] == '\0') {
        abort(); /* a failure always says why */
    }
    return 0;
}
