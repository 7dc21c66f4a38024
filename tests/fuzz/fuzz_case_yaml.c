/*
 * fuzz_case_yaml.c: libFuzzer target for the case parser (YAML).
 */
#include "fuzz_case.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_case_one("fuzz.yaml", data, size);
}
