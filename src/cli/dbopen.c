/*
 * dbopen.c: the store's file for the commands (--db or the XDG default),
 * opened for reading (a missing file is an empty store, nothing is
 * created) or for writing (created with its folder), and the bundled
 * library and positions added to one connection.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cmd.h"
#include "dbopen.h"
#include "dir.h"
#include "error.h"
#include "output.h"

/* Most bundled case or position files read. */
#define DBOPEN_BUNDLE_MAX 100000
/* Largest bundled file read, in bytes. */
#define DBOPEN_FILE_MAX ((size_t)16 << 20)

int cli_case_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.')
        return 0;
    return (n > 5 && strcmp(name + n - 5, ".json") == 0) ||
           (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* 1 for a position file's name: *.json but propositions.json. */
static int dbopen_position_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".json") == 0 &&
           strcmp(name, "propositions.json") != 0;
}

/*
 * The default database: $XDG_DATA_HOME/leaklaw/leaklaw.db when that is an
 * absolute path (the XDG rule), else $HOME/.local/share/leaklaw/leaklaw.db.
 * "dir" gets the folder. 0, or -1 (printed) when neither is set.
 */
static int dbopen_default(char *path, char *dir, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int n;
    if (xdg != NULL && xdg[0] == '/')
        n = snprintf(dir, size, "%s/leaklaw", xdg);
    else if (home != NULL && home[0] != '\0')
        n = snprintf(dir, size, "%s/.local/share/leaklaw", home);
    else {
        fprintf(stderr, "leaklaw: no database: set HOME or XDG_DATA_HOME, "
                        "or give --db PATH\n");
        return -1;
    }
    if (n < 0 || (size_t)n >= size ||
        (size_t)snprintf(path, size, "%s/leaklaw.db", dir) >= size) {
        fprintf(stderr, "leaklaw: the database path is too long\n");
        return -1;
    }
    return 0;
}

/* mkdir -p "dir" (mode 0700, the XDG rule); 0 or -1 (printed). */
static int dbopen_mkdirs(char *dir)
{
    char *p;
    for (p = dir + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            fprintf(stderr, "leaklaw: %s: cannot create (%s)\n", dir,
                    strerror(errno));
            *p = '/';
            return -1;
        }
        *p = '/';
    }
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "leaklaw: %s: cannot create (%s)\n", dir,
                strerror(errno));
        return -1;
    }
    return 0;
}

int cli_store_open(lk_store **out, cli_store_mode mode)
{
    char path[CLI_PATH_MAX], dir[CLI_PATH_MAX];
    lk_store_options opts = LK_STORE_OPTIONS_INIT;
    const char *db = cli_g.db;
    lk_error err;
    int error;
    if (db == NULL) {
        if (dbopen_default(path, dir, sizeof(path)) < 0)
            return LK_EXIT_RUNTIME;
        if (mode == CLI_STORE_WRITE && dbopen_mkdirs(dir) < 0)
            return LK_EXIT_RUNTIME;
        db = path;
    }
    if (mode == CLI_STORE_READ && access(db, F_OK) != 0)
        db = NULL; /* nothing stored yet: do not create it to read it */
    else if (mode == CLI_STORE_READ && access(db, W_OK) != 0)
        opts.flags |= LK_STORE_READONLY;
    lk_error_clear(&err);
    error = lk_store_open(out, db, &opts, &err);
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    return 0;
}

/* Read "dir"/"name" and add it to "st" as a case ("law" checks it) or,
 * when "law" is NULL, as a position. */
static int dbopen_bundle_file(lk_store *st, const lk_law *law,
                              const char *dir, const char *name,
                              lk_error *err)
{
    char full[CLI_PATH_MAX], *text = NULL;
    size_t len = 0;
    lk_case *cs = NULL;
    int error;
    if ((size_t)snprintf(full, sizeof(full), "%s/%s", dir, name) >=
        sizeof(full))
        return lk_error_set(err, LK_ETOOBIG, "%s/%s: path too long", dir,
                            name);
    error = lk_file_read(&text, &len, full, DBOPEN_FILE_MAX, err);
    if (error == 0 && law == NULL)
        error = lk_store_bundle_position(st, full, text, len, err);
    else if (error == 0) {
        error = lk_case_parse(&cs, full, text, len, NULL, NULL, err);
        if (error == 0)
            error = lk_law_check_case(law, cs, NULL, NULL, err);
        if (error == 0)
            error = lk_store_bundle_case(st, cs, text, len, err);
    }
    lk_case_free(cs);
    lk_free(text);
    return error;
}

