/*
 * routes.c: the handlers of the API's routes (the table is in server.c).
 * Each reads the shared state only; what it makes belongs to the
 * response. Assessments are the same bytes as the command line's
 * (compact JSON, what-if and precedents from the library).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "jsonw.h"
#include "server_int.h"

#define JSON_TYPE "application/json"

/* Move "text" (a lk_report_* result) into "res" as 200 JSON. */
static int routes_text(lk_http_response *res, int error, char *text,
                       size_t len, const lk_error *err)
{
    char *copy;
    if (error < 0) {
        lk_report_free(text);
        return lk_server__error(res, LK_API_INTERNAL, err->message, NULL);
    }
    copy = lk_malloc(len + 1);
    if (copy == NULL) {
        lk_report_free(text);
        return lk_server__error(res, LK_API_INTERNAL, "out of memory", NULL);
    }
    memcpy(copy, text, len + 1);
    lk_report_free(text);
    lk_server__ok(res, copy, len, JSON_TYPE);
    return 0;
}

/* A copy of "len" bytes of "data" as a 200 response of "type". */
static int routes_copy(lk_http_response *res, const char *data, size_t len,
                       const char *type)
{
    char *copy = lk_malloc(len + 1);
    if (copy == NULL)
        return lk_server__error(res, LK_API_INTERNAL, "out of memory", NULL);
    memcpy(copy, data, len);
    copy[len] = '\0';
    lk_server__ok(res, copy, len, type);
    return 0;
}

/* "c" under every profile: the comparison, as JSON. */
static int routes_compare(const lk_server *s, const lk_case *c,
                          lk_http_response *res)
{
    const lk_assessment *as[LK_SERVER_MAX_PROFILES];
    lk_assessment *own[LK_SERVER_MAX_PROFILES];
    lk_assess_options o = LK_ASSESS_OPTIONS_INIT;
    lk_error err;
    char *text = NULL;
    size_t i, made = 0, len = 0;
    int error = 0;
    lk_error_clear(&err);
    o.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    for (i = 0; i < s->nlaws && error == 0; i++) {
        error = lk_assess(&own[i], s->law[i], c, &o, &err);
        made += error == 0;
        as[i] = own[i];
    }
    if (error == 0)
        error = lk_report_compare(&text, &len, as, s->nlaws, LK_REPORT_JSON,
                                  0, &err);
    for (i = 0; i < made; i++)
        lk_assessment_free(own[i]);
    if (error == LK_EINVALID)
        return lk_server__error(res, LK_API_INVALID_CASE, err.message,
                                err.pointer);
    return routes_text(res, error, text, len, &err);
}

/* Assess "c" under the profile the request names, into "res": the JSON
 * assessment, or the memo as HTML when "html". */
static int routes_assess_case(const lk_server *s, const lk_http_request *req,
                              const lk_case *c, int html,
                              lk_http_response *res)
{
    lk_assess_options o = LK_ASSESS_OPTIONS_INIT;
    lk_report_options ro = LK_REPORT_OPTIONS_INIT;
    const lk_law *law;
    lk_assessment *a = NULL;
    lk_error err;
    char *text = NULL;
    size_t len = 0;
    int error;
    if (!html && req->profile != NULL && !strcmp(req->profile, "all"))
        return routes_compare(s, c, res);
    law = lk_server__law(s, req->profile);
    if (law == NULL)
        return lk_server__error(res, LK_API_UNKNOWN_PROFILE,
                                "no such profile (GET /v1/profiles lists "
                                "them)", NULL);
    lk_error_clear(&err);
    o.library = s->lib;
    o.flags = req->flags;
    ro.flags = LK_REPORT_COMPACT;
    error = lk_assess(&a, law, c, &o, &err);
    if (error == LK_EINVALID)
        return lk_server__error(res, LK_API_INVALID_CASE, err.message,
                                err.pointer);
    if (error == 0)
        error = lk_report_render_ext(&text, &len, a,
                                     html ? LK_REPORT_HTML : LK_REPORT_JSON,
                                     &ro, &err);
    lk_assessment_free(a);
    error = routes_text(res, error, text, len, &err);
    if (error == 0 && html && res->status == 200)
        res->content_type = "text/html; charset=utf-8";
    return error;
}

/* The first diagnostic of a case that does not validate. */
typedef struct routes_diag {
    char message[LK_ERROR_MESSAGE_MAX];
    char pointer[LK_ERROR_POINTER_MAX];
    int seen;
} routes_diag;

