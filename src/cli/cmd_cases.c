/*
 * cmd_cases.c: "leaklaw cases": dispatch to check (cmd_cases_check.c)
 * and the store's import, list, show, search (cmd_cases_db.c), and
 * "leaklaw cases stats": how well the bundled case library's
 * precedents predict verdicts, by leave-one-out (lk_library_stats_init):
 * each case against the library minus itself. The CLI only prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "jsonw.h"

static const char cases_help[] =
    "Usage: leaklaw cases stats [--format text|json] [--data DIR]\n"
    "       leaklaw cases check [--format text|json] [--data DIR]\n"
    "       leaklaw [--db PATH] cases import FILE|DIR...\n"
    "       leaklaw [--db PATH] cases list [--format text|json]\n"
    "       leaklaw [--db PATH] cases show ID\n"
    "       leaklaw [--db PATH] cases search [--format text|json]\n"
    "                                        [--limit N] TEXT...\n"
    "\n"
    "cases check: every library case against its expected verdicts\n"
    "(leaklaw cases check --help).\n"
    "cases import, list, show, search: the cases of the store and the\n"
    "bundled library (leaklaw cases list --help).\n"
    "\n"
    "cases stats:\n"
    "Leave-one-out over the bundled case library: each case is assessed\n"
    "with the library minus itself, and its nearest precedent's verdict\n"
    "compared with its own, per lens. Also how often each case is the\n"
    "nearest precedent of another.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (default) or json\n"
    "      --data DIR      data directory whose cases/ is the library\n"
    "  -h, --help          show this help\n";

int cli_format_options(int argc, char **argv, const char *cmd,
                       const char *help, const char **format)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"data", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': *format = optarg; break;
        case 'd': cli_g.datadir = optarg; break;
        case 'h': fputs(help, stdout); return -1;
        default:
            return cli_bad_option(cmd, c, argv);
        }
    }
    if (strcmp(*format, "text") && strcmp(*format, "json"))
        return cli_usage(cmd, "unknown format '%s' (text, json)", *format);
    return 0;
}

/* Parse the options of "cases"; -1 after --help, else an exit status. */
static int cases_parse(int argc, char **argv, const char **format)
{
    int status = cli_format_options(argc, argv, "cases", cases_help, format);
    if (status != 0)
        return status;
    if (optind >= argc)
        return cli_usage("cases", "expected a subcommand (stats, check, "
                                  "import, list, show, search)");
    if (strcmp(argv[optind], "stats") != 0)
        return cli_usage("cases", "unknown subcommand '%s'", argv[optind]);
    if (optind + 1 < argc)
        return cli_usage("cases", "unexpected argument '%s'",
                         argv[optind + 1]);
    return 0;
}

/* "n" of "of" as a share, 0 when "of" is 0. */
static double cases_share(size_t n, size_t of)
{
    return of ? (double)n / (double)of : 0.0;
}

static void cases_text(lk_buf *b, const lk_law *law, const lk_library *lib,
                       const lk_library_stats *st)
{
    size_t i;
    lk_buf_printf(b, "Leave-one-out over %zu library cases (each against "
                     "the other %zu):\n\n",
                  st->ncases, st->ncases ? st->ncases - 1 : 0);
    lk_buf_printf(b, "%-16s %s\n", "lens", "nearest precedent's verdict "
                                            "is the case's own");
    for (i = 0; i < st->nlenses; i++)
        lk_buf_printf(b, "%-16s %zu of %zu (%.1f%%)\n",
                      lk_law_target(law, st->lens[i])->id, st->agree[i],
                      st->compared,
                      100.0 * cases_share(st->agree[i], st->compared));
    lk_buf_printf(b, "\n%-32s %s\n", "case", "nearest precedent of");
    for (i = 0; i < st->ncases; i++)
        lk_buf_printf(b, "%-32s %zu (%.1f%%)\n",
                      lk_case_id(lk_library_case(lib, i)), st->chosen[i],
                      100.0 * cases_share(st->chosen[i], st->compared));
}

/* Append JSON string "s" to "b". */
static void cases_str(lk_buf *b, const char *s)
{
    lk_jsonw_str(b, s, strlen(s));
}

static void cases_json(lk_buf *b, const lk_law *law, const lk_library *lib,
                       const lk_library_stats *st)
{
    size_t i;
    lk_buf_printf(b, "{\n  \"format\": \"leaklaw/case-stats/1\",\n"
                     "  \"cases\": %zu,\n  \"compared\": %zu,\n"
                     "  \"lenses\": [",
                  st->ncases, st->compared);
    for (i = 0; i < st->nlenses; i++) {
        lk_buf_printf(b, "%s\n    {\"lens\": ", i ? "," : "");
        cases_str(b, lk_law_target(law, st->lens[i])->id);
        lk_buf_printf(b, ", \"same\": %zu, \"share\": %.3f}", st->agree[i],
                      cases_share(st->agree[i], st->compared));
    }
    lk_buf_puts(b, "\n  ],\n  \"cases_nearest\": [");
    for (i = 0; i < st->ncases; i++) {
        lk_buf_printf(b, "%s\n    {\"case\": ", i ? "," : "");
        cases_str(b, lk_case_id(lk_library_case(lib, i)));
        lk_buf_puts(b, ", \"nearest\": ");
        if (st->nearest[i] == (size_t)-1)
            lk_buf_puts(b, "null");
        else
            cases_str(b, lk_case_id(lk_library_case(lib, st->nearest[i])));
        lk_buf_printf(b, ", \"nearest_of\": %zu, \"share\": %.3f}",
                      st->chosen[i],
                      cases_share(st->chosen[i], st->compared));
    }
    lk_buf_puts(b, "\n  ]\n}\n");
}

int cmd_cases(int argc, char **argv)
{
    const char *format = "text";
    lk_law *law = NULL;
    lk_library *lib = NULL;
    lk_library_stats st;
    lk_error err;
    lk_buf b;
    int status, error;
    if (argc > 1 && !strcmp(argv[1], "check"))
        return cmd_cases_check(argc - 1, argv + 1);
    if (argc > 1 && (!strcmp(argv[1], "import") || !strcmp(argv[1], "list") ||
                     !strcmp(argv[1], "show") || !strcmp(argv[1], "search")))
        return cmd_cases_db(argc - 1, argv + 1);
    status = cases_parse(argc, argv, &format);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    status = cli_law_library(&law, &lib);
    if (status != 0)
        goto out;
    lk_error_clear(&err);
    error = lk_library_stats_init(&st, law, lib, &err);
    if (error < 0) {
        cli_error(&err);
        status = cli_exit(error);
        goto out;
    }
    lk_buf_init(&b, 0);
    if (!strcmp(format, "json"))
        cases_json(&b, law, lib, &st);
    else
        cases_text(&b, law, lib, &st);
    if (b.error == 0) {
        fwrite(b.ptr, 1, b.len, stdout);
    } else {
        if (b.error == LK_ENOMEM)
            lk_error_set_oom(&err);
        else
            lk_error_set(&err, b.error, "cannot format the statistics");
        cli_error(&err);
        status = cli_exit(b.error);
    }
    lk_buf_dispose(&b);
    lk_library_stats_dispose(&st);
out:
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
