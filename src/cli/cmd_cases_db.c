/*
 * cmd_cases_db.c: the cases of the store. "cases import" validates every
 * file exactly as "leaklaw check" does and writes them in one
 * transaction (one invalid file: nothing is written); "cases list",
 * "cases show" and "cases search" read the store and the bundled library
 * (and positions), a stored case hiding a bundled one of the same id.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "cmd.h"
#include "dbopen.h"
#include "dir.h"
#include "error.h"
#include "jsonw.h"
#include "output.h"

/* Most case files one import takes. */
#define IMPORT_FILES_MAX 1000000
/* Largest case file imported, in bytes. */
#define IMPORT_FILE_MAX ((size_t)16 << 20)
/* Search hits printed unless --limit says otherwise. */
#define SEARCH_LIMIT_DEFAULT 20

static const char cases_db_help[] =
    "Usage: leaklaw [--db PATH] cases import FILE|DIR...\n"
    "       leaklaw [--db PATH] cases list [--format text|json]\n"
    "       leaklaw [--db PATH] cases show ID\n"
    "       leaklaw [--db PATH] cases search [--format text|json]\n"
    "                                        [--limit N] TEXT...\n"
    "\n"
    "import: validate each case file (every *.json, *.yaml, *.yml of a\n"
    "directory) exactly as 'leaklaw check' does, then write them all into\n"
    "the store in one transaction, replacing stored cases of the same id.\n"
    "One invalid file and nothing is written (exit 65).\n"
    "list: every case, stored and bundled (data/cases), sorted by id.\n"
    "show: the file of case ID as it was imported (or bundled).\n"
    "search: full-text search of titles, summaries, facts and sources of\n"
    "every case and of the bundled positions (data/positions); every word\n"
    "must match, a word ending in * matches as a prefix.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (default) or json\n"
    "  -n, --limit N       search: at most N hits (default 20)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 1 runtime error (the store: locked, read-only,\n"
    "corrupted, newer schema; or no such case), 2 usage error, 65 an\n"
    "invalid case file (nothing imported).\n";

/* The command line of one "cases" store subcommand. */
typedef struct cases_db_run {
    const char *sub;    /* import, list, show, search */
    int json;           /* --format json */
    unsigned long limit; /* --limit */
    char **args;        /* the operands */
    int nargs;          /* number of operands */
} cases_db_run;

/* Parse "argv" (argv[0] is the subcommand); 0, -1 after --help, or an
 * exit status. */
static int cases_db_parse(cases_db_run *r, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'},
        {"limit", required_argument, 0, 'n'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *format = "text";
    char *end;
    int c;
    r->sub = argv[0];
    r->limit = SEARCH_LIMIT_DEFAULT;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:n:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'n':
            r->limit = strtoul(optarg, &end, 10);
            if (*optarg < '1' || *optarg > '9' || *end != '\0' ||
                r->limit > LK_STORE_SEARCH_MAX)
                return cli_usage("cases", "--limit '%s' is not a number "
                                          "from 1 to %d", optarg,
                                 LK_STORE_SEARCH_MAX);
            break;
        case 'h': fputs(cases_db_help, stdout); return -1;
        default: return cli_bad_option("cases", c, argv);
        }
    }
    if (strcmp(format, "text") && strcmp(format, "json"))
        return cli_usage("cases", "unknown format '%s' (text, json)", format);
    r->json = strcmp(format, "json") == 0;
    r->args = argv + optind;
    r->nargs = argc - optind;
    return 0;
}

/* The case files named by the operands, directories expanded (sorted):
 * "*files" points into one block of NUL-separated paths owned by
 * "(*files)[0]". Owned by caller: release with cases_db_files_free.
 * 0 or an exit status (printed). */
