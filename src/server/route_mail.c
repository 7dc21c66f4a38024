/*
 * route_mail.c: POST /v1/mail/verify: DKIM verification of a small
 * corpus sent in the request (large ones go through "leaklaw mail
 * verify"). The body names the messages (text or base64), the key archive
 * (uploaded as text) and the verification time; the answer holds one
 * record per message (DESIGN §3.3, as `mail verify --format jsonl`) and
 * the counts a case's evidence takes. No DNS: keys come from the archive.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "base64.h"
#include "buf.h"
#include "server_int.h"

#define MAIL_MAX_MESSAGES 1000 /* messages in one request */

/* Collects the records of the run as a JSON array. */
static int mail_record(const char *record, size_t len, void *payload)
{
    json_t *arr = payload, *r = json_loadb(record, len, 0, NULL);
    if (r == NULL || json_array_append_new(arr, r) != 0)
        return LK_ENOMEM;
    return 0;
}

/* Fail "res" with invalid-case style error "msg" at "ptr". */
static int mail_bad(lk_http_response *res, const char *msg, const char *ptr)
{
    return lk_server__error(res, LK_API_INVALID_REQUEST, msg, ptr);
}

/* Verify message "m" (index "i") of the request in "run". */
static int mail_add(lk_mail_run *run, json_t *m, size_t i,
                    lk_http_response *res, int *failed)
{
    const char *name = json_string_value(json_object_get(m, "name"));
    const char *text = json_string_value(json_object_get(m, "data"));
    const char *b64 = json_string_value(json_object_get(m, "base64"));
    char ptr[64], label[64];
    unsigned char *raw = NULL;
    long n = 0;
    lk_error err;
    int error;
    snprintf(ptr, sizeof(ptr), "/messages/%zu", i);
    snprintf(label, sizeof(label), "message-%zu", i + 1);
    if ((text == NULL) == (b64 == NULL)) {
        *failed = 1;
        return mail_bad(res, "each message needs \"data\" (text) or "
                             "\"base64\", not both", ptr);
    }
    if (b64 != NULL) {
        raw = lk_malloc(strlen(b64) / 4 * 3 + 4);
        n = raw ? lk_base64_decode(raw, strlen(b64) / 4 * 3 + 4, b64,
                                   strlen(b64))
                : -1;
        if (n < 0) {
            lk_free(raw);
            *failed = 1;
            return mail_bad(res, "not valid base64", ptr);
        }
    }
    lk_error_clear(&err);
    error = lk_mail_run_add_buffer(run, name ? name : label,
                                   raw ? (const char *)raw : text,
                                   raw ? (size_t)n : strlen(text), &err);
    lk_free(raw);
    if (error < 0) {
        *failed = 1;
        return lk_server__error(res, LK_API_INTERNAL, err.message, NULL);
    }
    return 0;
}

/* The keys of the request ("keys": archive text), or NULL; *failed set
 * when they do not parse. */
static lk_mail_keys *mail_keys(json_t *doc, lk_http_response *res,
                               int *failed)
{
    const char *text = json_string_value(json_object_get(doc, "keys"));
    lk_mail_keys *keys = NULL;
    lk_error err;
    char msg[LK_ERROR_MESSAGE_MAX + 64];
    if (text == NULL)
        return NULL;
    lk_error_clear(&err);
    if (lk_mail_keys_parse(&keys, "keys", text, strlen(text), &err) < 0) {
        snprintf(msg, sizeof(msg), "key archive, line %u: %s", err.line,
                 err.message);
        mail_bad(res, msg, "/keys");
        *failed = 1;
    }
    return keys;
}

