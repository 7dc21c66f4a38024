/*
 * cmd_techniques.c: "leaklaw techniques" shows a technique of the bundled
 * catalogues (MITRE ATT&CK Enterprise, DISARM) and how leaklaw reads it:
 * the access method and intrusiveness level an ATT&CK id maps to, with
 * the reasons and citations, or that it says nothing about access.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const char techniques_help[] =
    "Usage: leaklaw techniques [--catalogue attack|disarm] [--format "
    "text|json]\n"
    "                          (ID | --search TEXT)\n"
    "\n"
    "Show technique ID of the bundled catalogues (MITRE ATT&CK Enterprise,\n"
    "DISARM) and how leaklaw reads it: catalogue, name, tactics, and for an\n"
    "ATT&CK id the access method and intrusiveness level it maps to, with\n"
    "the reasons and citations; a Reconnaissance technique says nothing\n"
    "about how material was obtained. DISARM (influence-operation) ids are\n"
    "listed for reference only: case files name ATT&CK ids.\n"
    "\n"
    "Options:\n"
    "  -s, --search TEXT     every technique whose id or name contains TEXT\n"
    "                        (any case)\n"
    "  -c, --catalogue NAME  only attack or disarm\n"
    "  -f, --format FMT      text (default) or json\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 ok (also when a search finds nothing), 2 unknown\n"
    "technique or usage error, 1 runtime error.\n";

/* The catalogue's display name. */
static const char *techniques_catalogue_name(const char *catalogue)
{
    return strcmp(catalogue, "attack") == 0
               ? "MITRE ATT&CK Enterprise v18.1"
               : "DISARM Red Framework";
}

/* One line saying how leaklaw reads technique "t". */
static const char *techniques_reading(const lk_technique_info *t)
{
    if (strcmp(t->catalogue, "attack") != 0)
        return t->import_fact != NULL
                   ? "an influence-operation technique: case files name "
                     "ATT&CK ids only; a STIX import sets a fact from it "
                     "(import below)"
                   : "an influence-operation technique, listed for "
                     "reference: case files name ATT&CK ids only";
    if (t->method != NULL)
        return "maps to an access method";
    if (t->reconnaissance)
        return "says nothing about how material was obtained "
               "(Reconnaissance): an access entry naming it leaves the "
               "access method unknown";
    return "not mapped: an access entry naming it leaves the access "
           "method unknown";
}

/* Print "s" as a JSON string. */
static void techniques_json_str(const char *s)
{
    const unsigned char *c;
    if (s == NULL) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            printf("\\%c", *c);
        else if (*c < 0x20)
            printf("\\u%04x", *c);
        else
            putchar(*c);
    }
    putchar('"');
}

/* Print the "n" strings of "v" as a JSON array. */
static void techniques_json_list(const char *const *v, size_t n)
{
    size_t i;
    putchar('[');
    for (i = 0; i < n; i++) {
        if (i)
            fputs(", ", stdout);
        techniques_json_str(v[i]);
    }
    putchar(']');
}

/* Print the tactics "a;b;c" of "t" as a JSON array. */
static void techniques_json_tactics(const char *tactics)
{
    const char *p = tactics;
    char one[256];
    putchar('[');
    while (*p) {
        size_t n = strcspn(p, ";");
        snprintf(one, sizeof(one), "%.*s", (int)n, p);
        fputs(p == tactics ? "" : ", ", stdout);
        techniques_json_str(one);
        p += n;
        if (*p == ';')
            p++;
    }
    putchar(']');
}

/* Print technique "t" as one JSON object. */
static void techniques_json(const lk_technique_info *t)
{
    fputs("{\"id\": ", stdout);
    techniques_json_str(t->id);
    fputs(", \"catalogue\": ", stdout);
    techniques_json_str(t->catalogue);
    fputs(", \"name\": ", stdout);
    techniques_json_str(t->name);
    fputs(", \"tactics\": ", stdout);
    techniques_json_tactics(t->tactics);
    fputs(", \"status\": ", stdout);
    techniques_json_str(t->status[0] ? t->status : NULL);
    fputs(", \"reconnaissance\": ", stdout);
    fputs(t->reconnaissance ? "true" : "false", stdout);
    fputs(", \"access\": ", stdout);
    if (t->method == NULL) {
        fputs("null", stdout);
    } else {
        fputs("{\"method\": ", stdout);
        techniques_json_str(t->method);
        fputs(", \"mapped_by\": ", stdout);
        techniques_json_str(t->mapped_by);
        fputs(", \"text\": ", stdout);
        techniques_json_str(t->text);
        fputs(", \"cites\": ", stdout);
        techniques_json_list(t->cites, t->ncites);
        fputs(", \"level\": ", stdout);
        techniques_json_str(t->level);
        fputs(", \"level_text\": ", stdout);
        techniques_json_str(t->level_text);
        fputs(", \"level_cites\": ", stdout);
        techniques_json_list(t->level_cites, t->nlevel_cites);
        putchar('}');
    }
    fputs(", \"reading\": ", stdout);
    techniques_json_str(techniques_reading(t));
    if (t->import_fact != NULL) {
        fputs(", \"import\": {\"fact\": ", stdout);
        techniques_json_str(t->import_fact);
        fputs(", \"value\": ", stdout);
        if (!strcmp(t->import_value, "true") ||
            !strcmp(t->import_value, "false"))
            fputs(t->import_value, stdout);
        else
            techniques_json_str(t->import_value);
        fputs(", \"text\": ", stdout);
        techniques_json_str(t->import_text);
        putchar('}');
    }
    putchar('}');
}

