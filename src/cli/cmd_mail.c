/*
 * cmd_mail.c: "leaklaw mail verify": DKIM verification of leaked e-mail
 * corpora. Per-message records (JSON Lines or CSV) stream to stdout or to
 * a file renamed into place at the end; summaries (Markdown, HTML), the
 * chain-of-custody manifest and the case's evidence item are written
 * atomically once the run is complete.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cmd.h"
#include "leaklaw/evidence.h"
#include "output.h"

static const char mail_help[] =
    "Usage: leaklaw mail verify [OPTIONS] CORPUS...\n"
    "\n"
    "Authenticate a leaked e-mail corpus by its DKIM signatures (RFC 6376,\n"
    "RFC 8463). CORPUS is an mbox (mboxo or mboxrd), a maildir, an .eml\n"
    "file or a directory of them; '-' (standard input), a pipe or a FIFO is\n"
    "read as an mbox; .gz, .xz and .zst files are decompressed. Files that\n"
    "are not mail are skipped with the reason. Keys come from an archive\n"
    "(a key history: every record of a name is tried); no network access\n"
    "is made unless --dns is given.\n"
    "\n"
    "Options:\n"
    "  -k, --keys ARCHIVE     key archive: 'selector._domainkey.domain\n"
    "                         TXT-record' lines or zone-file TXT records\n"
    "  -t, --at TIME          verification time: Unix seconds, YYYY-MM-DD\n"
    "                         or YYYY-MM-DDTHH:MM:SSZ (default\n"
    "                         $SOURCE_DATE_EPOCH, else now); x= past it is\n"
    "                         flagged 'expired', never a failure\n"
    "  -j, --jobs N           worker threads (default: every core)\n"
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
    "2 usage error, 3 done but some inputs were skipped (listed on\n"
    "stderr and in the summary), 65 bad key archive or case file.\n";

/* Exit status of a run that completed but skipped some inputs (not
 * mail, unreadable, looping): everything else was verified and written. */
#define MAIL_EXIT_SKIPPED 3

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

/* Counts the diagnostics of a case it forwards to cli_diag. */
static void mail_diag(const lk_error *diag, void *payload)
{
    (*(int *)payload)++;
    cli_diag(diag, NULL);
}

/* Print why the case could not be updated; the exit status. */
static int mail_case_error(const char *path, int error, int diags,
                           const lk_error *err)
{
    if (error == LK_EINVALID && diags > 0)
        return cli_exit(error); /* the diagnostics said it */
    if (error == LK_EINVALID || error == LK_EIO) {
        fprintf(stderr, "leaklaw: %s: cannot re-read the case\n", path);
        return LK_EXIT_RUNTIME;
    }
    cli_error(err);
    return LK_EXIT_RUNTIME;
}

/* The case's evidence reference: the commands that verified "corpus". */
static void mail_case_ref(lk_buf *ref, char **corpus, int ncorpus)
{
    int k;
    for (k = 0; k < ncorpus; k++)
        lk_buf_printf(ref, "%sleaklaw mail verify %s", k ? "; " : "",
                      corpus[k]);
    if (ref->ptr == NULL)
        lk_buf_puts(ref, "");
}

/* The --case file checked before anything is read or written, so a bad
 * case leaves no -o or --manifest behind. 0 or the exit status. */
static int mail_case_precheck(const char *path)
{
    lk_case *c = NULL;
    lk_error err;
    size_t n = strlen(path);
    int error;
    if ((n > 5 && !strcmp(path + n - 5, ".yaml")) ||
        (n > 4 && !strcmp(path + n - 4, ".yml"))) {
        fprintf(stderr, "leaklaw: %s: --case takes a JSON case file\n",
                path);
        return LK_EXIT_USAGE;
    }
    lk_error_clear(&err);
    error = lk_case_load(&c, path, cli_diag, NULL, &err);
    lk_case_free(c);
    if (error == 0)
        return 0;
    if (error != LK_EINVALID)
        cli_error(&err);
    return error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
}

