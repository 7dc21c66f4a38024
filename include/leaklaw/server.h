/*
 * leaklaw/server.h: the HTTP API and web interface of "leaklaw serve"
 * (docs/api.md). The server lives in the leaklaw binary, not in
 * libleaklaw: these declarations are its contract with the command line
 * and the tests. A request is handled by lk_server_handle, a pure
 * function of the loaded data and the request (no socket), which the
 * HTTP layer (libmicrohttpd) and the fuzz target both call.
 */
#ifndef LEAKLAW_SERVER_H
#define LEAKLAW_SERVER_H

#include "assess.h"
#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

#define LK_SERVER_MAX_BODY_DEFAULT ((size_t)1 << 20) /* 1 MiB */
#define LK_SERVER_MAX_PROFILES 64                  /* profiles loaded */

typedef struct lk_server lk_server;

/** What "leaklaw serve" was asked to do. */
typedef struct lk_server_options {
    const char *listen;        /* "ADDR:PORT"; default 127.0.0.1:8720 */
    const char *token;         /* bearer token, or NULL for none */
    size_t max_body;           /* request body cap; 0: 1 MiB */
    unsigned max_connections;  /* 0: 256 */
    unsigned timeout;          /* seconds idle before a connection is
                                  closed; 0: 30 */
    unsigned threads;          /* worker threads; 0: one per core */
} lk_server_options;

/** A request, as the router sees it. */
typedef struct lk_http_request {
    const char *method;  /* "GET", "POST", ... */
    const char *path;    /* decoded path, e.g. "/v1/cases/dnc-2016" */
    const char *profile; /* ?profile=, or NULL */
    const char *q;       /* ?q=, or NULL */
    unsigned flags;      /* LK_ASSESS_NO_WHATIF, LK_ASSESS_NO_PRECEDENTS
                            from ?what_if=0, ?precedents=0 */
    const char *body;    /* request body (may hold NULs), or NULL */
    size_t len;          /* its length */
} lk_http_request;

/** A response. */
typedef struct lk_http_response {
    int status;               /* HTTP status */
    const char *content_type; /* static string */
    char *body;               /* owned, NUL-terminated */
    size_t len;
    const char *allow;        /* Allow header for 405, or NULL */
    const char *cache;        /* X-Cache header: "hit" or "miss" for a
                                 cacheable answer, or NULL */
} lk_http_response;

/**
 * CONSTRUCTOR: load what the server serves from "datadir": the law under
 * every profile, the case library, positions and State practice.
 * Read-only afterwards: worker threads share it.
 * @return 0; an error of lk_law_load, lk_library_load or
 *         lk_knowledge_load. Owned by caller: release with lk_server_free.
 */
int lk_server_new(lk_server **out, const char *datadir, lk_error *err);

void lk_server_free(lk_server *s);

struct lk_store;

/**
 * Serve the cases of "st" (borrowed: it must outlive the server; NULL:
 * the bundled library only): GET /v1/cases lists and searches it, POST
 * /v1/cases writes to it. The server serialises its use of "st".
 */
void lk_server_set_store(lk_server *s, struct lk_store *st);

/**
 * Use "lib" (owned by the server from now on) as the library of
 * precedents and of the practice report's incidents, in place of the
 * bundled one: the store's library, so that assessments are those of the
 * command line with the same --db. Its assessments may borrow a law the
 * caller keeps alive as long as the server. A case posted later is not
 * added to it. @return 0 or LK_ENOMEM (the old library kept).
 */
int lk_server_set_library(lk_server *s, lk_library *lib, lk_error *err);

/**
 * Keep the answers of assessments (POST /v1/assess and /v1/memo, GET
 * /v1/cases/{id}/assessment and /memo) in a cache of at most "bytes"
 * (0: none, the default), least recently used out first: the same case
 * bytes under the same profile and flags get the same answer without
 * being assessed again (the law and library do not change while the
 * server runs; a new library empties it). Call before serving.
 * @return 0 or LK_ENOMEM (no cache then).
 */
int lk_server_set_cache(lk_server *s, size_t bytes);

/**
 * Handle "req" into "res" (release with lk_http_response_dispose).
 * Errors are JSON {"error": {"code", "message", "pointer"}} with the
 * status of the code's row in the error table. Thread-safe.
 * @return 0, or LK_ENOMEM when even the error could not be made.
 */
int lk_server_handle(const lk_server *s, const lk_http_request *req,
                     lk_http_response *res);

void lk_http_response_dispose(lk_http_response *res);

/**
 * The API reference (docs/api.md) in Markdown, made from the route table
 * and the error table that drive the router.
 * Owned by caller: release with lk_report_free.
 */
int lk_server_api_doc(char **out, size_t *len);

/**
 * Serve "s" over HTTP with "opts" until SIGTERM or SIGINT; then stop
 * accepting, let the requests in flight finish and return 0.
 * @return 0; LK_EINVALID for a bad address, or a non-loopback address
 *         without a token; LK_EIO when the socket cannot be opened.
 */
int lk_server_run(lk_server *s, const lk_server_options *opts,
                  lk_error *err);

LK_END_DECL

#endif
