/*
 * leaklaw/common.h: export macro and version of the leaklaw library.
 * Every public header includes this one first.
 */
#ifndef LEAKLAW_COMMON_H
#define LEAKLAW_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
#define LK_BEGIN_DECL extern "C" {
#define LK_END_DECL }
#else
#define LK_BEGIN_DECL
#define LK_END_DECL
#endif

/* Declares an exported symbol; everything else has hidden visibility. */
#if defined(__GNUC__)
#define LK_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#define LK_EXTERN(type) extern type
#endif

#define LK_VERSION_MAJOR 0
#define LK_VERSION_MINOR 1
#define LK_VERSION_PATCH 0

LK_BEGIN_DECL

/**
 * Version of the library as "MAJOR.MINOR.PATCH".
 *
 * @return Borrowed: a static string, valid for the life of the process.
 */
LK_EXTERN(const char *) lk_version(void);

LK_END_DECL

#endif
