/*
 * cmd.h: the leaklaw command-line tool: one cmd_<name> per subcommand,
 * and the helpers they share (data directory, diagnostics, output).
 */
#ifndef LK_CLI_CMD_H
#define LK_CLI_CMD_H

#include <stddef.h>

#include "leaklaw/leaklaw.h"

/* Exit statuses (docs/cli/leaklaw.md lists them). */
enum {
    LK_EXIT_OK = 0,      /* success */
    LK_EXIT_RUNTIME = 1, /* runtime error (I/O, data directory, memory) */
    LK_EXIT_USAGE = 2,   /* bad command line */
    LK_EXIT_DATAERR = 65 /* bad input (sysexits EX_DATAERR) */
};

/* Options every command understands, set by main before dispatch. */
typedef struct cli_globals {
    const char *datadir; /* --data, $LEAKLAW_DATA, installed or source */
    const char *db;      /* --db, or NULL for the default (dbopen.h) */
} cli_globals;

extern cli_globals cli_g;

int cmd_check(int argc, char **argv);
int cmd_assess(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_mail(int argc, char **argv);
int cmd_cases(int argc, char **argv);
int cmd_cases_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_techniques(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_cases_db(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_practice(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Print "leaklaw: " + the formatted error to stderr. */
void cli_error(const lk_error *err);
/* Print a one-line usage error with a hint, return LK_EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The usage error for getopt_long's ':' (a value missing) or '?' (an
 * unknown option) "c", naming argv[optind - 1]; returns LK_EXIT_USAGE. */
int cli_bad_option(const char *cmd, int c, char **argv);
/* Diagnostic callback printing each diagnostic on its own line. */
void cli_diag(const lk_error *diag, void *payload);
/* Load a case file ("-": standard input), printing its diagnostics. */
int cli_case_load(lk_case **out, const char *path, lk_error *err);
/* Load the law with "profile" (NULL: default). Prints errors. */
int cli_law(lk_law **out, const char *profile);
/* Load the bundled case library, or set *out NULL if there is none. */
int cli_library(lk_library **out, const lk_law *law);
/* Case files under every profile side by side (compare, assess
 * --profile all), written to "output" (NULL: stdout); under default and
 * "profiles" when "nprofiles" > 0, else every profile. Exit status. */
int cli_compare(char **files, int nfiles, lk_report_format format,
                const char *output, char **profiles, size_t nprofiles);
/* The options -f/--format (text or json), --data and -h of "cmd" (its
 * help "help"); optind left at the first argument. 0, -1 after --help,
 * or the usage exit status. */
int cli_format_options(int argc, char **argv, const char *cmd,
                       const char *help, const char **format);
/* The default law and the bundled case library (never the store's: the
 * library's expected verdicts are the bundled data's), printing errors;
 * "no case library" is an error. 0 or the exit status. */
int cli_law_library(lk_law **law, lk_library **lib);
/* Exit status for a library status code. */
int cli_exit(int status);

#endif
