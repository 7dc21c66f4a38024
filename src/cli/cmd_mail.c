/*
 * cmd_mail.c: "leaklaw mail verify": DKIM verification of leaked e-mail
 * corpora. Per-message records (JSON Lines or CSV) stream to stdout or to
 * a file renamed into place at the end; summaries (Markdown, HTML), the
 * chain-of-custody manifest and the case's evidence item are written
 * atomically once the run is complete.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cmd.h"
#include "output.h"

static const char mail_help[] =
    "Usage: leaklaw mail verify [OPTIONS] CORPUS...\n"
    "\n"
    "Authenticate a leaked e-mail corpus by its DKIM signatures (RFC 6376,\n"
    "RFC 8463). CORPUS is an mbox (mboxo or mboxrd), a maildir, an .eml\n"
    "file or a directory of them. Keys come from an archive (a key history:\n"
    "every record of a name is tried); no network access is made.\n"
    "\n"
    "Options:\n"
    "  -k, --keys ARCHIVE     key archive: 'selector._domainkey.domain\n"
    "                         TXT-record' lines or zone-file TXT records\n"
    "  -t, --at TIME          verification time: Unix seconds, YYYY-MM-DD\n"
    "                         or YYYY-MM-DDTHH:MM:SSZ (default\n"
    "                         $SOURCE_DATE_EPOCH, else now); x= past it is\n"
    "                         flagged 'expired', never a failure\n"
    "  -j, --jobs N           worker threads (default 1)\n"
    "  -f, --format FMT       jsonl (default: one record per message), csv,\n"
    "                         md (summary), html (self-contained summary)\n"
    "  -o, --output FILE      write to FILE atomically instead of stdout\n"
    "  -m, --manifest FILE    write the chain-of-custody manifest (JSON):\n"
    "                         SHA-256 of every input and of the archive,\n"
    "                         version, options, verification time\n"
    "  -c, --case FILE        add the run's summary to the evidence[] of\n"
    "                         the JSON case FILE (kind mail-verification)\n"
    "      --max-signatures N signatures verified per message (16)\n"
    "      --max-header-bytes N  header block read per message (262144)\n"
    "      --max-line-bytes N    longest header line (65536)\n"
    "      --dns              look up keys missing from the archive in live\n"
    "                         DNS (off by default; the answers are listed\n"
    "                         in the manifest)\n"
    "  -h, --help             show this help\n"
    "\n"
    "Message verdicts: verified, verified-partial, altered, unverifiable,\n"
    "unsigned. Verified means unchanged since signed, not true; unverifiable\n"
    "means unknown, not fake. Output is deterministic for a given --at.\n"
    "\n"
    "Exit status reflects errors, not verdicts: 0 ok, 1 runtime error,\n"
    "2 usage error, 65 bad key archive or case file.\n";

/* Progress on stderr when it is a terminal. */
typedef struct mail_progress {
    int tty;             /* stderr is a terminal */
    time_t last;         /* time of the last progress line */
    int shown;           /* a progress line is on screen */
} mail_progress;

static int mail_on_record(const char *rec, size_t len, void *payload)
{
    cli_sink *s = payload;
    cli_sink_write(s, rec, len);
    return s->failed ? LK_EIO : 0;
}

static void mail_on_progress(unsigned long long n, void *payload)
{
    mail_progress *s = payload;
    time_t now;
    if (!s->tty)
        return;
    now = time(NULL);
    if (now == s->last)
        return;
    s->last = now;
    s->shown = 1;
    fprintf(stderr, "\rleaklaw: %llu messages verified", n);
    fflush(stderr);
}

static int mail_number(const char *s, unsigned long long max,
                       unsigned long long *out)
{
    unsigned long long v = 0;
    if (*s == '\0')
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (unsigned long long)(*s - '0');
        if (v > max)
            return -1;
    }
    *out = v;
    return 0;
}

/* Write "len" bytes of "data" to "path" (NULL: stdout), all or nothing. */
static int mail_write(const char *path, const char *data, size_t len)
{
    cli_sink s;
    if (cli_sink_open(&s, path) < 0)
        return LK_EXIT_RUNTIME;
    cli_sink_write(&s, data, len);
    return cli_sink_commit(&s);
}