static int cases_db_files(char ***files, size_t *n, char **args, int nargs)
{
    lk_buf list; /* the paths, NUL-separated */
    char **names = NULL, **out = NULL, *p;
    size_t i, k, count = 0, nn = 0;
    struct stat st;
    lk_error err;
    int a, error = 0;
    lk_buf_init(&list, 0);
    lk_error_clear(&err);
    for (a = 0; a < nargs && error == 0; a++) {
        if (stat(args[a], &st) != 0 || !S_ISDIR(st.st_mode)) {
            lk_buf_put(&list, args[a], strlen(args[a]) + 1);
            count++;
            continue;
        }
        names = NULL;
        nn = 0;
        error = lk_dir_names(&names, &nn, args[a], cli_case_name,
                             IMPORT_FILES_MAX, "case files", &err);
        for (k = 0; k < nn && error == 0; k++, count++)
            if (lk_buf_printf(&list, "%s/%s", args[a], names[k]) == 0)
                lk_buf_put(&list, "", 1);
        lk_dir_names_free(names, nn);
        if (error == 0 && count > IMPORT_FILES_MAX)
            error = lk_error_set(&err, LK_ETOOBIG, "more than %d case files",
                                 IMPORT_FILES_MAX);
    }
    if (error == 0 && list.error == LK_ENOMEM)
        error = lk_error_set_oom(&err);
    else if (error == 0 && list.error != 0)
        error = lk_error_set(&err, list.error, "too many case files");
    if (error == 0)
        out = lk_calloc(count + 1, sizeof(*out));
    if (error == 0 && out == NULL)
        error = lk_error_set_oom(&err);
    for (i = 0, p = list.ptr; error == 0 && i < count; i++) {
        out[i] = p;
        p += strlen(p) + 1;
    }
    if (error < 0) {
        cli_error(&err);
        lk_buf_dispose(&list);
        lk_free(out);
        return cli_exit(error);
    }
    *n = count;
    *files = out;
    if (count == 0)
        lk_buf_dispose(&list);
    /* out[0] owns the whole list (freed by cases_db_files_free) */
    return 0;
}

static void cases_db_files_free(char **files)
{
    if (files != NULL)
        lk_free(files[0]);
    lk_free(files);
}

/* Read, parse and check "path"; "*text" keeps the bytes when "text" is
 * not NULL. Diagnostics are printed; returns 0 or an lk_status. */
static int cases_db_load(lk_case **cs, char **text, size_t *len,
                         const lk_law *law, const char *path)
{
    char *t = NULL;
    size_t n = 0;
    lk_error err;
    int error;
    lk_error_clear(&err);
    *cs = NULL;
    error = lk_file_read(&t, &n, path, IMPORT_FILE_MAX, &err);
    if (error == 0)
        error = lk_case_parse(cs, path, t, n, cli_diag, NULL, &err);
    if (error == 0)
        error = lk_law_check_case(law, *cs, cli_diag, NULL, &err);
    if (error < 0 && error != LK_EINVALID)
        cli_error(&err); /* diagnostics were printed by cli_diag */
    if (error < 0 || text == NULL) {
        lk_case_free(*cs);
        *cs = NULL;
        lk_free(t);
        return error;
    }
    *text = t;
    *len = n;
    return 0;
}

/* Pass 1 of an import: validate every file; the worst exit status. */
static int cases_db_validate(const lk_law *law, char **files, size_t n)
{
    size_t i;
    int status = LK_EXIT_OK;
    for (i = 0; i < n; i++) {
        lk_case *cs = NULL;
        int error = cases_db_load(&cs, NULL, NULL, law, files[i]);
        if (error == LK_EINVALID || error == LK_ETOOBIG)
            status = LK_EXIT_DATAERR;
        else if (error < 0 && status == LK_EXIT_OK)
            status = cli_exit(error);
    }
    return status;
}

/* Pass 2: in one transaction, read each file again (it may have changed
 * since), check it and write it. Any failure rolls everything back. */
static int cases_db_write(lk_store *st, const lk_law *law, char **files,
                          size_t n)
{
    lk_error err;
    size_t i;
    int error;
    lk_error_clear(&err);
    error = lk_store_begin(st, &err);
    if (error < 0) {
        cli_error(&err);
        return cli_exit(error);
    }
    for (i = 0; i < n && error == 0; i++) {
        lk_case *cs = NULL;
        char *text = NULL;
        size_t len = 0;
        error = cases_db_load(&cs, &text, &len, law, files[i]);
        if (error == 0)
            error = lk_store_case_put(st, cs, text, len, &err);
        if (error == LK_EEXISTS) { /* one id in two files: bad input */
            char msg[LK_ERROR_MESSAGE_MAX];
            snprintf(msg, sizeof(msg), "%s", err.message);
            error = lk_error_set_at(&err, LK_EINVALID, files[i], 0, 0, "/id",
                                    "%s", msg);
        }
        if (error < 0 && err.code != 0)
            cli_error(&err); /* cases_db_load prints its own */
        lk_case_free(cs);
        lk_free(text);
    }
    if (error == 0) {
        error = lk_store_commit(st, &err);
        if (error < 0)
            cli_error(&err);
    } else {
        lk_store_rollback(st);
    }
    return error < 0 ? cli_exit(error) : LK_EXIT_OK;
}