/* Add every file of DATADIR/"sub" that "keep" accepts; a missing folder
 * adds nothing. */
static int dbopen_bundle_dir(lk_store *st, const lk_law *law,
                             const char *sub, int (*keep)(const char *),
                             lk_error *err)
{
    char dir[CLI_PATH_MAX], **names = NULL;
    size_t i, n = 0;
    struct stat sb;
    int error;
    snprintf(dir, sizeof(dir), "%s/%s", cli_g.datadir, sub);
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return 0;
    error = lk_dir_names(&names, &n, dir, keep, DBOPEN_BUNDLE_MAX, sub, err);
    for (i = 0; i < n && error == 0; i++)
        error = dbopen_bundle_file(st, law, dir, names[i], err);
    lk_dir_names_free(names, n);
    return error;
}

int cli_store_bundle(lk_store *st, const lk_law *law)
{
    lk_error err;
    int error;
    lk_error_clear(&err);
    error = dbopen_bundle_dir(st, law, "cases", cli_case_name, &err);
    if (error == 0)
        error = dbopen_bundle_dir(st, NULL, "positions",
                                  dbopen_position_name, &err);
    if (error < 0) {
        cli_error(&err);
        /* the bundled data is the installation's, not the user's input */
        return error == LK_ENOMEM ? cli_exit(error) : LK_EXIT_RUNTIME;
    }
    return 0;
}

/* The ids of the store's cases, collected for cli_store_library. */
typedef struct dbopen_ids {
    char **ids;
    size_t n, cap;
    int failed;
} dbopen_ids;

static int dbopen_collect(const lk_store_case_info *info, void *payload)
{
    dbopen_ids *d = payload;
    char **g;
    if (d->n == d->cap) {
        g = lk_realloc(d->ids, (d->cap ? 2 * d->cap : 64) * sizeof(*g));
        if (g == NULL) {
            d->failed = 1;
            return 1;
        }
        d->ids = g;
        d->cap = d->cap ? 2 * d->cap : 64;
    }
    if ((d->ids[d->n] = lk_strdup(info->id)) == NULL) {
        d->failed = 1;
        return 1;
    }
    d->n++;
    return 0;
}

/* Add every case "d" names, read from "st", to "lib". */
static int dbopen_add_all(lk_store *st, const lk_law *law, lk_library *lib,
                          const dbopen_ids *d, lk_error *err)
{
    size_t i, len = 0;
    char *text;
    int error = 0;
    for (i = 0; error == 0 && i < d->n; i++) {
        text = NULL;
        error = lk_store_case_get(st, d->ids[i], &text, &len, NULL, err);
        if (error == 0)
            error = lk_library_add_text(lib, law, d->ids[i], text, len, err);
        lk_store_text_free(text);
    }
    return error;
}

int cli_store_library(lk_library **out, const lk_law *law)
{
    dbopen_ids d = {NULL, 0, 0, 0};
    lk_store *st = NULL;
    lk_error err;
    size_t i;
    int status = cli_store_open(&st, CLI_STORE_READ), error = 0;
    *out = NULL;
    if (status == 0)
        status = cli_store_bundle(st, law);
    lk_error_clear(&err);
    if (status == 0)
        error = lk_store_cases_foreach(st, dbopen_collect, &d, &err);
    if (status == 0 && error == 0 && d.failed)
        error = lk_error_set_oom(&err);
    if (status == 0 && error == 0)
        error = lk_library_new(out, &err);
    if (status == 0 && error == 0)
        error = dbopen_add_all(st, law, *out, &d, &err);
    if (error < 0) {
        cli_error(&err);
        lk_library_free(*out);
        *out = NULL;
        status = error == LK_ENOMEM ? cli_exit(error) : LK_EXIT_RUNTIME;
    }
    for (i = 0; i < d.n; i++)
        lk_free(d.ids[i]);
    lk_free(d.ids);
    lk_store_close(st);
    return status;
}
