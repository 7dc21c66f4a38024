/*
 * main.c: "leaklaw <command> [options] [--] [args]": global options,
 * dispatch, and the helpers shared by the commands.
 */
#include <stdarg.h>
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

cli_globals cli_g;

static const char main_help[] =
    "Usage: leaklaw [--data DIR] [--db PATH] COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Is a cyber operation (above all a hack-and-leak) a prohibited\n"
    "intervention under international law? leaklaw assesses case files\n"
    "under three lenses side by side: the classic Nicaragua coercion test,\n"
    "the Intervention 2.0 intent + intrusiveness test, and the proposed\n"
    "norm against intrusions for the purpose of leaking.\n"
    "\n"
    "Commands:\n"
    "  check FILE...          validate leaklaw/case/1 files (JSON or YAML)\n"
    "  assess FILE...         assess cases: JSON, Markdown memo, HTML, CSV\n"
    "  compare FILE...        a case under every national profile, side\n"
    "                         by side, with what makes each difference\n"    "  rules                  list every rule with its citations\n"
    "  explain RULE-ID        one rule, its sources and the bundled cases\n"
    "                         it applies to\n"
    "  mail verify CORPUS...  authenticate leaked e-mail by DKIM signatures\n"
    "  cases stats            how often the library's nearest precedent\n"
    "                         gives a case's own verdict (leave-one-out)\n"
    "  cases check            every library case against its expected\n"
    "                         verdicts (exit 1 when one differs)\n"
    "  cases import FILE|DIR...  validate cases and add them to the store\n"
    "  cases list|show|search the cases of the store and the bundled\n"
    "                         library; search also the positions\n"
    "  history CASE-ID        how a case's verdicts changed over the\n"
    "                         assessments saved with assess --save\n"
    "  export stix FILE...    assessed cases as a STIX 2.1 bundle\n"
    "  import stix BUNDLE     a STIX bundle as draft cases\n"
    "  techniques ID          an ATT&CK or DISARM technique and how leaklaw\n"
    "                         reads it (--search TEXT to find one)\n"
    "  stats [FILE.jsonl]     verdict counts of assessments (JSON Lines)\n"
    "  practice               State practice: national positions per\n"
    "                         proposition, State reactions to incidents\n"
    "  serve                  the HTTP API and the web interface\n"
    "\n"
    "Options:\n"
    "  --data DIR             data directory (rules, sources, profiles,\n"
    "                         cases); default $LEAKLAW_DATA, then\n"
    "                         ../share/leaklaw beside the binary, then\n"
    "                         the source tree's data/\n"
    "  --db PATH              the store (SQLite); default\n"
    "                         $XDG_DATA_HOME/leaklaw/leaklaw.db, else\n"
    "                         ~/.local/share/leaklaw/leaklaw.db\n"
    "  -h, --help             show this help (so does 'leaklaw help';\n"
    "                         COMMAND --help for a command)\n"
    "  --version              show the version\n"
    "\n"
    "Exit status: 0 ok, 1 runtime error, 2 usage error, 3 some inputs\n"
    "rejected or skipped (the assess stream, mail verify), 65 bad input.\n"
    "See leaklaw(1) and docs/ for the formats and the method.\n";

void cli_error(const lk_error *err)
{
    char line[2048];
    lk_error_format(err, line, sizeof(line));
    fprintf(stderr, "leaklaw: %s\n", line);
}

void cli_diag(const lk_error *diag, void *payload)
{
    (void)payload;
    cli_error(diag);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("leaklaw: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try 'leaklaw %s%s--help')\n", cmd ? cmd : "",
            cmd ? " " : "");
    return LK_EXIT_USAGE;
}

int cli_bad_option(const char *cmd, int c, char **argv)
{
    if (c == ':')
        return cli_usage(cmd, "option '%s' needs a value", argv[optind - 1]);
    return cli_usage(cmd, "unknown option '%s'", argv[optind - 1]);
}

