/*
 * cmd_stats.c: "leaklaw stats": summarise a JSON Lines stream of
 * assessments (assess --format jsonl): verdict counts per lens, overall
 * and by victim State, actor State and year, as text, CSV or HTML.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "leaklaw/batch.h"
#include "output.h"

static const char stats_help[] =
    "Usage: leaklaw stats [OPTIONS] [FILE.jsonl]\n"
    "\n"
    "Summarise assessments written by 'leaklaw assess --format jsonl'\n"
    "(FILE, or standard input when none is named or FILE is -): verdict\n"
    "counts per lens, overall and by victim State, actor State and year of\n"
    "disclosure, read from each record's \"facts\" (\"unknown\" when not\n"
    "stated, \"disputed\" when disputed). Rejected records are counted\n"
    "apart; a line that is not an assessment is reported and skipped.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (default), csv (group,key,lens,verdict,\n"
    "                      count), html (one self-contained page with an\n"
    "                      SVG bar chart, no script)\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 65 some lines were not assessments (the others\n"
    "are counted), 1 runtime error, 2 usage error.\n";

/* Parse the command line; returns 0, -1 after --help, or an exit status. */
static int stats_parse(int argc, char **argv, lk_stats_format *format,
                       const char **output, const char **input)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "text") == 0)
                *format = LK_STATS_TEXT;
            else if (strcmp(optarg, "csv") == 0)
                *format = LK_STATS_CSV;
            else if (strcmp(optarg, "html") == 0)
                *format = LK_STATS_HTML;
            else
                return cli_usage("stats", "unknown format '%s' (text, csv, "
                                          "html)", optarg);
            break;
        case 'o': *output = optarg; break;
        case 'h': fputs(stats_help, stdout); return -1;
        default:
            return cli_bad_option("stats", c, argv);
        }
    }
    if (argc - optind > 1)
        return cli_usage("stats", "one input file at most");
    *input = optind < argc ? argv[optind] : "-";
    return 0;
}

int cmd_stats(int argc, char **argv)
{
    lk_stats_format format = LK_STATS_TEXT;
    const char *output = NULL, *input = NULL;
    lk_stats *st = NULL;
    lk_error err;
    cli_sink sink;
    FILE *in = NULL;
    char *text = NULL;
    size_t len = 0;
    unsigned long skipped = 0;
    int status, error;
    status = stats_parse(argc, argv, &format, &output, &input);
    if (status == 0)
        status = cli_output_refuse(output, &input, 1);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    lk_error_clear(&err);
    in = strcmp(input, "-") == 0 ? stdin : fopen(input, "rb");
    if (in == NULL) {
        fprintf(stderr, "leaklaw: %s: cannot open\n", input);
        return LK_EXIT_RUNTIME;
    }
    error = lk_stats_new(&st, &err);
    if (error == 0)
        error = lk_stats_read_jsonl(st, in,
                                    in == stdin ? "<stdin>" : input,
                                    cli_diag, NULL, &err);
    if (error == 0)
        error = lk_stats_render(&text, &len, st, format, &err);
    if (error == 0)
        lk_stats_counts(st, NULL, NULL, &skipped);
    if (in != stdin)
        fclose(in);
    lk_stats_free(st);
    if (error < 0) {
        cli_error(&err);
        return error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
    }
    if (cli_sink_open(&sink, output) < 0)
        status = LK_EXIT_RUNTIME;
    else {
        cli_sink_write(&sink, text, len);
        status = cli_sink_commit(&sink);
    }
    lk_report_free(text);
    if (status == LK_EXIT_OK && skipped > 0)
        status = LK_EXIT_DATAERR;
    return status;
}
