/*
 * cmd_assess.c: "leaklaw assess": assess case files and print the
 * assessment as JSON, a Markdown memo, an HTML report or a CSV table.
 * Every file is validated before anything is written, so a bad input
 * leaves no partial output behind (see output.h); --format jsonl streams
 * instead, on every core, a bad case becoming a "rejected" record.
 */
#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "cmd.h"
#include "date.h"
#include "dbopen.h"
#include "dir.h"
#include "leaklaw/batch.h"
#include "output.h"

static const char assess_help[] =
    "Usage: leaklaw assess [OPTIONS] FILE...\n"
    "       leaklaw assess --format jsonl [OPTIONS] [FILE|DIR...]\n"
    "       leaklaw assess --format csv [OPTIONS] < CASES.jsonl\n"
    "\n"
    "Assess each case under the three lenses (classic, intervention2,\n"
    "leak-norm): elements with reasons and citations, flags, missing\n"
    "facts, what-if changes and the nearest precedents of the case\n"
    "library (the store's with --db, else the bundled one). Output is\n"
    "deterministic (a memo is dated today unless --date is given).\n"
    "FILE - reads standard input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    json (default), md (memo), html (one\n"
    "                      self-contained file), csv (one row per case),\n"
    "                      jsonl (a stream, see below)\n"
    "  -p, --profile NAME  assess under data/profiles/NAME.json (default:\n"
    "                      default); \"all\": every profile side by side,\n"
    "                      as leaklaw compare\n"
    "  -o, --output FILE   write to FILE atomically instead of stdout\n"
    "      --no-what-if    skip the what-if search\n"
    "      --no-precedents skip the case library\n"
    "      --compact       JSON on one line (the default with --output or\n"
    "                      when stdout is not a terminal, and always\n"
    "                      with several files)\n"
    "      --pretty        indented JSON\n"
    "      --date YYYY-MM-DD  the memo's date (default: today, UTC)\n"
    "      --author NAME   the memo's author\n"
    "      --classification TEXT\n"
    "                      a classification line atop and below the memo\n"
    "      --save          also record each assessment in the store (see\n"
    "                      leaklaw history), all in one transaction once\n"
    "                      every case is assessed\n"
    "  -j, --jobs N        jsonl (and csv from standard input): N worker\n"
    "                      threads (default: every core)\n"
    "      --strict        jsonl (and csv from standard input): stop at the\n"
    "                      first bad case, exit 65 and write nothing\n"
    "      --what-if       jsonl: run the what-if search (off by default)\n"
    "      --precedents    jsonl: add the nearest precedents (off by\n"
    "                      default)\n"
    "  -h, --help          show this help\n"
    "\n"
    "--format jsonl reads the files named, every *.json, *.yaml and *.yml\n"
    "of a directory (sorted), or, when no file is named or FILE is -, one\n"
    "JSON case per line of standard input, and writes one compact\n"
    "assessment per line in input order, streaming with bounded memory. A\n"
    "bad case is reported on stderr (leaklaw: <stdin>:LINE: ...) and gets a\n"
    "{\"format\":\"leaklaw/assessment/1\",\"rejected\":{...}} line; the batch\n"
    "goes on and exits 3.\n"
    "\n"
    "--format csv with no file named reads the same stream of JSON cases\n"
    "from standard input on every core and writes the header, then one\n"
    "row per assessed case in input order; a bad case gets no row (stderr\n"
    "names its line) and the batch exits 3.\n"
    "\n"
    "With several files, json prints one assessment per line (JSON Lines)\n"
    "and md separates the memos with a rule; html takes one file.\n"
    "\n"
    "A case whose \"expected\" verdicts differ from the assessment gets one\n"
    "line on stderr per lens; the exit status stays 0.\n"
    "\n"
    "Exit status: 0 ok, 65 a case is invalid (nothing is written),\n"
    "3 jsonl or csv stream: some cases rejected (the others written),\n"
    "1 runtime error,\n"
    "2 usage error.\n";

#define ASSESS_EXIT_REJECTED 3 /* jsonl: cases rejected, the rest written */
#define ASSESS_SAVES_MAX 1000000 /* assessments one --save run keeps */

/* The assessments of a --save run, written together at the end. */
typedef struct assess_saves {
    lk_store_record *recs; /* case_id, case_sha256, assessment owned */
    size_t n;              /* records kept */
    size_t alloc;          /* records allocated */
    char saved_at[32];     /* the run's time, ISO 8601 UTC */
} assess_saves;