static void routes_diag_cb(const lk_error *d, void *payload)
{
    routes_diag *rd = payload;
    if (rd->seen++)
        return;
    snprintf(rd->message, sizeof(rd->message), "%s", d->message);
    snprintf(rd->pointer, sizeof(rd->pointer), "%s", d->pointer);
}

int lk_server__parse_case(const lk_server *s, const lk_http_request *req,
                          lk_arena *arena, lk_case **out,
                          lk_http_response *res)
{
    routes_diag rd;
    json_error_t jerr;
    json_t *probe;
    lk_error err;
    lk_arena *was;
    int error;
    *out = NULL;
    memset(&rd, 0, sizeof(rd));
    lk_error_clear(&err);
    /* only the case's tree in the arena: not the error answer below */
    was = lk_alloc__json_arena(arena);
    error = lk_case_parse(out, "request.json", req->body ? req->body : "",
                          req->len, routes_diag_cb, &rd, &err);
    lk_alloc__json_arena(was);
    if (error == 0) /* its ATT&CK ids, as leaklaw check does */
        error = lk_law_check_case(s->law[0], *out, routes_diag_cb, &rd, &err);
    if (error == 0)
        return 0;
    lk_case_free(*out);
    *out = NULL;
    if (error == LK_ENOMEM)
        return lk_server__error(res, LK_API_INTERNAL, "out of memory",
                                NULL) < 0 ? -1 : 1;
    /* not a case: bad JSON, or JSON that is not a valid case? (asked only
     * now, so a valid case is parsed once) */
    probe = json_loadb(req->body ? req->body : "", req->len, 0, &jerr);
    if (probe == NULL) {
        char msg[LK_ERROR_MESSAGE_MAX];
        snprintf(msg, sizeof(msg), "line %d, column %d: %s", jerr.line,
                 jerr.column, jerr.text);
        return lk_server__error(res, LK_API_BAD_JSON, msg, NULL) < 0 ? -1 : 1;
    }
    json_decref(probe);
    return lk_server__error(res, LK_API_INVALID_CASE,
                            rd.seen ? rd.message : err.message,
                            rd.seen ? rd.pointer : err.pointer) < 0 ? -1 : 1;
}

/* The cache key of the answer to "req" about case text "data" ("len"
 * bytes) of the kind "what" (a route, with a library case's id): what,
 * profile and flags, then the data. 0, or -1 when the answer is not to
 * be cached (no cache, a profile name too long to key). */
static int routes_key(const lk_server *s, const lk_http_request *req,
                      const char *what, const char *data, size_t len,
                      unsigned char key[LK_RCACHE_KEY])
{
    char prefix[128];
    int n;
    if (s->cache == NULL)
        return -1;
    n = snprintf(prefix, sizeof(prefix), "%s%c%s%c%u", what, 0,
                 req->profile ? req->profile : "", 0, req->flags);
    if (n < 0 || (size_t)n >= sizeof(prefix))
        return -1;
    return lk_rcache_key(key, prefix, (size_t)n, data, len);
}

/* The cached answer of "key" into "res": 1, or 0 when there is none. */
static int routes_cached(const lk_server *s,
                         const unsigned char key[LK_RCACHE_KEY],
                         lk_http_response *res)
{
    const char *type = NULL;
    char *body;
    size_t len;
    if (!lk_rcache_get(s->cache, key, &body, &len, &type))
        return 0;
    lk_server__ok(res, body, len, type);
    res->cache = "hit";
    return 1;
}

/* Keep the answer in "res" under "key" when it is a success. */
static void routes_keep(const lk_server *s,
                        const unsigned char key[LK_RCACHE_KEY],
                        lk_http_response *res)
{
    if (res->status == 200 && res->body != NULL) {
        lk_rcache_put(s->cache, key, res->body, res->len, res->content_type);
        res->cache = "miss";
    }
}

/* Parse the request's body as a case and assess it (JSON or memo). The
 * answer depends only on the body's bytes, the profile and the flags. */
static int routes_posted_case(const lk_server *s, const lk_http_request *req,
                              int html, lk_http_response *res)
{
    unsigned char key[LK_RCACHE_KEY];
    lk_case *c = NULL;
    lk_arena *arena;
    int keyed, parsed, error;
    keyed = routes_key(s, req, html ? "memo" : "assess", req->body,
                       req->body ? req->len : 0, key) == 0;
    if (keyed && routes_cached(s, key, res))
        return 0;
    /* the case lives only for this request: its tree in the thread's
     * arena, as the batch does (no allocation and no free per value) */
    arena = lk_arena_thread();
    parsed = lk_server__parse_case(s, req, arena, &c, res);
    if (parsed == 0)
        error = routes_assess_case(s, req, c, html, res);
    else /* 1: the error is in "res" */
        error = parsed < 0 ? LK_ENOMEM : 0;
    lk_case_free(c);
    if (arena != NULL)
        lk_arena_reset(arena);
    if (parsed == 0 && error == 0 && keyed)
        routes_keep(s, key, res);
    return error;
}

