/*
 * cmd_serve.c: "leaklaw serve": the HTTP API and the web interface
 * (leaklaw/server.h, docs/api.md). Loads the data once, then serves until
 * SIGTERM or SIGINT.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "cmd.h"
#include "dbopen.h"
#include "leaklaw/server.h"

#define SERVE_TOKEN_MAX 4096 /* bytes of a token file */
#define SERVE_CACHE_MB 64    /* default cache of assessments, MiB */
#define SERVE_CACHE_MB_MAX 65536
#define SERVE_MAX_BODY_MAX 1073741824ul /* 1 GiB: a body is held whole */

static const char serve_help[] =
    "Usage: leaklaw serve [--listen ADDR:PORT] [--token-file FILE]\n"
    "                     [--max-body BYTES] [--threads N] [--cache-mb N]\n"
    "                     [--data DIR]\n"
    "       leaklaw serve --api-doc\n"
    "\n"
    "Serve the HTTP API (docs/api.md) and the web interface at\n"
    "http://ADDR:PORT/ until SIGTERM or SIGINT; requests in flight finish\n"
    "first. Only a loopback address unless a token is given: then every\n"
    "request needs 'Authorization: Bearer TOKEN'. Cases posted to\n"
    "/v1/cases go to the store (leaklaw --db PATH serve to choose it).\n"
    "\n"
    "Options:\n"
    "  -l, --listen ADDR:PORT  IPv4 address and port (default\n"
    "                          127.0.0.1:8720)\n"
    "  -t, --token-file FILE   the bearer token, first line of FILE\n"
    "      --max-body BYTES    largest request body (default 1048576, at\n"
    "                          most 1 GiB); larger gets 413\n"
    "      --threads N         worker threads (default: one per core, at\n"
    "                          most 256)\n"
    "      --cache-mb N        keep up to N MiB of assessments, so the same\n"
    "                          case under the same profile is not assessed\n"
    "                          twice (default 64, at most 65536; 0: no\n"
    "                          cache)\n"
    "      --api-doc           print the API reference (docs/api.md)\n"
    "      --data DIR          data directory\n"
    "  -h, --help              show this help\n"
    "\n"
    "Exit status: 0 stopped by a signal, 1 runtime error (the data, the\n"
    "socket), 2 usage error.\n";

/* The token: the first line of "path", without its newline. */
static int serve_token(const char *path, char **out)
{
    lk_error err;
    size_t len = 0;
    lk_error_clear(&err);
    if (lk_file_read(out, &len, path, SERVE_TOKEN_MAX, &err) < 0) {
        cli_error(&err);
        return LK_EXIT_RUNTIME;
    }
    (*out)[strcspn(*out, "\r\n")] = '\0';
    if (strlen(*out) < 16)
        return cli_usage("serve", "%s: a token of at least 16 characters "
                                  "is needed", path);
    return 0;
}

/* Open the store (--db, else the default; created if needed) with the
 * bundled cases and positions added to its listing and search, and the
 * library of its cases in "lib" (assessed under "law", which the caller
 * keeps while the library lives). */
static int serve_store(lk_store **st, lk_law **law, lk_library **lib)
{
    int status = cli_law(law, NULL);
    if (status == 0)
        status = cli_store_open(st, CLI_STORE_WRITE);
    if (status == 0)
        status = cli_store_bundle(*st, *law);
    if (status == 0)
        status = cli_store_library(lib, *law);
    return status;
}

/* Print the API reference. */
static int serve_api_doc(void)
{
    char *text = NULL;
    size_t len = 0;
    if (lk_server_api_doc(&text, &len) < 0) {
        fprintf(stderr, "leaklaw: out of memory\n");
        return LK_EXIT_RUNTIME;
    }
    fwrite(text, 1, len, stdout);
    lk_report_free(text);
    return LK_EXIT_OK;
}

/* Parse the number option "opt": digits only, from 1 to "max" (strtoul
 * alone took "-1" as the largest number, lifting the body cap). */
