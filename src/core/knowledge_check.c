/*
 * knowledge_check.c: validation of the knowledge files (docs/formats.md,
 * "Positions" and "State practice"): closed key sets, enumerations,
 * dates, parties, quotations cited by the stances that rest on them, and
 * "confirmed" only with the place the text was seen. Each check stops at
 * the first problem with its file, line:column and JSON pointer.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "date.h"
#include "iso3166.h"
#include "knowledge_int.h"
#include "lawfile.h"

#define FAIL lk_lawfile__fail

static const char *const kc_confirm[] = {"confirmed", "unconfirmed", NULL};
static const char *const kc_pos_status[] = {"seen", "partial", "not-seen",
                                            NULL};
static const char *const kc_kinds[] = {"state", "organisation", NULL};
static const char *const kc_stances[] = {"unknown", "silent", "affirmed",
                                         "denied", NULL};

/* "ptr" + "/" + "key" in "out". */
static void kc_ptr(char *out, const char *ptr, const char *key)
{
    snprintf(out, LK_ERROR_POINTER_MAX, "%s", ptr);
    lk_doc__ptr_push(out, LK_ERROR_POINTER_MAX, key);
}

/* Index of "s" in "list", or -1. */
static int kc_find(const char *const *list, const char *s)
{
    int i;
    for (i = 0; list[i]; i++)
        if (!strcmp(list[i], s))
            return i;
    return -1;
}

/* 1 if "s" is one of the strings of JSON array "arr". */
static int kc_in(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (json_is_string(v) && !strcmp(json_string_value(v), s))
            return 1;
    }
    return 0;
}

/* Member "key" of "obj": a string of vocabulary "arr", or LK_EINVALID. */
static int kc_word(lk_error *err, const lk_doc *doc, const char *ptr,
                   json_t *obj, const char *key, json_t *arr)
{
    char p[LK_ERROR_POINTER_MAX];
    const char *s = lk_lawfile__str(err, doc, ptr, obj, key, 1);
    if (s == NULL)
        return LK_EINVALID;
    kc_ptr(p, ptr, key);
    if (!kc_in(arr, s))
        return FAIL(err, doc, p, "unknown value '%.60s' (%s, %s, ...)", s,
                    json_string_value(json_array_get(arr, 0)),
                    json_string_value(json_array_get(arr, 1)));
    return 0;
}

/* Member "key" of "obj": a string of "list" (its index), or -1 with err. */
static int kc_enum(lk_error *err, const lk_doc *doc, const char *ptr,
                   json_t *obj, const char *key, const char *const *list)
{
    char p[LK_ERROR_POINTER_MAX];
    const char *s = lk_lawfile__str(err, doc, ptr, obj, key, 1);
    int i;
    if (s == NULL)
        return -1;
    i = kc_find(list, s);
    if (i < 0) {
        kc_ptr(p, ptr, key);
        FAIL(err, doc, p, "unknown value '%.60s' (%s, %s, ...)", s, list[0],
             list[1]);
    }
    return i;
}

/* Member "key": absent or null ("" in *out), or a non-empty string. */
static int kc_nullable(lk_error *err, const lk_doc *doc, const char *ptr,
                       json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    char p[LK_ERROR_POINTER_MAX];
    *out = "";
    if (v == NULL || json_is_null(v))
        return 0;
    if (json_is_string(v) && json_string_length(v) > 0) {
        *out = json_string_value(v);
        return 0;
    }
    kc_ptr(p, ptr, key);
    return FAIL(err, doc, p, "expected a non-empty string or null");
}

/* 1 if "s" is YYYY, YYYY-MM or a valid YYYY-MM-DD. */
static int kc_date_ok(const char *s)
{
    size_t i, n = strlen(s);
    int32_t days;
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    if (n == 7)
        return (s[5] - '0') * 10 + (s[6] - '0') >= 1 &&
               (s[5] - '0') * 10 + (s[6] - '0') <= 12;
    return n == 4 || lk_date_parse(s, &days) == 0;
}

