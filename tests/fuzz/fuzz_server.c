/*
 * fuzz_server.c: libFuzzer target for the request router and the JSON
 * body handling of "leaklaw serve" (lk_server_handle, no socket). The
 * input's first line is "METHOD PATH [PROFILE [Q]]", the rest the body.
 * Every request must get a response with a status and a body, never a
 * crash; an error is the API's error object. The server keeps a small
 * cache of assessments (256 KiB, so entries are evicted too), and every
 * request is handled twice: the second answer (from the cache, or not)
 * must be the first, byte for byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "leaklaw/leaklaw.h"
#include "leaklaw/server.h"

static lk_server *fuzz_server;

static void fuzz_setup(void)
{
    const char *data = getenv("LEAKLAW_DATA");
    lk_error err;
    lk_error_clear(&err);
    if (lk_server_new(&fuzz_server, data ? data : LK_DATADIR_DEFAULT,
                      &err) != 0) {
        fprintf(stderr, "fuzz_server: %s\n", err.message);
        abort();
    }
    if (lk_server_set_cache(fuzz_server, (size_t)256 << 10) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char line[512], method[16] = "", path[256] = "", profile[64] = "",
                    q[64] = "";
    const char *nl = memchr(data, '\n', size);
    size_t n = nl ? (size_t)(nl - (const char *)data) : size;
    lk_http_request req;
    lk_http_response res, again;
    if (fuzz_server == NULL)
        fuzz_setup();
    if (n >= sizeof(line))
        return 0;
    memcpy(line, data, n);
    line[n] = '\0';
    if (sscanf(line, "%15s %255s %63s %63s", method, path, profile, q) < 2)
        return 0;
    memset(&req, 0, sizeof(req));
    req.method = method;
    req.path = path;
    req.profile = profile[0] ? profile : NULL;
    req.q = q[0] ? q : NULL;
    req.flags = (unsigned)(size & 3u);
    req.body = nl ? nl + 1 : NULL;
    req.len = nl ? size - n - 1 : 0;
    if (lk_server_handle(fuzz_server, &req, &res) != 0)
        return 0;
    if (res.status < 200 || res.status > 599 || res.body == NULL)
        abort();
    if (lk_server_handle(fuzz_server, &req, &again) == 0) {
        if (again.status != res.status || again.len != res.len ||
            memcmp(again.body, res.body, res.len) != 0)
            abort();
        lk_http_response_dispose(&again);
    }
    lk_http_response_dispose(&res);
    return 0;
}
