/*
 * array.c: growing a heap array by doubling.
 */
#include "array.h"

#include <stdint.h>

#include "alloc.h"

void *lk_array_grow(void *arr, size_t *cap, size_t n, size_t size)
{
    void *p;
    size_t nc;
    if (n < *cap)
        return arr;
    nc = *cap ? *cap * 2 : 16;
    if (size == 0 || nc > SIZE_MAX / size)
        return NULL;
    p = lk_realloc(arr, nc * size);
    if (p != NULL)
        *cap = nc;
    return p;
}