int cli_case_load(lk_case **out, const char *path, lk_error *err)
{
    char *text = NULL;
    size_t len = 0;
    int error;
    if (strcmp(path, "-") != 0)
        return lk_case_load(out, path, cli_diag, NULL, err);
    /* standard input, named "<stdin>" in diagnostics */
    error = lk_file_read(&text, &len, "/dev/stdin", (size_t)16 << 20, err);
    if (error < 0) {
        cli_error(err);
        return error;
    }
    error = lk_case_parse(out, "<stdin>", text, len, cli_diag, NULL, err);
    lk_free(text);
    return error;
}

int cli_exit(int status)
{
    return lk_status_exit_code(status);
}

int cli_law(lk_law **out, const char *profile)
{
    lk_error err;
    lk_law_options opts = LK_LAW_OPTIONS_INIT;
    int error;
    lk_error_clear(&err);
    opts.profile = profile;
    error = lk_law_load(out, cli_g.datadir, &opts, &err);
    if (error < 0) {
        cli_error(&err);
        /* broken bundled law is the installation's fault, not the user's
         * input: a runtime error; an unknown profile is a usage error */
        if (error == LK_ENOTFOUND)
            return LK_EXIT_USAGE;
        return LK_EXIT_RUNTIME;
    }
    return 0;
}

/* The bundled library: DATADIR/cases, or NULL when there is none. */
static int cli_library_dir(lk_library **out, const lk_law *law)
{
    char dir[4096];
    struct stat st;
    lk_error err;
    int error;
    *out = NULL;
    snprintf(dir, sizeof(dir), "%s/cases", cli_g.datadir);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return 0;
    lk_error_clear(&err);
    error = lk_library_load(out, law, dir, &err);
    if (error < 0) {
        cli_error(&err);
        return LK_EXIT_RUNTIME;
    }
    return 0;
}

int cli_library(lk_library **out, const lk_law *law)
{
    if (cli_g.db != NULL) /* a store given: its cases and the bundled */
        return cli_store_library(out, law);
    return cli_library_dir(out, law);
}

int cli_law_library(lk_law **law, lk_library **lib)
{
    int status = cli_law(law, NULL);
    if (status == 0)
        status = cli_library_dir(lib, *law);
    if (status == 0 && *lib == NULL) {
        fprintf(stderr, "leaklaw: no case library in %s/cases\n",
                cli_g.datadir);
        status = LK_EXIT_RUNTIME;
    }
    return status;
}

/*
 * The data directory of an installed leaklaw: LK_DATADIR_FROM_BINDIR
 * (fixed at configure time, e.g. "../share/leaklaw") taken from the
 * directory of the running binary, so an installed tree can move. Falls
 * back to the source tree's data/ (a binary in its build tree) when that
 * directory does not exist. "buf" holds the result.
 */
static const char *main_datadir(char *buf, size_t size)
{
    const char *rel = LK_DATADIR_FROM_BINDIR;
    struct stat st;
    char *slash;
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    size_t used;
    int len;

    if (n <= 0 || (size_t)n >= size - 1)
        return LK_DATADIR_DEFAULT;
    buf[n] = '\0';
    /* the link is canonical: drop the binary's name, then one trailing
     * component for each leading "../" */
    slash = strrchr(buf, '/');
    if (slash == NULL)
        return LK_DATADIR_DEFAULT;
    *slash = '\0';
    while (!strncmp(rel, "../", 3) && (slash = strrchr(buf, '/')) != NULL) {
        *slash = '\0';
        rel += 3;
    }
    used = strlen(buf);
    len = snprintf(buf + used, size - used, "/%s", rel);
    if (len < 0 || (size_t)len >= size - used || stat(buf, &st) != 0 ||
        !S_ISDIR(st.st_mode))
        return LK_DATADIR_DEFAULT;
    return buf;
}