/* Run the verification of "doc" into "records" and "evidence". */
static int mail_run(json_t *doc, json_t *records, lk_mail_keys *keys,
                    long long at, lk_http_response *res, char **evidence)
{
    lk_mail_options o = LK_MAIL_OPTIONS_INIT;
    lk_mail_run *run = NULL;
    json_t *msgs = json_object_get(doc, "messages"), *m;
    lk_error err;
    size_t i;
    int failed = 0;
    o.keys = keys;
    o.keys_path = "keys";
    o.at = at;
    o.on_record = mail_record;
    o.record_payload = records;
    o.flags = LK_MAIL_NO_FILE_HASH;
    lk_error_clear(&err);
    if (lk_mail_run_new(&run, &o, &err) < 0)
        return lk_server__error(res, LK_API_INTERNAL, err.message, NULL);
    json_array_foreach(msgs, i, m)
    {
        if (!json_is_object(m)) {
            failed = 1;
            mail_bad(res, "expected an object {name, data|base64}",
                     "/messages");
        }
        if (failed || mail_add(run, m, i, res, &failed) < 0 || failed)
            break;
    }
    if (!failed && lk_mail_run_render(evidence, NULL, run,
                                      LK_MAIL_SUMMARY_EVIDENCE, &err) < 0) {
        failed = 1;
        lk_server__error(res, LK_API_INTERNAL, err.message, NULL);
    }
    lk_mail_run_free(run);
    return failed ? -1 : 0;
}

/* The request's checks: messages, time. */
static int mail_check(json_t *doc, long long *at, lk_http_response *res)
{
    json_t *msgs = json_object_get(doc, "messages");
    json_t *at_v = json_object_get(doc, "at"), *keys = json_object_get(doc,
                                                                       "keys");
    const char *t = json_string_value(at_v);
    if (!json_is_object(doc)) {
        mail_bad(res, "expected an object", "");
        return -1;
    }
    if (!json_is_array(msgs) || json_array_size(msgs) == 0 ||
        json_array_size(msgs) > MAIL_MAX_MESSAGES) {
        mail_bad(res, "\"messages\": 1 to 1000 messages {name, data|base64}"
                      "; larger corpora: leaklaw mail verify", "/messages");
        return -1;
    }
    *at = (long long)time(NULL);
    if (keys != NULL && !json_is_string(keys)) {
        mail_bad(res, "\"keys\": the key archive as text", "/keys");
        return -1;
    }
    if (json_is_integer(at_v) && json_integer_value(at_v) >= 0) {
        *at = (long long)json_integer_value(at_v);
        return 0;
    }
    if ((at_v != NULL && t == NULL) ||
        (t != NULL && lk_mail_time_parse(at, t) < 0)) {
        mail_bad(res, "\"at\": Unix seconds, YYYY-MM-DD or "
                      "YYYY-MM-DDTHH:MM:SSZ", "/at");
        return -1;
    }
    return 0;
}

int lk_route_mail_verify(const lk_server *s, const lk_http_request *req,
                         const char *id, lk_http_response *res)
{
    json_t *doc = json_loadb(req->body ? req->body : "", req->len, 0, NULL);
    json_t *records = json_array(), *out, *ev;
    lk_mail_keys *keys = NULL;
    char *evidence = NULL, *text;
    long long at;
    int failed = 0;
    (void)s;
    (void)id;
    if (doc == NULL) {
        json_decref(records);
        return lk_server__error(res, LK_API_BAD_JSON, "the body is not JSON",
                                NULL);
    }
    if (mail_check(doc, &at, res) < 0)
        failed = 1;
    if (!failed)
        keys = mail_keys(doc, res, &failed);
    if (!failed && mail_run(doc, records, keys, at, res, &evidence) < 0)
        failed = 1;
    lk_mail_keys_free(keys);
    json_decref(doc);
    if (failed) {
        json_decref(records);
        lk_mail_text_free(evidence);
        return 0;
    }
    ev = json_loads(evidence, 0, NULL);
    lk_mail_text_free(evidence);
    out = json_pack("{s:s, s:o, s:o}", "format", "leaklaw/mail-verify/1",
                    "records", records, "evidence", ev ? ev : json_null());
    text = out ? json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(out);
    if (text == NULL)
        return lk_server__error(res, LK_API_INTERNAL, "out of memory", NULL);
    lk_server__ok(res, text, strlen(text), "application/json");
    return 0;
}