/* The command line of one run. */
typedef struct assess_run {
    const char *format;       /* --format as given */
    const char *profile;      /* --profile, NULL for the default */
    const char *output;       /* -o, NULL for stdout */
    int compact;              /* 1 compact JSON, 0 pretty, -1 not said */
    lk_report_format rf;      /* parsed format */
    lk_assess_options aopts;  /* what-if, precedents */
    lk_report_options ropts;  /* the memo's date, author, classification */
    char today[16];           /* the default date, YYYY-MM-DD */
    char **files;             /* the case files */
    int n;                    /* number of files */
    int jsonl;                /* --format jsonl, or csv from stdin: the
                                 stream on every core */
    int csv_stream;           /* --format csv without FILE */
    unsigned jobs;            /* --jobs, 0: every core */
    int strict;               /* --strict */
    int what_if;              /* --what-if */
    int precedents;           /* --precedents */
    int save;                 /* --save */
    assess_saves *saves;      /* the records of --save */
} assess_run;

/* Parse the options into "r"; returns 0, or the exit status to stop
 * with (-1 for a help that was printed). */
static int assess_parse(assess_run *r, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"profile", required_argument, 0, 'p'},
        {"output", required_argument, 0, 'o'},
        {"no-what-if", no_argument, 0, 'W'},
        {"no-precedents", no_argument, 0, 'P'},
        {"compact", no_argument, 0, 'c'},
        {"pretty", no_argument, 0, 'r'},
        {"date", required_argument, 0, 'D'},
        {"author", required_argument, 0, 'A'},
        {"classification", required_argument, 0, 'C'},
        {"jobs", required_argument, 0, 'j'},
        {"strict", no_argument, 0, 'S'},
        {"what-if", no_argument, 0, 'w'},
        {"precedents", no_argument, 0, 'e'},
        {"save", no_argument, 0, 's'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    char *end;
    unsigned long jobs;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:p:o:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': r->format = optarg; break;
        case 'p': r->profile = optarg; break;
        case 'o': r->output = optarg; break;
        case 'W': r->aopts.flags |= LK_ASSESS_NO_WHATIF; break;
        case 'P': r->aopts.flags |= LK_ASSESS_NO_PRECEDENTS; break;
        case 'c': r->compact = 1; break;
        case 'r': r->compact = 0; break;
        case 'D': r->ropts.date = optarg; break;
        case 'A': r->ropts.author = optarg; break;
        case 'C': r->ropts.classification = optarg; break;
        case 'j':
            jobs = strtoul(optarg, &end, 10);
            if (*optarg < '1' || *optarg > '9' || *end != '\0' ||
                jobs > 256)
                return cli_usage("assess", "--jobs '%s' is not a number "
                                           "from 1 to 256", optarg);
            r->jobs = (unsigned)jobs;
            break;
        case 'S': r->strict = 1; break;
        case 'w': r->what_if = 1; break;
        case 'e': r->precedents = 1; break;
        case 's': r->save = 1; break;
        case 'h': fputs(assess_help, stdout); return -1;
        default:
            return cli_bad_option("assess", c, argv);
        }
    }
    r->files = argv + optind;
    r->n = argc - optind;
    return 0;
}

/* Check --date, or make it today's date in UTC. */
static int assess_date(assess_run *r)
{
    int32_t days;
    time_t now;
    struct tm tm;
    if (r->ropts.date != NULL) {
        if (strlen(r->ropts.date) != 10 ||
            lk_date_parse(r->ropts.date, &days) < 0)
            return cli_usage("assess", "--date '%s' is not a date "
                                       "(YYYY-MM-DD)",
                             r->ropts.date);
        return 0;
    }
    now = time(NULL);
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(r->today, sizeof(r->today), "%Y-%m-%d", &tm) == 0)
        return 0; /* no clock: the memo says its date is not stated */
    r->ropts.date = r->today;
    return 0;
}