/* Add or replace the run's evidence item in the JSON case "path". */
static int mail_case(const char *path, const lk_mail_run *run,
                     char **corpus, int ncorpus)
{
    lk_case *c = NULL;
    lk_error err;
    json_error_t jerr;
    json_t *root = NULL, *ev, *item, *summary = NULL;
    char *text = NULL, *out = NULL;
    size_t len = 0, i, n;
    int error, status = LK_EXIT_OK, k;
    lk_buf ref;

    lk_error_clear(&err);
    lk_buf_init(&ref, 1 << 16);
    n = strlen(path);
    if ((n > 5 && !strcmp(path + n - 5, ".yaml")) ||
        (n > 4 && !strcmp(path + n - 4, ".yml"))) {
        fprintf(stderr, "leaklaw: %s: --case takes a JSON case file\n",
                path);
        status = LK_EXIT_USAGE;
        goto out;
    }
    error = lk_case_load(&c, path, cli_diag, NULL, &err);
    if (error < 0) {
        if (error != LK_EINVALID)
            cli_error(&err);
        status = error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
        goto out;
    }
    root = json_load_file(path, 0, &jerr);
    error = lk_mail_run_render(&text, &len, run, LK_MAIL_SUMMARY_EVIDENCE,
                               &err);
    if (root == NULL || error < 0) {
        fprintf(stderr, "leaklaw: %s: cannot re-read the case\n", path);
        status = LK_EXIT_RUNTIME;
        goto out;
    }
    summary = json_loads(text, 0, &jerr);
    for (k = 0; k < ncorpus; k++)
        lk_buf_printf(&ref, "%sleaklaw mail verify %s", k ? "; " : "",
                      corpus[k]);
    ev = json_object_get(root, "evidence");
    if (!json_is_array(ev)) {
        ev = json_array();
        json_object_set_new(root, "evidence", ev);
    }
    /* a rerun over the same corpus replaces its earlier item */
    for (i = json_array_size(ev); i-- > 0;) {
        json_t *e = json_array_get(ev, i);
        const char *kind = json_string_value(json_object_get(e, "kind"));
        const char *r = json_string_value(json_object_get(e, "ref"));
        if (kind && r && !strcmp(kind, "mail-verification") &&
            ref.ptr && !strcmp(r, ref.ptr))
            json_array_remove(ev, i);
    }
    item = json_object();
    json_object_set_new(item, "kind", json_string("mail-verification"));
    json_object_set_new(item, "ref", json_string(ref.ptr ? ref.ptr : ""));
    json_object_set(item, "summary", summary);
    json_array_append_new(ev, item);
    out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (out == NULL || summary == NULL) {
        fprintf(stderr, "leaklaw: out of memory\n");
        status = LK_EXIT_RUNTIME;
        goto out;
    }
    {
        lk_buf doc;
        lk_case *check = NULL;
        lk_buf_init(&doc, 0);
        lk_buf_puts(&doc, out);
        lk_buf_puts(&doc, "\n");
        /* never write a case that would not load again */
        error = lk_case_parse(&check, path, doc.ptr, doc.len, cli_diag,
                              NULL, &err);
        lk_case_free(check);
        if (error < 0)
            status = cli_exit(error);
        else
            status = mail_write(path, doc.ptr, doc.len);
        lk_buf_dispose(&doc);
    }
out:
    lk_free(out); /* jansson allocates with lk_malloc */
    lk_mail_text_free(text);
    json_decref(summary);
    json_decref(root);
    lk_case_free(c);
    lk_buf_dispose(&ref);
    return status;
}