/* "cases import FILE|DIR...". */
static int cases_db_import(const cases_db_run *r)
{
    lk_law *law = NULL;
    lk_store *st = NULL;
    char **files = NULL;
    size_t n = 0;
    int status;
    if (r->nargs == 0)
        return cli_usage("cases", "import: no case file or directory given");
    status = cases_db_files(&files, &n, r->args, r->nargs);
    if (status == 0 && n == 0) {
        fprintf(stderr, "leaklaw: no case file to import\n");
        status = LK_EXIT_DATAERR;
    }
    if (status == 0)
        status = cli_law(&law, NULL);
    if (status == 0)
        status = cases_db_validate(law, files, n);
    if (status == 0)
        status = cli_store_open(&st, CLI_STORE_WRITE);
    if (status == 0)
        status = cases_db_write(st, law, files, n);
    if (status == 0)
        printf("imported %zu case%s into %s\n", n, n == 1 ? "" : "s",
               lk_store_path(st));
    lk_store_close(st);
    lk_law_free(law);
    cases_db_files_free(files);
    return status;
}

/* Open the store for reading with the bundle added; 0 or exit status. */
static int cases_db_open_read(lk_store **st, lk_law **law)
{
    int status = cli_law(law, NULL);
    if (status == 0)
        status = cli_store_open(st, CLI_STORE_READ);
    if (status == 0)
        status = cli_store_bundle(*st, *law);
    return status;
}

/* Output of "cases list" and "cases search", collected in "b". */
typedef struct cases_db_out {
    lk_buf b;  /* the text written at the end */
    int json;  /* JSON rather than text */
    size_t n;  /* entries so far */
} cases_db_out;

/* Append JSON string "s" (NULL: null) to "b". */
static void cases_db_str(lk_buf *b, const char *s)
{
    if (s == NULL)
        lk_buf_puts(b, "null");
    else
        lk_jsonw_str(b, s, strlen(s));
}

/* lk_store_cases_foreach callback: one case of the listing. */
static int cases_db_list_one(const lk_store_case_info *c, void *payload)
{
    cases_db_out *o = payload;
    if (!o->json) {
        lk_buf_printf(&o->b, "%-32s %-8s %s\n", c->id, c->origin, c->title);
    } else {
        lk_buf_puts(&o->b, o->n ? ",\n    {\"id\": " : "\n    {\"id\": ");
        cases_db_str(&o->b, c->id);
        lk_buf_puts(&o->b, ", \"title\": ");
        cases_db_str(&o->b, c->title);
        lk_buf_puts(&o->b, ", \"origin\": ");
        cases_db_str(&o->b, c->origin);
        lk_buf_puts(&o->b, ", \"sha256\": ");
        cases_db_str(&o->b, c->sha256);
        lk_buf_puts(&o->b, ", \"imported_at\": ");
        cases_db_str(&o->b, c->imported_at);
        lk_buf_puts(&o->b, "}");
    }
    o->n++;
    return o->b.error != 0;
}

/* Write "o" to standard output, or report why it could not be built. */
static int cases_db_flush(cases_db_out *o, int error, lk_error *err)
{
    if (error == 0 && o->b.error == LK_ENOMEM)
        error = lk_error_set_oom(err);
    else if (error == 0 && o->b.error != 0)
        error = lk_error_set(err, o->b.error, "the output is too big");
    if (error < 0) {
        cli_error(err);
        return cli_exit(error);
    }
    fwrite(o->b.ptr ? o->b.ptr : "", 1, o->b.len, stdout);
    return LK_EXIT_OK;
}

/* "cases list". */
static int cases_db_list(const cases_db_run *r)
{
    lk_law *law = NULL;
    lk_store *st = NULL;
    cases_db_out o;
    lk_error err;
    int status, error;
    if (r->nargs > 0)
        return cli_usage("cases", "list: unexpected argument '%s'",
                         r->args[0]);
    memset(&o, 0, sizeof(o));
    lk_buf_init(&o.b, 0);
    o.json = r->json;
    status = cases_db_open_read(&st, &law);
    if (status != 0)
        goto out;
    lk_error_clear(&err);
    if (o.json)
        lk_buf_puts(&o.b, "{\n  \"format\": \"leaklaw/case-list/1\",\n"
                          "  \"cases\": [");
    error = lk_store_cases_foreach(st, cases_db_list_one, &o, &err);
    if (o.json)
        lk_buf_puts(&o.b, o.n ? "\n  ]\n}\n" : "]\n}\n");
    status = cases_db_flush(&o, error, &err);
out:
    lk_buf_dispose(&o.b);
    lk_store_close(st);
    lk_law_free(law);
    return status;
}

