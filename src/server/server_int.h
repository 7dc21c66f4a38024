/*
 * server_int.h (internal): the loaded state of the server, the route and
 * error tables, and the handlers of routes.c.
 */
#ifndef LK_SERVER_INT_H
#define LK_SERVER_INT_H

#include <pthread.h>

#include "leaklaw/leaklaw.h"
#include "leaklaw/server.h"
#include "leaklaw/store.h"
#include "arena.h"
#include "rcache.h"

struct lk_server {
    lk_law *law[LK_SERVER_MAX_PROFILES]; /* default first */
    size_t nlaws;
    lk_library *lib;        /* the bundled cases, or NULL */
    lk_knowledge *k;        /* positions and State practice */
    char *sources;          /* data/sources.json as read */
    size_t sources_len;
    char *practice;         /* the practice report, JSON */
    size_t practice_len;
    char *positions;        /* its propositions and positions, JSON */
    lk_store *store;        /* borrowed, or NULL */
    lk_rcache *cache;       /* answers of assessments, or NULL (none) */
    pthread_mutex_t lock;   /* serialises the use of "store" */
};

/* A route: method, path pattern ("{id}" matches one segment), handler. */
typedef int (*lk_route_fn)(const lk_server *s, const lk_http_request *req,
                           const char *id, lk_http_response *res);

typedef struct lk_route {
    const char *method;
    const char *pattern;
    lk_route_fn fn;
    const char *summary;  /* one line for docs/api.md */
    const char *params;   /* query parameters, or "" */
    const char *body;     /* what the body holds, or "" */
    const char *returns;  /* what a success returns */
} lk_route;

/* The error codes of the API and their HTTP status (docs/api.md). */
typedef enum lk_api_error {
    LK_API_BAD_JSON = 0,     /* the body is not JSON */
    LK_API_INVALID_CASE,     /* the body is not a valid case */
    LK_API_INVALID_REQUEST,  /* the body is JSON but not what the route
                                takes */
    LK_API_UNKNOWN_PROFILE,  /* ?profile= names no profile */
    LK_API_NOT_FOUND,        /* no such route or resource */
    LK_API_METHOD,           /* the route exists, not for this method */
    LK_API_TOO_LARGE,        /* the body is over the cap */
    LK_API_UNAUTHORIZED,     /* token missing or wrong */
    LK_API_FORBIDDEN,        /* another site's request, or a foreign Host */
    LK_API_MEDIA_TYPE,       /* a POST body that is not JSON by its type */
    LK_API_BUSY,             /* the store is locked by another writer */
    LK_API_INTERNAL,         /* out of memory or another failure */
    LK_API_ERRORS
} lk_api_error;

typedef struct lk_api_error_info {
    const char *code;
    int status;
    const char *meaning;
} lk_api_error_info;

extern const lk_api_error_info lk_api_errors[LK_API_ERRORS];
extern const lk_route lk_routes[];
extern const size_t lk_nroutes;

/* Set "res" to error "e" with "message" and "pointer" (NULL: none). */
int lk_server__error(lk_http_response *res, lk_api_error e,
                     const char *message, const char *pointer);

/* Set "res" to 200 with "body" (owned, moved in) of "type". */
void lk_server__ok(lk_http_response *res, char *body, size_t len,
                   const char *type);

/* The law of profile "name" (NULL: default), or NULL when unknown. */
const lk_law *lk_server__law(const lk_server *s, const char *name);

/* The library case "id", or NULL. */
const lk_case *lk_server__case(const lk_server *s, const char *id,
                               size_t *index);

/* Case "id" from the library, else from the store: *owned is set when
 * the case was parsed from the store (release with lk_case_free). NULL
 * with "res" set to the error when there is none. */
const lk_case *lk_server__find_case(const lk_server *s, const char *id,
                                    lk_case **owned, lk_http_response *res);

/* Parse the request's body as a case and check it against the law: 0
 * with *out set; 1 with "res" set to the error (bad JSON, invalid case);
 * -1 when even the error could not be made. The case's tree is built in
 * "arena" when not NULL (lk_alloc__json_arena): the caller resets it once
 * the case and all that refers to it are freed. */
int lk_server__parse_case(const lk_server *s, const lk_http_request *req,
                          lk_arena *arena, lk_case **out,
                          lk_http_response *res);

/* Handlers (routes.c). */
int lk_route_assess(const lk_server *s, const lk_http_request *req,
                    const char *id, lk_http_response *res);
int lk_route_memo(const lk_server *s, const lk_http_request *req,
                  const char *id, lk_http_response *res);
int lk_route_case_memo(const lk_server *s, const lk_http_request *req,
                       const char *id, lk_http_response *res);
int lk_route_mail_verify(const lk_server *s, const lk_http_request *req,
                         const char *id, lk_http_response *res);
int lk_route_case_post(const lk_server *s, const lk_http_request *req,
                       const char *id, lk_http_response *res);
int lk_route_cases(const lk_server *s, const lk_http_request *req,
                   const char *id, lk_http_response *res);
int lk_route_case(const lk_server *s, const lk_http_request *req,
                  const char *id, lk_http_response *res);
int lk_route_case_assessment(const lk_server *s, const lk_http_request *req,
                             const char *id, lk_http_response *res);
int lk_route_rules(const lk_server *s, const lk_http_request *req,
                   const char *id, lk_http_response *res);
int lk_route_sources(const lk_server *s, const lk_http_request *req,
                     const char *id, lk_http_response *res);
int lk_route_positions(const lk_server *s, const lk_http_request *req,
                       const char *id, lk_http_response *res);
int lk_route_practice(const lk_server *s, const lk_http_request *req,
                      const char *id, lk_http_response *res);
int lk_route_profiles(const lk_server *s, const lk_http_request *req,
                      const char *id, lk_http_response *res);
int lk_route_ui(const lk_server *s, const lk_http_request *req,
                const char *id, lk_http_response *res);

#endif
