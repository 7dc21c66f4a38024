/*
 * server.c: the state "leaklaw serve" loads once and shares read-only
 * between its worker threads, the route and error tables, the router
 * (lk_server_handle: a pure function of the state and the request) and
 * the API reference made from the same tables (docs/api.md).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "error.h"
#include "buf.h"
#include "jsonw.h"
#include "server_int.h"

#define SERVER_SOURCES_MAX ((size_t)8 << 20) /* bytes of sources.json */

const lk_api_error_info lk_api_errors[LK_API_ERRORS] = {
    {"bad-json", 400, "the body is not well-formed JSON"},
    {"invalid-case", 400, "the body is JSON but not a valid leaklaw/case/1"},
    {"invalid-request", 400, "the body is JSON but not what the route "
                             "takes, or a query parameter is not (`q=` "
                             "with no word to search for, or over 4096 "
                             "bytes)"},
    {"unknown-profile", 400, "?profile= names no profile of the data"},
    {"not-found", 404, "no such route, case or asset"},
    {"method-not-allowed", 405, "the route exists but not for this method "
                                "(the Allow header lists those it takes)"},
    {"too-large", 413, "the body is larger than the server's cap"},
    {"unauthorized", 401, "the server has a token and the request's "
                          "Authorization: Bearer header is missing or "
                          "wrong"},
    {"forbidden", 403, "without a token (loopback): a Host other than the "
                       "listening address (DNS rebinding), or an Origin "
                       "of another site"},
    {"unsupported-media-type", 415, "a POST whose Content-Type is not "
                                    "application/json"},
    {"busy", 503, "the store is locked by another writer: try again"},
    {"internal", 500, "out of memory, or another failure of the server"},
};

const lk_route lk_routes[] = {
    {"POST", "/v1/assess", lk_route_assess,
     "Assess a case: the same bytes as `leaklaw assess --format json`.",
     "`profile=NAME` (default: `default`); `profile=all`: the comparison "
     "under every profile (leaklaw/profile-comparison/1); `what_if=0`, "
     "`precedents=0`: skip them, as `--no-what-if`, `--no-precedents`",
     "a leaklaw/case/1 document (JSON)",
     "leaklaw/assessment/1, or leaklaw/profile-comparison/1"},
    {"POST", "/v1/memo", lk_route_memo,
     "The memo of a case as one printable HTML page (`leaklaw assess "
     "--format html`, undated).",
     "`profile=NAME`; `what_if=0`, `precedents=0` as for /v1/assess",
     "a leaklaw/case/1 document (JSON)", "text/html"},
    {"GET", "/v1/cases", lk_route_cases,
     "The cases: the store's and the bundled library's, each with its "
     "origin and (library) expected verdicts.",
     "`q=TEXT`: full-text search (SQLite FTS5) over titles, summaries, "
     "facts and sources, each word quoted; a server without a store (the "
     "C API's; `leaklaw serve` always has one) matches titles and "
     "summaries without regard to case",
     "", "{\"cases\": [{\"id\", \"title\", \"origin\", "
         "\"expected\"?, \"snippet\"?}]}"},
    {"POST", "/v1/cases", lk_route_case_post,
     "Store a case (validated as `leaklaw check` does; replaces a stored "
     "case of the same id): 201 with its id and SHA-256.", "",
     "a leaklaw/case/1 document (JSON)",
     "{\"id\", \"sha256\", \"origin\": \"store\"}"},
    {"GET", "/v1/cases/{id}", lk_route_case,
     "One case as filed: the store's, else the library's.", "", "",
     "leaklaw/case/1"},
    {"GET", "/v1/cases/{id}/assessment", lk_route_case_assessment,
     "The assessment of a library case.",
     "`profile=NAME`, `profile=all`; `what_if=0`, `precedents=0` as for "
     "/v1/assess",
     "", "leaklaw/assessment/1, or leaklaw/profile-comparison/1"},
    {"GET", "/v1/cases/{id}/memo", lk_route_case_memo,
     "The memo of a library case as one printable HTML page.",
     "`profile=NAME`; `what_if=0`, `precedents=0` as for /v1/assess", "",
     "text/html"},
    {"GET", "/v1/rules", lk_route_rules,
     "Every rule and indicator of the law with its citations.",
     "`profile=NAME`", "", "the rules listing (`leaklaw rules --format "
                           "json`)"},
    {"GET", "/v1/sources", lk_route_sources,
     "The catalogue of legal sources.", "", "", "leaklaw/sources/1"},
    {"GET", "/v1/profiles", lk_route_profiles,
     "The profiles (national readings of the law) the server loaded.", "",
     "", "{\"profiles\": [{\"id\", \"title\"}]}"},
    {"GET", "/v1/positions", lk_route_positions,
     "National positions and the propositions they affirm, deny or are "
     "silent on.", "", "", "{\"propositions\", \"positions\"} of "
                           "leaklaw/practice-report/1"},
    {"GET", "/v1/practice", lk_route_practice,
     "State practice: the whole report (`leaklaw practice --format json`).",
     "", "", "leaklaw/practice-report/1"},
    {"POST", "/v1/mail/verify", lk_route_mail_verify,
     "DKIM verification of a small corpus (at most 1,000 messages within "
     "the body cap; larger corpora: `leaklaw mail verify`). No DNS: keys "
     "come from the uploaded archive.", "",
     "`{\"messages\": [{\"name\", \"data\" (text) or \"base64\"}], "
     "\"keys\": key archive text (the libopendkim file or zone-file "
     "format), \"at\": verification time (Unix seconds or YYYY-MM-DD; "
     "default now)}`",
     "`{\"format\": \"leaklaw/mail-verify/1\", \"records\": [one "
     "record per message, as `mail verify --format jsonl`], "
     "\"evidence\": the counts a case's evidence takes}`"},
    {"GET", "/", lk_route_ui, "The web interface.", "", "", "text/html"},
    {"GET", "/ui/{id}", lk_route_ui, "Its assets (embedded; no CDN).", "",
     "", "CSS, JavaScript"},
};
const size_t lk_nroutes = sizeof(lk_routes) / sizeof(lk_routes[0]);