/* Print the "n" cites of "v", comma-separated. */
static void techniques_text_cites(const char *const *v, size_t n)
{
    size_t i;
    fputs("             cites: ", stdout);
    for (i = 0; i < n; i++)
        printf("%s%s", i ? ", " : "", v[i]);
    putchar('\n');
}

/* Print technique "t" in full, as text. */
static void techniques_text(const lk_technique_info *t)
{
    const char *p;
    printf("%s  %s\n", t->id, t->name);
    printf("  catalogue: %s (%s)\n", techniques_catalogue_name(t->catalogue),
           t->catalogue);
    for (p = t->tactics; *p;) {
        size_t n = strcspn(p, ";");
        printf("  %s %.*s\n", p == t->tactics ? "tactics:  " : "          ",
               (int)n, p);
        p += n;
        if (*p == ';')
            p++;
    }
    if (t->status[0])
        printf("  status:    %s\n", t->status);
    if (t->method == NULL) {
        printf("  reading:   %s\n", techniques_reading(t));
        if (t->import_fact != NULL)
            printf("  import:    %s = %s\n             %s\n", t->import_fact,
                   t->import_value, t->import_text);
        return;
    }
    printf("  method:    %s", t->method);
    if (strcmp(t->mapped_by, t->id) != 0)
        printf(" (mapped by its parent %s)", t->mapped_by);
    printf("\n");
    if (t->text[0])
        printf("             %s\n", t->text);
    if (t->ncites)
        techniques_text_cites(t->cites, t->ncites);
    if (t->level != NULL) {
        printf("  level:     %s\n             %s\n", t->level, t->level_text);
        if (t->nlevel_cites)
            techniques_text_cites(t->level_cites, t->nlevel_cites);
    }
}

/* 1 if "hay" contains "needle", ignoring ASCII case. */
static int techniques_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle), i;
    for (; *hay; hay++) {
        for (i = 0; i < n && hay[i]; i++)
            if (tolower((unsigned char)hay[i]) !=
                tolower((unsigned char)needle[i]))
                break;
        if (i == n)
            return 1;
    }
    return n == 0;
}

/* Print every technique of the catalogues whose id or name contains
 * "text": one line each, or a JSON array. */
static void techniques_search(const lk_law *law, const char *catalogue,
                              const char *text, int json)
{
    static const char *const all[] = {"attack", "disarm", NULL};
    lk_technique_info t;
    size_t i, hits = 0;
    int k;
    if (json)
        putchar('[');
    for (k = 0; all[k]; k++) {
        if (catalogue != NULL && strcmp(catalogue, all[k]) != 0)
            continue;
        for (i = 0; i < lk_law_technique_count(law, all[k]); i++) {
            if (lk_law_technique(law, all[k], i, &t) != 0 ||
                (!techniques_contains(t.id, text) &&
                 !techniques_contains(t.name, text)))
                continue;
            if (json) {
                fputs(hits ? ",\n " : "", stdout);
                techniques_json(&t);
            } else {
                printf("%-10s %-7s %s", t.id, t.catalogue, t.name);
                if (t.status[0])
                    printf(" [%s]", t.status);
                if (t.method != NULL)
                    printf(" -> %s (%s)", t.method, t.level ? t.level : "?");
                else if (t.reconnaissance)
                    printf(" (reconnaissance: says nothing about access)");
                putchar('\n');
            }
            hits++;
        }
    }
    if (json)
        fputs("]\n", stdout);
    else if (hits == 0)
        printf("no technique matches '%s'\n", text);
}

int cmd_techniques(int argc, char **argv)
{
    static const struct option opts[] = {
        {"search", required_argument, 0, 's'},
        {"catalogue", required_argument, 0, 'c'},
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *search = NULL, *catalogue = NULL, *format = "text";
    lk_law *law = NULL;
    lk_technique_info t;
    int c, status;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":s:c:f:h", opts, NULL)) != -1) {
        switch (c) {
        case 's': search = optarg; break;
        case 'c': catalogue = optarg; break;
        case 'f': format = optarg; break;
        case 'h': fputs(techniques_help, stdout); return LK_EXIT_OK;
        default:
            return cli_bad_option("techniques", c, argv);
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_usage("techniques", "unknown format '%s' (text, json)",
                         format);
    if (catalogue && strcmp(catalogue, "attack") && strcmp(catalogue, "disarm"))
        return cli_usage("techniques",
                         "unknown catalogue '%s' (attack, disarm)", catalogue);
    if (search != NULL ? optind != argc : optind + 1 != argc)
        return cli_usage("techniques", "expected one ID or --search TEXT");
    status = cli_law(&law, NULL);
    if (status != 0)
        return status;
    if (search != NULL) {
        techniques_search(law, catalogue, search, !strcmp(format, "json"));
    } else if (lk_law_technique_find(law, catalogue, argv[optind], &t) != 0) {
        fprintf(stderr,
                "leaklaw: no technique '%s' in %s (leaklaw techniques "
                "--search TEXT finds them)\n",
                argv[optind],
                catalogue ? techniques_catalogue_name(catalogue)
                          : "ATT&CK or DISARM");
        status = LK_EXIT_USAGE;
    } else if (!strcmp(format, "json")) {
        techniques_json(&t);
        putchar('\n');
    } else {
        techniques_text(&t);
    }
    lk_law_free(law);
    return status;
}
