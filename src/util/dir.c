/*
 * dir.c: sorted directory listings (see dir.h).
 */
#include "dir.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static int dir_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int lk_dir_names(char ***out, size_t *n_out, const char *path,
                 int (*keep)(const char *name), size_t max, const char *what,
                 lk_error *err)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    int error = 0;
    if (d == NULL)
        return lk_error_set_at(err, LK_EIO, path, 0, 0, NULL, "%s",
                               strerror(errno));
    while ((e = readdir(d)) != NULL) {
        char **nn;
        if (keep ? !keep(e->d_name) : e->d_name[0] == '.')
            continue;
        if (n >= max) {
            error = lk_error_set(err, LK_ETOOBIG, "more than %zu %s", max,
                                 what);
            goto out;
        }
        nn = lk_realloc(names, (n + 1) * sizeof(*names));
        if (nn == NULL) {
            error = lk_error_set_oom(err);
            goto out;
        }
        names = nn;
        names[n] = lk_strdup(e->d_name);
        if (names[n] == NULL) {
            error = lk_error_set_oom(err);
            goto out;
        }
        n++;
    }
    if (n > 1)
        qsort(names, n, sizeof(*names), dir_cmp);
out:
    closedir(d);
    if (error < 0) {
        lk_dir_names_free(names, n);
        return error;
    }
    *out = names;
    *n_out = n;
    return 0;
}

void lk_dir_names_free(char **names, size_t n)
{
    size_t i;
    for (i = 0; names && i < n; i++)
        lk_free(names[i]);
    lk_free(names);
}
