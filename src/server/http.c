/*
 * http.c: "leaklaw serve" over libmicrohttpd: the listening address
 * (loopback unless a token is set), the bearer token compared in constant
 * time, the body cap (413), idle timeouts, a connection limit, a pool of
 * worker threads, the security headers, and the orderly stop on SIGTERM
 * or SIGINT (no new connection; requests in flight finish). The requests
 * themselves are lk_server_handle's.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "server_int.h"

#define HTTP_DRAIN_SECONDS 30 /* longest wait for requests in flight */

/* One request being received: its body so far. */
typedef struct http_req {
    char *body;
    size_t len, cap;
    int too_large;
} http_req;

typedef struct http_ctx {
    const lk_server *s;
    const char *token;
    size_t max_body;
    char hosts[3][96]; /* the Host values accepted without a token */
} http_ctx;

/* Constant-time comparison of "a" (length la) and "b" (length lb). */
static int http_same(const char *a, size_t la, const char *b, size_t lb)
{
    unsigned char d = (unsigned char)(la != lb);
    size_t i;
    for (i = 0; i < la; i++)
        d |= (unsigned char)(a[i] ^ b[i % (lb ? lb : 1)]);
    return d == 0;
}

/* 1 if the request carries the server's token (or none is needed). */
static int http_authorised(struct MHD_Connection *conn, const char *token)
{
    const char *h;
    if (token == NULL)
        return 1;
    h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                    MHD_HTTP_HEADER_AUTHORIZATION);
    if (h == NULL || strncmp(h, "Bearer ", 7) != 0)
        return 0;
    return http_same(h + 7, strlen(h + 7), token, strlen(token));
}

static void http_headers(struct MHD_Response *r, const lk_http_response *res)
{
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                            res->content_type ? res->content_type
                                              : "application/json");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; "
                            "style-src 'self' 'unsafe-inline'; img-src "
                            "'self' data:; connect-src 'self'; "
                            "frame-ancestors 'none'; base-uri 'none'; "
                            "form-action 'self'");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (res->allow != NULL)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, res->allow);
    if (res->cache != NULL)
        MHD_add_response_header(r, "X-Cache", res->cache);
}

static enum MHD_Result http_send(struct MHD_Connection *conn,
                                 lk_http_response *res, int head)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        res->len, res->body, MHD_RESPMEM_MUST_COPY);
    enum MHD_Result ok;
    (void)head; /* MHD sends no body for HEAD, with the GET's length */
    if (r == NULL)
        return MHD_NO;
    http_headers(r, res);
    ok = MHD_queue_response(conn, (unsigned)res->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Append "n" bytes to the request body, up to the cap. */
static void http_append(http_req *hr, const char *data, size_t n, size_t max)
{
    char *p;
    size_t cap;
    if (hr->too_large || n > max - hr->len) {
        hr->too_large = 1;
        return;
    }
    if (hr->len + n + 1 > hr->cap) {
        cap = hr->cap ? hr->cap : 4096;
        while (cap < hr->len + n + 1)
            cap *= 2;
        p = lk_realloc(hr->body, cap);
        if (p == NULL) {
            hr->too_large = 1; /* answered as 413: nothing more is read */
            return;
        }
        hr->body = p;
        hr->cap = cap;
    }
    memcpy(hr->body + hr->len, data, n);
    hr->len += n;
    hr->body[hr->len] = '\0';
}

/* "bit" when the query sets "name" to 0. */
static unsigned http_flag(struct MHD_Connection *conn, const char *name,
                          unsigned bit)
{
    const char *v = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
                                                name);
    return v != NULL && !strcmp(v, "0") ? bit : 0u;
}

/* 1 if header "name" of "conn" is the media type "type", alone or with
 * parameters ("application/json; charset=utf-8", not
 * "application/jsonx"). */
static int http_header_is(struct MHD_Connection *conn, const char *name,
                          const char *type)
{
    const char *v = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
    size_t n = strlen(type);
    return v != NULL && !strncasecmp(v, type, n) &&
           (v[n] == '\0' || v[n] == ';' || v[n] == ' ' || v[n] == '\t');
}

/* MHD's unescaping of the path and of each query key and value, except
 * that one holding an escaped NUL ("%00") is left escaped: unescaped, it
 * would end the string early, so "/v1/cases/dnc-2016%00x" would name
 * dnc-2016 and "?profile=%00" no profile at all. Left as it is, it names
 * no case and no profile. */