static int mail_verify(int argc, char **argv)
{
    static const struct option opts[] = {
        {"keys", required_argument, 0, 'k'},
        {"at", required_argument, 0, 't'},
        {"jobs", required_argument, 0, 'j'},
        {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},
        {"manifest", required_argument, 0, 'm'},
        {"case", required_argument, 0, 'c'},
        {"max-signatures", required_argument, 0, 'S'},
        {"max-header-bytes", required_argument, 0, 'H'},
        {"max-line-bytes", required_argument, 0, 'L'},
        {"dns", no_argument, 0, 'D'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *keys_path = NULL, *at = NULL, *format = "jsonl";
    const char *output = NULL, *manifest = NULL, *case_path = NULL;
    lk_mail_options mo = LK_MAIL_OPTIONS_INIT;
    lk_mail_keys *keys = NULL;
    lk_mail_run *run = NULL;
    mail_progress prog;
    cli_sink sink;
    int open = 0;
    lk_error err;
    unsigned long long v;
    int c, i, status = LK_EXIT_OK, summary = -1, error;
    char *text = NULL;
    size_t len = 0;

    memset(&prog, 0, sizeof(prog));
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":k:t:j:f:o:m:c:h", opts, NULL)) !=
           -1) {
        switch (c) {
        case 'k': keys_path = optarg; break;
        case 't': at = optarg; break;
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case 'm': manifest = optarg; break;
        case 'c': case_path = optarg; break;
        case 'j':
            if (mail_number(optarg, 64, &v) < 0 || v == 0)
                return cli_usage("mail verify", "--jobs takes 1 to 64");
            mo.jobs = (unsigned)v;
            break;
        case 'S':
            if (mail_number(optarg, 1000, &v) < 0 || v == 0)
                return cli_usage("mail verify",
                                 "--max-signatures takes 1 to 1000");
            mo.max_signatures = (unsigned)v;
            break;
        case 'H':
        case 'L':
            if (mail_number(optarg, (unsigned long long)1 << 30, &v) < 0 ||
                v < 80)
                return cli_usage("mail verify",
                                 "'%s' takes a byte count of 80 to 2^30",
                                 argv[optind - 1]);
            if (c == 'H')
                mo.max_header_bytes = (size_t)v;
            else
                mo.max_line_bytes = (size_t)v;
            break;
        case 'D': mo.flags |= LK_MAIL_DNS; break;
        case 'h': fputs(mail_help, stdout); return LK_EXIT_OK;
        case ':':
            return cli_usage("mail verify", "option '%s' needs a value",
                             argv[optind - 1]);
        default:
            return cli_usage("mail verify", "unknown option '%s'",
                             argv[optind - 1]);
        }
    }
    if (!strcmp(format, "jsonl"))
        mo.record_format = LK_MAIL_RECORD_JSONL;
    else if (!strcmp(format, "csv"))
        mo.record_format = LK_MAIL_RECORD_CSV;
    else if (!strcmp(format, "md"))
        summary = LK_MAIL_SUMMARY_MD;
    else if (!strcmp(format, "html"))
        summary = LK_MAIL_SUMMARY_HTML;
    else
        return cli_usage("mail verify",
                         "unknown format '%s' (jsonl, csv, md, html)",
                         format);
    if (optind >= argc)
        return cli_usage("mail verify", "no corpus given");
    if (at == NULL) {
        const char *env = getenv("SOURCE_DATE_EPOCH");
        if (env != NULL && *env && lk_mail_time_parse(&mo.at, env) == 0)
            ;
        else
            mo.at = (long long)time(NULL);
    } else if (lk_mail_time_parse(&mo.at, at) < 0) {
        return cli_usage("mail verify", "--at '%s' is not a time", at);
    }

    if (summary < 0 && manifest == NULL && case_path == NULL)
        mo.flags |= LK_MAIL_NO_FILE_HASH; /* nothing would show them */
    lk_error_clear(&err);
    if (keys_path != NULL) {
        error = lk_mail_keys_load(&keys, keys_path, &err);
        if (error < 0) {
            cli_error(&err);
            return error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
        }
    }
    mo.keys = keys;
    mo.keys_path = keys_path;
    prog.tty = isatty(STDERR_FILENO);
    mo.on_progress = mail_on_progress;
    mo.progress_payload = &prog;
    if (summary < 0) {
        static const char csv[] = "file,offset,sha256,message_id,from,date,"
                                  "verdict,transform,signatures\n";
        if (cli_sink_open(&sink, output) < 0) {
            status = LK_EXIT_RUNTIME;
            goto out;
        }
        open = 1;
        mo.on_record = mail_on_record;
        mo.record_payload = &sink;
        if (mo.record_format == LK_MAIL_RECORD_CSV)
            cli_sink_write(&sink, csv, sizeof(csv) - 1);
    }
    error = lk_mail_run_new(&run, &mo, &err);
    for (i = optind; error == 0 && i < argc; i++)
        error = lk_mail_run_add_path(run, argv[i], &err);
    if (prog.shown)
        fputs("\n", stderr);
    if (error != 0) {
        if (open && sink.failed)
            fprintf(stderr, "leaklaw: cannot write the records\n");
        else
            cli_error(&err);
        status = error == LK_EIO || error == LK_ENOMEM ? LK_EXIT_RUNTIME
                                                       : cli_exit(error);
        goto out;
    }
    if (open) {
        open = 0;
        status = cli_sink_commit(&sink);
        if (status != 0)
            goto out;
    }
    if (summary >= 0) {
        error = lk_mail_run_render(&text, &len, run,
                                   (lk_mail_summary_format)summary, &err);
        if (error < 0) {
            cli_error(&err);
            status = LK_EXIT_RUNTIME;
            goto out;
        }
        status = mail_write(output, text, len);
        lk_mail_text_free(text);
        text = NULL;
        if (status != 0)
            goto out;
    }
    if (manifest != NULL) {
        error = lk_mail_run_render(&text, &len, run,
                                   LK_MAIL_SUMMARY_MANIFEST, &err);
        if (error < 0) {
            cli_error(&err);
            status = LK_EXIT_RUNTIME;
            goto out;
        }
        status = mail_write(manifest, text, len);
        if (status != 0)
            goto out;
    }
    if (case_path != NULL)
        status = mail_case(case_path, run, argv + optind, argc - optind);
out:
    if (open)
        cli_sink_abort(&sink);
    lk_mail_text_free(text);
    lk_mail_run_free(run);
    lk_mail_keys_free(keys);
    return status;
}

int cmd_mail(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(mail_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? LK_EXIT_USAGE : LK_EXIT_OK;
    }
    if (!strcmp(argv[1], "verify"))
        return mail_verify(argc - 1, argv + 1);
    return cli_usage("mail", "unknown subcommand '%s' (verify)", argv[1]);
}