static int kc_date(lk_error *err, const lk_doc *doc, const char *ptr,
                   json_t *obj, const char *key)
{
    char p[LK_ERROR_POINTER_MAX];
    const char *s = lk_lawfile__str(err, doc, ptr, obj, key, 1);
    if (s == NULL)
        return LK_EINVALID;
    kc_ptr(p, ptr, key);
    if (!kc_date_ok(s))
        return FAIL(err, doc, p, "expected a date YYYY, YYYY-MM or "
                                 "YYYY-MM-DD, not '%.40s'", s);
    return 0;
}

/* 1 if "s" is an ISO 3166-1 alpha-2 code. */
static int kc_country(const char *s)
{
    const char *p;
    if (strlen(s) != 2)
        return 0;
    for (p = lk_iso3166; *p; p += 5)
        if (!strncmp(p, s, 2))
            return 1;
    return 0;
}

/* 1 if "s" is an organisation of the propositions file. */
static int kc_org(const lk_knowledge *k, const char *s)
{
    size_t i;
    json_t *o;
    json_array_foreach(k->orgs, i, o)
    {
        const char *c = json_string_value(json_object_get(o, "code"));
        if (c && !strcmp(c, s))
            return 1;
    }
    return 0;
}

/* Member "key": a party (ISO code or organisation); "" allowed (null)
 * when "nullable". */
static int kc_party(const lk_knowledge *k, lk_error *err, const lk_doc *doc,
                    const char *ptr, json_t *obj, const char *key,
                    int nullable, const char **out)
{
    char p[LK_ERROR_POINTER_MAX];
    int error = nullable ? kc_nullable(err, doc, ptr, obj, key, out) : 0;
    if (error < 0)
        return error;
    if (!nullable && (*out = lk_lawfile__str(err, doc, ptr, obj, key, 1)) ==
                         NULL)
        return LK_EINVALID;
    kc_ptr(p, ptr, key);
    if (**out && !kc_country(*out) && !kc_org(k, *out))
        return FAIL(err, doc, p, "unknown party '%.20s' (an ISO 3166-1 "
                                 "alpha-2 code or an organisation of "
                                 "positions/propositions.json)", *out);
    return 0;
}

static int kc_format(lk_error *err, const lk_doc *doc, const char *format,
                     const char *const *keys)
{
    const char *f;
    int error = lk_lawfile__keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    f = json_string_value(json_object_get(doc->root, "format"));
    if (f == NULL || strcmp(f, format) != 0)
        return FAIL(err, doc, "/format", "expected format \"%s\"", format);
    return 0;
}

/* Member "key" of the root: an array; *out set. */
static int kc_array(lk_error *err, const lk_doc *doc, const char *ptr,
                    json_t *obj, const char *key, size_t max, json_t **out)
{
    char p[LK_ERROR_POINTER_MAX];
    kc_ptr(p, ptr, key);
    *out = json_object_get(obj, key);
    if (!json_is_array(*out))
        return FAIL(err, doc, *out ? p : ptr, *out ? "expected an array"
                                                   : "missing key '%s'",
                    key);
    if (json_array_size(*out) > max)
        return FAIL(err, doc, p, "more than %zu entries", max);
    return 0;
}

/* The "vocabulary" of the propositions file: the words positions and
 * practice files may use for topics, reaction kinds and legal notions. */