static size_t http_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
    const char *p;
    (void)cls;
    (void)conn;
    for (p = strchr(s, '%'); p != NULL; p = strchr(p + 1, '%'))
        if (p[1] == '0' && p[2] == '0')
            return strlen(s);
    return MHD_http_unescape(s);
}

/*
 * The checks made on a request's headers, before its body is read: the
 * token; without a token (loopback), the Host (against DNS rebinding) and
 * the Origin (against pages of other sites: a cross-site request is
 * refused); a JSON Content-Type on POST (a form or text/plain post from
 * another page cannot be made without a preflight); a Content-Length over
 * the cap. Sets "res" and returns 1 when the request is refused.
 */
static int http_gate(const http_ctx *ctx, struct MHD_Connection *conn,
                     const char *method, lk_http_response *res)
{
    const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_HOST);
    const char *origin = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                     "Origin");
    const char *clen = MHD_lookup_connection_value(
        conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    int i, ok = 0;
    if (!http_authorised(conn, ctx->token))
        return lk_server__error(res, LK_API_UNAUTHORIZED,
                                "missing or wrong bearer token", NULL),
               1;
    for (i = 0; ctx->token == NULL && host != NULL && i < 3; i++)
        ok |= strcmp(host, ctx->hosts[i]) == 0;
    if (ctx->token == NULL && !ok)
        return lk_server__error(res, LK_API_FORBIDDEN, "unexpected Host "
                                "header (use the address the server "
                                "listens on)", NULL),
               1;
    if (ctx->token == NULL && origin != NULL &&
        (strncmp(origin, "http://", 7) || strcmp(origin + 7, host)))
        return lk_server__error(res, LK_API_FORBIDDEN, "requests from other "
                                "sites are refused", NULL),
               1;
    if (!strcmp(method, "POST") &&
        !http_header_is(conn, MHD_HTTP_HEADER_CONTENT_TYPE,
                        "application/json"))
        return lk_server__error(res, LK_API_MEDIA_TYPE, "POST bodies are "
                                "Content-Type: application/json", NULL),
               1;
    if (clen != NULL && strtoull(clen, NULL, 10) > ctx->max_body)
        return lk_server__error(res, LK_API_TOO_LARGE, "the body is larger "
                                "than the server accepts", NULL),
               1;
    return 0;
}

/* Answer the complete request "hr". */
static enum MHD_Result http_answer(const http_ctx *ctx,
                                   struct MHD_Connection *conn,
                                   const char *url, const char *method,
                                   http_req *hr)
{
    lk_http_request req;
    lk_http_response res;
    enum MHD_Result ok;
    memset(&res, 0, sizeof(res));
    if (hr->too_large)
        lk_server__error(&res, LK_API_TOO_LARGE,
                         "the body is larger than the server accepts", NULL);
    else {
        req.method = method;
        req.path = url;
        req.profile = MHD_lookup_connection_value(
            conn, MHD_GET_ARGUMENT_KIND, "profile");
        req.q = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "q");
        req.flags = http_flag(conn, "what_if", LK_ASSESS_NO_WHATIF) |
                    http_flag(conn, "precedents", LK_ASSESS_NO_PRECEDENTS);
        req.body = hr->body;
        req.len = hr->len;
        lk_server_handle(ctx->s, &req, &res);
    }
    if (res.body == NULL)
        return MHD_NO;
    ok = http_send(conn, &res, !strcmp(method, "HEAD"));
    lk_http_response_dispose(&res);
    return ok;
}

static enum MHD_Result http_handler(void *cls, struct MHD_Connection *conn,
                                    const char *url, const char *method,
                                    const char *version,
                                    const char *upload_data,
                                    size_t *upload_data_size, void **state)
{
    const http_ctx *ctx = cls;
    http_req *hr = *state;
    (void)version;
    if (hr == NULL) {
        lk_http_response res;
        enum MHD_Result ok;
        memset(&res, 0, sizeof(res));
        if (http_gate(ctx, conn, method, &res)) { /* before any body */
            ok = res.body ? http_send(conn, &res, !strcmp(method, "HEAD"))
                          : MHD_NO;
            lk_http_response_dispose(&res);
            return ok;
        }
        hr = lk_calloc(1, sizeof(*hr));
        if (hr == NULL)
            return MHD_NO;
        *state = hr;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        http_append(hr, upload_data, *upload_data_size, ctx->max_body);
        *upload_data_size = 0;
        return MHD_YES;
    }
    return http_answer(ctx, conn, url, method, hr);
}

