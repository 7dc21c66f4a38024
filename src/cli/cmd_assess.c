/*
 * cmd_assess.c: "leaklaw assess": assess case files and print the
 * assessment as JSON, a Markdown memo, an HTML report or a CSV table.
 * Every file is validated before anything is written, so a bad input
 * leaves no partial output behind (see output.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "output.h"

static const char assess_help[] =
    "Usage: leaklaw assess [OPTIONS] FILE...\n"
    "\n"
    "Assess each case under the three lenses (classic, intervention2,\n"
    "leak-norm): elements with reasons and citations, flags, missing\n"
    "facts, what-if changes and the nearest precedents of the bundled case\n"
    "library. Output is deterministic (a memo is dated today unless\n"
    "--date is given). FILE - reads standard input.\n"
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
    "      --date YYYY-MM-DD  the memo's date (default: today, UTC)\n"
    "      --author NAME   the memo's author\n"
    "      --classification TEXT\n"
    "                      a classification line atop and below the memo\n"
    "  -h, --help          show this help\n"
    "\n"
    "With several files, json prints one assessment per line (JSON Lines)\n"
    "and md separates the memos with a rule; html takes one file.\n"
    "\n"
    "A case whose \"expected\" verdicts differ from the assessment gets one\n"
    "line on stderr per lens; the exit status stays 0.\n"
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
    lk_report_options ropts;  /* the memo's date, author, classification */
    char today[16];           /* the default date, YYYY-MM-DD */
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
        {"date", required_argument, 0, 'D'},
        {"author", required_argument, 0, 'A'},
        {"classification", required_argument, 0, 'C'},
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
        case 'D': r->ropts.date = optarg; break;
        case 'A': r->ropts.author = optarg; break;
        case 'C': r->ropts.classification = optarg; break;
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

/* Check --date, or make it today's date in UTC. */
static int assess_date(assess_run *r)
{
    int32_t days;
    time_t now;
    struct tm tm;
    if (r->ropts.date != NULL) {
        if (strlen(r->ropts.date) != 10 ||
            lk_date_parse(r->ropts.date, &days) < 0)
            return cli_usage("assess", "--date '%s' is not a date "
                                       "(YYYY-MM-DD)",
                             r->ropts.date);
        return 0;
    }
    now = time(NULL);
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(r->today, sizeof(r->today), "%Y-%m-%d", &tm) == 0)
        return 0; /* no clock: the memo says its date is not stated */
    r->ropts.date = r->today;
    return 0;
}

/* Check the parsed command line and settle the defaults. */
static int assess_settle(assess_run *r)
{
    int status;
    if (r->n <= 0)
        return cli_usage("assess", "no case file given");
    status = assess_date(r);
    if (status != 0)
        return status;
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
    r->ropts.flags = r->compact ? LK_REPORT_COMPACT : 0;
    return 0;
}

/* One line on stderr for each lens whose verdict is not the one the case
 * "file" expects. */
static void assess_expected(const lk_assessment *a, const char *file)
{
    size_t i, n = lk_explain_expected_count(a);
    for (i = 0; i < n; i++) {
        lk_expected_view ev;
        lk_explain_expected(a, i, &ev);
        if (!ev.matches)
            fprintf(stderr, "leaklaw: %s: expected %s to be %s, got %s\n",
                    file, ev.lens, ev.expected, ev.got);
    }
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
    lk_report_options ropts = r->ropts;
    int error;
    if (i == 0)
        ropts.flags |= LK_REPORT_CSV_HEADER;
    lk_error_clear(&err);
    error = lk_assess(&a, law, cs, &r->aopts, &err);
    if (error == 0)
        error = lk_report_render_ext(&text, &len, a, r->rf, &ropts, &err);
    if (error == 0) {
        assess_expected(a, r->files[i]);
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
    r.ropts = (lk_report_options)LK_REPORT_OPTIONS_INIT;
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
