/*
 * ui.h (internal): the web interface's files, embedded in the binary by
 * cmake/embed.cmake from src/server/ui/ (ui_assets.c, generated).
 */
#ifndef LK_SERVER_UI_H
#define LK_SERVER_UI_H

#include <stddef.h>

typedef struct lk_ui_asset {
    const char *name; /* file name, e.g. "app.js" */
    const char *type; /* Content-Type */
    const char *data; /* its bytes, NUL-terminated */
    size_t len;
} lk_ui_asset;

extern const lk_ui_asset lk_ui_assets[];
extern const size_t lk_ui_nassets;

#endif