static int serve_number(const char *opt, const char *s, unsigned long max,
                        unsigned long *out)
{
    const char *p;
    *out = 0;
    for (p = s; *p >= '0' && *p <= '9'; p++) {
        unsigned long d = (unsigned long)(*p - '0');
        if (*out > (max - d) / 10) { /* over "max": no wrap, even 32-bit */
            *out = max + 1;
            break;
        }
        *out = *out * 10 + d;
    }
    if (*s == '\0' || *out > max || *p != '\0' || *out == 0)
        return cli_usage("serve", "%s: expected a number from 1 to %lu, not "
                                  "'%s'",
                         opt, max, s);
    return 0;
}

static int serve_parse(int argc, char **argv, lk_server_options *o,
                       const char **token_file, int *api_doc,
                       unsigned long *cache_mb)
{
    static const struct option opts[] = {
        {"listen", required_argument, 0, 'l'},
        {"token-file", required_argument, 0, 't'},
        {"max-body", required_argument, 0, 'B'},
        {"threads", required_argument, 0, 'T'},
        {"cache-mb", required_argument, 0, 'C'},
        {"api-doc", no_argument, 0, 'A'},
        {"data", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    unsigned long n;
    int c, status = 0;
    optind = 1;
    opterr = 0;
    while (status == 0 &&
           (c = getopt_long(argc, argv, ":l:t:h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': o->listen = optarg; break;
        case 't': *token_file = optarg; break;
        case 'B':
            if ((status = serve_number("--max-body", optarg,
                                       SERVE_MAX_BODY_MAX, &n)) == 0)
                o->max_body = n;
            break;
        case 'T':
            if ((status = serve_number("--threads", optarg, 256, &n)) == 0)
                o->threads = (unsigned)n;
            break;
        case 'C':
            if (!strcmp(optarg, "0"))
                *cache_mb = 0;
            else if ((status = serve_number("--cache-mb", optarg,
                                            SERVE_CACHE_MB_MAX, &n)) == 0)
                *cache_mb = n;
            break;
        case 'A': *api_doc = 1; break;
        case 'd': cli_g.datadir = optarg; break;
        case 'h': fputs(serve_help, stdout); return -1;
        default: return cli_bad_option("serve", c, argv);
        }
    }
    if (status == 0 && optind < argc)
        return cli_usage("serve", "unexpected argument '%s'", argv[optind]);
    return status;
}

int cmd_serve(int argc, char **argv)
{
    lk_server_options o;
    const char *token_file = NULL;
    char *token = NULL;
    lk_server *s = NULL;
    lk_store *st = NULL;
    lk_law *law = NULL;
    lk_library *lib = NULL;
    lk_error err;
    unsigned long cache_mb = SERVE_CACHE_MB;
    int api_doc = 0, status, error;
    memset(&o, 0, sizeof(o));
    status = serve_parse(argc, argv, &o, &token_file, &api_doc, &cache_mb);
    if (status != 0)
        return status < 0 ? LK_EXIT_OK : status;
    if (api_doc)
        return serve_api_doc();
    if (token_file != NULL && (status = serve_token(token_file, &token)))
        goto out;
    o.token = token;
    status = serve_store(&st, &law, &lib);
    if (status != 0)
        goto out;
    lk_error_clear(&err);
    error = lk_server_new(&s, cli_g.datadir, &err);
    if (error == 0) {
        lk_server_set_store(s, st);
        error = lk_server_set_library(s, lib, &err);
        lib = NULL; /* the server's now */
    }
    if (error == 0 && lk_server_set_cache(s, (size_t)cache_mb << 20) < 0)
        error = lk_error_set_oom(&err);
    if (error == 0)
        error = lk_server_run(s, &o, &err);
    if (error < 0) {
        cli_error(&err);
        status = error == LK_EINVALID ? LK_EXIT_USAGE : LK_EXIT_RUNTIME;
    }
out:
    lk_server_free(s);
    lk_library_free(lib);
    lk_law_free(law);
    lk_store_close(st);
    if (token != NULL)
        memset(token, 0, strlen(token));
    lk_free(token);
    return status;
}