static const struct {
    const char *name;
    int (*fn)(int, char **);
} main_commands[] = {
    {"check", cmd_check},
    {"assess", cmd_assess},
    {"rules", cmd_rules},
    {"explain", cmd_explain},
    {"mail", cmd_mail},
    {"cases", cmd_cases},
    {"export", cmd_export},
    {"import", cmd_import},
    {"techniques", cmd_techniques},
    {"stats", cmd_stats},
    {"history", cmd_history},
    {"practice", cmd_practice},
    {"compare", cmd_compare},
    {"serve", cmd_serve},
};

#ifdef LK_DEBUG_ALLOC
/* At exit: the number of allocations the run made, for the torture. */
static void main_alloc_count(void)
{
    fprintf(stderr, "leaklaw: %lu allocations\n", lk_alloc__fail_after(0));
}

/*
 * Debug-allocation builds only: LK_ALLOC_FAIL_AFTER=N makes the Nth
 * allocation of the run (and every later one) fail, so that the CLI
 * torture test (tests/cli/torture_cli.py) can check every command fails
 * cleanly; LK_ALLOC_FAIL_AFTER=count prints the number of allocations
 * made to stderr at exit. Read once, before anything is allocated.
 */
static void main_alloc_torture(void)
{
    const char *env = getenv("LK_ALLOC_FAIL_AFTER");
    char *end;
    unsigned long n;
    if (env == NULL || *env == '\0')
        return;
    if (strcmp(env, "count") == 0) {
        lk_alloc__fail_after(0);
        atexit(main_alloc_count);
        return;
    }
    n = strtoul(env, &end, 10);
    if (*end == '\0')
        lk_alloc__fail_after(n);
}
#else
#define main_alloc_torture() ((void)0)
#endif

/*
 * Every command fails when its output to standard output could not be
 * written (a full disk, a closed stdout): "status" unless the flush
 * fails, then LK_EXIT_RUNTIME with one line on stderr.
 */
static int main_stdout(int status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    fprintf(stderr, "leaklaw: cannot write to standard output: %s\n",
            strerror(errno ? errno : EIO));
    return status == LK_EXIT_OK ? LK_EXIT_RUNTIME : status;
}

int main(int argc, char **argv)
{
    static char installed[4096];
    int i = 1;
    size_t k;
    const char *env = getenv("LEAKLAW_DATA");

    lk_alloc__init();
    main_alloc_torture();
    cli_g.datadir = NULL;
    cli_g.db = NULL;
    while (i < argc && argv[i][0] == '-') {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(main_help, stdout);
            return LK_EXIT_OK;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("leaklaw %s\n", lk_version());
            return LK_EXIT_OK;
        }
        if (!strcmp(argv[i], "--data") && i + 1 < argc) {
            cli_g.datadir = argv[i + 1];
            i += 2;
            continue;
        }
        if (!strncmp(argv[i], "--data=", 7)) {
            cli_g.datadir = argv[i] + 7;
            i++;
            continue;
        }
        if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            cli_g.db = argv[i + 1];
            i += 2;
            continue;
        }
        if (!strncmp(argv[i], "--db=", 5)) {
            cli_g.db = argv[i] + 5;
            i++;
            continue;
        }
        return cli_usage(NULL, "unknown option '%s'", argv[i]);
    }
    /* --data, else $LEAKLAW_DATA, else the installed or source data */
    if (cli_g.datadir == NULL && env && *env)
        cli_g.datadir = env;
    if (cli_g.datadir == NULL)
        cli_g.datadir = main_datadir(installed, sizeof(installed));
    if (i >= argc)
        return cli_usage(NULL, "no command given");
    for (k = 0; k < sizeof(main_commands) / sizeof(main_commands[0]); k++)
        if (!strcmp(argv[i], main_commands[k].name))
            return main_stdout(main_commands[k].fn(argc - i, argv + i));
    if (!strcmp(argv[i], "help")) {
        fputs(main_help, stdout);
        return LK_EXIT_OK;
    }
    return cli_usage(NULL, "unknown command '%s'", argv[i]);
}
