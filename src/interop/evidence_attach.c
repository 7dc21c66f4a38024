/*
 * evidence_attach.c: a mail verification's summary added to a case's
 * evidence[]. The case is edited as a JSON tree with its member order
 * kept, so the only change a reader sees is the new or replaced item.
 */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "leaklaw/evidence.h"

/* Remove the mail-verification items of "ev" whose ref is "ref". */
static void evidence_drop(json_t *ev, const char *ref)
{
    size_t i;
    for (i = json_array_size(ev); i-- > 0;) {
        json_t *e = json_array_get(ev, i);
        const char *kind = json_string_value(json_object_get(e, "kind"));
        const char *r = json_string_value(json_object_get(e, "ref"));
        if (kind && r && !strcmp(kind, "mail-verification") &&
            !strcmp(r, ref))
            json_array_remove(ev, i);
    }
}

/*
 * Append to the evidence[] of "root" (created when missing or not an
 * array) an item with "ref" and "summary" (stolen), after dropping the
 * item it replaces. Returns 0 or LK_ENOMEM.
 */
static int evidence_add(json_t *root, const char *ref, json_t *summary)
{
    json_t *ev = json_object_get(root, "evidence"), *item;
    if (!json_is_array(ev)) {
        ev = json_array();
        if (ev == NULL || json_object_set_new(root, "evidence", ev) < 0)
            goto oom;
    }
    evidence_drop(ev, ref);
    item = json_object();
    if (item == NULL || json_array_append_new(ev, item) < 0)
        goto oom;
    if (json_object_set_new(item, "kind",
                            json_string("mail-verification")) < 0 ||
        json_object_set_new(item, "ref", json_string(ref)) < 0 ||
        json_object_set_new(item, "summary", summary) < 0)
        return LK_ENOMEM;
    return 0;
oom:
    json_decref(summary);
    return LK_ENOMEM;
}

/* The run's evidence summary as a JSON tree into "*out". Returns 0,
 * LK_ENOMEM or LK_ETOOBIG with "err" set. */
static int evidence_summary(json_t **out, const lk_mail_run *run,
                            lk_error *err)
{
    char *text = NULL;
    size_t len = 0;
    json_error_t jerr;
    int error = lk_mail_run_render(&text, &len, run,
                                   LK_MAIL_SUMMARY_EVIDENCE, err);
    if (error < 0)
        return error;
    *out = json_loadb(text, len, 0, &jerr);
    lk_mail_text_free(text);
    if (*out == NULL) /* the summary is always valid JSON */
        return lk_error_set_oom(err);
    return 0;
}

/* The case tree "root" as text with a final newline into "doc". Returns
 * 0 or LK_ENOMEM. */
static int evidence_dump(lk_buf *doc, const json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (text == NULL)
        return LK_ENOMEM;
    lk_buf_puts(doc, text);
    lk_buf_puts(doc, "\n");
    lk_free(text); /* jansson allocates with lk_malloc */
    return doc->error;
}

int lk_evidence_attach_mail(char **out, size_t *len_out,
                            const char *case_name, const char *case_text,
                            size_t case_len, const lk_mail_run *run,
                            const char *ref, lk_diag_cb cb, void *payload,
                            lk_error *err)
{
    json_error_t jerr;
    json_t *root = NULL, *summary = NULL;
    lk_case *check = NULL;
    lk_buf doc;
    int error = 0;

    lk_buf_init(&doc, 0);
    root = json_loadb(case_text, case_len, 0, &jerr);
    if (root == NULL) {
        error = lk_error_set_at(err, LK_EINVALID, case_name,
                                (unsigned)jerr.line, (unsigned)jerr.column,
                                NULL, "%s", jerr.text);
        goto out;
    }
    if (!json_is_object(root)) {
        error = lk_error_set_at(err, LK_EINVALID, case_name, 0, 0, NULL,
                                "a case is a JSON object");
        goto out;
    }
    error = evidence_summary(&summary, run, err);
    if (error < 0)
        goto out;
    error = evidence_add(root, ref, summary);
    if (error == 0)
        error = evidence_dump(&doc, root);
    if (error < 0) {
        error = error == LK_ENOMEM ? lk_error_set_oom(err)
                                   : lk_error_set(err, error,
                                                  "case too large");
        goto out;
    }
    /* never return a case that would not load again */
    error = lk_case_parse(&check, case_name, doc.ptr, doc.len, cb, payload,
                          err);
    lk_case_free(check);
    if (error < 0)
        goto out;
    *out = lk_buf_detach(&doc, len_out);
    if (*out == NULL)
        error = lk_error_set_oom(err);
out:
    json_decref(root);
    lk_buf_dispose(&doc);
    return error;
}

void lk_evidence_free(char *text)
{
    lk_free(text);
}
