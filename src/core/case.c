/*
 * case.c: parsing and exact validation of "leaklaw/case/1" files, and the
 * extraction of their facts. The format is described once, as the table
 * of schema nodes below; the validator walks the document against it.
 */
#include "case.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "consistency.h"
#include "date.h"
#include "iso3166.h"
#include "static_assert.h"
#include "streq.h"

#define CASE_TEXT_MAX LK_CASE_STRING_MAX /* longest string accepted */
#define CASE_ARRAY_MAX 1000 /* longest array accepted */
/* a value's sources are a list of the case: every one is kept */
LK_STATIC_ASSERT(case_cites_kept, CASE_ARRAY_MAX <= LK_CASE_MAX_CITES);
#define CASE_ID_MAX 100     /* longest case or source id */
#define CASE_DISPUTE_MAX 8  /* competing values of one disputed fact */
#define LK_ONE_BIT(x) ((x) != 0 && ((x) & ((x) - 1)) == 0)

typedef enum {
    S_OBJECT, /* fields */
    S_ARRAY,  /* items */
    S_STRING,
    S_ENUM,   /* values, plus "unknown" */
    S_BOOL,
    S_DATE,   /* YYYY-MM-DD */
    S_PDATE,  /* YYYY, YYYY-MM or YYYY-MM-DD */
    S_ID,     /* [a-z0-9][a-z0-9-]* */
    S_SRCID,  /* [A-Za-z0-9][A-Za-z0-9._-]* */
    S_COUNTRY,
    S_ATTACK, /* Tnnnn or Tnnnn.nnn */
    S_VOLUME, /* non-negative integer or string */
    S_ANY,
    S_SUMMARY, /* evidence[].summary: any, at most LK_CASE_MAX_COUNTS counts */
    S_CITE,   /* array of source ids declared in /sources */
    S_FORMAT, /* the constant "leaklaw/case/1" */
    S_EXPECTED /* object: "why" and lens ids (checked by the law) */
} schema_kind;

typedef struct schema_node {
    const char *key;                   /* field name (objects only) */
    schema_kind kind;                  /* what the value must be */
    const char *const *values;         /* S_ENUM domain */
    const struct schema_node *fields;  /* S_OBJECT fields, key NULL ends */
    const struct schema_node *items;   /* S_ARRAY item schema */
    int required;                      /* 1 if the field must be present */
} schema_node;

#define CITE {"cite", S_CITE, NULL, NULL, NULL, 0}
#define END {NULL, S_ANY, NULL, NULL, NULL, 0}

static const schema_node basis_item = {NULL, S_ENUM, lk_enum_basis, NULL,
                                       NULL, 0};
/* confidence: a level of lk_enum_confidence or an agency's phrase that
 * the law's vocabulary maps to one (checked by lk_law_check_case) */
static const schema_node attribution_fields[] = {
    {"confidence", S_STRING, NULL, NULL, NULL, 0},
    {"basis", S_ARRAY, NULL, NULL, &basis_item, 0},
    CITE, END};
static const schema_node actor_fields[] = {
    {"name", S_STRING, NULL, NULL, NULL, 0},
    {"kind", S_ENUM, lk_enum_actor_kind, NULL, NULL, 0},
    {"control", S_ENUM, lk_enum_control, NULL, NULL, 0},
    {"state", S_COUNTRY, NULL, NULL, NULL, 0},
    {"territory", S_COUNTRY, NULL, NULL, NULL, 0},
    {"territory_knew", S_BOOL, NULL, NULL, NULL, 0},
    {"attribution", S_OBJECT, NULL, attribution_fields, NULL, 0},
    CITE, END};
static const schema_node victim_fields[] = {
    {"state", S_COUNTRY, NULL, NULL, NULL, 0},
    {"target", S_ENUM, lk_enum_target, NULL, NULL, 0},
    {"name", S_STRING, NULL, NULL, NULL, 0},
    CITE, END};
static const schema_node access_fields[] = {
    {"method", S_ENUM, lk_enum_method, NULL, NULL, 0},
    {"attack", S_ATTACK, NULL, NULL, NULL, 0},
    {"date", S_DATE, NULL, NULL, NULL, 0},
    {"note", S_STRING, NULL, NULL, NULL, 0},
    CITE, END};
static const schema_node access_item = {NULL, S_OBJECT, NULL, access_fields,
                                        NULL, 0};
static const schema_node channel_item = {NULL, S_ENUM, lk_enum_channel, NULL,
                                         NULL, 0};
static const schema_node disclosure_fields[] = {
    {"status", S_ENUM, lk_enum_disc_status, NULL, NULL, 0},
    {"date", S_DATE, NULL, NULL, NULL, 0},
    {"channels", S_ARRAY, NULL, NULL, &channel_item, 0},
    {"concealed_origin", S_BOOL, NULL, NULL, NULL, 0},
    {"selective", S_BOOL, NULL, NULL, NULL, 0},
    {"amplified", S_BOOL, NULL, NULL, NULL, 0},
    {"volume", S_VOLUME, NULL, NULL, NULL, 0},
    {"authenticity", S_ENUM, lk_enum_authenticity, NULL, NULL, 0},
    CITE, END};