static int kc_vocabulary(lk_knowledge *k, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {"topics", "reaction_kinds", "invokes",
                                       NULL};
    json_t *v = json_object_get(doc->root, "vocabulary"), **out[3], *w;
    char p[LK_ERROR_POINTER_MAX];
    size_t i, j;
    out[0] = &k->topics, out[1] = &k->kinds, out[2] = &k->invokes;
    if (v == NULL)
        return FAIL(err, doc, "", "missing key 'vocabulary'");
    if (lk_lawfile__keys(err, doc, "/vocabulary", v, keys) < 0)
        return LK_EINVALID;
    for (i = 0; i < 3; i++) {
        if (kc_array(err, doc, "/vocabulary", v, keys[i], 64, out[i]) < 0)
            return LK_EINVALID;
        json_array_foreach(*out[i], j, w)
        {
            snprintf(p, sizeof(p), "/vocabulary/%s/%zu", keys[i], j);
            if (!json_is_string(w) || json_string_length(w) == 0)
                return FAIL(err, doc, p, "expected a non-empty string");
        }
    }
    return 0;
}

int lk_knowledge__check_props(lk_knowledge *k, const lk_doc *doc,
                              lk_error *err)
{
    static const char *const keys[] = {"format", "propositions",
                                       "organisations", "vocabulary", NULL};
    static const char *const pkeys[] = {"id", "text", "topics", NULL};
    static const char *const okeys[] = {"code", "name", NULL};
    char p[LK_ERROR_POINTER_MAX];
    size_t i, j;
    json_t *v;
    int error = kc_format(err, doc, "leaklaw/propositions/1", keys);
    if (error == 0)
        error = kc_array(err, doc, "", doc->root, "propositions",
                         LK_KNOWLEDGE_MAX_PROPS, &k->props);
    if (error == 0)
        error = kc_vocabulary(k, doc, err);
    if (error == 0 && json_object_get(doc->root, "organisations"))
        error = kc_array(err, doc, "", doc->root, "organisations",
                         LK_KNOWLEDGE_MAX_ORGS, &k->orgs);
    json_array_foreach(k->orgs, i, v)
    {
        snprintf(p, sizeof(p), "/organisations/%zu", i);
        if (error == 0)
            error = lk_lawfile__keys(err, doc, p, v, okeys);
        if (error == 0 && (!lk_lawfile__str(err, doc, p, v, "code", 1) ||
                           !lk_lawfile__str(err, doc, p, v, "name", 1)))
            error = LK_EINVALID;
        if (error == 0 &&
            kc_country(json_string_value(json_object_get(v, "code"))))
            error = FAIL(err, doc, p, "an organisation's code must not be "
                                      "an ISO 3166-1 code");
    }
    json_array_foreach(error ? NULL : k->props, i, v)
    {
        const char *id;
        snprintf(p, sizeof(p), "/propositions/%zu", i);
        error = lk_lawfile__keys(err, doc, p, v, pkeys);
        if (error < 0 || !(id = lk_lawfile__str(err, doc, p, v, "id", 1)) ||
            !lk_lawfile__str(err, doc, p, v, "text", 1))
            return LK_EINVALID;
        for (j = 0; j < i; j++)
            if (!strcmp(id, json_string_value(json_object_get(
                                json_array_get(k->props, j), "id"))))
                return FAIL(err, doc, p, "duplicate proposition '%s'", id);
    }
    k->nprops = error ? 0 : json_array_size(k->props);
    return error;
}

