/*
 * cmd_check.c: "leaklaw check": validate case files exactly against the
 * leaklaw/case/1 format, with one line per problem.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const char check_help[] =
    "Usage: leaklaw check [--strict] [--quiet] FILE...\n"
    "\n"
    "Validate leaklaw/case/1 case files (JSON, or YAML with the same shape)\n"
    "exactly: unknown keys are rejected (except keys starting with x-),\n"
    "enumerations, ISO 8601 dates, ATT&CK technique ids and citations of\n"
    "the case's own sources are checked. A missing field means unknown.\n"
    "FILE - reads standard input. Each problem is reported on one line:\n"
    "  leaklaw: FILE:LINE:COL: /json/pointer: message\n"
    "\n"
    "Options:\n"
    "  --strict    also require every object that states facts to cite a\n"
    "              source (or the case as a whole to cite one)\n"
    "  -q, --quiet print nothing for valid files\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 all valid, 65 a file is invalid, 1 runtime error,\n"
    "2 usage error.\n";

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {{"strict", no_argument, 0, 's'},
                                         {"quiet", no_argument, 0, 'q'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    int c, strict = 0, quiet = 0, status = LK_EXIT_OK, i;
    lk_law *law = NULL;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
        switch (c) {
        case 's': strict = 1; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(check_help, stdout); return LK_EXIT_OK;
        default:
            return cli_usage("check", "unknown option '%s'",
                             argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage("check", "no case file given");
    c = cli_law(&law, NULL);
    if (c != 0)
        return c;
    for (i = optind; i < argc; i++) {
        lk_case *cs = NULL;
        lk_error err;
        int error;
        lk_error_clear(&err);
        error = cli_case_load(&cs, argv[i], &err);
        if (error == 0)
            error = lk_law_check_case(law, cs, cli_diag, NULL, &err);
        if (error == 0 && strict)
            error = lk_case_check_citations(cs, cli_diag, NULL, &err);
        if (error < 0) {
            int code = cli_exit(error);
            if (error != LK_EINVALID && error != LK_EIO)
                cli_error(&err);
            /* bad input (65) outranks an unreadable file (1) */
            if (error == LK_EIO && status == LK_EXIT_OK)
                status = LK_EXIT_RUNTIME;
            else if (code == LK_EXIT_DATAERR)
                status = LK_EXIT_DATAERR;
            else if (status == LK_EXIT_OK)
                status = code;
        } else if (!quiet) {
            printf("%s: ok (%s)\n", argv[i], lk_case_id(cs));
        }
        lk_case_free(cs);
    }
    lk_law_free(law);
    return status;
}