/* Check the parsed command line and settle the defaults. */
static int assess_settle(assess_run *r)
{
    int status;
    if (r->format != NULL && strcmp(r->format, "jsonl") == 0) {
        if (r->save)
            return cli_usage("assess", "--save does not go with --format "
                                       "jsonl");
        r->jsonl = 1;
        r->rf = LK_REPORT_JSON;
        if (!r->what_if)
            r->aopts.flags |= LK_ASSESS_NO_WHATIF;
        if (!r->precedents)
            r->aopts.flags |= LK_ASSESS_NO_PRECEDENTS;
        if (r->what_if && (r->aopts.flags & LK_ASSESS_NO_WHATIF))
            return cli_usage("assess", "--what-if and --no-what-if");
        if (r->precedents && (r->aopts.flags & LK_ASSESS_NO_PRECEDENTS))
            return cli_usage("assess", "--precedents and --no-precedents");
        return 0;
    }
    if (r->format != NULL && strcmp(r->format, "csv") == 0 && r->n == 0) {
        if (r->save || r->what_if || r->precedents)
            return cli_usage("assess", "--save, --what-if and --precedents "
                                       "do not go with CSV from standard "
                                       "input");
        r->jsonl = r->csv_stream = 1;
        r->rf = LK_REPORT_CSV;
        r->aopts.flags |= LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
        return 0;
    }
    if (r->jobs > 0 || r->strict || r->what_if || r->precedents)
        return cli_usage("assess", "--jobs, --strict, --what-if and "
                                   "--precedents go with --format jsonl "
                                   "(--jobs and --strict also with csv "
                                   "from standard input)");
    if (r->n <= 0)
        return cli_usage("assess", "no case file given");
    status = assess_date(r);
    if (status != 0)
        return status;
    if (lk_report_format_parse(&r->rf, r->format) < 0 ||
        r->rf == LK_REPORT_TEXT)
        return cli_usage("assess", "unknown format '%s' (json, md, html, csv)",
                         r->format);
    if (r->rf == LK_REPORT_CSV) /* no what-if or precedent columns */
        r->aopts.flags |= LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    if (r->rf == LK_REPORT_HTML && r->n > 1)
        return cli_usage("assess", "--format html takes one case file");
    if (r->compact < 0)
        r->compact = r->n > 1 || !isatty(STDOUT_FILENO) || r->output != NULL;
    if (r->n > 1)
        r->compact = 1;
    r->ropts.flags = r->compact ? LK_REPORT_COMPACT : 0;
    return 0;
}

/* One line on stderr for each lens whose verdict is not the one the case
 * "file" expects. */
static void assess_expected(const lk_assessment *a, const char *file)
{
    size_t i, n = lk_explain_expected_count(a);
    for (i = 0; i < n; i++) {
        lk_expected_view ev;
        lk_explain_expected(a, i, &ev);
        if (!ev.matches)
            fprintf(stderr, "leaklaw: %s: expected %s to be %s, got %s\n",
                    file, ev.lens, ev.expected, ev.got);
    }
}

/* Load and check case "i"; a bad case is reported and its exit status
 * folded into "*status" (65 wins over the others). */
static lk_case *assess_load(const assess_run *r, const lk_law *law, int i,
                            int *status)
{
    lk_case *cs = NULL;
    lk_error err;
    int error, code;
    lk_error_clear(&err);
    error = cli_case_load(&cs, r->files[i], &err);
    if (error == 0)
        error = lk_law_check_case(law, cs, cli_diag, NULL, &err);
    if (error == 0)
        return cs;
    code = error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
    if (error != LK_EINVALID && error != LK_EIO)
        cli_error(&err);
    if (code == LK_EXIT_DATAERR || *status == LK_EXIT_OK)
        *status = code;
    lk_case_free(cs);
    return NULL;
}

/* Free the records of "sv". Cannot fail. */
static void assess_saves_dispose(assess_saves *sv)
{
    size_t i;
    for (i = 0; i < sv->n; i++) {
        lk_free((char *)sv->recs[i].case_id);
        lk_free((char *)sv->recs[i].case_sha256);
        lk_free((char *)sv->recs[i].assessment);
    }
    lk_free(sv->recs);
    memset(sv, 0, sizeof(*sv));
}

/*
 * Keep the record of assessment "a" for --save: "json" (owned, taken
 * here) is its JSON; the law's strings are borrowed (the law outlives
 * the run), the case's copied.
 */
