/*
 * render.c: the entry points of the renderers: lk_report_render (and
 * lk_report_render_ext, with options) picks the JSON, Markdown, HTML or
 * CSV renderer, and owns the buffer and the error
 * report; the format names are parsed here.
 */
#include <string.h>

#include "alloc.h"
#include "report_int.h"

int lk_report_render(char **out, size_t *len, const lk_assessment *a,
                     lk_report_format format, unsigned flags, lk_error *err)
{
    lk_report_options opts = LK_REPORT_OPTIONS_INIT;
    opts.flags = flags;
    return lk_report_render_ext(out, len, a, format, &opts, err);
}

int lk_report_render_ext(char **out, size_t *len, const lk_assessment *a,
                         lk_report_format format,
                         const lk_report_options *opts, lk_error *err)
{
    static const lk_report_options defaults = LK_REPORT_OPTIONS_INIT;
    unsigned flags;
    lk_buf buf;
    lk_writer w;
    int error = 0;
    if (opts == NULL)
        opts = &defaults;
    if (opts->version != LK_REPORT_OPTIONS_VERSION)
        return lk_error_set(err, LK_EINVALID,
                            "unknown report options version %u",
                            opts->version);
    flags = opts->flags;
    lk_buf_init(&buf, 0);
    switch (format) {
    case LK_REPORT_JSON: error = lk_report__json(&buf, a, flags); break;
    case LK_REPORT_MD:
        lk_writer_init(&w, &buf, 0);
        error = lk_report__memo(&w, a, NULL, opts);
        break;
    case LK_REPORT_HTML: error = lk_report__html(&buf, a, opts); break;
    case LK_REPORT_CSV: error = lk_report__csv(&buf, a, flags); break;
    default: error = LK_EINVALID; break;
    }
    if (error == 0)
        error = buf.error;
    if (error < 0) {
        lk_buf_dispose(&buf);
        if (error == LK_ENOMEM)
            return lk_error_set_oom(err);
        if (error == LK_ETOOBIG)
            return lk_error_set(err, error, "report larger than %zu bytes",
                                buf.max);
        return lk_error_set(err, error, "unknown report format");
    }
    *out = lk_buf_detach(&buf, len);
    if (*out == NULL)
        return lk_error_set_oom(err);
    return 0;
}

void lk_report_free(char *text)
{
    lk_free(text);
}

int lk_report_format_parse(lk_report_format *out, const char *name)
{
    if (strcmp(name, "json") == 0)
        *out = LK_REPORT_JSON;
    else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
        *out = LK_REPORT_MD;
    else if (strcmp(name, "html") == 0)
        *out = LK_REPORT_HTML;
    else if (strcmp(name, "csv") == 0)
        *out = LK_REPORT_CSV;
    else if (strcmp(name, "text") == 0)
        *out = LK_REPORT_TEXT;
    else
        return LK_ENOTFOUND;
    return 0;
}