static const schema_node kind_item = {NULL, S_ENUM, lk_enum_content_kind,
                                      NULL, NULL, 0};
static const schema_node content_fields[] = {
    {"kinds", S_ARRAY, NULL, NULL, &kind_item, 0},
    {"public_interest", S_ENUM, lk_enum_public_interest, NULL, NULL, 0},
    CITE, END};
static const schema_node context_fields[] = {
    {"process", S_ENUM, lk_enum_process, NULL, NULL, 0},
    {"process_date", S_DATE, NULL, NULL, NULL, 0},
    {"armed_conflict", S_BOOL, NULL, NULL, NULL, 0},
    CITE, END};
static const schema_node effects_fields[] = {
    {"process_manipulated", S_BOOL, NULL, NULL, NULL, 0},
    {"coercive_demand", S_BOOL, NULL, NULL, NULL, 0},
    {"functions_disrupted", S_BOOL, NULL, NULL, NULL, 0},
    {"physical_damage", S_BOOL, NULL, NULL, NULL, 0},
    {"significant", S_BOOL, NULL, NULL, NULL, 0},
    {"serious_consequences", S_BOOL, NULL, NULL, NULL, 0},
    CITE, END};
static const schema_node purpose_item = {NULL, S_ENUM, lk_enum_purpose, NULL,
                                         NULL, 0};
static const schema_node purpose_fields[] = {
    {"kinds", S_ARRAY, NULL, NULL, &purpose_item, 0},
    {"statement", S_STRING, NULL, NULL, NULL, 0},
    CITE, END};
static const schema_node evidence_fields[] = {
    {"kind", S_STRING, NULL, NULL, NULL, 0},
    {"ref", S_STRING, NULL, NULL, NULL, 0},
    {"summary", S_SUMMARY, NULL, NULL, NULL, 0},
    CITE, END};
static const schema_node evidence_item = {NULL, S_OBJECT, NULL,
                                          evidence_fields, NULL, 0};
static const char *const case_source_status[] = {"confirmed", "unconfirmed",
                                                 NULL};
static const schema_node source_fields[] = {
    {"id", S_SRCID, NULL, NULL, NULL, 1},
    {"title", S_STRING, NULL, NULL, NULL, 0},
    {"url", S_STRING, NULL, NULL, NULL, 0},
    {"date", S_PDATE, NULL, NULL, NULL, 0},
    {"kind", S_ENUM, lk_enum_source_kind, NULL, NULL, 0},
    {"publisher", S_STRING, NULL, NULL, NULL, 0},
    {"pinpoint", S_STRING, NULL, NULL, NULL, 0},
    {"quote", S_STRING, NULL, NULL, NULL, 0},
    {"accessed", S_DATE, NULL, NULL, NULL, 0},
    {"archived", S_STRING, NULL, NULL, NULL, 0},
    {"status", S_ENUM, case_source_status, NULL, NULL, 0},
    END};
static const schema_node source_item = {NULL, S_OBJECT, NULL, source_fields,
                                        NULL, 0};
/* "expected": "why" and, under any other key, a verdict: which keys are
 * lenses and which values verdicts is the law's (lk_law_check_case) */
static const schema_node expected_fields[] = {
    {"why", S_STRING, NULL, NULL, NULL, 0},
    END};
static const schema_node expected_verdict = {NULL, S_STRING, NULL, NULL,
                                             NULL, 0};
static const schema_node root_fields[] = {
    {"format", S_FORMAT, NULL, NULL, NULL, 1},
    {"id", S_ID, NULL, NULL, NULL, 1},
    {"title", S_STRING, NULL, NULL, NULL, 0},
    {"summary", S_STRING, NULL, NULL, NULL, 0},
    {"actor", S_OBJECT, NULL, actor_fields, NULL, 0},
    {"victim", S_OBJECT, NULL, victim_fields, NULL, 0},
    {"access", S_ARRAY, NULL, NULL, &access_item, 0},
    {"disclosure", S_OBJECT, NULL, disclosure_fields, NULL, 0},
    {"content", S_OBJECT, NULL, content_fields, NULL, 0},
    {"context", S_OBJECT, NULL, context_fields, NULL, 0},
    {"effects", S_OBJECT, NULL, effects_fields, NULL, 0},
    {"purpose", S_OBJECT, NULL, purpose_fields, NULL, 0},
    {"evidence", S_ARRAY, NULL, NULL, &evidence_item, 0},
    {"sources", S_ARRAY, NULL, NULL, &source_item, 0},
    {"expected", S_EXPECTED, NULL, expected_fields, &expected_verdict, 0},
    CITE, END};
static const schema_node root_node = {NULL, S_OBJECT, NULL, root_fields,
                                      NULL, 1};

/* Where the validator is: the keys and indexes from the root down. The
 * JSON pointer is written from them only for a diagnostic. The nesting
 * limit of a document bounds the depth; a deeper segment would not be
 * recorded (the pointer stops above it). */
#define CHECK_PATH_MAX (LK_DOC_MAX_DEPTH + 2)
typedef struct {
    const char *key; /* an object's key, or NULL for an array's index */
    size_t index;
} check_seg;

