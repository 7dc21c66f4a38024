/*
 * cmd_compare.c: "leaklaw compare CASE" (and "assess --profile all"):
 * one case under every profile of the data directory (default first,
 * then the others in name order), the verdict of each lens side by side
 * and what makes each difference (lk_report_compare).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "output.h"

#define COMPARE_MAX_PROFILES 64 /* profiles compared */

static const char compare_help[] =
    "Usage: leaklaw compare [--format text|json|html|csv] [--output FILE]\n"
    "                       [--profile NAME]... [--data DIR] FILE...\n"
    "\n"
    "Assess each case under every profile of DIR/profiles (default first,\n"
    "then the national profiles in name order) and show the verdict of\n"
    "each lens side by side; for each profile whose verdicts differ from\n"
    "the default, the elements whose result changed and the rules that\n"
    "make the change. 'leaklaw assess --profile all' does the same.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (Markdown, the default; also md), json\n"
    "                      (leaklaw/profile-comparison/1, one document per\n"
    "                      case), html (one case), csv (case, profile, one\n"
    "                      column per lens)\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "  -p, --profile NAME  compare default with NAME only (repeatable, in\n"
    "                      the order given); default: every profile\n"
    "      --data DIR      data directory\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 65 a case is invalid (nothing is written),\n"
    "1 runtime error, 2 usage error.\n";

/* Load the law under every profile into "laws" (default first), or under
 * default and the "nchosen" profiles "chosen" when some are; *n set. */
static int compare_laws(lk_law **laws, size_t *n, char **chosen,
                        size_t nchosen)
{
    size_t i;
    lk_error err;
    int status, error;
    *n = 0;
    if (nchosen > 0) {
        status = cli_law(&laws[(*n)++], NULL);
        for (i = 0; i < nchosen && status == 0; i++)
            status = cli_law(&laws[(*n)++], chosen[i]);
        if (status != 0)
            (*n)--;
        return status;
    }
    lk_error_clear(&err);
    error = lk_law_load_all(laws, COMPARE_MAX_PROFILES, n, cli_g.datadir,
                            &err);
    if (error < 0) {
        cli_error(&err);
        return LK_EXIT_RUNTIME; /* the bundled law: the installation's */
    }
    return 0;
}

/* Assess case "path" under each of the "n" "laws" and render the
 * comparison into "sink". */
static int compare_case(lk_law *const *laws, size_t n, const char *path,
                        lk_report_format format, unsigned flags,
                        cli_sink *sink)
{
    const lk_assessment *as[COMPARE_MAX_PROFILES];
    lk_assessment *owned[COMPARE_MAX_PROFILES];
    lk_case *c = NULL;
    lk_error err;
    char *text = NULL;
    size_t i, len = 0, made = 0;
    int error;
    lk_error_clear(&err);
    error = cli_case_load(&c, path, &err);
    if (error == 0) /* its ATT&CK ids against the law, as assess does */
        error = lk_law_check_case(laws[0], c, cli_diag, NULL, &err);
    if (error < 0) {
        if (error != LK_EINVALID && error != LK_EIO)
            cli_error(&err);
        lk_case_free(c);
        return error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
    }
    for (i = 0; i < n && error == 0; i++) {
        error = lk_assess(&owned[i], laws[i], c, NULL, &err);
        made += error == 0;
        as[i] = owned[i];
    }
    if (error == 0)
        error = lk_report_compare(&text, &len, as, n, format, flags, &err);
    if (error == 0)
        cli_sink_write(sink, text, len);
    else
        cli_error(&err);
    lk_report_free(text);
    for (i = 0; i < made; i++)
        lk_assessment_free(owned[i]);
    lk_case_free(c);
    return error < 0 ? cli_exit(error) : LK_EXIT_OK;
}

int cli_compare(char **files, int nfiles, lk_report_format format,
                const char *output, char **profiles, size_t nprofiles)
{
    lk_law *laws[COMPARE_MAX_PROFILES];
    size_t n = 0, i;
    cli_sink sink;
    int status, f;
    if (format == LK_REPORT_HTML && nfiles > 1)
        return cli_usage("compare", "html takes one case file");
    status = compare_laws(laws, &n, profiles, nprofiles);
    if (status == 0 && cli_sink_open(&sink, output) < 0)
        status = LK_EXIT_RUNTIME;
    else if (status == 0) {
        for (f = 0; f < nfiles && status == 0; f++) {
            if (f > 0 && format != LK_REPORT_JSON && format != LK_REPORT_CSV)
                cli_sink_write(&sink, "\n---\n\n", 6);
            status = compare_case(laws, n, files[f], format,
                                  f == 0 ? LK_REPORT_CSV_HEADER : 0, &sink);
        }
        if (status == LK_EXIT_OK)
            status = cli_sink_commit(&sink);
        else
            cli_sink_abort(&sink);
    }
    for (i = 0; i < n; i++)
        lk_law_free(laws[i]);
    return status;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"profile", required_argument, 0, 'p'},
        {"data", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    lk_report_format format = LK_REPORT_TEXT;
    const char *output = NULL;
    char *chosen[COMPARE_MAX_PROFILES - 1];
    size_t nchosen = 0;
    int c, status;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:p:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (lk_report_format_parse(&format, optarg) < 0)
                return cli_usage("compare", "unknown format '%s' (text, json,"
                                            " html, csv)", optarg);
            break;
        case 'o': output = optarg; break;
        case 'p':
            if (nchosen == COMPARE_MAX_PROFILES - 1)
                return cli_usage("compare", "more than %d profiles",
                                 COMPARE_MAX_PROFILES - 1);
            chosen[nchosen++] = optarg;
            break;
        case 'd': cli_g.datadir = optarg; break;
        case 'h': fputs(compare_help, stdout); return LK_EXIT_OK;
        default: return cli_bad_option("compare", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("compare", "expected a case file");
    status = cli_output_refuse(output, (const char *const *)argv + optind,
                               (size_t)(argc - optind));
    if (status != 0)
        return status;
    return cli_compare(argv + optind, argc - optind, format, output, chosen,
                       nchosen);
}
