/*
 * dbopen.h: how the commands reach the store: the database file (--db,
 * else $XDG_DATA_HOME/leaklaw/leaklaw.db, else
 * ~/.local/share/leaklaw/leaklaw.db), opened for reading or writing, and
 * the bundled library and positions added to a connection's search.
 */
#ifndef LK_CLI_DBOPEN_H
#define LK_CLI_DBOPEN_H

#include "leaklaw/leaklaw.h"

/* How a command uses the store. */
typedef enum cli_store_mode {
    CLI_STORE_READ = 0, /* no file yet: an empty in-memory store */
    CLI_STORE_WRITE = 1 /* the file and its folder are created if needed */
} cli_store_mode;

/*
 * Open the store for "mode", printing any error; returns 0 or the exit
 * status. Owned by caller: release with lk_store_close.
 */
int cli_store_open(lk_store **out, cli_store_mode mode);

/*
 * Add the bundled cases (DATADIR/cases) and positions (DATADIR/positions,
 * when that folder exists) to the search and listing of "st", printing
 * any error; returns 0 or the exit status.
 */
int cli_store_bundle(lk_store *st, const lk_law *law);

/*
 * The case library read from the store (--db given): its stored cases and
 * the bundled ones it does not replace, each assessed under "law";
 * printing any error; returns 0 or the exit status.
 */
int cli_store_library(lk_library **out, const lk_law *law);

/* 1 for a case file's name in a directory: *.json, *.yaml, *.yml. */
int cli_case_name(const char *name);

#endif
