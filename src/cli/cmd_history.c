/*
 * cmd_history.c: "leaklaw history CASE-ID": the assessments of a case
 * saved with "assess --save", oldest first, each with what changed since
 * the one before: the case file, the rules, the profile, and each lens
 * whose verdict changed.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "dbopen.h"
#include "error.h"
#include "jsonw.h"

#define HISTORY_NAME_MAX 128 /* bytes kept of a lens, verdict or profile */

static const char history_help[] =
    "Usage: leaklaw [--db PATH] history [--format text|json] CASE-ID\n"
    "\n"
    "The assessments of case CASE-ID saved with 'leaklaw assess --save',\n"
    "oldest first: when, under which profile, the SHA-256 of the rules and\n"
    "of the case file, each lens's verdict, and what changed since the\n"
    "save before (the case, the rules, the profile, the verdicts).\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (default) or json\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 1 nothing saved for CASE-ID or a store error,\n"
    "2 usage error.\n";

/* What is kept of the previous save, to say what changed. */
typedef struct history_prev {
    char case_sha256[65];
    char rules_sha256[65];
    char profile[HISTORY_NAME_MAX];
    size_t nverdicts;
    char lens[LK_STORE_MAX_LENSES][HISTORY_NAME_MAX];
    char verdict[LK_STORE_MAX_LENSES][HISTORY_NAME_MAX];
} history_prev;

/* The walk's state. */
typedef struct history_out {
    lk_buf b;          /* the output */
    int json;          /* JSON rather than text */
    size_t n;          /* saves so far */
    history_prev prev; /* the save before */
} history_out;

/* Append JSON string "s" to "b". */
static void history_str(lk_buf *b, const char *s)
{
    lk_jsonw_str(b, s ? s : "", s ? strlen(s) : 0);
}

/* The previous verdict of lens "lens", or NULL. */
static const char *history_prev_verdict(const history_prev *p,
                                        const char *lens)
{
    size_t i;
    for (i = 0; i < p->nverdicts; i++)
        if (strcmp(p->lens[i], lens) == 0)
            return p->verdict[i];
    return NULL;
}

/* What changed between "p" and "rec", as text lines or a JSON object. */
static void history_changes(lk_buf *b, int json, const history_prev *p,
                            const lk_store_record *rec)
{
    int c = strcmp(p->case_sha256, rec->case_sha256) != 0;
    int r = strcmp(p->rules_sha256, rec->rules_sha256) != 0;
    int f = strcmp(p->profile, rec->profile) != 0;
    size_t i, k = 0;
    if (json)
        lk_buf_printf(b, ", \"changes\": {\"case\": %s, \"rules\": %s, "
                         "\"profile\": %s, \"verdicts\": [",
                      c ? "true" : "false", r ? "true" : "false",
                      f ? "true" : "false");
    else if (c || r || f)
        lk_buf_printf(b, "    since the save before:%s%s%s%s%s changed\n",
                      c ? " the case" : "", c && (r || f) ? "," : "",
                      r ? " the rules" : "", r && f ? "," : "",
                      f ? " the profile" : "");
    else
        lk_buf_puts(b, "    since the save before: same case, rules and "
                       "profile\n");
    for (i = 0; i < rec->nverdicts; i++) {
        const char *from = history_prev_verdict(p, rec->verdicts[i].lens);
        if (from != NULL && strcmp(from, rec->verdicts[i].verdict) == 0)
            continue;
        if (json) {
            lk_buf_puts(b, k ? ", {\"lens\": " : "{\"lens\": ");
            history_str(b, rec->verdicts[i].lens);
            lk_buf_puts(b, ", \"from\": ");
            if (from != NULL)
                history_str(b, from);
            else
                lk_buf_puts(b, "null");
            lk_buf_puts(b, ", \"to\": ");
            history_str(b, rec->verdicts[i].verdict);
            lk_buf_puts(b, "}");
        } else {
            lk_buf_printf(b, "    changed: %s %s -> %s\n",
                          rec->verdicts[i].lens, from ? from : "(none)",
                          rec->verdicts[i].verdict);
        }
        k++;
    }
    if (json)
        lk_buf_puts(b, "]}");
    else if (k == 0)
        lk_buf_puts(b, "    no verdict changed\n");
}

/* Keep what "rec" says for the next save's comparison. */
static void history_keep(history_prev *p, const lk_store_record *rec)
{
    size_t i;
    snprintf(p->case_sha256, sizeof(p->case_sha256), "%s", rec->case_sha256);
    snprintf(p->rules_sha256, sizeof(p->rules_sha256), "%s",
             rec->rules_sha256);
    snprintf(p->profile, sizeof(p->profile), "%s", rec->profile);
    p->nverdicts = rec->nverdicts;
    for (i = 0; i < rec->nverdicts; i++) {
        snprintf(p->lens[i], HISTORY_NAME_MAX, "%s", rec->verdicts[i].lens);
        snprintf(p->verdict[i], HISTORY_NAME_MAX, "%s",
                 rec->verdicts[i].verdict);
    }
}