/* "cases show ID". */
static int cases_db_show(const cases_db_run *r)
{
    lk_law *law = NULL;
    lk_store *st = NULL;
    char *text = NULL;
    size_t len = 0;
    lk_error err;
    int status, error;
    if (r->nargs != 1)
        return cli_usage("cases", "show: expected one case id");
    status = cases_db_open_read(&st, &law);
    if (status == 0) {
        lk_error_clear(&err);
        error = lk_store_case_get(st, r->args[0], &text, &len, NULL, &err);
        if (error < 0) {
            cli_error(&err);
            status = cli_exit(error);
        } else {
            fwrite(text, 1, len, stdout);
            if (len > 0 && text[len - 1] != '\n')
                fputc('\n', stdout);
        }
    }
    lk_store_text_free(text);
    lk_store_close(st);
    lk_law_free(law);
    return status;
}

/* Append "s" to "b" with each run of white space as one space. */
static void cases_db_oneline(lk_buf *b, const char *s)
{
    const char *p;
    for (p = s; *p != '\0'; p++) {
        if (isspace((unsigned char)*p)) {
            while (isspace((unsigned char)p[1]))
                p++;
            lk_buf_put(b, " ", 1);
        } else {
            lk_buf_put(b, p, 1);
        }
    }
}

/* lk_store_search callback: one hit. */
static int cases_db_hit(const lk_store_hit *h, void *payload)
{
    cases_db_out *o = payload;
    if (!o->json) {
        lk_buf_printf(&o->b, "%-8s %-32s %-8s %s\n    ", h->kind, h->id,
                      h->origin, h->title);
        cases_db_oneline(&o->b, h->snippet);
        lk_buf_puts(&o->b, "\n");
    } else {
        lk_buf_puts(&o->b, o->n ? ",\n    {\"kind\": "
                                : "\n    {\"kind\": ");
        cases_db_str(&o->b, h->kind);
        lk_buf_puts(&o->b, ", \"id\": ");
        cases_db_str(&o->b, h->id);
        lk_buf_puts(&o->b, ", \"title\": ");
        cases_db_str(&o->b, h->title);
        lk_buf_puts(&o->b, ", \"origin\": ");
        cases_db_str(&o->b, h->origin);
        lk_buf_puts(&o->b, ", \"snippet\": ");
        cases_db_str(&o->b, h->snippet);
        lk_buf_printf(&o->b, ", \"rank\": %.6g}", h->rank);
    }
    o->n++;
    return o->b.error != 0;
}

/* "cases search TEXT...": the operands joined by spaces. */
static int cases_db_search(const cases_db_run *r)
{
    lk_law *law = NULL;
    lk_store *st = NULL;
    cases_db_out o;
    lk_buf q;
    lk_error err;
    int status, error, i;
    if (r->nargs == 0)
        return cli_usage("cases", "search: no text given");
    memset(&o, 0, sizeof(o));
    lk_buf_init(&o.b, 0);
    lk_buf_init(&q, 0);
    o.json = r->json;
    for (i = 0; i < r->nargs; i++)
        lk_buf_printf(&q, "%s%s", i ? " " : "", r->args[i]);
    lk_error_clear(&err);
    if (q.error != 0) {
        if (q.error == LK_ENOMEM)
            lk_error_set_oom(&err);
        else
            lk_error_set(&err, q.error, "the search text is too long");
        cli_error(&err);
        status = cli_exit(q.error);
        goto out;
    }
    status = cases_db_open_read(&st, &law);
    if (status != 0)
        goto out;
    if (o.json) {
        lk_buf_puts(&o.b, "{\n  \"format\": \"leaklaw/search/1\",\n"
                          "  \"query\": ");
        cases_db_str(&o.b, q.ptr);
        lk_buf_puts(&o.b, ",\n  \"hits\": [");
    }
    error = lk_store_search(st, q.ptr, r->limit, cases_db_hit, &o, &err);
    if (o.json)
        lk_buf_puts(&o.b, o.n ? "\n  ]\n}\n" : "]\n}\n");
    if (error == LK_EINVALID) { /* nothing to search for: a usage error */
        status = cli_usage("cases", "search: %s", err.message);
        goto out;
    }
    status = cases_db_flush(&o, error, &err);
    if (status == 0 && !o.json && o.n == 0)
        fprintf(stderr, "leaklaw: nothing found\n");
out:
    lk_buf_dispose(&q);
    lk_buf_dispose(&o.b);
    lk_store_close(st);
    lk_law_free(law);
    return status;
}

int cmd_cases_db(int argc, char **argv)
{
    cases_db_run r;
    int status;
    memset(&r, 0, sizeof(r));
    status = cases_db_parse(&r, argc, argv);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    if (!strcmp(r.sub, "import")) {
        if (r.json)
            return cli_usage("cases", "import: no --format");
        return cases_db_import(&r);
    }
    if (!strcmp(r.sub, "list"))
        return cases_db_list(&r);
    if (!strcmp(r.sub, "show"))
        return cases_db_show(&r);
    return cases_db_search(&r);
}
