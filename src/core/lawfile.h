/*
 * lawfile.h (internal): helpers every module of the law uses to read its
 * data files: located diagnostics, key and string checks, citations.
 * Implemented in lawfile.c.
 */
#ifndef LK_LIB_LAWFILE_H
#define LK_LIB_LAWFILE_H

#include "law.h"

/*
 * Set "err" to LK_EINVALID with the position of "ptr" in "doc" (NULL: no
 * position) and the message "fmt". Returns LK_EINVALID.
 */
int lk_lawfile__fail(lk_error *err, const lk_doc *doc, const char *ptr,
                     const char *fmt, ...) LK_PRINTF(4, 5);

/* 0 if "obj" is an object with only the keys "allowed" (NULL-terminated)
 * or "x-" keys; else LK_EINVALID with the first unknown key. */
int lk_lawfile__keys(lk_error *err, const lk_doc *doc, const char *ptr,
                     json_t *obj, const char *const *allowed);

/* Member "key" of "obj" as a non-empty string, "" when absent and not
 * "required"; NULL (with "err" set) when it is missing or not a string.
 * Borrowed from "obj". */
const char *lk_lawfile__str(lk_error *err, const lk_doc *doc, const char *ptr,
                            json_t *obj, const char *key, int required);


/* The strings of "arr" as a NULL-terminated array, or NULL when out of
 * memory. Owned by caller: release with lk_free (the strings are
 * borrowed from "arr"). */
const char **lk_lawfile__strings(json_t *arr);

/* Parse "path" into "*out", owned by "law" (freed by lk_law_free), and
 * check that its root is an object. LK_EINVALID, LK_EIO, LK_ETOOBIG,
 * LK_ENOMEM. */
int lk_lawfile__load(lk_law *law, const char *path, lk_doc **out,
                     lk_error *err);

/* lk_lawfile__open for a file the data directory may leave out: 0 with
 * *out NULL when "path" does not exist; LK_EIO when it cannot be read. */
int lk_lawfile__open_optional(lk_law *law, const char *path,
                              const char *format, const char *const *keys,
                              lk_doc **out, lk_error *err);

/* lk_lawfile__load, then check the top-level "keys" and the "format". */
int lk_lawfile__open(lk_law *law, const char *path, const char *format,
                     const char *const *keys, lk_doc **out, lk_error *err);

#endif