/* *.json names of a folder. */
/* The practice report of the knowledge and library (JSON), and its
 * propositions and positions alone for GET /v1/positions: made once, when
 * the library is set, not per request. */
static int server_practice(lk_server *s, lk_error *err)
{
    char *practice = NULL, *positions = NULL;
    size_t len = 0;
    json_t *all, *part = NULL;
    int error = lk_report_practice_library(&practice, &len, s->k, s->lib,
                                           LK_REPORT_JSON, err);
    if (error < 0)
        return error;
    all = json_loadb(practice, len, 0, NULL);
    if (all != NULL)
        part = json_pack("{s:O, s:O}", "propositions",
                         json_object_get(all, "propositions"), "positions",
                         json_object_get(all, "positions"));
    if (part != NULL)
        positions = json_dumps(part, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(all);
    json_decref(part);
    if (positions == NULL) {
        lk_report_free(practice);
        return lk_error_set_oom(err);
    }
    lk_report_free(s->practice);
    lk_free(s->positions);
    s->practice = practice;
    s->practice_len = len;
    s->positions = positions;
    return 0;
}

int lk_server_new(lk_server **out, const char *datadir, lk_error *err)
{
    char path[4096];
    struct stat st;
    lk_server *s = lk_calloc(1, sizeof(*s));
    int error;
    *out = NULL;
    if (s == NULL)
        return lk_error_set_oom(err);
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        lk_free(s);
        return lk_error_set(err, LK_ERROR, "cannot create a mutex");
    }
    error = lk_law_load_all(s->law, LK_SERVER_MAX_PROFILES, &s->nlaws,
                            datadir, err);
    snprintf(path, sizeof(path), "%s/cases", datadir);
    if (error == 0 && stat(path, &st) == 0)
        error = lk_library_load(&s->lib, s->law[0], path, err);
    if (error == 0)
        error = lk_knowledge_load(&s->k, datadir, err);
    snprintf(path, sizeof(path), "%s/sources.json", datadir);
    if (error == 0)
        error = lk_file_read(&s->sources, &s->sources_len, path,
                             SERVER_SOURCES_MAX, err);
    if (error == 0)
        error = server_practice(s, err);
    if (error < 0) {
        lk_server_free(s);
        return error;
    }
    *out = s;
    return 0;
}

void lk_server_free(lk_server *s)
{
    size_t i;
    if (s == NULL)
        return;
    for (i = 0; i < s->nlaws; i++)
        lk_law_free(s->law[i]);
    lk_library_free(s->lib);
    lk_knowledge_free(s->k);
    lk_free(s->sources);
    lk_report_free(s->practice);
    lk_free(s->positions);
    lk_rcache_free(s->cache);
    pthread_mutex_destroy(&s->lock);
    lk_free(s);
}

int lk_server_set_cache(lk_server *s, size_t bytes)
{
    lk_rcache_free(s->cache);
    s->cache = NULL;
    if (bytes == 0)
        return 0;
    s->cache = lk_rcache_new(bytes);
    return s->cache ? 0 : LK_ENOMEM;
}

void lk_server_set_store(lk_server *s, struct lk_store *st)
{
    s->store = st;
}

int lk_server_set_library(lk_server *s, lk_library *lib, lk_error *err)
{
    lk_library *old = s->lib;
    int error;
    s->lib = lib;
    error = server_practice(s, err);
    if (error < 0) { /* the old library and its report kept */
        s->lib = old;
        lk_library_free(lib);
        return error;
    }
    lk_library_free(old);
    lk_rcache_clear(s->cache); /* precedents come from the library */
    return 0;
}

const lk_law *lk_server__law(const lk_server *s, const char *name)
{
    size_t i;
    if (name == NULL || *name == '\0')
        return s->law[0];
    for (i = 0; i < s->nlaws; i++)
        if (!strcmp(lk_law_profile(s->law[i]), name))
            return s->law[i];
    return NULL;
}

