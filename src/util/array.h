/*
 * array.h: growing a heap array by doubling.
 */
#ifndef LK_UTIL_ARRAY_H
#define LK_UTIL_ARRAY_H

#include <stddef.h>

/*
 * Make room for element "n" of array "arr" of "*cap" elements of "size"
 * bytes, doubling it (16 at first). Returns the array, possibly moved, or
 * NULL when out of memory ("arr" is then left as it was and still owned by
 * the caller).
 */
void *lk_array_grow(void *arr, size_t *cap, size_t n, size_t size);

#endif