/* State of one validation run. */
typedef struct {
    const lk_doc *doc;  /* document being validated */
    lk_diag_cb cb;      /* receiver of diagnostics */
    void *payload;      /* passed to cb */
    lk_error *err;      /* receives the first diagnostic */
    unsigned count;     /* diagnostics so far */
    json_t *source_ids; /* object: declared source id -> true */
    int facts;          /* 1 inside a section of facts, where a value may
                           come wrapped with its sources or disputed */
    size_t depth;       /* segments of the path to the value checked */
    check_seg path[CHECK_PATH_MAX];
} case_check;

static void case_vdiag(const lk_doc *doc, lk_diag_cb cb, void *payload,
                       lk_error *err, unsigned index, const char *pointer,
                       const char *fmt, va_list ap)
{
    lk_error d;
    char msg[LK_ERROR_MESSAGE_MAX];
    unsigned line = 0, col = 0;
    vsnprintf(msg, sizeof(msg), fmt, ap);
    lk_doc__locate(doc, pointer, &line, &col);
    lk_error_clear(&d);
    lk_error_set_at(&d, LK_EINVALID, doc->name, line, col, pointer, "%s",
                    msg);
    if (index == 0 && err != NULL)
        *err = d;
    if (cb != NULL && index < LK_CASE_MAX_DIAGS)
        cb(&d, payload);
}

/* A diagnostic at "pointer", counted. */
static void check_vdiag(case_check *cc, const char *pointer, const char *fmt,
                        va_list ap)
{
    case_vdiag(cc->doc, cc->cb, cc->payload, cc->err, cc->count, pointer,
               fmt, ap);
    cc->count++;
}

static void check_diag(case_check *cc, const char *pointer, const char *fmt,
                       ...) LK_PRINTF(3, 4);
static void check_diag(case_check *cc, const char *pointer, const char *fmt,
                       ...)
{
    va_list ap;
    va_start(ap, fmt);
    check_vdiag(cc, pointer, fmt, ap);
    va_end(ap);
}

/* Step into the value at object key "key", or at array index "index"
 * when "key" is NULL. */
static void check_push(case_check *cc, const char *key, size_t index)
{
    if (cc->depth < CHECK_PATH_MAX) {
        cc->path[cc->depth].key = key;
        cc->path[cc->depth].index = index;
    }
    cc->depth++;
}

/* Step back out of the value check_push stepped into. */
static void check_pop(case_check *cc)
{
    cc->depth--;
}

/* A diagnostic at the value being checked. */
static void check_diag_here(case_check *cc, const char *fmt, ...)
    LK_PRINTF(2, 3);
static void check_diag_here(case_check *cc, const char *fmt, ...)
{
    va_list ap;
    char ptr[LK_ERROR_POINTER_MAX] = "";
    size_t i;
    for (i = 0; i < cc->depth && i < CHECK_PATH_MAX; i++) {
        if (cc->path[i].key != NULL)
            lk_doc__ptr_push(ptr, sizeof(ptr), cc->path[i].key);
        else
            lk_doc__ptr_push_index(ptr, sizeof(ptr), cc->path[i].index);
    }
    va_start(ap, fmt);
    check_vdiag(cc, ptr, fmt, ap);
    va_end(ap);
}

int lk_case__diag(const lk_case *c, lk_diag_cb cb, void *payload, lk_error *err,
                  const char *pointer, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    case_vdiag(c->doc, cb, payload, err, 0, pointer, fmt, ap);
    va_end(ap);
    return LK_EINVALID;
}

static const char *check_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

static int check_pattern_id(const char *s, int source)
{
    size_t n = strlen(s), i;
    if (n == 0 || n > CASE_ID_MAX)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ok = source ? (isalnum(c) || (i && strchr("._-", c)))
                        : ((c >= 'a' && c <= 'z') || isdigit(c) ||
                           (i && c == '-'));
        if (!ok)
            return 0;
    }
    return 1;
}

static int check_attack(const char *s)
{
    size_t n = strlen(s), i;
    if ((n != 5 && n != 9) || s[0] != 'T')
        return 0;
    for (i = 1; i < n; i++) {
        if (i == 5 ? s[i] != '.' : !isdigit((unsigned char)s[i]))
            return 0;
    }
    return 1;
}

static int check_pdate(const char *s)
{
    int32_t days;
    char buf[16];
    size_t n = strlen(s);
    if (n == 4 || n == 7) {
        /* complete a partial date to reuse the strict parser */
        snprintf(buf, sizeof(buf), "%s%s", s, n == 4 ? "-01-01" : "-01");
        return lk_date_parse(buf, &days) == 0;
    }
    return lk_date_parse(s, &days) == 0;
}

static void check_enum(case_check *cc, const char *s, const char *const *values,
                       int allow_unknown)
{
    size_t i;
    char list[600];
    size_t used = 0;
    if (allow_unknown && lk_streq(s, "unknown"))
        return;
    for (i = 0; values[i]; i++)
        if (lk_streq(values[i], s))
            return;
    list[0] = '\0';
    for (i = 0; values[i] && used < sizeof(list) - 40; i++)
        used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s",
                                 i ? ", " : "", values[i]);
    check_diag_here(cc, "'%.100s' is not one of: %s%s", s, list,
                    allow_unknown ? ", unknown" : "");
}

