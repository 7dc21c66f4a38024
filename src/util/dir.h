/*
 * dir.h: the entries of a directory as a sorted list of names, so that
 * everything read from a directory is read in the same, byte order.
 */
#ifndef LK_UTIL_DIR_H
#define LK_UTIL_DIR_H

#include <stddef.h>

#include "error.h"

/*
 * The names in directory "path" that "keep" accepts (NULL: every name not
 * starting with '.'), sorted with strcmp, at most "max" of them. Returns
 * 0, LK_EIO (set with "path" and the system's reason), LK_ETOOBIG (more
 * than "max" names; the message names "what") or LK_ENOMEM.
 * Owned by caller: release with lk_dir_names_free.
 */
int lk_dir_names(char ***out, size_t *n_out, const char *path,
                 int (*keep)(const char *name), size_t max, const char *what,
                 lk_error *err);

/* Free "n" names returned by lk_dir_names; NULL is allowed. */
void lk_dir_names_free(char **names, size_t n);

#endif