/* Add or replace the run's evidence item in the JSON case "path". */
static int mail_case(const char *path, const lk_mail_run *run,
                     char **corpus, int ncorpus)
{
    lk_error err;
    char *text = NULL, *out = NULL;
    size_t len = 0, olen = 0;
    int error, diags = 0;
    lk_buf ref;

    /* checked again: the file may have changed while the run read mail */
    error = mail_case_precheck(path);
    if (error != 0)
        return error;
    lk_error_clear(&err);
    lk_buf_init(&ref, 1 << 16);
    mail_case_ref(&ref, corpus, ncorpus);
    error = ref.error < 0 ? lk_error_set_oom(&err)
                          : lk_file_read(&text, &len, path,
                                         LK_BUF_DEFAULT_MAX, &err);
    if (error == 0)
        error = lk_evidence_attach_mail(&out, &olen, path, text, len, run,
                                        ref.ptr, mail_diag, &diags, &err);
    lk_free(text);
    lk_buf_dispose(&ref);
    if (error < 0)
        return mail_case_error(path, error, diags, &err);
    error = mail_write(path, out, olen);
    lk_evidence_free(out);
    return error;
}

/* The options of "mail verify" beside the run's own. */
typedef struct mail_args {
    const char *keys_path;  /* --keys, or NULL */
    const char *at;         /* --at, or NULL */
    const char *format;     /* --format */
    const char *output;     /* --output, or NULL for stdout */
    const char *manifest;   /* --manifest, or NULL */
    const char *case_path;  /* --case, or NULL */
    int summary;            /* LK_MAIL_SUMMARY_* for md/html, else -1 */
} mail_args;

/* Read the number of option "c" into "mo". Returns 0 or the exit
 * status of a usage error. */
static int mail_number_opt(int c, const char *arg, const char *name,
                           lk_mail_options *mo)
{
    unsigned long long v;
    if (c == 'j') {
        if (mail_number(arg, 64, &v) < 0 || v == 0)
            return cli_usage("mail verify", "--jobs takes 1 to 64");
        mo->jobs = (unsigned)v;
    } else if (c == 'S') {
        if (mail_number(arg, 1000, &v) < 0 || v == 0)
            return cli_usage("mail verify",
                             "--max-signatures takes 1 to 1000");
        mo->max_signatures = (unsigned)v;
    } else {
        if (mail_number(arg, (unsigned long long)1 << 30, &v) < 0 || v < 80)
            return cli_usage("mail verify",
                             "'%s' takes a byte count of 80 to 2^30", name);
        if (c == 'H')
            mo->max_header_bytes = (size_t)v;
        else
            mo->max_line_bytes = (size_t)v;
    }
    return 0;
}

/* Parse the options of "mail verify". Returns -1 to go on, else the exit
 * status (--help, usage errors). */
static int mail_options(int argc, char **argv, mail_args *a,
                        lk_mail_options *mo)
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
    int c, status;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":k:t:j:f:o:m:c:h", opts, NULL)) !=
           -1) {
        switch (c) {
        case 'k': a->keys_path = optarg; break;
        case 't': a->at = optarg; break;
        case 'f': a->format = optarg; break;
        case 'o': a->output = optarg; break;
        case 'm': a->manifest = optarg; break;
        case 'c': a->case_path = optarg; break;
        case 'j':
        case 'S':
        case 'H':
        case 'L':
            status = mail_number_opt(c, optarg, argv[optind - 1], mo);
            if (status != 0)
                return status;
            break;
        case 'D': mo->flags |= LK_MAIL_DNS; break;
        case 'h': fputs(mail_help, stdout); return LK_EXIT_OK;
        default:
            return cli_bad_option("mail verify", c, argv);
        }
    }
    return -1;
}

/* Check the format, the corpus and the time. Returns -1 to go on, else
 * the exit status of a usage error. */