/* Check quotation "q" at "p"; counts confirmed ones. */
static int kc_quote(const lk_knowledge *k, const lk_doc *doc, const char *p,
                    json_t *q,
                    size_t *nconfirmed, lk_error *err)
{
    static const char *const keys[] = {"id",     "pinpoint", "topics",
                                       "status", "seen_at",  "text",
                                       "note",   NULL};
    char tp[LK_ERROR_POINTER_MAX];
    json_t *topics, *t;
    size_t i;
    const char *seen;
    int st;
    if (lk_lawfile__keys(err, doc, p, q, keys) < 0 ||
        !lk_lawfile__str(err, doc, p, q, "id", 1) ||
        !lk_lawfile__str(err, doc, p, q, "pinpoint", 1) ||
        !lk_lawfile__str(err, doc, p, q, "text", 1) ||
        (st = kc_enum(err, doc, p, q, "status", kc_confirm)) < 0 ||
        kc_nullable(err, doc, p, q, "seen_at", &seen) < 0 ||
        kc_array(err, doc, p, q, "topics", LK_KNOWLEDGE_MAX_TOPICS, &topics) < 0)
        return LK_EINVALID;
    if (st == 0 && !*seen)
        return FAIL(err, doc, p, "a confirmed quotation needs seen_at: "
                                 "where its text was read");
    *nconfirmed += st == 0;
    json_array_foreach(topics, i, t)
    {
        kc_ptr(tp, p, "topics");
        lk_doc__ptr_push_index(tp, sizeof(tp), i);
        if (!json_is_string(t) || !kc_in(k->topics, json_string_value(t)))
            return FAIL(err, doc, tp, "unknown topic (the vocabulary of "
                                      "positions/propositions.json)");
    }
    return 0;
}

/* Index of the quotation "id" in "quotes", or -1. */
static int kc_quote_find(json_t *quotes, const char *id)
{
    size_t i;
    json_t *q;
    json_array_foreach(quotes, i, q)
    {
        const char *qid = json_string_value(json_object_get(q, "id"));
        if (qid && !strcmp(qid, id))
            return (int)i;
    }
    return -1;
}

/* The stance on proposition "prop" at "p"; "seen" is 1 when the whole
 * text was read. */
static int kc_stance(const lk_doc *doc, const char *p, json_t *s,
                     json_t *quotes, int seen, lk_stance *out, lk_error *err)
{
    static const char *const keys[] = {"value", "quote", "note", NULL};
    const char *quote, *note;
    char qp[LK_ERROR_POINTER_MAX];
    int v;
    if (lk_lawfile__keys(err, doc, p, s, keys) < 0 ||
        (v = kc_enum(err, doc, p, s, "value", kc_stances)) < 0 ||
        kc_nullable(err, doc, p, s, "quote", &quote) < 0 ||
        kc_nullable(err, doc, p, s, "note", &note) < 0)
        return LK_EINVALID;
    out->value = (lk_stance_value)v;
    out->note = note;
    out->quote = *quote ? kc_quote_find(quotes, quote) : -1;
    kc_ptr(qp, p, "quote");
    if (*quote && out->quote < 0)
        return FAIL(err, doc, qp, "no quotation '%.60s' in /quotes", quote);
    if (v >= LK_STANCE_AFFIRMED && !*quote)
        return FAIL(err, doc, p, "%s needs the quotation that says so",
                    kc_stances[v]);
    if (v < LK_STANCE_AFFIRMED && *quote)
        return FAIL(err, doc, qp, "a quotation only for affirmed or denied");
    if (v == LK_STANCE_SILENT && !seen)
        return FAIL(err, doc, p, "silent only when the whole text was seen "
                                 "(status \"seen\"); else unknown");
    return 0;
}

/* The "propositions" object of a position: one stance per proposition. */
static int kc_stances_of(const lk_knowledge *k, const lk_doc *doc,
                         json_t *obj, int seen, lk_kpos *out, lk_error *err)
{
    json_t *props = json_object_get(obj, "propositions"), *v;
    char p[LK_ERROR_POINTER_MAX];
    const char *key;
    size_t i;
    if (!json_is_object(props))
        return FAIL(err, doc, props ? "/propositions" : "",
                    "expected an object of propositions");
    json_object_foreach(props, key, v)
    {
        for (i = 0; i < k->nprops; i++)
            if (!strcmp(key, json_string_value(json_object_get(
                                 json_array_get(k->props, i), "id"))))
                break;
        kc_ptr(p, "/propositions", key);
        if (i == k->nprops)
            return FAIL(err, doc, p, "unknown proposition '%.60s'", key);
        if (kc_stance(doc, p, v, out->quotes, seen, &out->stance[i], err) < 0)
            return LK_EINVALID;
    }
    for (i = 0; i < k->nprops; i++) {
        key = json_string_value(
            json_object_get(json_array_get(k->props, i), "id"));
        if (json_object_get(props, key) == NULL)
            return FAIL(err, doc, "/propositions",
                        "missing proposition '%s'", key);
    }
    return 0;
}

