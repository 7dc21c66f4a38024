/*
 * cmd_export.c: "leaklaw export stix": assess case files and print them
 * as one STIX 2.1 bundle (lk_stix_export). Every case is loaded and
 * assessed before anything is written.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"
#include "leaklaw/stix.h"
#include "output.h"

static const char export_help[] =
    "Usage: leaklaw export stix [OPTIONS] FILE...\n"
    "\n"
    "Assess each case and print them as one STIX 2.1 bundle: per case an\n"
    "incident, its actor, targets and ATT&CK techniques, and a note with\n"
    "the verdicts, reasons and citations (leaklaw extension). Ids and\n"
    "timestamps are derived from the cases: the output is byte-identical\n"
    "across runs. FILE - reads standard input.\n"
    "\n"
    "Options:\n"
    "  -p, --profile NAME  assess under data/profiles/NAME.json\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "      --date DATE     created/modified of every object, YYYY-MM-DD or\n"
    "                      YYYY-MM-DDTHH:MM:SSZ (default: each case's latest\n"
    "                      source date, else 1970-01-01)\n"
    "      --data DIR      data directory\n"
    "  -h, --help          show this help\n";

/* The options of "export". */
typedef struct export_opts {
    const char *profile; /* law profile, NULL: default */
    const char *output;  /* -o FILE, NULL: stdout */
    const char *date;    /* --date, NULL: the cases' */
} export_opts;

/* Parse the options of "export"; -1 after --help, else an exit status. */
static int export_parse(int argc, char **argv, export_opts *o)
{
    static const struct option opts[] = {
        {"profile", required_argument, 0, 'p'},
        {"output", required_argument, 0, 'o'},
        {"date", required_argument, 0, 'D'},
        {"data", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":p:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': o->profile = optarg; break;
        case 'o': o->output = optarg; break;
        case 'D': o->date = optarg; break;
        case 'd': cli_g.datadir = optarg; break;
        case 'h': fputs(export_help, stdout); return -1;
        default:
            return cli_bad_option("export", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("export", "expected a format (stix)");
    if (strcmp(argv[optind], "stix") != 0)
        return cli_usage("export", "unknown format '%s' (stix)",
                         argv[optind]);
    if (optind + 1 >= argc)
        return cli_usage("export", "expected a case FILE");
    if (o->date != NULL) {
        lk_stix_export_options so = LK_STIX_EXPORT_OPTIONS_INIT;
        char *text = NULL;
        lk_error err;
        /* checked on an empty export: a bad date is a usage error */
        so.date = o->date;
        lk_error_clear(&err);
        if (lk_stix_export(&text, NULL, NULL, 0, &so, &err) == LK_EINVALID &&
            strstr(err.message, "bad date") != NULL)
            return cli_usage("export", "%s", err.message);
        lk_stix_free(text);
    }
    return 0;
}

/*
 * Load, check and assess the "n" cases of "files" into "cs" and "as"
 * (NULL where it failed). Returns the exit status.
 */
static int export_assess(const lk_law *law, const lk_library *lib,
                         char **files, size_t n, lk_case **cs,
                         lk_assessment **as)
{
    lk_assess_options aopts = LK_ASSESS_OPTIONS_INIT;
    int status = LK_EXIT_OK;
    size_t i;
    aopts.library = lib;
    for (i = 0; i < n; i++) {
        lk_error err;
        int error, code;
        lk_error_clear(&err);
        error = cli_case_load(&cs[i], files[i], &err);
        if (error == 0)
            error = lk_law_check_case(law, cs[i], cli_diag, NULL, &err);
        if (error == 0)
            error = lk_assess(&as[i], law, cs[i], &aopts, &err);
        if (error == 0)
            continue;
        code = error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
        if (error != LK_EINVALID && error != LK_EIO)
            cli_error(&err);
        if (code == LK_EXIT_DATAERR || status == LK_EXIT_OK)
            status = code;
    }
    return status;
}

/* Export the assessed cases "as" to the sink of "o". Exit status. */
static int export_write(const export_opts *o, lk_assessment **as,
                        size_t n)
{
    lk_stix_export_options so = LK_STIX_EXPORT_OPTIONS_INIT;
    cli_sink sink;
    char *text = NULL;
    size_t len = 0;
    lk_error err;
    int error;
    so.date = o->date;
    lk_error_clear(&err);
    error = lk_stix_export(&text, &len, (const lk_assessment *const *)as, n,
                           &so, &err);
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    if (cli_sink_open(&sink, o->output) != 0) {
        lk_stix_free(text);
        return LK_EXIT_RUNTIME;
    }
    cli_sink_write(&sink, text, len);
    lk_stix_free(text);
    return cli_sink_commit(&sink);
}

int cmd_export(int argc, char **argv)
{
    export_opts o = {NULL, NULL, NULL};
    lk_law *law = NULL;
    lk_library *lib = NULL;
    lk_case **cs = NULL;
    lk_assessment **as = NULL;
    char **files;
    size_t n = 0, i;
    int status = export_parse(argc, argv, &o);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    files = argv + optind + 1;
    n = (size_t)(argc - optind - 1);
    status = cli_output_refuse(o.output, (const char *const *)files, n);
    if (status != 0)
        return status;
    status = cli_law(&law, o.profile);
    if (status == 0)
        status = cli_library(&lib, law);
    if (status != 0)
        goto out;
    cs = lk_calloc(n, sizeof(*cs));
    as = lk_calloc(n, sizeof(*as));
    if (cs == NULL || as == NULL) {
        fputs("leaklaw: out of memory\n", stderr);
        status = LK_EXIT_RUNTIME;
        goto out;
    }
    status = export_assess(law, lib, files, n, cs, as);
    if (status == LK_EXIT_OK)
        status = export_write(&o, as, n);
out:
    for (i = 0; i < n && as != NULL; i++)
        lk_assessment_free(as[i]);
    for (i = 0; i < n && cs != NULL; i++)
        lk_case_free(cs[i]);
    lk_free(as);
    lk_free(cs);
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
