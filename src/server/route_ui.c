/*
 * route_ui.c: the web interface: "/" is index.html, "/ui/NAME" its
 * assets, all embedded (ui.h); nothing is fetched from elsewhere.
 */
#include <string.h>

#include "alloc.h"
#include "server_int.h"
#include "ui.h"

int lk_route_ui(const lk_server *s, const lk_http_request *req,
                const char *id, lk_http_response *res)
{
    const char *name = strcmp(req->path, "/") == 0 ? "index.html" : id;
    size_t i;
    char *copy;
    (void)s;
    for (i = 0; i < lk_ui_nassets; i++) {
        if (strcmp(lk_ui_assets[i].name, name) != 0)
            continue;
        copy = lk_malloc(lk_ui_assets[i].len + 1);
        if (copy == NULL)
            return lk_server__error(res, LK_API_INTERNAL, "out of memory",
                                    NULL);
        memcpy(copy, lk_ui_assets[i].data, lk_ui_assets[i].len + 1);
        lk_server__ok(res, copy, lk_ui_assets[i].len, lk_ui_assets[i].type);
        return 0;
    }
    return lk_server__error(res, LK_API_NOT_FOUND, "no such asset", NULL);
}
