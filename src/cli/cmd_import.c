/*
 * cmd_import.c: "leaklaw import stix BUNDLE.json": a STIX 2.0/2.1 bundle
 * as draft cases on standard output (lk_stix_import), one JSON object, or
 * JSON Lines for several; --report lists what could not be mapped.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "cmd.h"
#include "jsonw.h"
#include "leaklaw/stix.h"

static const char import_help[] =
    "Usage: leaklaw import stix [--report[=json]] [--data DIR] BUNDLE.json\n"
    "\n"
    "Read a STIX 2.0 or 2.1 bundle ('-': standard input) and print one\n"
    "draft leaklaw/case/1 case per intrusion set (else per campaign, else\n"
    "per threat actor): one JSON object, or JSON Lines for several. Every\n"
    "fact cites the STIX object it came from; what the bundle does not\n"
    "say stays unknown. Each draft passes 'leaklaw check'.\n"
    "\n"
    "Options:\n"
    "      --report[=FMT]  list on stderr what could not be mapped and why:\n"
    "                      text (default) or json\n"
    "      --data DIR      data directory (its ATT&CK index checks ids)\n"
    "  -h, --help          show this help\n";

/* Parse the options of "import"; -1 after --help, else an exit status. */
static int import_parse(int argc, char **argv, const char **report)
{
    static const struct option opts[] = {
        {"report", optional_argument, 0, 'r'},
        {"data", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'r': *report = optarg ? optarg : "text"; break;
        case 'd': cli_g.datadir = optarg; break;
        case 'h': fputs(import_help, stdout); return -1;
        default:
            return cli_bad_option("import", c, argv);
        }
    }
    if (*report && strcmp(*report, "text") && strcmp(*report, "json"))
        return cli_usage("import", "unknown report format '%s' (text, "
                         "json)", *report);
    if (optind >= argc)
        return cli_usage("import", "expected a format (stix)");
    if (strcmp(argv[optind], "stix") != 0)
        return cli_usage("import", "unknown format '%s' (stix)",
                         argv[optind]);
    if (optind + 1 >= argc)
        return cli_usage("import", "expected a STIX bundle");
    if (optind + 2 < argc)
        return cli_usage("import", "unexpected argument '%s'",
                         argv[optind + 2]);
    return 0;
}

/* Read "path" ("-": standard input) into "*out". */
static int import_read(char **out, size_t *len, const char *path,
                       lk_error *err)
{
    lk_buf b;
    char chunk[65536];
    size_t n;
    if (strcmp(path, "-") != 0)
        return lk_file_read(out, len, path, LK_STIX_MAX_BYTES, err);
    lk_buf_init(&b, LK_STIX_MAX_BYTES);
    while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
        if (lk_buf_put(&b, chunk, n) < 0) {
            lk_buf_dispose(&b);
            return lk_error_set_at(err, LK_ETOOBIG, "-", 0, 0, NULL,
                                   "larger than %u bytes",
                                   LK_STIX_MAX_BYTES);
        }
    *out = lk_buf_detach(&b, len);
    return *out ? 0 : lk_error_set_oom(err);
}

/* Print the notes of "r" to stderr as text or a JSON report. */
static void import_report(const lk_stix_import_result *r, const char *fmt)
{
    size_t i, n = lk_stix_import_note_count(r);
    lk_buf b;
    lk_buf_init(&b, 0);
    if (!strcmp(fmt, "json"))
        lk_buf_printf(&b, "{\"format\": \"leaklaw/stix-import-report/1\", "
                          "\"cases\": %zu, \"not_mapped\": [",
                      lk_stix_import_count(r));
    for (i = 0; i < n; i++) {
        lk_stix_note no = lk_stix_import_note(r, i);
        if (strcmp(fmt, "json") != 0) {
            lk_buf_printf(&b, "leaklaw: import: %s%s%s\n", no.pointer,
                          *no.pointer ? ": " : "", no.message);
            continue;
        }
        lk_buf_puts(&b, i ? ",\n  {\"pointer\": " : "\n  {\"pointer\": ");
        lk_jsonw_str(&b, no.pointer, strlen(no.pointer));
        lk_buf_puts(&b, ", \"message\": ");
        lk_jsonw_str(&b, no.message, strlen(no.message));
        lk_buf_puts(&b, "}");
    }
    if (!strcmp(fmt, "json"))
        lk_buf_puts(&b, n ? "\n]}\n" : "]}\n");
    if (b.ptr)
        fputs(b.ptr, stderr);
    lk_buf_dispose(&b);
}

int cmd_import(int argc, char **argv)
{
    const char *report = NULL, *path;
    lk_stix_import_result *r = NULL;
    lk_law *law = NULL;
    lk_error err;
    char *data = NULL;
    size_t len = 0, i, n;
    int rc = import_parse(argc, argv, &report);
    if (rc != 0)
        return rc < 0 ? LK_EXIT_OK : rc;
    path = argv[argc - 1];
    lk_error_clear(&err);
    if ((rc = cli_law(&law, NULL)) != 0)
        return rc;
    rc = import_read(&data, &len, path, &err);
    if (rc == 0)
        rc = lk_stix_import(&r, path, data, len, law, &err);
    if (rc != 0) {
        cli_error(&err);
        rc = cli_exit(rc);
        goto out;
    }
    n = lk_stix_import_count(r);
    for (i = 0; i < n; i++)
        printf("%s\n", lk_stix_import_case(r, i, n == 1));
    if (report)
        import_report(r, report);
    rc = LK_EXIT_OK;
out:
    lk_stix_import_free(r);
    lk_free(data);
    lk_law_free(law);
    return rc;
}