int lk_route_assess(const lk_server *s, const lk_http_request *req,
                    const char *id, lk_http_response *res)
{
    (void)id;
    return routes_posted_case(s, req, 0, res);
}

int lk_route_memo(const lk_server *s, const lk_http_request *req,
                  const char *id, lk_http_response *res)
{
    (void)id;
    return routes_posted_case(s, req, 1, res);
}

/* Library case "id" assessed (JSON, or the memo when "html"). */
static int routes_library_case(const lk_server *s, const lk_http_request *req,
                               const char *id, int html,
                               lk_http_response *res)
{
    unsigned char key[LK_RCACHE_KEY];
    lk_case *owned = NULL;
    const lk_case *c = lk_server__find_case(s, id, &owned, res);
    const char *sha;
    char what[112];
    int error, keyed, n;
    if (c == NULL)
        return res->body ? 0 : LK_ENOMEM;
    /* keyed by the case's bytes too: a stored case may change */
    sha = lk_case_sha256(c);
    n = snprintf(what, sizeof(what), "%s/%s", html ? "case-memo" : "case",
                 id);
    keyed = n > 0 && (size_t)n < sizeof(what) && sha != NULL &&
            *sha != '\0' &&
            routes_key(s, req, what, sha, strlen(sha), key) == 0;
    if (keyed && routes_cached(s, key, res)) {
        lk_case_free(owned);
        return 0;
    }
    error = routes_assess_case(s, req, c, html, res);
    lk_case_free(owned);
    if (error == 0 && keyed)
        routes_keep(s, key, res);
    return error;
}

int lk_route_case_assessment(const lk_server *s, const lk_http_request *req,
                             const char *id, lk_http_response *res)
{
    return routes_library_case(s, req, id, 0, res);
}

int lk_route_case_memo(const lk_server *s, const lk_http_request *req,
                       const char *id, lk_http_response *res)
{
    return routes_library_case(s, req, id, 1, res);
}

int lk_route_rules(const lk_server *s, const lk_http_request *req,
                   const char *id, lk_http_response *res)
{
    const lk_law *law = lk_server__law(s, req->profile);
    lk_error err;
    char *text = NULL;
    size_t len = 0;
    int error;
    (void)id;
    if (law == NULL)
        return lk_server__error(res, LK_API_UNKNOWN_PROFILE,
                                "no such profile", NULL);
    lk_error_clear(&err);
    error = lk_report_rules(&text, &len, law, LK_REPORT_JSON, &err);
    return routes_text(res, error, text, len, &err);
}

int lk_route_sources(const lk_server *s, const lk_http_request *req,
                     const char *id, lk_http_response *res)
{
    (void)req;
    (void)id;
    return routes_copy(res, s->sources, s->sources_len, JSON_TYPE);
}

int lk_route_practice(const lk_server *s, const lk_http_request *req,
                      const char *id, lk_http_response *res)
{
    (void)req;
    (void)id;
    return routes_copy(res, s->practice, s->practice_len, JSON_TYPE);
}

int lk_route_positions(const lk_server *s, const lk_http_request *req,
                       const char *id, lk_http_response *res)
{
    (void)req;
    (void)id;
    return routes_copy(res, s->positions, strlen(s->positions), JSON_TYPE);
}

int lk_route_profiles(const lk_server *s, const lk_http_request *req,
                      const char *id, lk_http_response *res)
{
    size_t i;
    lk_buf b;
    (void)req;
    (void)id;
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "{\"profiles\": [");
    for (i = 0; i < s->nlaws; i++) {
        const char *p = lk_law_profile(s->law[i]);
        const char *t = lk_law_profile_title(s->law[i]);
        lk_buf_puts(&b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        lk_jsonw_str(&b, p, strlen(p));
        lk_buf_puts(&b, ", \"title\": ");
        lk_jsonw_str(&b, t, strlen(t));
        lk_buf_puts(&b, "}");
    }
    lk_buf_puts(&b, "\n]}\n");
    if (b.error) {
        lk_buf_dispose(&b);
        return lk_server__error(res, LK_API_INTERNAL, "out of memory", NULL);
    }
    lk_server__ok(res, NULL, b.len, JSON_TYPE);
    res->body = lk_buf_detach(&b, NULL);
    return 0;
}