static int mail_settle(int argc, mail_args *a, lk_mail_options *mo)
{
    if (!strcmp(a->format, "jsonl"))
        mo->record_format = LK_MAIL_RECORD_JSONL;
    else if (!strcmp(a->format, "csv"))
        mo->record_format = LK_MAIL_RECORD_CSV;
    else if (!strcmp(a->format, "md"))
        a->summary = LK_MAIL_SUMMARY_MD;
    else if (!strcmp(a->format, "html"))
        a->summary = LK_MAIL_SUMMARY_HTML;
    else
        return cli_usage("mail verify",
                         "unknown format '%s' (jsonl, csv, md, html)",
                         a->format);
    if (optind >= argc)
        return cli_usage("mail verify", "no corpus given");
    if (a->at == NULL) {
        const char *env = getenv("SOURCE_DATE_EPOCH");
        if (env == NULL || !*env || lk_mail_time_parse(&mo->at, env) != 0)
            mo->at = (long long)time(NULL);
    } else if (lk_mail_time_parse(&mo->at, a->at) < 0) {
        return cli_usage("mail verify", "--at '%s' is not a time", a->at);
    }
    if (mo->jobs == 0) { /* every core, as assess --format jsonl */
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        mo->jobs = n > 64 ? 64u : n > 0 ? (unsigned)n : 1u;
    }
    if (a->summary < 0 && a->manifest == NULL && a->case_path == NULL)
        mo->flags |= LK_MAIL_NO_FILE_HASH; /* nothing would show them */
    return -1;
}

/* Render "format" of "run" and write it to "path" (NULL: stdout). */
static int mail_render_to(const lk_mail_run *run, int format,
                          const char *path)
{
    lk_error err;
    char *text = NULL;
    size_t len = 0;
    int error, status;
    lk_error_clear(&err);
    error = lk_mail_run_render(&text, &len, run,
                               (lk_mail_summary_format)format, &err);
    if (error < 0) {
        cli_error(&err);
        return LK_EXIT_RUNTIME;
    }
    status = mail_write(path, text, len);
    lk_mail_text_free(text);
    return status;
}

/* Report on stderr the inputs skipped from index "from" on; returns the
 * number reported in all. */
static size_t mail_skips(const lk_mail_run *run, size_t from,
                         mail_progress *prog)
{
    size_t n = lk_mail_run_skipped(run), i;
    const char *path, *reason;
    if (n > from && prog->shown) {
        fputs("\n", stderr); /* below the progress line */
        prog->shown = 0;
    }
    for (i = from; i < n; i++)
        if (lk_mail_run_skipped_get(run, i, &path, &reason) == 0)
            fprintf(stderr, "leaklaw: %s: skipped: %s\n", path, reason);
    return n;
}

/* Verify the corpus paths argv[first..argc-1] in "run", records going to
 * "sink" when it is open. Returns the exit status. */
static int mail_corpus(lk_mail_run *run, int argc, char **argv, int first,
                       cli_sink *sink, int open, mail_progress *prog,
                       lk_error *err)
{
    int i, error = 0;
    size_t shown = 0;
    for (i = first; error == 0 && i < argc; i++) {
        error = lk_mail_run_add_path(run, argv[i], err);
        shown = mail_skips(run, shown, prog);
    }
    if (prog->shown)
        fputs("\n", stderr);
    if (error == 0)
        return LK_EXIT_OK;
    if (open && sink->failed)
        fprintf(stderr, "leaklaw: cannot write the records\n");
    else
        cli_error(err);
    return error == LK_EIO || error == LK_ENOMEM ? LK_EXIT_RUNTIME
                                                 : cli_exit(error);
}

/* Open the record sink of a record run (CSV gets its header row).
 * Returns 0 or -1. */
static int mail_sink_open(cli_sink *sink, const mail_args *a,
                          lk_mail_options *mo)
{
    static const char csv[] = "file,offset,sha256,message_id,from,date,"
                              "verdict,transform,signatures\n";
    if (cli_sink_open(sink, a->output) < 0)
        return -1;
    mo->on_record = mail_on_record;
    mo->record_payload = sink;
    if (mo->record_format == LK_MAIL_RECORD_CSV)
        cli_sink_write(sink, csv, sizeof(csv) - 1);
    return 0;
}

/* 1 if "a" and "b" name one file: the same path, or (when they exist)
 * the same device and inode. */
static int mail_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* No output names an input of the run (a corpus, the key archive, the
 * case), and -o and --manifest are two files. 0 or LK_EXIT_USAGE. */
