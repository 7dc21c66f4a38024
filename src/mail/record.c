/*
 * record.c: one message's record as DESIGN §3.3 says: a JSON line with its
 * source, digest, header fields, verdict, transformation, signatures (tags
 * as signed, result, key record used) and limits, or the same as a CSV
 * row; and the outcome the run's totals keep.
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "jsonw.h"
#include "record.h"

static int record_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A tag value with all whitespace removed, as JSON, or null. */
static void record_json_tag(lk_buf *b, const lk_mail_sig *sg,
                            const char *name)
{
    const lk_mail_tag *t = lk_mail__tags_get(&sg->tl, name);
    char tmp[1024];
    size_t i, n = 0;
    if (t == NULL) {
        lk_buf_puts(b, "null");
        return;
    }
    for (i = 0; i < t->value_len && n < sizeof(tmp); i++)
        if (!record_space(t->value[i]))
            tmp[n++] = t->value[i];
    lk_jsonw_str(b, tmp, n);
}

/* A number, or null when negative (absent). */
static void record_json_num(lk_buf *b, long long v)
{
    if (v < 0)
        lk_buf_puts(b, "null");
    else
        lk_buf_printf(b, "%lld", v);
}

/* The "key" member of a signature: the record that decided, or null. */
static void record_json_key(lk_buf *b, const lk_mail_options *o,
                            const lk_mail_key *key)
{
    if (key == NULL) {
        lk_buf_puts(b, "null");
        return;
    }
    lk_buf_puts(b, "{\"name\":");
    lk_jsonw_str(b, key->name, strlen(key->name));
    if (key->from_dns) {
        lk_buf_puts(b, ",\"archive\":\"dns\",\"line\":null");
    } else {
        const char *arch = o->keys_path ? o->keys_path : o->keys->file;
        lk_buf_puts(b, ",\"archive\":");
        lk_jsonw_str(b, arch, strlen(arch));
        lk_buf_printf(b, ",\"line\":%u", key->line);
    }
    lk_buf_printf(b, ",\"type\":\"%s\",\"bits\":",
                  key->ktype == LK_MAIL_K_RSA ? "rsa" : "ed25519");
    if (key->ktype == LK_MAIL_K_RSA)
        lk_buf_printf(b, "%d}", key->bits);
    else
        lk_buf_puts(b, "256}");
}

/* The tags, result, body and header checks and flags of "sg". */
static void record_json_checks(lk_buf *b, const lk_mail_sig *sg)
{
    static const char *const tags[] = {"d", "s", "a", "c", "h", "i", "bh"};
    static const char *const flags[] = {"expired", "weak", "testing",
                                        "partial-body"};
    size_t k;
    int first = 1;
    for (k = 0; k < sizeof(tags) / sizeof(tags[0]); k++) {
        lk_buf_printf(b, "\"%s\":", tags[k]);
        record_json_tag(b, sg, tags[k]);
        lk_buf_puts(b, ",");
    }
    lk_buf_puts(b, "\"t\":");
    record_json_num(b, sg->t);
    lk_buf_puts(b, ",\"x\":");
    record_json_num(b, sg->x);
    lk_buf_puts(b, ",\"l\":");
    record_json_num(b, sg->l);
    lk_buf_printf(b, ",\"result\":\"%s\",\"body_hash\":\"%s\","
                     "\"header_signature\":\"%s\",\"flags\":[",
                  lk_mail_result_names[sg->result],
                  sg->body < 0 ? "not-computed"
                               : sg->body ? "match" : "mismatch",
                  sg->header < 0 ? "not-verified"
                                 : sg->header ? "valid" : "invalid");
    for (k = 0; k < 4; k++) {
        if (!(sg->flags & (1 << k)))
            continue;
        lk_buf_printf(b, "%s\"%s\"", first ? "" : ",", flags[k]);
        first = 0;
    }
    lk_buf_puts(b, "]");
}

/* One signature of the record. */
static void record_json_sig(lk_buf *b, const lk_mail_options *o,
                            const lk_mail_sig *sg)
{
    lk_buf_puts(b, "{");
    record_json_checks(b, sg);
    lk_buf_puts(b, ",\"key\":");
    record_json_key(b, o, sg->key);
    lk_buf_printf(b, ",\"keys_tried\":%d", sg->tried);
    if ((sg->why != NULL || sg->key_why != NULL) &&
        sg->result != LK_MAIL_R_PASS && sg->result != LK_MAIL_R_FAIL_BODY &&
        sg->result != LK_MAIL_R_FAIL_HEADER) {
        const char *why = sg->why ? sg->why : sg->key_why;
        lk_buf_puts(b, ",\"error\":");
        lk_jsonw_str(b, why, strlen(why));
    }
    lk_buf_puts(b, "}");
}

/* The CSV row of the record (file, offset, sha256, message_id, from,
 * date, verdict, transform, signatures). */
