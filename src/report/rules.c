/*
 * rules.c: the listing of the law: every rule and intent indicator with
 * what it decides, its outcome, priority, exceptions, condition and
 * citations, as plain text or JSON (lk_report_rules).
 */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "report_int.h"

/* The citations of "r", one line each, after "indent". */
static void rules_text_cites(lk_buf *b, const lk_law *law,
                             const lk_rule_info *r, const char *indent)
{
    const char *const *c;
    for (c = r->cites; c && *c; c++) {
        const lk_source_info *s = lk_law_source_find(law, *c);
        lk_buf_printf(b, "%s%s: %s%s%s%s\n", indent, *c, s ? s->title : "?",
                      s && s->pinpoint[0] ? ", " : "", s ? s->pinpoint : "",
                      s && strcmp(s->status, "confirmed") ? " [unconfirmed]"
                                                          : "");
    }
}

static int rules_text(lk_buf *b, const lk_law *law)
{
    size_t i, n = lk_law_rule_count(law);
    lk_buf_printf(b, "# %s %s, profile %s: %zu rules and indicators\n",
                  lk_law_name(law), lk_law_version(law), lk_law_profile(law),
                  n);
    for (i = 0; i < n; i++) {
        const lk_rule_info *r = lk_law_rule(law, i);
        lk_buf_printf(b, "\n%s\n  %s %s -> %s", r->id, r->kind, r->decides,
                      r->outcome);
        if (strcmp(r->kind, "score") != 0)
            lk_buf_printf(b, " (priority %d)", r->priority);
        if (r->exception_to && r->exception_to[0])
            lk_buf_printf(b, ", exception to %s", r->exception_to[0]);
        lk_buf_printf(b, "\n  %s\n", r->text);
        rules_text_cites(b, law, r, "  cites ");
    }
    return b->error;
}

/* A NULL-terminated array of strings as a JSON array, or NULL. */
static json_t *rules_strings(const char *const *v)
{
    json_t *arr = json_array();
    for (; arr && v && *v; v++) {
        if (json_array_append_new(arr, json_string(*v)) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

/* One rule as a JSON object, or NULL when out of memory. */
static json_t *rules_json_rule(const lk_rule_info *r)
{
    json_t *when = json_loads(r->when, 0, NULL);
    return json_pack("{s:s, s:s, s:s, s:s, s:i, s:o, s:o, s:s, s:o, s:s}",
                     "id", r->id, "kind", r->kind, "decides", r->decides,
                     "outcome", r->outcome, "priority", r->priority,
                     "exception_to", rules_strings(r->exception_to), "when",
                     when ? when : json_null(), "text", r->text, "cites",
                     rules_strings(r->cites), "file", r->file);
}

static int rules_json(lk_buf *b, const lk_law *law)
{
    json_t *list = json_array(), *root;
    size_t i;
    char *text;
    int error;
    for (i = 0; list && i < lk_law_rule_count(law); i++) {
        if (json_array_append_new(list, rules_json_rule(lk_law_rule(law, i))) <
            0) {
            json_decref(list);
            list = NULL;
        }
    }
    root = json_pack("{s:{s:s, s:s, s:s}, s:s, s:o}", "rules", "name",
                     lk_law_name(law), "version", lk_law_version(law),
                     "sha256", lk_law_sha256(law), "profile",
                     lk_law_profile(law), "list", list);
    if (root == NULL)
        return LK_ENOMEM;
    text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (text == NULL)
        return LK_ENOMEM;
    error = lk_buf_puts(b, text);
    if (error == 0)
        error = lk_buf_puts(b, "\n");
    lk_free(text); /* jansson allocates with lk_malloc */
    return error;
}

int lk_report_rules(char **out, size_t *len, const lk_law *law,
                    lk_report_format format, lk_error *err)
{
    lk_buf buf;
    int error;
    lk_buf_init(&buf, 0);
    if (format == LK_REPORT_JSON)
        error = rules_json(&buf, law);
    else if (format == LK_REPORT_TEXT)
        error = rules_text(&buf, law);
    else
        error = LK_EINVALID;
    if (error < 0) {
        lk_buf_dispose(&buf);
        return error == LK_ENOMEM ? lk_error_set_oom(err)
               : error == LK_EINVALID
                   ? lk_error_set(err, error, "rules are listed as text or "
                                              "JSON")
                   : lk_error_set(err, error, "listing larger than %zu bytes",
                                  buf.max);
    }
    *out = lk_buf_detach(&buf, len);
    return *out ? 0 : lk_error_set_oom(err);
}