static void check_value(case_check *cc, const schema_node *node, json_t *v);
static void check_free(case_check *cc, json_t *v);
static void check_disputed(case_check *cc, const schema_node *node, json_t *v);
static const schema_node root_node;

/* 1 for the sections of the case that state facts. */
static int case_fact_section(const char *key)
{
    static const char *const sections[] = {
        "actor", "victim", "access", "disclosure", "content",
        "context", "effects", "purpose", NULL};
    int i;
    for (i = 0; sections[i]; i++)
        if (lk_streq(sections[i], key))
            return 1;
    return 0;
}

static void check_object(case_check *cc, const schema_node *node, json_t *v)
{
    const char *key;
    json_t *val;
    const schema_node *f;

    json_object_foreach(v, key, val)
    {
        check_push(cc, key, 0);
        for (f = node->fields; f->key; f++)
            if (lk_streq(f->key, key))
                break;
        if (f->key != NULL && node == &root_node) {
            cc->facts = case_fact_section(key);
            check_value(cc, f, val);
            cc->facts = 0;
        } else if (f->key != NULL)
            check_value(cc, f, val);
        else if (strncmp(key, "x-", 2) == 0)
            check_free(cc, val);
        else if (node->items != NULL)
            check_value(cc, node->items, val);
        else
            check_diag_here(cc, "unknown key '%.100s'", key);
        check_pop(cc);
    }
    for (f = node->fields; f->key; f++) {
        if (f->required && json_object_get(v, f->key) == NULL)
            check_diag_here(cc, "missing required key '%s'", f->key);
    }
}

/* A value of free form (under an x- key, or evidence[].summary): any
 * JSON, within the limits of strings and lists. The document's nesting
 * limit bounds the recursion. */
static void check_free(case_check *cc, json_t *v)
{
    size_t i;
    const char *key;
    json_t *item;
    if (json_is_string(v) && json_string_length(v) > CASE_TEXT_MAX)
        check_diag_here(cc, "string longer than %d bytes", CASE_TEXT_MAX);
    if (json_array_size(v) > CASE_ARRAY_MAX) {
        check_diag_here(cc, "more than %d items", CASE_ARRAY_MAX);
        return;
    }
    json_array_foreach(v, i, item)
    {
        check_push(cc, NULL, i);
        check_free(cc, item);
        check_pop(cc);
    }
    json_object_foreach(v, key, item)
    {
        check_push(cc, key, 0);
        if (strlen(key) > CASE_TEXT_MAX)
            check_diag_here(cc, "key longer than %d bytes", CASE_TEXT_MAX);
        check_free(cc, item);
        check_pop(cc);
    }
}

/* An array (S_ARRAY) or a list of source ids (S_CITE). */
static void check_array(case_check *cc, const schema_node *node, json_t *v)
{
    size_t i;
    json_t *item;
    if (!json_is_array(v)) {
        check_diag_here(cc, "expected an array, found %s", check_type_name(v));
        return;
    }
    if (json_array_size(v) > CASE_ARRAY_MAX) {
        check_diag_here(cc, "more than %d items", CASE_ARRAY_MAX);
        return;
    }
    json_array_foreach(v, i, item)
    {
        size_t j;
        check_push(cc, NULL, i);
        if (node->kind == S_CITE) {
            if (!json_is_string(item))
                check_diag_here(cc, "expected a source id, found %s",
                                check_type_name(item));
            else if (json_object_get(cc->source_ids, json_string_value(item)) ==
                     NULL)
                check_diag_here(cc, "cites '%.100s', which is not in /sources",
                                json_string_value(item));
        } else {
            check_value(cc, node->items, item);
        }
        /* duplicates in lists of names are almost always typos */
        for (j = 0; j < i && json_is_string(item); j++) {
            if (json_equal(json_array_get(v, j), item)) {
                check_diag_here(cc, "duplicate value '%.100s'",
                                json_string_value(item));
                break;
            }
        }
        check_pop(cc);
    }
}

/* The entry (alpha-2 then alpha-3) of the bundled ISO 3166-1 list whose
 * alpha-2 (n 2) or alpha-3 (n 3) code is "s", or NULL. */