static int assess_keep(assess_saves *sv, const lk_law *law,
                       const lk_assessment *a, char *json, lk_error *err)
{
    const lk_case *cs = lk_assessment_case(a);
    lk_store_record *rec;
    size_t t, n = lk_law_target_count(law);
    if (sv->n == sv->alloc) {
        size_t na = sv->alloc ? 2 * sv->alloc : 16;
        lk_store_record *p = NULL;
        if (na <= ASSESS_SAVES_MAX)
            p = lk_realloc(sv->recs, na * sizeof(*p));
        if (p == NULL) {
            lk_free(json);
            return na > ASSESS_SAVES_MAX
                       ? lk_error_set(err, LK_ETOOBIG, "more than %d "
                                      "assessments to save", ASSESS_SAVES_MAX)
                       : lk_error_set_oom(err);
        }
        sv->recs = p;
        sv->alloc = na;
    }
    rec = &sv->recs[sv->n++];
    memset(rec, 0, sizeof(*rec));
    rec->assessment = json;
    rec->case_id = lk_strdup(lk_case_id(cs));
    rec->case_sha256 = lk_strdup(lk_case_sha256(cs));
    if (rec->case_id == NULL || rec->case_sha256 == NULL)
        return lk_error_set_oom(err);
    rec->rules_name = lk_law_name(law);
    rec->rules_version = lk_law_version(law);
    rec->rules_sha256 = lk_law_sha256(law);
    rec->profile = lk_law_profile(law);
    rec->saved_at = sv->saved_at;
    for (t = 0; t < n && rec->nverdicts < LK_STORE_MAX_LENSES; t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        if (ti->kind != LK_TARGET_LENS)
            continue;
        rec->verdicts[rec->nverdicts].lens = ti->id;
        rec->verdicts[rec->nverdicts].verdict = lk_assessment_verdict(a,
                                                                      ti->id);
        rec->nverdicts++;
    }
    return 0;
}

/* The JSON of "a" to save: "text" when the run renders JSON, else a
 * compact rendering. Owned by caller: release with lk_free. */
static int assess_save_json(char **out, const assess_run *r,
                            const lk_assessment *a, const char *text,
                            size_t len, lk_error *err)
{
    lk_report_options ropts = LK_REPORT_OPTIONS_INIT;
    char *json = NULL;
    size_t jlen = 0;
    int error;
    if (r->rf == LK_REPORT_JSON) {
        *out = lk_strndup(text, len);
        return *out ? 0 : lk_error_set_oom(err);
    }
    ropts.flags = LK_REPORT_COMPACT;
    error = lk_report_render_ext(&json, &jlen, a, LK_REPORT_JSON, &ropts,
                                 err);
    if (error == 0) {
        *out = lk_strndup(json, jlen);
        if (*out == NULL)
            error = lk_error_set_oom(err);
    }
    lk_report_free(json);
    return error;
}

/* Assess case "cs" (number "i") and write it to "sink". */
static int assess_one(const assess_run *r, const lk_law *law,
                      const lk_case *cs, int i, cli_sink *sink)
{
    lk_assessment *a = NULL;
    lk_error err;
    char *text = NULL;
    size_t len = 0;
    lk_report_options ropts = r->ropts;
    int error;
    if (i == 0)
        ropts.flags |= LK_REPORT_CSV_HEADER;
    lk_error_clear(&err);
    error = lk_assess(&a, law, cs, &r->aopts, &err);
    if (error == 0)
        error = lk_report_render_ext(&text, &len, a, r->rf, &ropts, &err);
    if (error == 0 && r->save) {
        char *json = NULL;
        error = assess_save_json(&json, r, a, text, len, &err);
        if (error == 0)
            error = assess_keep(r->saves, law, a, json, &err);
    }
    if (error == 0) {
        assess_expected(a, r->files[i]);
        if (i > 0 && r->rf == LK_REPORT_MD)
            cli_sink_write(sink, "\n---\n\n", 6);
        cli_sink_write(sink, text, len);
    }
    lk_report_free(text);
    lk_assessment_free(a);
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    return LK_EXIT_OK;
}

/* Every case, one at a time, so memory does not grow with the batch;
 * after a bad input the rest are still validated, but nothing is
 * committed. */
static int assess_batch(const assess_run *r, const lk_law *law,
                        cli_sink *sink)
{
    int i, status = LK_EXIT_OK, failed = 0;
    for (i = 0; i < r->n && !failed; i++) {
        lk_case *cs = assess_load(r, law, i, &status);
        if (cs != NULL && status == LK_EXIT_OK) {
            status = assess_one(r, law, cs, i, sink);
            failed = status != LK_EXIT_OK; /* not the input: stop */
        }
        lk_case_free(cs);
    }
    return status;
}

