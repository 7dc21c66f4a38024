/*
 * route_cases.c: the cases of the API: GET /v1/cases (the store's and the
 * library's, or a full-text search), GET /v1/cases/{id}, POST /v1/cases
 * (validated, then written in one transaction), and the lookup of a case
 * by id for its assessment and memo. The store is one SQLite connection
 * shared by the worker threads: every use holds the server's lock.
 */
#include <ctype.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "jsonw.h"
#include "server_int.h"

#define CASE_MAX_BYTES ((size_t)16 << 20) /* a library case file */

/* 1 if "hay" contains "needle", ignoring ASCII case. */
static int cases_contains(const char *hay, const char *needle)
{
    size_t i, n = strlen(needle);
    if (hay == NULL)
        return 0;
    for (; *hay; hay++) {
        for (i = 0; i < n && hay[i] &&
                    tolower((unsigned char)hay[i]) ==
                        tolower((unsigned char)needle[i]);
             i++)
            ;
        if (i == n)
            return 1;
    }
    return n == 0;
}

/* JSON string member: , "key": "value". */
static void cases_member(lk_buf *b, const char *key, const char *value)
{
    lk_buf_printf(b, ", \"%s\": ", key);
    lk_jsonw_str(b, value, strlen(value));
}

/* The expected verdicts of library case "c". */
static void cases_expected(lk_buf *b, const lk_case *c)
{
    size_t i, n = lk_case_expected_count(c);
    const char *lens;
    lk_buf_puts(b, ", \"expected\": {");
    for (i = 0; i < n; i++) {
        const char *v = lk_case_expected(c, i, &lens);
        lk_buf_puts(b, i ? ", " : "");
        lk_jsonw_str(b, lens, strlen(lens));
        lk_buf_puts(b, ": ");
        lk_jsonw_str(b, v, strlen(v));
    }
    lk_buf_puts(b, "}");
}

/* The list being written: the buffer and the server. */
typedef struct cases_list {
    lk_buf *b;
    const lk_server *s;
    size_t n;
} cases_list;

/* One entry: id, title, origin, expected (library) or snippet (search). */
static void cases_entry(cases_list *l, const char *id, const char *title,
                        const char *origin, const char *snippet)
{
    const lk_case *c = strcmp(origin, "bundled") ? NULL /* no expectation */
                                                 : lk_server__case(l->s, id,
                                                                   NULL);
    lk_buf_puts(l->b, l->n++ ? ",\n  {\"id\": " : "\n  {\"id\": ");
    lk_jsonw_str(l->b, id, strlen(id));
    cases_member(l->b, "title", title);
    cases_member(l->b, "origin", origin);
    if (c != NULL)
        cases_expected(l->b, c);
    if (snippet != NULL)
        cases_member(l->b, "snippet", snippet);
    lk_buf_puts(l->b, "}");
}

static int cases_each(const lk_store_case_info *info, void *payload)
{
    cases_entry(payload, info->id, info->title, info->origin, NULL);
    return 0;
}

static int cases_hit(const lk_store_hit *hit, void *payload)
{
    if (!strcmp(hit->kind, "case"))
        cases_entry(payload, hit->id, hit->title, hit->origin, hit->snippet);
    return 0;
}

/* Without a store: the library, filtered by "q". */
static void cases_library(cases_list *l, const char *q)
{
    size_t i, n = l->s->lib ? lk_library_count(l->s->lib) : 0;
    for (i = 0; i < n; i++) {
        const lk_case *c = lk_library_case(l->s->lib, i);
        if (q == NULL || cases_contains(lk_case_title(c), q) ||
            cases_contains(lk_case_summary(c), q))
            cases_entry(l, lk_case_id(c), lk_case_title(c), "bundled",
                        NULL);
    }
}

int lk_route_cases(const lk_server *s, const lk_http_request *req,
                   const char *id, lk_http_response *res)
{
    lk_server *w = (lk_server *)s; /* the lock only */
    lk_error err;
    lk_buf b;
    cases_list l = {&b, s, 0};
    int error = 0;
    (void)id;
    lk_buf_init(&b, 0);
    lk_error_clear(&err);
    lk_buf_puts(&b, "{\"cases\": [");
    if (s->store == NULL) {
        cases_library(&l, req->q);
    } else {
        pthread_mutex_lock(&w->lock);
        error = req->q != NULL && *req->q
                    ? lk_store_search(s->store, req->q, LK_STORE_SEARCH_MAX,
                                      cases_hit, &l, &err)
                    : lk_store_cases_foreach(s->store, cases_each, &l, &err);
        pthread_mutex_unlock(&w->lock);
    }
    lk_buf_puts(&b, "\n]}\n");
    if (error == LK_EINVALID || error == LK_ETOOBIG) {
        /* the search text's fault ("*", or too long), as the command
         * line's usage error */
        char msg[LK_ERROR_MESSAGE_MAX + 8];
        lk_buf_dispose(&b);
        snprintf(msg, sizeof(msg), "q: %s", err.message);
        return lk_server__error(res, LK_API_INVALID_REQUEST, msg, NULL);
    }
    if (error < 0 || b.error) {
        lk_buf_dispose(&b);
        return lk_server__error(res, LK_API_INTERNAL,
                                error < 0 ? err.message : "out of memory",
                                NULL);
    }
    lk_server__ok(res, NULL, b.len, "application/json");
    res->body = lk_buf_detach(&b, NULL);
    return 0;
}