static void record_csv(lk_buf *b, const lk_mail_source *src,
                       const char *sha, const lk_mail_msg *m,
                       const lk_mail_eval *ev)
{
    static const char *const fields[] = {"message-id", "from", "date"};
    const char *tr = lk_mail__transform_name(ev->transform);
    const char *verdict = lk_mail_verdict_names[ev->verdict];
    char val[1024], num[32];
    size_t n, k;
    lk_buf res;
    int i;
    lk_csv_cell(b, src->file, strlen(src->file), 0);
    n = src->offset >= 0
            ? (size_t)snprintf(num, sizeof(num), "%lld", src->offset)
            : 0;
    lk_csv_cell(b, num, n, 0);
    lk_csv_cell(b, sha, 64, 0);
    for (k = 0; k < 3; k++) {
        n = lk_mail__field_value(m, fields[k], val, sizeof(val));
        lk_csv_cell(b, val, n, 0);
    }
    lk_csv_cell(b, verdict, strlen(verdict), 0);
    lk_csv_cell(b, tr ? tr : "", tr ? strlen(tr) : 0, 0);
    lk_buf_init(&res, 4096);
    for (i = 0; i < ev->nsig; i++)
        lk_buf_printf(&res, "%s%s:%s", i ? " " : "", ev->sig[i].domain,
                      lk_mail_result_names[ev->sig[i].result]);
    lk_csv_cell(b, res.ptr ? res.ptr : "", res.len, 1);
    if (res.error == LK_ENOMEM && b->error == 0)
        b->error = LK_ENOMEM; /* the cell lost its contents */
    lk_buf_dispose(&res);
}

/* Header field "name" of "m" as a JSON member value. */
static void record_json_field(lk_buf *b, const lk_mail_msg *m,
                              const char *name)
{
    char val[1024];
    size_t n = lk_mail__field_value(m, name, val, sizeof(val));
    lk_jsonw_str(b, val, n);
}

/* The JSON line of the record. */
static void record_json(lk_buf *b, const lk_mail_options *o,
                        const lk_mail_source *src, const char *sha,
                        const lk_mail_msg *m, const lk_mail_eval *ev)
{
    static const char *const lim[] = {"header-bytes", "line-length",
                                      "signatures", "header-fields"};
    const char *tr = lk_mail__transform_name(ev->transform);
    int k, n;
    lk_buf_puts(b, "{\"source\":{\"file\":");
    lk_jsonw_str(b, src->file, strlen(src->file));
    if (src->offset >= 0)
        lk_buf_printf(b, ",\"offset\":%lld", src->offset);
    lk_buf_printf(b, "},\"sha256\":\"%s\",\"message_id\":", sha);
    record_json_field(b, m, "message-id");
    lk_buf_puts(b, ",\"from\":");
    record_json_field(b, m, "from");
    lk_buf_puts(b, ",\"date\":");
    record_json_field(b, m, "date");
    lk_buf_printf(b, ",\"verdict\":\"%s\",\"transform\":",
                  lk_mail_verdict_names[ev->verdict]);
    if (tr)
        lk_buf_printf(b, "\"%s\"", tr);
    else
        lk_buf_puts(b, "null");
    lk_buf_puts(b, ",\"signatures\":[");
    for (k = 0; k < ev->nsig; k++) {
        if (k)
            lk_buf_puts(b, ",");
        record_json_sig(b, o, &ev->sig[k]);
    }
    lk_buf_puts(b, "],\"limits\":[");
    for (k = 0, n = 0; k < 4; k++) {
        if (!(ev->limit & (1 << k)))
            continue;
        lk_buf_printf(b, "%s\"%s\"", n++ ? "," : "", lim[k]);
    }
    lk_buf_puts(b, "]}\n");
}

void lk_mail__record_write(lk_buf *b, const lk_mail_options *o,
                           const lk_mail_source *src, const char *sha,
                           const lk_mail_msg *m, const lk_mail_eval *ev)
{
    if (o->record_format == LK_MAIL_RECORD_CSV)
        record_csv(b, src, sha, m, ev);
    else
        record_json(b, o, src, sha, m, ev);
}

void lk_mail__record_outcome(lk_mail_outcome *oc, const lk_mail_msg *m,
                             const lk_mail_eval *ev)
{
    int k;
    oc->verdict = ev->verdict;
    oc->transform = ev->transform;
    oc->limit = ev->limit;
    oc->nsig = ev->nsig < LK_MAIL_SUMMARY_SIGS ? ev->nsig
                                               : LK_MAIL_SUMMARY_SIGS;
    for (k = 0; k < oc->nsig; k++) {
        const lk_mail_sig *sg = &ev->sig[k];
        lk_mail_sigsum *s = &oc->sig[k];
        snprintf(s->domain, sizeof(s->domain), "%s", sg->domain);
        snprintf(s->key, sizeof(s->key), "%s",
                 sg->key ? sg->key->name : sg->keyname);
        s->key_line = sg->key ? sg->key->line : 0;
        s->result = sg->result;
        s->t = sg->t;
    }
    lk_mail__field_value(m, "message-id", oc->message_id,
                         sizeof(oc->message_id));
}