static void http_done(void *cls, struct MHD_Connection *conn, void **state,
                      enum MHD_RequestTerminationCode code)
{
    http_req *hr = *state;
    (void)cls;
    (void)conn;
    (void)code;
    if (hr != NULL) {
        lk_free(hr->body);
        lk_free(hr);
    }
    *state = NULL;
}

/* Parse "ADDR:PORT" (IPv4) into "sa"; 1 if loopback. -1 if malformed. */
static int http_address(const char *listen, struct sockaddr_in *sa)
{
    char host[64];
    const char *colon = strrchr(listen, ':');
    char *end;
    long port;
    if (colon == NULL || (size_t)(colon - listen) >= sizeof(host))
        return -1;
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    port = strtol(colon + 1, &end, 10);
    if (*end != '\0' || port < 0 || port > 65535)
        return -1;
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
        return -1;
    return (ntohl(sa->sin_addr.s_addr) >> 24) == 127;
}

/* Block until SIGTERM or SIGINT. */
static void http_wait_signal(void)
{
    sigset_t set;
    int sig;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigwait(&set, &sig);
}

/* Stop accepting, wait for the connections in flight, stop. */
static void http_stop(struct MHD_Daemon *d)
{
    const union MHD_DaemonInfo *info;
    int waited;
    MHD_socket listener = MHD_quiesce_daemon(d);
    for (waited = 0; waited < HTTP_DRAIN_SECONDS * 10; waited++) {
        info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (info == NULL || info->num_connections == 0)
            break;
        struct timespec tenth = {0, 100000000L};
        nanosleep(&tenth, NULL);
    }
    MHD_stop_daemon(d);
    if (listener != MHD_INVALID_SOCKET)
        close(listener); /* MHD leaves a quiesced socket to the caller */
}

int lk_server_run(lk_server *s, const lk_server_options *opts,
                  lk_error *err)
{
    struct sockaddr_in sa;
    struct MHD_Daemon *d;
    http_ctx ctx;
    sigset_t set, old;
    const char *listen = opts->listen ? opts->listen : "127.0.0.1:8720";
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned max_conn = opts->max_connections ? opts->max_connections : 256u;
    unsigned threads = opts->threads ? opts->threads
                                     : (unsigned)(cores > 0 ? cores : 1);
    int loop = http_address(listen, &sa);
    if (loop < 0)
        return lk_error_set(err, LK_EINVALID, "--listen %s: expected "
                            "IPV4-ADDRESS:PORT", listen);
    if (!loop && opts->token == NULL)
        return lk_error_set(err, LK_EINVALID, "--listen %s is not a loopback "
                            "address: give --token-file", listen);
    ctx.s = s;
    ctx.token = opts->token;
    snprintf(ctx.hosts[0], sizeof(ctx.hosts[0]), "%s", listen);
    snprintf(ctx.hosts[1], sizeof(ctx.hosts[1]), "localhost:%u",
             (unsigned)ntohs(sa.sin_port));
    snprintf(ctx.hosts[2], sizeof(ctx.hosts[2]), "127.0.0.1:%u",
             (unsigned)ntohs(sa.sin_port));
    ctx.max_body = opts->max_body ? opts->max_body
                                  : LK_SERVER_MAX_BODY_DEFAULT;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, &old); /* workers inherit the mask */
    d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC,
        0, NULL, NULL, http_handler, &ctx, MHD_OPTION_SOCK_ADDR, &sa,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, max_conn,
        /* one client holding every connection open (slowly sent
         * headers) would shut the others out until they time out */
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, max_conn > 1 ? max_conn / 2 : 1u,
        MHD_OPTION_UNESCAPE_CALLBACK, http_unescape, NULL,
        MHD_OPTION_CONNECTION_TIMEOUT, opts->timeout ? opts->timeout : 30u,
        MHD_OPTION_NOTIFY_COMPLETED, http_done, NULL, MHD_OPTION_END);
    if (d == NULL) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return lk_error_set(err, LK_EIO, "cannot listen on %s", listen);
    }
    fprintf(stderr, "leaklaw: serving on http://%s/\n", listen);
    http_wait_signal();
    fprintf(stderr, "leaklaw: stopping\n");
    http_stop(d);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return 0;
}