static int mail_refuse(const mail_args *a, char **corpus, int ncorpus)
{
    const char *inputs[2];
    const char *outs[2];
    int k, status = 0;
    inputs[0] = a->keys_path;
    inputs[1] = a->case_path;
    outs[0] = a->output;
    outs[1] = a->manifest;
    for (k = 0; k < 2 && status == 0; k++) {
        status = cli_output_refuse(outs[k], (const char *const *)corpus,
                                   (size_t)ncorpus);
        if (status == 0)
            status = cli_output_refuse(outs[k], inputs, 2);
    }
    if (status == 0 && a->output != NULL && a->manifest != NULL &&
        mail_same_file(a->output, a->manifest)) {
        fprintf(stderr, "leaklaw: -o and --manifest name the same file "
                        "%s\n",
                a->output);
        status = LK_EXIT_USAGE;
    }
    return status;
}

/* Write what the run produces once complete: the summary, the manifest
 * and the case's evidence item. Returns the exit status. */
static int mail_finish(const lk_mail_run *run, const mail_args *a,
                       char **corpus, int ncorpus)
{
    int status = LK_EXIT_OK;
    if (a->summary >= 0)
        status = mail_render_to(run, a->summary, a->output);
    if (status == 0 && a->manifest != NULL)
        status = mail_render_to(run, LK_MAIL_SUMMARY_MANIFEST, a->manifest);
    if (status == 0 && a->case_path != NULL)
        status = mail_case(a->case_path, run, corpus, ncorpus);
    return status;
}

/* The exit status of a run that completed: MAIL_EXIT_SKIPPED, said on
 * stderr, when inputs were skipped, else 0. */
static int mail_skipped_status(const lk_mail_run *run)
{
    size_t n = lk_mail_run_skipped(run);
    if (n == 0)
        return LK_EXIT_OK;
    fprintf(stderr, "leaklaw: %zu input%s skipped; the summary lists them\n",
            n, n == 1 ? "" : "s");
    return MAIL_EXIT_SKIPPED;
}

static int mail_verify(int argc, char **argv)
{
    mail_args a = {NULL, NULL, "jsonl", NULL, NULL, NULL, -1};
    lk_mail_options mo = LK_MAIL_OPTIONS_INIT;
    lk_mail_keys *keys = NULL;
    lk_mail_run *run = NULL;
    mail_progress prog;
    cli_sink sink;
    lk_error err;
    int status, error, open = 0;

    memset(&prog, 0, sizeof(prog));
    status = mail_options(argc, argv, &a, &mo);
    if (status < 0)
        status = mail_settle(argc, &a, &mo);
    if (status >= 0)
        return status;
    status = mail_refuse(&a, argv + optind, argc - optind);
    if (status == 0 && a.case_path != NULL)
        status = mail_case_precheck(a.case_path);
    if (status != 0)
        return status;
    lk_error_clear(&err);
    if (a.keys_path != NULL) {
        error = lk_mail_keys_load(&keys, a.keys_path, &err);
        if (error < 0) {
            cli_error(&err);
            return error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
        }
    }
    if (keys == NULL && !(mo.flags & LK_MAIL_DNS))
        fputs("leaklaw: warning: no keys given (--keys or --dns): no "
              "signature can be checked\n", stderr);
    mo.keys = keys;
    mo.keys_path = a.keys_path;
    prog.tty = isatty(STDERR_FILENO);
    mo.on_progress = mail_on_progress;
    mo.progress_payload = &prog;
    if (a.summary < 0) {
        if (mail_sink_open(&sink, &a, &mo) < 0) {
            status = LK_EXIT_RUNTIME;
            goto out;
        }
        open = 1;
    }
    error = lk_mail_run_new(&run, &mo, &err);
    if (error < 0) {
        cli_error(&err);
        status = LK_EXIT_RUNTIME;
        goto out;
    }
    status = mail_corpus(run, argc, argv, optind, &sink, open, &prog, &err);
    if (status != 0)
        goto out;
    if (open) {
        open = 0;
        status = cli_sink_commit(&sink);
        if (status != 0)
            goto out;
    }
    status = mail_finish(run, &a, argv + optind, argc - optind);
    if (status == 0)
        status = mail_skipped_status(run);
out:
    if (open)
        cli_sink_abort(&sink);
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