static const char *country_find(const char *s, size_t n)
{
    const char *p;
    if (n == 2) { /* the list is sorted by alpha-2: search it in halves */
        size_t lo = 0, hi = LK_ISO3166_COUNT;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int d = strncmp(lk_iso3166 + mid * 5, s, 2);
            if (d == 0)
                return lk_iso3166 + mid * 5;
            if (d < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return NULL;
    }
    for (p = lk_iso3166; *p; p += 5)
        if (strncmp(n == 3 ? p + 2 : p, s, n) == 0)
            return p;
    return NULL;
}

/* 1 for the codes ISO 3166-1 leaves to its users (AA, QM-QZ, XA-XZ, ZZ):
 * accepted on purpose, for fictional States and for Kosovo (XK). */
static int country_user_assigned(const char *s)
{
    return !strcmp(s, "AA") || !strcmp(s, "ZZ") || s[0] == 'X' ||
           (s[0] == 'Q' && s[1] >= 'M');
}

/* The code meant by "s" (2 or 3 letters, any case), or NULL: the common
 * mistakes UK, EL (the EU's code for Greece) and FX, a lower-case code,
 * or an alpha-3 code. */
static const char *country_hint(const char *s, char *buf)
{
    static const char *const mistakes[] = {"UK", "GB", "EL", "GR",
                                           "FX", "FR", NULL};
    size_t n = strlen(s), i;
    const char *hit;
    if (n != 2 && n != 3)
        return NULL;
    for (i = 0; i < n; i++) {
        if (!isalpha((unsigned char)s[i]))
            return NULL;
        buf[i] = (char)toupper((unsigned char)s[i]);
    }
    buf[n] = '\0';
    for (i = 0; mistakes[i]; i += 2)
        if (strcmp(mistakes[i], buf) == 0)
            return mistakes[i + 1];
    hit = country_find(buf, n);
    if (hit == NULL && n == 2 && country_user_assigned(buf))
        return buf;
    if (hit == NULL || (n == 2 && strcmp(buf, s) == 0))
        return NULL;
    buf[0] = hit[0];
    buf[1] = hit[1];
    buf[2] = '\0';
    return buf;
}

/* A country: an ISO 3166-1 alpha-2 code, assigned or user-assigned. */
static void check_country(case_check *cc, const char *s)
{
    char buf[4];
    const char *hint;
    if (strlen(s) == 2 && isupper((unsigned char)s[0]) &&
        isupper((unsigned char)s[1]) &&
        (country_find(s, 2) || country_user_assigned(s)))
        return;
    if (strcmp(s, "EU") == 0) {
        check_diag_here(cc, "'EU' is reserved for the European Union, "
                            "which is not a State: name the State");
        return;
    }
    hint = country_hint(s, buf);
    if (hint != NULL)
        check_diag_here(cc,
                        "'%.100s' is not an ISO 3166-1 alpha-2 code: "
                        "did you mean %s?",
                        s, hint);
    else
        check_diag_here(cc,
                        "'%.100s' is not an ISO 3166-1 alpha-2 code "
                        "(e.g. \"US\")",
                        s);
}

/* A string "s" of a kind with a pattern: dates, ids, codes, format. */
static void check_pattern(case_check *cc, const schema_node *node,
                          const char *s)
{
    int32_t days;
    switch (node->kind) {
    case S_DATE:
        if (lk_date_parse(s, &days) < 0)
            check_diag_here(cc, "'%.100s' is not an ISO 8601 date (YYYY-MM-DD)",
                            s);
        break;
    case S_PDATE:
        if (!check_pdate(s))
            check_diag_here(
                cc,
                "'%.100s' is not an ISO 8601 date (YYYY, YYYY-MM or "
                "YYYY-MM-DD)",
                s);
        break;
    case S_ID:
        if (!check_pattern_id(s, 0))
            check_diag_here(
                cc,
                "'%.100s' is not an id ([a-z0-9][a-z0-9-]*, at most "
                "100 characters)",
                s);
        break;
    case S_SRCID:
        if (!check_pattern_id(s, 1))
            check_diag_here(
                cc,
                "'%.100s' is not a source id (letters, digits, '.', "
                "'_', '-')",
                s);
        break;
    case S_COUNTRY:
        check_country(cc, s);
        break;
    case S_ATTACK:
        if (!check_attack(s))
            check_diag_here(cc,
                            "'%.100s' is not an ATT&CK technique id (e.g. "
                            "\"T1566\" or \"T1566.002\")",
                            s);
        break;
    case S_FORMAT:
        if (strcmp(s, "leaklaw/case/1") != 0)
            check_diag_here(cc,
                            "unsupported format '%.100s' (expected "
                            "\"leaklaw/case/1\")",
                            s);
        break;
    default:
        break;
    }
}

/* A value of a string kind: type, length, then its values or pattern. */
static void check_string(case_check *cc, const schema_node *node, json_t *v)
{
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;
    if (s == NULL) {
        check_diag_here(cc, "expected a string, found %s", check_type_name(v));
        return;
    }
    if (json_string_length(v) > CASE_TEXT_MAX) {
        check_diag_here(cc, "string longer than %d bytes", CASE_TEXT_MAX);
        return;
    }
    if (node->kind == S_ENUM)
        check_enum(cc, s, node->values, 1);
    else
        check_pattern(cc, node, s);
}

/* 1 if "node" holds one value of fact (a leaf or a list of leaves), which
 * may also be given wrapped: {"value", "cite", "note"} or disputed. */
static int check_is_leaf(const schema_node *node)
{
    switch (node->kind) {
    case S_OBJECT:
    case S_EXPECTED:
    case S_CITE:
    case S_ANY:
    case S_SUMMARY:
    case S_FORMAT: return 0;
    case S_ARRAY: return node->items && node->items->kind != S_OBJECT;
    default: return 1;
    }
}

/* 1 if "unknown" may stand for the value of "node", as null does: any
 * optional value of fact but ids (source ids, ATT&CK ids, citations). */
static int check_unknown_ok(const schema_node *node)
{
    return !node->required && check_is_leaf(node) && node->kind != S_ATTACK &&
           node->kind != S_SRCID && node->kind != S_ID;
}

static const schema_node check_cite_node = CITE;
static const schema_node check_note_node = {"note", S_STRING, NULL, NULL,
                                            NULL, 0};

/* One {"value", "cite", "note"} object; "value" is required when
 * "required", and checked against "node". */
static void check_fact_object(case_check *cc, const schema_node *node,
                              json_t *v, int disputed_ok)
{
    const char *key;
    json_t *val;
    int has_value = 0, has_disputed = 0;
    json_object_foreach(v, key, val)
    {
        check_push(cc, key, 0);
        if (lk_streq(key, "value")) {
            has_value = 1;
            check_value(cc, node, val);
        } else if (lk_streq(key, "disputed") && disputed_ok) {
            has_disputed = 1;
            check_disputed(cc, node, val);
        } else if (lk_streq(key, "cite")) {
            check_value(cc, &check_cite_node, val);
        } else if (lk_streq(key, "note")) {
            check_value(cc, &check_note_node, val);
        } else if (strncmp(key, "x-", 2) == 0) {
            check_free(cc, val);
        } else {
            check_diag_here(cc,
                            "unknown key '%.100s' (a fact given as an "
                            "object takes value, cite, note%s)",
                            key, disputed_ok ? " or disputed" : "");
        }
        check_pop(cc);
    }
    if (has_value + has_disputed != 1)
        check_diag_here(cc, disputed_ok ? "a fact given as an object takes "
                                          "exactly one of value and disputed"
                                        : "each competing value needs "
                                          "'value'");
}

/* "disputed": 2 to CASE_DISPUTE_MAX competing {"value", "cite", "note"}. */
static void check_disputed(case_check *cc, const schema_node *node, json_t *v)
{
    size_t i;
    json_t *item;
    if (!json_is_array(v) || json_array_size(v) < 2 ||
        json_array_size(v) > CASE_DISPUTE_MAX) {
        check_diag_here(cc, "expected an array of 2 to %d competing values",
                        CASE_DISPUTE_MAX);
        return;
    }
    json_array_foreach(v, i, item)
    {
        check_push(cc, NULL, i);
        if (!json_is_object(item))
            check_diag_here(cc, "expected an object, found %s",
                            check_type_name(item));
        else
            check_fact_object(cc, node, item, 0);
        check_pop(cc);
    }
}

static void check_value(case_check *cc, const schema_node *node, json_t *v)
{
    if (cc->facts && json_is_object(v) && check_is_leaf(node)) {
        cc->facts = 0; /* no wrapping inside a wrapped value */
        check_fact_object(cc, node, v, 1);
        cc->facts = 1;
        return;
    }
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;

    if (json_is_null(v) && !node->required && node->kind != S_CITE)
        return; /* explicit null: unknown */
    if (s != NULL && lk_streq(s, "unknown") && check_unknown_ok(node))
        return; /* "unknown", as null */
    switch (node->kind) {
    case S_OBJECT:
    case S_EXPECTED:
        if (!json_is_object(v)) {
            check_diag_here(cc, "expected an object, found %s",
                            check_type_name(v));
            return;
        }
        check_object(cc, node, v);
        return;
    case S_ARRAY:
    case S_CITE:
        check_array(cc, node, v);
        return;
    case S_BOOL:
        if (!json_is_boolean(v))
            check_diag_here(cc, "expected true or false, found %s",
                            check_type_name(v));
        return;
    case S_ANY:
        check_free(cc, v);
        return;
    case S_SUMMARY:
        check_free(cc, v);
        if (lk_case__summary_counts(v, NULL) > LK_CASE_MAX_COUNTS)
            check_diag_here(cc,
                            "more than %d counts (the integers of the "
                            "summary and of its verdicts)",
                            LK_CASE_MAX_COUNTS);
        return;
    case S_VOLUME:
        if (json_is_integer(v) && json_integer_value(v) >= 0)
            return;
        if (s != NULL && strlen(s) <= CASE_TEXT_MAX)
            return;
        check_diag_here(cc,
                        "expected a non-negative integer or a string, found %s",
                        check_type_name(v));
        return;
    default:
        check_string(cc, node, v);
        return;
    }
}

/* Collect the ids of /sources before checking citations. Returns 0 or
 * LK_ENOMEM (an id not recorded would make valid citations look wrong). */
static int check_sources(case_check *cc, json_t *root)
{
    json_t *sources = json_object_get(root, "sources"), *item;
    size_t i;
    char ptr[64];
    if (!json_is_array(sources))
        return 0;
    json_array_foreach(sources, i, item)
    {
        json_t *id = json_object_get(item, "id");
        if (!json_is_string(id))
            continue;
        if (json_object_get(cc->source_ids, json_string_value(id))) {
            snprintf(ptr, sizeof(ptr), "/sources/%zu/id", i);
            check_diag(cc, ptr, "duplicate source id '%.100s'",
                       json_string_value(id));
        }
        if (json_object_set_new(cc->source_ids, json_string_value(id),
                                json_true()) < 0)
            return lk_error_set_oom(cc->err);
    }
    return 0;
}

/* A contradiction between facts, reported as a diagnostic. */
static void case_contradiction(void *ctx, const char *pointer,
                               const char *message)
{
    check_diag((case_check *)ctx, pointer, "%s", message);
}

/* Report the diagnostics past LK_CASE_MAX_DIAGS as their number. */
static void check_suppressed(const case_check *cc)
{
    lk_error d;
    if (cc->cb == NULL || cc->count <= LK_CASE_MAX_DIAGS)
        return;
    lk_error_clear(&d);
    lk_error_set_at(&d, LK_EINVALID, cc->doc->name, 0, 0, NULL,
                    "... and %u more problems",
                    cc->count - LK_CASE_MAX_DIAGS);
    cc->cb(&d, cc->payload);
}

/* Check the parsed document; the number of problems is cc->count. */
static int case_validate(case_check *cc)
{
    int error;
    json_t *root = cc->doc->root;
    cc->source_ids = json_object();
    if (cc->source_ids == NULL)
        return lk_error_set_oom(cc->err);
    if (!json_is_object(root)) {
        check_diag(cc, "", "a case must be an object, found %s",
                   check_type_name(root));
        return 0;
    }
    error = check_sources(cc, root);
    if (error < 0)
        return error;
    check_value(cc, &root_node, root);
    /* contradictions only between facts that are each well formed */
    if (cc->count == 0)
        lk_consistency__check(root, case_contradiction, cc);
    check_suppressed(cc);
    return 0;
}

/* Report the input problem "e" (a read or syntax error) once: to "cb",
 * and into "err"; "error" is returned. */
static int case_input_error(int error, const lk_error *e, lk_diag_cb cb,
                            void *payload, lk_error *err)
{
    if (err != NULL)
        *err = *e;
    if ((error == LK_EINVALID || error == LK_EIO) && cb != NULL)
        cb(e, payload);
    return error;
}

static void case_read_facts(json_t *root, lk_facts *facts);

int lk_case_parse(lk_case **out, const char *name, const char *data,
                  size_t len, lk_diag_cb cb, void *payload, lk_error *err)
{
    int error = 0;
    lk_case *c = NULL;
    lk_doc *doc = NULL;
    case_check cc;
    lk_error e;
    json_t *title;

    memset(&cc, 0, sizeof(cc));
    lk_error_clear(&e);
    error = lk_doc__parse(&doc, name, data, len, &e);
    if (error < 0)
        return case_input_error(error, &e, cb, payload, err);
    cc.doc = doc;
    cc.cb = cb;
    cc.payload = payload;
    cc.err = err;
    error = case_validate(&cc);
    if (error == 0 && cc.count > 0)
        error = LK_EINVALID;
    if (error < 0)
        goto out;
    c = lk_calloc(1, sizeof(*c));
    if (c == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    c->doc = doc;
    doc = NULL;
    c->id = json_string_value(json_object_get(c->doc->root, "id"));
    title = json_object_get(c->doc->root, "title");
    c->title = json_is_string(title) ? json_string_value(title) : c->id;
    lk_sha256_hex(data, len, c->sha256);
    case_read_facts(c->doc->root, &c->base);
    *out = c;
out:
    json_decref(cc.source_ids);
    lk_doc__free(doc);
    return error;
}

int lk_case_load(lk_case **out, const char *path, lk_diag_cb cb,
                 void *payload, lk_error *err)
{
    char *text = NULL;
    size_t len = 0;
    lk_error e;
    int error;
    lk_error_clear(&e);
    error = lk_file_read(&text, &len, path, LK_DOC_MAX_BYTES, &e);
    if (error == LK_ETOOBIG) { /* over the limit: bad input, as documented */
        error = LK_EINVALID;
        e.code = LK_EINVALID;
    }
    if (error < 0)
        return case_input_error(error, &e, cb, payload, err);
    error = lk_case_parse(out, path, text, len, cb, payload, err);
    lk_free(text);
    return error;
}

const char *lk_case_id(const lk_case *c)
{
    return c->id;
}

const char *lk_case_title(const lk_case *c)
{
    return c->title;
}

const char *lk_case_sha256(const lk_case *c)
{
    return c->sha256;
}

const char *lk_case_path(const lk_case *c)
{
    return c->doc->name;
}

json_t *lk_case__json(const lk_case *c)
{
    return c->doc->root;
}

void lk_case_free(lk_case *c)
{
    if (c == NULL)
        return;
    lk_doc__free(c->doc);
    lk_free(c);
}

/* ---- facts -------------------------------------------------------------- */

/* Read a fact stored at the path given by its pointer (at most 3 levels:
 * object keys, no escapes). */
static json_t *case_fact_json(json_t *root, const char *pointer)
{
    json_t *v = root;
    const char *p = pointer, *seg;
    int n;
    for (n = 0; *p == '/' && n < 3 && v != NULL; n++) {
        seg = ++p;
        while (*p != '\0' && *p != '/')
            p++;
        v = json_object_getn(v, seg, (size_t)(p - seg));
    }
    return v;
}

json_t *lk_case__fact_json(const lk_case *c, const char *pointer)
{
    return case_fact_json(c->doc->root, pointer);
}

/* A disputed ENUM or BOOL fact: the values its competing sources leave
 * open, or unknown outright when one of them is not a value. */
static void case_disputed(lk_fval *fv, int id, json_t *alts)
{
    const lk_fact_def *def = lk_facts__def(id);
    json_t *alt;
    size_t i;
    uint32_t mask = 0;
    if (def->type != LK_FT_ENUM && def->type != LK_FT_BOOL)
        return;
    json_array_foreach(alts, i, alt)
    {
        json_t *v = json_object_get(alt, "value");
        int idx = def->type == LK_FT_BOOL
                      ? (json_is_boolean(v) ? json_is_true(v) : -1)
                      : lk_facts__value_index(id, json_string_value(v));
        if (idx < 0) /* "unknown" or null among them: all open */
            return;
        mask |= 1u << idx;
    }
    if (LK_ONE_BIT(mask)) { /* every source agrees after all */
        fv->known = 1;
        fv->v = __builtin_ctz(mask);
        return;
    }
    fv->disputed = 1;
    fv->mask = mask;
}

void lk_case__base_facts(const lk_case *c, lk_facts *facts)
{
    *facts = c->base;
}

/* The facts the tree "root" of a valid case states (lk_case__base_facts). */
static void case_read_facts(json_t *root, lk_facts *facts)
{
    json_t *v, *item;
    int id, idx;
    size_t i;

    memset(facts, 0, sizeof(*facts));
    for (id = 0; id < LK_FACT_FIRST_DERIVED; id++) {
        const lk_fact_def *def = lk_facts__def(id);
        lk_fval *fv = &facts->f[id];
        if (id == LK_F_ACCESS_METHOD)
            continue; /* from access[], see below */
        v = case_fact_json(root, def->pointer);
        if (json_is_object(v) && json_object_get(v, "disputed")) {
            case_disputed(fv, id, json_object_get(v, "disputed"));
            continue;
        }
        v = lk_case__value(v);
        if (v == NULL || json_is_null(v) ||
            (json_is_string(v) && lk_streq(json_string_value(v), "unknown")))
            continue; /* unknown */
        switch (def->type) {
        case LK_FT_ENUM:
            idx = lk_facts__value_index(id, json_string_value(v));
            if (idx >= 0) {
                fv->known = 1;
                fv->v = idx;
            }
            break;
        case LK_FT_BOOL:
            fv->known = 1;
            fv->v = json_is_true(v);
            break;
        case LK_FT_SET:
            fv->known = 1;
            json_array_foreach(v, i, item)
            {
                idx = lk_facts__value_index(id, json_string_value(item));
                if (idx >= 0)
                    fv->mask |= 1u << idx;
                else
                    fv->partial = 1; /* "unknown" (or null) member */
            }
            break;
        case LK_FT_DATE:
            if (lk_date_parse(json_string_value(v), &fv->v) == 0)
                fv->known = 1;
            break;
        case LK_FT_COUNTRY: {
            const char *s = json_string_value(v);
            fv->known = 1;
            fv->v = ((unsigned char)s[0] << 8) | (unsigned char)s[1];
            break;
        }
        default:
            break;
        }
    }
    /* authenticity left unknown: what evidence shows is the law's
     * (lk_law__evidence_facts) */
    /* access methods stated directly; attack-only entries are mapped by
     * the law (lk_law__derive), which also marks unknown ones partial */
    v = json_object_get(root, "access");
    if (json_is_array(v)) {
        lk_fval *fv = &facts->f[LK_F_ACCESS_METHOD];
        fv->known = json_array_size(v) > 0;
        json_array_foreach(v, i, item)
        {
            json_t *m = lk_case__value(json_object_get(item, "method"));
            idx = json_is_string(m)
                      ? lk_facts__value_index(LK_F_ACCESS_METHOD,
                                              json_string_value(m))
                      : -1;
            if (idx >= 0)
                fv->mask |= 1u << idx;
        }
    }
}

int lk_case_check_citations(const lk_case *c, lk_diag_cb cb, void *payload,
                            lk_error *err)
{
    static const char *const objects[] = {"actor",   "victim",  "disclosure",
                                          "content", "context", "effects",
                                          "purpose", NULL};
    json_t *root = c->doc->root, *v, *item;
    int n = 0, k;
    size_t i;
    char ptr[64];

    if (json_object_get(root, "cite") != NULL)
        return 0; /* the whole case rests on the sources it cites */
    for (k = 0; objects[k]; k++) {
        v = json_object_get(root, objects[k]);
        if (!json_is_object(v) || json_object_get(v, "cite") != NULL)
            continue;
        snprintf(ptr, sizeof(ptr), "/%s", objects[k]);
        lk_case__diag(c, cb, payload, n ? NULL : err, ptr,
                      "no source cited for these facts (add \"cite\")");
        n++;
    }
    json_array_foreach(json_object_get(root, "access"), i, item)
    {
        if (json_object_get(item, "cite") != NULL)
            continue;
        snprintf(ptr, sizeof(ptr), "/access/%zu", i);
        lk_case__diag(c, cb, payload, n ? NULL : err, ptr,
                      "no source cited for these facts (add \"cite\")");
        n++;
    }
    return n ? LK_EINVALID : 0;
}
