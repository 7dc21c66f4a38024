/*
 * cmd_rules.c: "leaklaw rules" lists the law (every rule and intent
 * indicator with its citations); "leaklaw explain RULE-ID" shows one rule,
 * its sources in full and the bundled cases it applies to.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "cmd.h"

static const char rules_help[] =
    "Usage: leaklaw rules [--profile NAME] [--format text|json]\n"
    "\n"
    "List every rule and intent indicator of the law: what it decides, its\n"
    "outcome, priority, exceptions and citations (catalogue ids with their\n"
    "pinpoints).\n"
    "\n"
    "Options:\n"
    "  -p, --profile NAME  the law as adjusted by data/profiles/NAME.json\n"
    "  -f, --format FMT    text (default) or json\n"
    "  -h, --help          show this help\n";

static const char explain_help[] =
    "Usage: leaklaw explain [--profile NAME] RULE-ID\n"
    "\n"
    "Print one rule: what it decides, its condition, its text, every source\n"
    "it cites in full (title, pinpoint, date, kind, OSCOLA citation, official\n"
    "address, the copies its text was read in, quotation, what it supports,\n"
    "whether verified), and the bundled cases it applies to or may apply to.\n"
    "\n"
    "Options:\n"
    "  -p, --profile NAME  the law as adjusted by data/profiles/NAME.json\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 2 unknown rule or usage error, 1 runtime error.\n";

static int rules_parse(int argc, char **argv, const char *cmd,
                       const char *help, const char **profile,
                       const char **format)
{
    static const struct option opts[] = {
        {"profile", required_argument, 0, 'p'},
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":p:f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': *profile = optarg; break;
        case 'f':
            if (format == NULL)
                return cli_usage(cmd, "unknown option '--format'");
            *format = optarg;
            break;
        case 'h': fputs(help, stdout); return -1;
        default:
            return cli_bad_option(cmd, c, argv);
        }
    }
    return 0;
}

int cmd_rules(int argc, char **argv)
{
    const char *profile = NULL, *format = "text";
    lk_law *law = NULL;
    int status = rules_parse(argc, argv, "rules", rules_help, &profile,
                             &format);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    if (optind < argc)
        return cli_usage("rules", "unexpected argument '%s'", argv[optind]);
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_usage("rules", "unknown format '%s' (text, json)", format);
    status = cli_law(&law, profile);
    if (status != 0)
        return status;
    {
        lk_error err;
        char *text = NULL;
        size_t len = 0;
        int error;
        lk_error_clear(&err);
        error = lk_report_rules(&text, &len, law,
                                !strcmp(format, "json") ? LK_REPORT_JSON
                                                        : LK_REPORT_TEXT,
                                &err);
        if (error < 0) {
            cli_error(&err);
            lk_law_free(law);
            return cli_exit(error);
        }
        fwrite(text, 1, len, stdout);
        lk_report_free(text);
    }
    lk_law_free(law);
    return LK_EXIT_OK;
}

/* The details of source "s" under its title line: kind, OSCOLA citation
 * (italics marks dropped), official address, copies read, quotation,
 * what it supports and status. */
static void explain_source(const lk_source_info *s)
{
    const char *c;
    size_t i;
    printf("      kind: %s\n      OSCOLA: ", s->kind);
    for (c = s->oscola; *c; c++)
        if (*c != '*')
            putchar(*c);
    printf("\n      official: %s\n", s->url[0] ? s->url : "(not known)");
    for (i = 0; i < s->nseen_at; i++)
        printf("      read at: %s (%s)\n", s->seen_at[i].url,
               s->seen_at[i].what);
    if (s->quote[0])
        printf("      \"%s\"\n", s->quote);
    if (s->supports[0])
        printf("      supports: %s\n", s->supports);
    printf("      status: %s\n", s->status);
}

int cmd_explain(int argc, char **argv)
{
    const char *profile = NULL;
    lk_law *law = NULL;
    lk_library *lib = NULL;
    const lk_rule_info *r;
    const char *const *c;
    size_t i, fires = 0;
    int status = rules_parse(argc, argv, "explain", explain_help, &profile,
                             NULL);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    if (optind + 1 != argc)
        return cli_usage("explain", "expected one RULE-ID");
    status = cli_law(&law, profile);
    if (status != 0)
        return status;
    r = lk_law_rule_find(law, argv[optind]);
    if (r == NULL) {
        fprintf(stderr,
                "leaklaw: no rule '%s' (leaklaw rules lists them)\n",
                argv[optind]);
        lk_law_free(law);
        return LK_EXIT_USAGE;
    }
    printf("%s\n\n", r->id);
    printf("Decides:   %s %s\n", r->kind, r->decides);
    printf("Outcome:   %s\n", r->outcome);
    if (strcmp(r->kind, "score") != 0)
        printf("Priority:  %d\n", r->priority);
    for (c = r->exception_to; c && *c; c++)
        printf("Exception to: %s\n", *c);
    printf("When:      %s\n", r->when);
    printf("Defined:   %s\n\n%s\n\nSources:\n", r->file, r->text);
    for (c = r->cites; c && *c; c++) {
        const lk_source_info *s = lk_law_source_find(law, *c);
        printf("  [%s] %s", *c, s->title);
        if (s->pinpoint[0])
            printf(", %s", s->pinpoint);
        if (s->date[0])
            printf(" (%s)", s->date);
        printf("\n");
        explain_source(s);
    }
    status = cli_library(&lib, law);
    if (status == 0 && lib != NULL) {
        printf("\nApplies to these bundled cases:\n");
        for (i = 0; i < lk_library_count(lib); i++) {
            const lk_case *cs = lk_library_case(lib, i);
            if (lk_assessment_rule_applied(lk_library_assessment(lib, i),
                                           r->id)) {
                printf("  %s: %s\n", lk_case_id(cs), lk_case_title(cs));
                fires++;
            }
        }
        if (fires == 0)
            printf("  (none)\n");
    }
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