const lk_case *lk_server__case(const lk_server *s, const char *id,
                               size_t *index)
{
    size_t i, n = s->lib ? lk_library_count(s->lib) : 0;
    for (i = 0; i < n; i++)
        if (!strcmp(lk_case_id(lk_library_case(s->lib, i)), id)) {
            if (index != NULL)
                *index = i;
            return lk_library_case(s->lib, i);
        }
    return NULL;
}

void lk_server__ok(lk_http_response *res, char *body, size_t len,
                   const char *type)
{
    res->status = 200;
    res->content_type = type;
    res->body = body;
    res->len = len;
}

int lk_server__error(lk_http_response *res, lk_api_error e,
                     const char *message, const char *pointer)
{
    lk_buf b;
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "{\"error\": {\"code\": \"");
    lk_buf_puts(&b, lk_api_errors[e].code);
    lk_buf_puts(&b, "\", \"message\": ");
    lk_jsonw_str(&b, message, strlen(message));
    lk_buf_puts(&b, ", \"pointer\": ");
    if (pointer != NULL)
        lk_jsonw_str(&b, pointer, strlen(pointer));
    else
        lk_buf_puts(&b, "null");
    lk_buf_puts(&b, "}}\n");
    res->status = lk_api_errors[e].status;
    res->content_type = "application/json";
    res->len = b.len;
    res->body = lk_buf_detach(&b, NULL);
    return res->body == NULL ? LK_ENOMEM : 0;
}

/* Match "path" against "pattern"; the "{id}" segment into "id". */
static int server_match(const char *pattern, const char *path, char *id,
                        size_t size)
{
    const char *brace = strstr(pattern, "{id}");
    size_t pre, n;
    const char *end;
    if (brace == NULL)
        return strcmp(pattern, path) == 0;
    pre = (size_t)(brace - pattern);
    if (strncmp(pattern, path, pre) != 0)
        return 0;
    end = strchr(path + pre, '/');
    n = end ? (size_t)(end - (path + pre)) : strlen(path + pre);
    if (n == 0 || n >= size || strcmp(brace + 4, end ? end : "") != 0)
        return 0;
    memcpy(id, path + pre, n);
    id[n] = '\0';
    return 1;
}

int lk_server_handle(const lk_server *s, const lk_http_request *req,
                     lk_http_response *res)
{
    static const char *const allow[] = {"GET", "POST"};
    char id[256];
    size_t i;
    int path_known = 0, methods = 0;
    memset(res, 0, sizeof(*res));
    for (i = 0; i < lk_nroutes; i++) {
        if (!server_match(lk_routes[i].pattern, req->path, id, sizeof(id)))
            continue;
        path_known = 1;
        methods |= !strcmp(lk_routes[i].method, "GET") ? 1 : 2;
        if (!strcmp(lk_routes[i].method, req->method) ||
            (!strcmp(req->method, "HEAD") &&
             !strcmp(lk_routes[i].method, "GET")))
            return lk_routes[i].fn(s, req, id, res);
    }
    if (!path_known)
        return lk_server__error(res, LK_API_NOT_FOUND, "no such route",
                                NULL);
    res->allow = methods == 3 ? "GET, HEAD, POST"
                              : methods == 1 ? "GET, HEAD" : allow[1];
    return lk_server__error(res, LK_API_METHOD,
                            "this route does not take this method", NULL);
}

void lk_http_response_dispose(lk_http_response *res)
{
    lk_free(res->body);
    res->body = NULL;
}

int lk_server_api_doc(char **out, size_t *len)
{
    lk_buf b;
    size_t i;
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "# leaklaw HTTP API\n\n"
                    "Generated from the route and error tables of "
                    "src/server/server.c by `leaklaw serve --api-doc`; a "
                    "test keeps this file equal to its output.\n\n"
                    "Every response is JSON unless stated; every error is "
                    "`{\"error\": {\"code\", \"message\", \"pointer\"}}` "
                    "(`pointer`: the JSON pointer into the body, or "
                    "null). With `--token-file`, every request needs "
                    "`Authorization: Bearer TOKEN`.\n\n## Routes\n\n");
    for (i = 0; i < lk_nroutes; i++) {
        const lk_route *r = &lk_routes[i];
        lk_buf_printf(&b, "### %s %s\n\n%s\n\n", r->method, r->pattern,
                      r->summary);
        if (*r->params)
            lk_buf_printf(&b, "- Query: %s\n", r->params);
        if (*r->body)
            lk_buf_printf(&b, "- Body: %s\n", r->body);
        lk_buf_printf(&b, "- Returns: %s\n\n", r->returns);
    }
    lk_buf_puts(&b, "## Errors\n\n| code | HTTP status | meaning |\n"
                    "|---|---|---|\n");
    for (i = 0; i < LK_API_ERRORS; i++)
        lk_buf_printf(&b, "| `%s` | %d | %s |\n", lk_api_errors[i].code,
                      lk_api_errors[i].status, lk_api_errors[i].meaning);
    if (b.error) {
        lk_buf_dispose(&b);
        return LK_ENOMEM;
    }
    *len = b.len;
    *out = lk_buf_detach(&b, NULL);
    return 0;
}