/* The state of a jsonl run, shared with the emit callback. */
typedef struct assess_stream {
    const assess_run *r;
    cli_sink *sink;  /* NULL: straight to standard output */
    int rejected;    /* a case was rejected */
    int failed;      /* writing failed */
} assess_stream;

/* Emit callback: write the record, report a rejected case (stopping the
 * batch under --strict) and the expected verdicts that differ. */
static int assess_stream_emit(const lk_batch_item *item, void *payload)
{
    assess_stream *st = payload;
    char name[CLI_PATH_MAX + 32];
    const char *p, *nl;
    if (item->assessment == NULL) {
        st->rejected = 1;
        for (p = item->errors; p != NULL && *p != '\0'; p = nl + 1) {
            nl = strchr(p, '\n');
            if (nl == NULL)
                break;
            fprintf(stderr, "leaklaw: %.*s\n", (int)(nl - p), p);
        }
        if (st->r->strict)
            return 1;
        if (st->r->csv_stream) /* no row: stderr names the line */
            return 0;
    } else {
        if (item->line > 0)
            snprintf(name, sizeof(name), "%s:%lu", item->source, item->line);
        else
            snprintf(name, sizeof(name), "%s", item->source);
        assess_expected(item->assessment, name);
    }
    if (st->sink != NULL)
        cli_sink_write(st->sink, item->record, item->len);
    else if (fwrite(item->record, 1, item->len, stdout) != item->len)
        st->failed = 1;
    return st->failed;
}

/* 1 for a case file's name in a directory: *.json, *.yaml, *.yml. */
static int assess_case_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.')
        return 0;
    return (n > 5 && strcmp(name + n - 5, ".json") == 0) ||
           (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* Queue input "path": a directory's case files, standard input's lines
 * ("-"), or one case file. */
static int assess_stream_add(lk_batch *b, const char *path, lk_error *err)
{
    char **names = NULL, full[CLI_PATH_MAX];
    size_t i, n = 0;
    struct stat st;
    int error;
    if (strcmp(path, "-") == 0)
        return lk_batch_read_jsonl(b, stdin, "<stdin>", err);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return lk_batch_add_file(b, path, err); /* a worker says why */
    error = lk_dir_names(&names, &n, path, assess_case_name,
                         (size_t)10000000, "case files", err);
    for (i = 0; i < n && error == 0; i++) {
        if ((size_t)snprintf(full, sizeof(full), "%s/%s", path, names[i]) >=
            sizeof(full))
            error = lk_error_set(err, LK_ETOOBIG, "%s/%s: path too long",
                                 path, names[i]);
        else
            error = lk_batch_add_file(b, full, err);
    }
    lk_dir_names_free(names, n);
    return error;
}

/* --format jsonl: stream the cases through a batch on every core. */
static int assess_stream_run(const assess_run *r, const lk_law *law)
{
    lk_batch_options bopts = LK_BATCH_OPTIONS_INIT;
    lk_batch *b = NULL;
    assess_stream st;
    cli_sink sink;
    lk_error err;
    int i, error, status;
    memset(&st, 0, sizeof(st));
    st.r = r;
    lk_error_clear(&err);
    bopts.jobs = r->jobs;
    bopts.assess = &r->aopts;
    bopts.csv = r->csv_stream;
    if ((r->strict || r->output != NULL) && cli_sink_open(&sink, r->output) < 0)
        return LK_EXIT_RUNTIME;
    if (r->strict || r->output != NULL)
        st.sink = &sink;
    error = lk_batch_new(&b, law, &bopts, assess_stream_emit, &st, &err);
    if (error == 0 && r->csv_stream) { /* the header, even for no case */
        char *head = NULL;
        size_t hlen = 0;
        error = lk_report_csv_header(&head, &hlen, law, &err);
        if (error == 0 && st.sink != NULL)
            cli_sink_write(st.sink, head, hlen);
        else if (error == 0 && fwrite(head, 1, hlen, stdout) != hlen)
            st.failed = 1;
        lk_report_free(head);
    }
    if (error == 0 && r->n == 0)
        error = lk_batch_read_jsonl(b, stdin, "<stdin>", &err);
    for (i = 0; i < r->n && error == 0; i++)
        error = assess_stream_add(b, r->files[i], &err);
    if (error == 0)
        error = lk_batch_finish(b, &err);
    lk_batch_free(b);
    if (error < 0)
        cli_error(&err);
    if (error < 0)
        status = error == LK_EIO ? LK_EXIT_RUNTIME : cli_exit(error);
    else if (st.failed)
        status = LK_EXIT_RUNTIME;
    else if (r->strict && st.rejected)
        status = LK_EXIT_DATAERR;
    else
        status = LK_EXIT_OK;
    if (st.sink != NULL && status == LK_EXIT_OK)
        status = cli_sink_commit(&sink);
    else if (st.sink != NULL)
        cli_sink_abort(&sink);
    if (st.sink == NULL && fflush(stdout) != 0 && status == LK_EXIT_OK)
        status = LK_EXIT_RUNTIME;
    if (status == LK_EXIT_OK && st.rejected)
        status = ASSESS_EXIT_REJECTED;
    return status;
}

/* --save: write every kept record in one transaction; exit status. */
static int assess_save_all(const assess_saves *sv)
{
    lk_store *st = NULL;
    lk_error err;
    size_t i;
    int status, error;
    status = cli_store_open(&st, CLI_STORE_WRITE);
    if (status != 0)
        return status;
    lk_error_clear(&err);
    error = lk_store_begin(st, &err);
    for (i = 0; i < sv->n && error == 0; i++)
        error = lk_store_record_save(st, &sv->recs[i], &err);
    if (error == 0)
        error = lk_store_commit(st, &err);
    else
        lk_store_rollback(st);
    lk_store_close(st);
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    return LK_EXIT_OK;
}

/* The time of a --save run into "sv". */
static void assess_save_time(assess_saves *sv)
{
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm) == NULL ||
        strftime(sv->saved_at, sizeof(sv->saved_at), "%Y-%m-%dT%H:%M:%SZ",
                 &tm) == 0)
        snprintf(sv->saved_at, sizeof(sv->saved_at), "unknown");
}

