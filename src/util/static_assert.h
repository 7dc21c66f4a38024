/*
 * static_assert.h: compile-time checks for C99, which has no
 * _Static_assert. A capacity limit that a type must hold (a bit mask, a
 * fixed array) is asserted where the limit is named, so raising the limit
 * past what the type holds fails to compile instead of overflowing.
 */
#ifndef LK_UTIL_STATIC_ASSERT_H
#define LK_UTIL_STATIC_ASSERT_H

/*
 * Fail to compile unless "cond" (an integer constant expression) holds:
 * the array type gets a negative size. "name" makes the typedef unique
 * and names the check in the compiler's message. Use at file scope; each
 * name once per translation unit.
 */
#define LK_STATIC_ASSERT(name, cond)                                       \
    typedef char lk_static_assert_##name[(cond) ? 1 : -1]

#endif