/* One save as JSON. */
static void history_json(history_out *o, const lk_store_record *rec)
{
    lk_buf *b = &o->b;
    size_t i;
    lk_buf_printf(b, "%s\n    {\"seq\": %lld, \"saved_at\": ",
                  o->n ? "," : "", rec->seq);
    history_str(b, rec->saved_at);
    lk_buf_puts(b, ", \"profile\": ");
    history_str(b, rec->profile);
    lk_buf_puts(b, ", \"rules\": {\"name\": ");
    history_str(b, rec->rules_name);
    lk_buf_puts(b, ", \"version\": ");
    history_str(b, rec->rules_version);
    lk_buf_puts(b, ", \"sha256\": ");
    history_str(b, rec->rules_sha256);
    lk_buf_puts(b, "}, \"case_sha256\": ");
    history_str(b, rec->case_sha256);
    lk_buf_puts(b, ", \"verdicts\": {");
    for (i = 0; i < rec->nverdicts; i++) {
        lk_buf_puts(b, i ? ", " : "");
        history_str(b, rec->verdicts[i].lens);
        lk_buf_puts(b, ": ");
        history_str(b, rec->verdicts[i].verdict);
    }
    lk_buf_puts(b, "}");
    if (o->n == 0)
        lk_buf_puts(b, ", \"changes\": null");
    else
        history_changes(b, 1, &o->prev, rec);
    lk_buf_puts(b, "}");
}

/* lk_store_history_foreach callback: one save. */
static int history_one(const lk_store_record *rec, void *payload)
{
    history_out *o = payload;
    size_t i;
    if (o->json) {
        history_json(o, rec);
    } else {
        lk_buf_printf(&o->b, "#%zu  %s  profile %s\n", o->n + 1,
                      rec->saved_at, rec->profile);
        lk_buf_printf(&o->b, "    rules %s %s (sha256 %.12s)  case sha256 "
                             "%.12s\n    ",
                      rec->rules_name, rec->rules_version,
                      rec->rules_sha256, rec->case_sha256);
        for (i = 0; i < rec->nverdicts; i++)
            lk_buf_printf(&o->b, "%s%s %s", i ? ", " : "",
                          rec->verdicts[i].lens, rec->verdicts[i].verdict);
        lk_buf_puts(&o->b, "\n");
        if (o->n > 0)
            history_changes(&o->b, 0, &o->prev, rec);
    }
    history_keep(&o->prev, rec);
    o->n++;
    return o->b.error != 0;
}

/* Parse the options; 0, -1 after --help, or an exit status. */
static int history_parse(int argc, char **argv, int *json)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *format = "text";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'h': fputs(history_help, stdout); return -1;
        default: return cli_bad_option("history", c, argv);
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_usage("history", "unknown format '%s' (text, json)",
                         format);
    *json = strcmp(format, "json") == 0;
    if (optind + 1 != argc)
        return cli_usage("history", "expected one case id");
    return 0;
}

int cmd_history(int argc, char **argv)
{
    history_out o;
    lk_store *st = NULL;
    lk_error err;
    int status, error;
    memset(&o, 0, sizeof(o));
    status = history_parse(argc, argv, &o.json);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    lk_buf_init(&o.b, 0);
    status = cli_store_open(&st, CLI_STORE_READ);
    if (status != 0)
        goto out;
    lk_error_clear(&err);
    if (o.json) {
        lk_buf_puts(&o.b, "{\n  \"format\": \"leaklaw/history/1\",\n"
                          "  \"case\": ");
        history_str(&o.b, argv[optind]);
        lk_buf_puts(&o.b, ",\n  \"saves\": [");
    } else {
        lk_buf_printf(&o.b, "%s\n", argv[optind]);
    }
    error = lk_store_history_foreach(st, argv[optind], history_one, &o, &err);
    if (o.json)
        lk_buf_puts(&o.b, "\n  ]\n}\n");
    if (error == 0 && o.b.error == LK_ENOMEM)
        error = lk_error_set_oom(&err);
    else if (error == 0 && o.b.error != 0)
        error = lk_error_set(&err, o.b.error, "the history is too big");
    if (error < 0) {
        cli_error(&err);
        status = cli_exit(error);
    } else {
        fwrite(o.b.ptr, 1, o.b.len, stdout);
    }
out:
    lk_buf_dispose(&o.b);
    lk_store_close(st);
    return status;
}