/* Assess every file into "sink", save when asked, commit or abort. */
static int assess_files(const assess_run *r, const lk_law *law,
                        cli_sink *sink)
{
    int status = assess_batch(r, law, sink);
    if (status == LK_EXIT_OK && r->save)
        status = assess_save_all(r->saves);
    if (status == LK_EXIT_OK)
        status = cli_sink_commit(sink);
    else
        cli_sink_abort(sink);
    return status;
}

int cmd_assess(int argc, char **argv)
{
    assess_run r;
    assess_saves saves;
    lk_law *law = NULL;
    lk_library *lib = NULL;
    lk_store *st = NULL;
    cli_sink sink;
    int status;

    memset(&r, 0, sizeof(r));
    memset(&saves, 0, sizeof(saves));
    assess_save_time(&saves);
    r.saves = &saves;
    r.format = "json";
    r.compact = -1;
    r.aopts = (lk_assess_options)LK_ASSESS_OPTIONS_INIT;
    r.ropts = (lk_report_options)LK_REPORT_OPTIONS_INIT;
    status = assess_parse(&r, argc, argv);
    if (status == 0)
        status = assess_settle(&r);
    if (status == 0) /* never overwrite a case file of this run */
        status = cli_output_refuse(r.output, (const char *const *)r.files,
                                   (size_t)r.n);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    if (r.profile != NULL && strcmp(r.profile, "all") == 0)
        return r.jsonl ? cli_usage("assess", "--profile all does not take "
                                             "a stream (--format jsonl, or "
                                             "csv from standard input)")
                       : cli_compare(r.files, r.n, r.rf, r.output, NULL, 0);
    status = cli_law(&law, r.profile);
    if (status == 0 && r.save) { /* a broken store fails before the work */
        status = cli_store_open(&st, CLI_STORE_WRITE);
        lk_store_close(st);
    }
    if (status == 0 && !(r.aopts.flags & LK_ASSESS_NO_PRECEDENTS)) {
        status = cli_library(&lib, law);
        r.aopts.library = lib;
    }
    if (status == 0 && r.jsonl)
        status = assess_stream_run(&r, law);
    else if (status == 0 && cli_sink_open(&sink, r.output) < 0)
        status = LK_EXIT_RUNTIME;
    else if (status == 0)
        status = assess_files(&r, law, &sink);
    assess_saves_dispose(&saves);
    lk_library_free(lib);
    lk_law_free(law);
    return status;
}