/* The header keys of a position. */
static int kc_position_head(const lk_knowledge *k, const lk_doc *doc,
                            int *seen, lk_error *err)
{
    json_t *o = doc->root, *seen_at, *s;
    const char *party, *url, *id;
    char p[LK_ERROR_POINTER_MAX];
    size_t i;
    int kind, st;
    if (!(id = lk_lawfile__str(err, doc, "", o, "id", 1)) ||
        !lk_lawfile__str(err, doc, "", o, "name", 1) ||
        !lk_lawfile__str(err, doc, "", o, "title", 1) ||
        (kind = kc_enum(err, doc, "", o, "kind", kc_kinds)) < 0 ||
        (st = kc_enum(err, doc, "", o, "status", kc_pos_status)) < 0 ||
        kc_party(k, err, doc, "", o, "party", 0, &party) < 0 ||
        kc_date(err, doc, "", o, "date") < 0 ||
        kc_nullable(err, doc, "", o, "url", &url) < 0 ||
        kc_array(err, doc, "", o, "seen_at", 64, &seen_at) < 0)
        return LK_EINVALID;
    if (kind == 0 ? !kc_country(party) : !kc_org(k, party))
        return FAIL(err, doc, "/kind", "a state's party is an ISO 3166-1 "
                                       "code, an organisation's a code of "
                                       "positions/propositions.json");
    json_array_foreach(seen_at, i, s)
    {
        static const char *const keys[] = {"url", "what", NULL};
        snprintf(p, sizeof(p), "/seen_at/%zu", i);
        if (lk_lawfile__keys(err, doc, p, s, keys) < 0 ||
            !lk_lawfile__str(err, doc, p, s, "url", 1) ||
            !lk_lawfile__str(err, doc, p, s, "what", 1))
            return LK_EINVALID;
    }
    *seen = st == 0;
    return 0;
}

int lk_knowledge__check_position(const lk_knowledge *k, const lk_doc *doc,
                                 lk_kpos *out, lk_error *err)
{
    static const char *const keys[] = {
        "format", "id",      "party",    "name",   "kind",
        "title",  "date",    "date_note", "url",   "url_note",
        "seen_at", "status", "quotes",   "propositions", "note", NULL};
    char p[LK_ERROR_POINTER_MAX];
    size_t i, j;
    json_t *q;
    int seen = 0;
    memset(out, 0, sizeof(*out));
    out->doc = doc;
    out->obj = doc->root;
    if (kc_format(err, doc, "leaklaw/position/1", keys) < 0 ||
        kc_position_head(k, doc, &seen, err) < 0 ||
        kc_array(err, doc, "", doc->root, "quotes", LK_KNOWLEDGE_MAX_QUOTES,
                 &out->quotes) < 0)
        return LK_EINVALID;
    json_array_foreach(out->quotes, i, q)
    {
        snprintf(p, sizeof(p), "/quotes/%zu", i);
        if (kc_quote(k, doc, p, q, &out->nconfirmed, err) < 0)
            return LK_EINVALID;
        for (j = 0; j < i; j++)
            if (!strcmp(json_string_value(json_object_get(q, "id")),
                        json_string_value(json_object_get(
                            json_array_get(out->quotes, j), "id"))))
                return FAIL(err, doc, p, "duplicate quotation id");
    }
    return kc_stances_of(k, doc, doc->root, seen, out, err);
}