/* The text of case "id" from the store (NULL: none), under the lock. */
static char *cases_stored(const lk_server *s, const char *id, size_t *len,
                          int *error, lk_error *err)
{
    lk_server *w = (lk_server *)s;
    char *text = NULL;
    *error = LK_ENOTFOUND;
    if (s->store == NULL)
        return NULL;
    pthread_mutex_lock(&w->lock);
    *error = lk_store_case_get(s->store, id, &text, len, NULL, err);
    pthread_mutex_unlock(&w->lock);
    return *error == 0 ? text : NULL;
}

int lk_route_case(const lk_server *s, const lk_http_request *req,
                  const char *id, lk_http_response *res)
{
    const lk_case *c;
    lk_error err;
    char *text, *copy;
    size_t len = 0;
    int error;
    (void)req;
    lk_error_clear(&err);
    text = cases_stored(s, id, &len, &error, &err);
    if (text != NULL) {
        copy = lk_malloc(len + 1);
        if (copy != NULL)
            memcpy(copy, text, len + 1);
        lk_store_text_free(text);
        if (copy == NULL)
            return lk_server__error(res, LK_API_INTERNAL, "out of memory",
                                    NULL);
        lk_server__ok(res, copy, len, "application/json");
        return 0;
    }
    if (error != LK_ENOTFOUND)
        return lk_server__error(res, LK_API_INTERNAL, err.message, NULL);
    c = lk_server__case(s, id, NULL);
    if (c == NULL)
        return lk_server__error(res, LK_API_NOT_FOUND, "no such case", NULL);
    if (lk_file_read(&text, &len, lk_case_path(c), CASE_MAX_BYTES, &err) < 0)
        return lk_server__error(res, LK_API_INTERNAL, err.message, NULL);
    lk_server__ok(res, text, len, "application/json");
    return 0;
}

const lk_case *lk_server__find_case(const lk_server *s, const char *id,
                                    lk_case **owned, lk_http_response *res)
{
    lk_error err;
    size_t len = 0;
    int error;
    char *text;
    *owned = NULL;
    lk_error_clear(&err);
    text = cases_stored(s, id, &len, &error, &err);
    if (text == NULL && error == LK_ENOTFOUND) {
        const lk_case *c = lk_server__case(s, id, NULL);
        if (c == NULL)
            lk_server__error(res, LK_API_NOT_FOUND, "no such case", NULL);
        return c;
    }
    if (text != NULL)
        error = lk_case_parse(owned, id, text, len, NULL, NULL, &err);
    lk_store_text_free(text);
    if (error < 0) {
        lk_server__error(res, LK_API_INTERNAL, err.message, NULL);
        return NULL;
    }
    return *owned;
}

/* Write case "c" ("len" bytes of "text") in one transaction. */
static int cases_put(const lk_server *s, const lk_case *c, const char *text,
                     size_t len, lk_error *err)
{
    lk_server *w = (lk_server *)s;
    int error;
    pthread_mutex_lock(&w->lock);
    error = lk_store_begin(s->store, err);
    if (error == 0) {
        error = lk_store_case_put(s->store, c, text, len, err);
        if (error == 0)
            error = lk_store_commit(s->store, err);
        if (error < 0) /* never leave the shared connection in a write */
            lk_store_rollback(s->store);
    }
    pthread_mutex_unlock(&w->lock);
    return error;
}

int lk_route_case_post(const lk_server *s, const lk_http_request *req,
                       const char *id, lk_http_response *res)
{
    lk_case *c = NULL;
    lk_error err;
    lk_buf b;
    int error;
    (void)id;
    if (s->store == NULL)
        return lk_server__error(res, LK_API_INTERNAL, "this server has no "
                                "store (leaklaw serve opens one)", NULL);
    error = lk_server__parse_case(s, req, NULL, &c, res);
    if (error != 0)
        return error < 0 ? LK_ENOMEM : 0;
    lk_error_clear(&err);
    error = cases_put(s, c, req->body, req->len, &err);
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "{\"id\": ");
    lk_jsonw_str(&b, lk_case_id(c), strlen(lk_case_id(c)));
    cases_member(&b, "sha256", lk_case_sha256(c));
    lk_buf_puts(&b, ", \"origin\": \"store\"}\n");
    lk_case_free(c);
    if (error < 0 || b.error) {
        lk_buf_dispose(&b);
        return lk_server__error(res, error == LK_ECONFLICT ? LK_API_BUSY
                                                           : LK_API_INTERNAL,
                                error < 0 ? err.message : "out of memory",
                                NULL);
    }
    lk_server__ok(res, NULL, b.len, "application/json");
    res->body = lk_buf_detach(&b, NULL);
    res->status = 201;
    return 0;
}
