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

int cmd_assess(int argc, char **argv)
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
    const char *format = "json", *profile = NULL, *output = NULL;
    int c, i, n, status = LK_EXIT_OK, compact = -1;
    lk_assess_options aopts = LK_ASSESS_OPTIONS_INIT;
    lk_report_format rf = LK_REPORT_JSON;
    lk_law *law = NULL;
    lk_library *lib = NULL;
    cli_sink sink;
    int sink_open = 0;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:p:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'p': profile = optarg; break;
        case 'o': output = optarg; break;
        case 'W': aopts.flags |= LK_ASSESS_NO_WHATIF; break;
        case 'P': aopts.flags |= LK_ASSESS_NO_PRECEDENTS; break;
        case 'c': compact = 1; break;
        case 'r': compact = 0; break;
        case 'h': fputs(assess_help, stdout); return LK_EXIT_OK;
        case ':':
            return cli_usage("assess", "option '%s' needs a value",
                             argv[optind - 1]);
        default:
            return cli_usage("assess", "unknown option '%s'",
                             argv[optind - 1]);
        }
    }
    n = argc - optind;
    if (n <= 0)
        return cli_usage("assess", "no case file given");
    if (lk_report_format_parse(&rf, format) < 0 || rf == LK_REPORT_TEXT) {
        return cli_usage("assess", "unknown format '%s' (json, md, html, csv)",
                         format);
    }
    if (rf == LK_REPORT_CSV) /* no what-if or precedent columns */
        aopts.flags |= LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    if (rf == LK_REPORT_HTML && n > 1)
        return cli_usage("assess", "--format html takes one case file");
    if (compact < 0)
        compact = n > 1 || !isatty(STDOUT_FILENO) || output != NULL;
    if (n > 1)
        compact = 1;

    status = cli_law(&law, profile);
    if (status != 0)
        goto out;
    if (!(aopts.flags & LK_ASSESS_NO_PRECEDENTS)) {
        status = cli_library(&lib, law);
        if (status != 0)
            goto out;
        aopts.library = lib;
    }
    if (cli_sink_open(&sink, output) < 0) {
        status = LK_EXIT_RUNTIME;
        goto out;
    }
    sink_open = 1;
    /* one case at a time, so memory does not grow with the batch; after a
     * bad input the rest are still validated, but nothing is committed */
    for (i = 0; i < n; i++) {
        lk_case *cs = NULL;
        lk_assessment *a = NULL;
        lk_error err;
        char *text = NULL;
        size_t len = 0;
        int error;
        lk_error_clear(&err);
        error = cli_case_load(&cs, argv[optind + i], &err);
        if (error == 0)
            error = lk_law_check_case(law, cs, cli_diag, NULL, &err);
        if (error < 0) {
            int code = error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
            if (error != LK_EINVALID && error != LK_EIO)
                cli_error(&err);
            if (code == LK_EXIT_DATAERR || status == LK_EXIT_OK)
                status = code;
            lk_case_free(cs);
            continue;
        }
        if (status != LK_EXIT_OK) {
            lk_case_free(cs);
            continue;
        }
        error = lk_assess(&a, law, cs, &aopts, &err);
        if (error == 0)
            error = lk_report_render(
                &text, &len, a, rf,
                (compact ? LK_REPORT_COMPACT : 0) |
                    (i == 0 ? LK_REPORT_CSV_HEADER : 0),
                &err);
        if (error == 0 && text != NULL) {
            if (i > 0 && rf == LK_REPORT_MD)
                cli_sink_write(&sink, "\n---\n\n", 6);
            cli_sink_write(&sink, text, len);
        }
        lk_report_free(text);
        lk_assessment_free(a);
        lk_case_free(cs);
        if (error < 0) {
            cli_error(&err);
            status = cli_exit(error);
            break;
        }
    }
    if (status == LK_EXIT_OK) {
        sink_open = 0;
        status = cli_sink_commit(&sink);
    }
out:
    if (sink_open)
        cli_sink_abort(&sink);
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