/* Check one reaction at "p". */
static int kc_reaction(const lk_knowledge *k, const lk_doc *doc,
                       const char *p, json_t *r, lk_error *err)
{
    static const char *const keys[] = {
        "id",      "party",   "date",   "kind",          "against",
        "title",   "summary", "quote",  "quote_status",  "invokes",
        "invokes_quote", "url", "seen_at", "status",     "note", NULL};
    const char *s, *quote, *qs, *url;
    char ip[LK_ERROR_POINTER_MAX];
    json_t *inv, *v;
    size_t i;
    int st;
    if (lk_lawfile__keys(err, doc, p, r, keys) < 0 ||
        !lk_lawfile__str(err, doc, p, r, "id", 1) ||
        !lk_lawfile__str(err, doc, p, r, "title", 1) ||
        !lk_lawfile__str(err, doc, p, r, "summary", 1) ||
        kc_party(k, err, doc, p, r, "party", 0, &s) < 0 ||
        kc_party(k, err, doc, p, r, "against", 1, &s) < 0 ||
        kc_date(err, doc, p, r, "date") < 0 ||
        kc_word(err, doc, p, r, "kind", k->kinds) < 0 ||
        (st = kc_enum(err, doc, p, r, "status", kc_confirm)) < 0 ||
        kc_nullable(err, doc, p, r, "quote", &quote) < 0 ||
        kc_nullable(err, doc, p, r, "quote_status", &qs) < 0 ||
        kc_nullable(err, doc, p, r, "invokes_quote", &s) < 0 ||
        kc_nullable(err, doc, p, r, "url", &url) < 0 ||
        kc_nullable(err, doc, p, r, "seen_at", &s) < 0 ||
        kc_array(err, doc, p, r, "invokes", LK_KNOWLEDGE_MAX_INVOKES, &inv) < 0)
        return LK_EINVALID;
    kc_ptr(ip, p, "quote_status");
    if (*quote ? kc_find(kc_confirm, qs) < 0 : *qs != '\0')
        return FAIL(err, doc, ip, "quote_status: confirmed or unconfirmed "
                                  "with a quote, null without");
    if (st == 0 && !*url)
        return FAIL(err, doc, p, "a confirmed reaction needs its url");
    json_array_foreach(inv, i, v)
    {
        kc_ptr(ip, p, "invokes");
        lk_doc__ptr_push_index(ip, sizeof(ip), i);
        if (!json_is_string(v) || !kc_in(k->invokes, json_string_value(v)))
            return FAIL(err, doc, ip, "unknown legal notion (the vocabulary "
                                      "of positions/propositions.json)");
    }
    return 0;
}

int lk_knowledge__check_practice(const lk_knowledge *k, const lk_doc *doc,
                                 const char *cases, lk_error *err)
{
    static const char *const keys[] = {"format", "case", "reactions", "note",
                                       NULL};
    char p[LK_ERROR_POINTER_MAX], path[4096];
    const char *id;
    struct stat st;
    static const char *const exts[] = {".json", ".yaml", ".yml"};
    json_t *rs, *r;
    size_t i;
    int n, e;
    if (kc_format(err, doc, "leaklaw/practice/1", keys) < 0 ||
        !(id = lk_lawfile__str(err, doc, "", doc->root, "case", 1)) ||
        kc_array(err, doc, "", doc->root, "reactions", 4096, &rs) < 0)
        return LK_EINVALID;
    for (e = 0; e < 3; e++) { /* a library case file: .json, .yaml, .yml */
        n = snprintf(path, sizeof(path), "%s/%s%s", cases, id, exts[e]);
        if (n > 0 && (size_t)n < sizeof(path) && !strchr(id, '/') &&
            stat(path, &st) == 0)
            break;
    }
    if (e == 3)
        return FAIL(err, doc, "/case", "no case '%.60s' in the library", id);
    json_array_foreach(rs, i, r)
    {
        snprintf(p, sizeof(p), "/reactions/%zu", i);
        if (kc_reaction(k, doc, p, r, err) < 0)
            return LK_EINVALID;
    }
    return 0;
}
