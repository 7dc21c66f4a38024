/*
 * cmd_practice.c: "leaklaw practice": what States have said and done.
 * Loads the positions, propositions and State reactions of the data
 * directory (lk_knowledge_load) and prints the State-practice report
 * (lk_report_practice). The CLI only prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "output.h"

static const char practice_help[] =
    "Usage: leaklaw practice [--format text|json|html|csv] [--output FILE]\n"
    "                        [--data DIR]\n"
    "\n"
    "State practice on non-intervention in cyberspace: for each proposition\n"
    "(e.g. \"election interference can be intervention\") the national\n"
    "positions that affirm, deny or are silent on it, with their verbatim\n"
    "quotations and since when; the proposition x party matrix; and State\n"
    "reactions to the library's incidents (attributions, sanctions,\n"
    "indictments, protests) with the legal notions they invoke. Read from\n"
    "DIR/positions and DIR/practice.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (Markdown, the default; also md), json,\n"
    "                      html (with an SVG timeline), csv (one row per\n"
    "                      stance and per reaction)\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "      --data DIR      data directory\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 65 a knowledge file is invalid, 1 runtime error,\n"
    "2 usage error.\n";

/* Parse the command line; returns 0, -1 after --help, or an exit status. */
static int practice_parse(int argc, char **argv, lk_report_format *format,
                          const char **output)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"data", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (lk_report_format_parse(format, optarg) < 0)
                return cli_usage("practice", "unknown format '%s' (text, "
                                             "json, html, csv)", optarg);
            break;
        case 'o': *output = optarg; break;
        case 'd': cli_g.datadir = optarg; break;
        case 'h': fputs(practice_help, stdout); return -1;
        default:
            return cli_bad_option("practice", c, argv);
        }
    }
    if (optind < argc)
        return cli_usage("practice", "unexpected argument '%s'", argv[optind]);
    return 0;
}

int cmd_practice(int argc, char **argv)
{
    lk_report_format format = LK_REPORT_TEXT;
    const char *output = NULL;
    lk_knowledge *k = NULL;
    lk_error err;
    cli_sink sink;
    char *text = NULL;
    size_t len = 0;
    int status = practice_parse(argc, argv, &format, &output), error;
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    lk_error_clear(&err);
    error = lk_knowledge_load(&k, cli_g.datadir, &err);
    if (error == 0 && lk_knowledge_position_count(k) == 0 &&
        lk_knowledge_reaction_count(k) == 0) {
        fprintf(stderr, "leaklaw: no positions or State practice in %s\n",
                cli_g.datadir);
        lk_knowledge_free(k);
        return LK_EXIT_RUNTIME;
    }
    if (error == 0) {
        lk_law *law = NULL;
        lk_library *lib = NULL;
        status = cli_law(&law, NULL);
        if (status == 0)
            status = cli_library(&lib, law);
        if (status == 0)
            error = lk_report_practice_library(&text, &len, k, lib, format,
                                               &err);
        lk_library_free(lib);
        lk_law_free(law);
    }
    lk_knowledge_free(k);
    if (status != 0) {
        lk_report_free(text);
        return status;
    }
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    if (cli_sink_open(&sink, output) < 0) {
        status = LK_EXIT_RUNTIME;
    } else {
        cli_sink_write(&sink, text, len);
        status = cli_sink_commit(&sink);
    }
    lk_report_free(text);
    return status;
}
