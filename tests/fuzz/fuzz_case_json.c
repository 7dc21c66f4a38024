/*
 * fuzz_case_json.c: libFuzzer target for the case parser (JSON): parse,
 * validate, and when valid assess and render, checking the invariants.
 */
#include "fuzz_case.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_case_one("fuzz.json", data, size);
}
