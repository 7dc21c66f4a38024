/*
 * cmd_assess.c: "leaklaw assess": assess case files and print the
 * assessment as JSON, a Markdown memo, an HTML report or a CSV table.
 * Every file is validated before anything is written, so a bad input
 * leaves no partial output behind (see output.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "output.h"

static const char assess_help[] =
    "Usage: leaklaw assess [OPTIONS] FILE...\n"
    "\n"
    "Assess each case under the three lenses (classic, intervention2,\n"
    "leak-norm): elements with reasons and citations, flags, missing\n"
    "facts, what-if changes and the nearest precedents of the bundled case\n"
    "library. Output is deterministic. FILE - reads standard input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    json (default), md (memo), html (one\n"
    "                      self-contained file), csv (one row per case)\n"
    "  -p, --profile NAME  assess under data/profiles/NAME.json (default:\n"
    "                      default)\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "      --no-what-if    skip the what-if search\n"
    "      --no-precedents skip the case library\n"
    "      --compact       JSON on one line (the default when stdout is not\n"
    "                      a terminal, and always with several files)\n"
    "      --pretty        indented JSON\n"
    "  -h, --help          show this help\n"
    "\n"
    "With several files, json prints one assessment per line (JSON Lines)\n"
    "and md separates the memos with a rule; html takes one file.\n"
    "\n"
    "Exit status: 0 ok, 65 a case is invalid (nothing is written),\n"
    "1 runtime error, 2 usage error.\n";

/* The command line of one run. */
typedef struct assess_run {
    const char *format;       /* --format as given */
    const char *profile;      /* --profile, NULL for the default */
    const char *output;       /* -o, NULL for stdout */
    int compact;              /* 1 compact JSON, 0 pretty, -1 not said */
    lk_report_format rf;      /* parsed format */
    lk_assess_options aopts;  /* what-if, precedents */
    char **files;             /* the case files */
    int n;                    /* number of files */
} assess_run;

/* Parse the options into "r"; returns 0, or the exit status to stop
 * with (-1 for a help that was printed). */
static int assess_parse(assess_run *r, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"profile", required_argument, 0, 'p'},
        {"output", required_argument, 0, 'o'},
        {"no-what-if", no_argument, 0, 'W'},
        {"no-precedents", no_argument, 0, 'P'},
        {"compact", no_argument, 0, 'c'},
        {"pretty", no_argument, 0, 'r'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:p:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': r->format = optarg; break;
        case 'p': r->profile = optarg; break;
        case 'o': r->output = optarg; break;
        case 'W': r->aopts.flags |= LK_ASSESS_NO_WHATIF; break;
        case 'P': r->aopts.flags |= LK_ASSESS_NO_PRECEDENTS; break;
        case 'c': r->compact = 1; break;
        case 'r': r->compact = 0; break;
        case 'h': fputs(assess_help, stdout); return -1;
        case ':':
            return cli_usage("assess", "option '%s' needs a value",
                             argv[optind - 1]);
        default:
            return cli_usage("assess", "unknown option '%s'",
                             argv[optind - 1]);
        }
    }
    r->files = argv + optind;
    r->n = argc - optind;
    return 0;
}

/* Check the parsed command line and settle the defaults. */
static int assess_settle(assess_run *r)
{
    if (r->n <= 0)
        return cli_usage("assess", "no case file given");
    if (lk_report_format_parse(&r->rf, r->format) < 0 ||
        r->rf == LK_REPORT_TEXT)
        return cli_usage("assess", "unknown format '%s' (json, md, html, csv)",
                         r->format);
    if (r->rf == LK_REPORT_CSV) /* no what-if or precedent columns */
        r->aopts.flags |= LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    if (r->rf == LK_REPORT_HTML && r->n > 1)
        return cli_usage("assess", "--format html takes one case file");
    if (r->compact < 0)
        r->compact = r->n > 1 || !isatty(STDOUT_FILENO) || r->output != NULL;
    if (r->n > 1)
        r->compact = 1;
    return 0;
}

/* Load and check case "i"; a bad case is reported and its exit status
 * folded into "*status" (65 wins over the others). */
static lk_case *assess_load(const assess_run *r, const lk_law *law, int i,
                            int *status)
{
    lk_case *cs = NULL;
    lk_error err;
    int error, code;
    lk_error_clear(&err);
    error = cli_case_load(&cs, r->files[i], &err);
    if (error == 0)
        error = lk_law_check_case(law, cs, cli_diag, NULL, &err);
    if (error == 0)
        return cs;
    code = error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
    if (error != LK_EINVALID && error != LK_EIO)
        cli_error(&err);
    if (code == LK_EXIT_DATAERR || *status == LK_EXIT_OK)
        *status = code;
    lk_case_free(cs);
    return NULL;
}

/* Assess case "cs" (number "i") and write it to "sink". */
static int assess_one(const assess_run *r, const lk_law *law,
                      const lk_case *cs, int i, cli_sink *sink)
{
    lk_assessment *a = NULL;
    lk_error err;
    char *text = NULL;
    size_t len = 0;
    unsigned flags = (r->compact ? LK_REPORT_COMPACT : 0) |
                     (i == 0 ? LK_REPORT_CSV_HEADER : 0);
    int error;
    lk_error_clear(&err);
    error = lk_assess(&a, law, cs, &r->aopts, &err);
    if (error == 0)
        error = lk_report_render(&text, &len, a, r->rf, flags, &err);
    if (error == 0) {
        if (i > 0 && r->rf == LK_REPORT_MD)
            cli_sink_write(sink, "\n---\n\n", 6);
        cli_sink_write(sink, text, len);
    }
    lk_report_free(text);
    lk_assessment_free(a);
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    return LK_EXIT_OK;
}

/* Every case, one at a time, so memory does not grow with the batch;
 * after a bad input the rest are still validated, but nothing is
 * committed. */
static int assess_batch(const assess_run *r, const lk_law *law,
                        cli_sink *sink)
{
    int i, status = LK_EXIT_OK, failed = 0;
    for (i = 0; i < r->n && !failed; i++) {
        lk_case *cs = assess_load(r, law, i, &status);
        if (cs != NULL && status == LK_EXIT_OK) {
            status = assess_one(r, law, cs, i, sink);
            failed = status != LK_EXIT_OK; /* not the input: stop */
        }
        lk_case_free(cs);
    }
    return status;
}

int cmd_assess(int argc, char **argv)
{
    assess_run r;
    lk_law *law = NULL;
    lk_library *lib = NULL;
    cli_sink sink;
    int status;

    memset(&r, 0, sizeof(r));
    r.format = "json";
    r.compact = -1;
    r.aopts = (lk_assess_options)LK_ASSESS_OPTIONS_INIT;
    status = assess_parse(&r, argc, argv);
    if (status == 0)
        status = assess_settle(&r);
    if (status == 0) /* never overwrite a case file of this run */
        status = cli_output_refuse(r.output, (const char *const *)r.files,
                                   (size_t)r.n);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    status = cli_law(&law, r.profile);
    if (status == 0 && !(r.aopts.flags & LK_ASSESS_NO_PRECEDENTS)) {
        status = cli_library(&lib, law);
        r.aopts.library = lib;
    }
    if (status == 0 && cli_sink_open(&sink, r.output) < 0)
        status = LK_EXIT_RUNTIME;
    else if (status == 0) {
        status = assess_batch(&r, law, &sink);
        if (status == LK_EXIT_OK)
            status = cli_sink_commit(&sink);
        else
            cli_sink_abort(&sink);
    }
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
