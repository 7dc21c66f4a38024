/*
 * case_info.c: the public read accessors of a case's descriptive parts
 * (summary, sources of fact, points marked unconfirmed, the facts stated
 * with their own sources, evidence, notes, expected verdicts), for renderers
 * that must not read the case's JSON tree.
 */
#include "case.h"

#include <stdio.h>
#include <string.h>

const char *lk_case_summary(const lk_case *c)
{
    return json_string_value(json_object_get(c->doc->root, "summary"));
}

size_t lk_case_source_count(const lk_case *c)
{
    return json_array_size(json_object_get(c->doc->root, "sources"));
}

void lk_case_source(const lk_case *c, size_t i, lk_case_source_info *out)
{
    json_t *s = json_array_get(json_object_get(c->doc->root, "sources"), i);
    out->id = json_string_value(json_object_get(s, "id"));
    out->title = json_string_value(json_object_get(s, "title"));
    out->url = json_string_value(json_object_get(s, "url"));
    out->date = json_string_value(json_object_get(s, "date"));
    out->kind = json_string_value(json_object_get(s, "kind"));
    out->publisher = json_string_value(json_object_get(s, "publisher"));
    out->pinpoint = json_string_value(json_object_get(s, "pinpoint"));
    out->quote = json_string_value(json_object_get(s, "quote"));
    out->accessed = json_string_value(json_object_get(s, "accessed"));
    out->archived = json_string_value(json_object_get(s, "archived"));
    out->status = json_string_value(json_object_get(s, "status"));
    if (out->id == NULL)
        out->id = "";
}

size_t lk_case_unconfirmed_count(const lk_case *c)
{
    return json_array_size(json_object_get(c->doc->root, "x-unconfirmed"));
}

const char *lk_case_unconfirmed(const lk_case *c, size_t i)
{
    json_t *u = json_array_get(
        json_object_get(c->doc->root, "x-unconfirmed"), i);
    return json_is_string(u) ? json_string_value(u) : "?";
}

/* ---- stated facts ---------------------------------------------------- */

/* A walk over the stated facts, stopping at number "want" or at the one
 * at "find" (when not NULL). */
typedef struct case_walk {
    size_t want;        /* index sought; (size_t)-1 to count them all */
    const char *find;   /* pointer sought, or NULL */
    size_t seen;        /* facts passed so far */
    int found;          /* 1 once the fact is found */
    char pointer[LK_CASE_POINTER_MAX]; /* the walk's current pointer */
    char at[LK_CASE_POINTER_MAX];      /* the pointer of the fact found */
    json_t *value;      /* the fact found, as the case gives it */
    json_t *cites;      /* the nearest enclosing "cite" of it */
    lk_case_fact_cb cb; /* lk_case_fact_foreach: called for every fact */
    void *payload;      /* passed to "cb" */
    int stopped;        /* the value "cb" stopped the walk with */
} case_walk;

static void case_fact_fill(lk_case_fact_info *out, const char *pointer,
                           json_t *v);
static void case_value_get(lk_case_value_info *out, json_t *v,
                           json_t *cites, size_t k);

/* 1 if "v" is a fact given wrapped or disputed rather than a section. */
static int case_is_wrapped(json_t *v)
{
    return json_is_object(v) && (json_object_get(v, "value") != NULL ||
                                 json_object_get(v, "disputed") != NULL);
}

/* Visit the fact "v" at the walk's pointer; 1 when it is the one sought. */
static int case_walk_leaf(case_walk *w, json_t *v, json_t *cites)
{
    if (w->cb != NULL) {
        lk_case_fact_info info;
        lk_case_value_info value;
        case_fact_fill(&info, w->pointer, v);
        case_value_get(&value, v, cites, 0);
        w->stopped = w->cb(w->seen, &info, &value, w->payload);
        if (w->stopped != 0)
            return 1;
        w->seen++;
        return 0;
    }
    if (w->find ? strcmp(w->find, w->pointer) == 0 : w->seen == w->want) {
        w->found = 1;
        memcpy(w->at, w->pointer, sizeof(w->at));
        w->value = v;
        w->cites = cites;
        return 1;
    }
    w->seen++;
    return 0;
}

/* Put "/" and "seg" at byte "len" of the walk's pointer, truncating as
 * snprintf would (this runs for every key of every walk: no printf). */
static void case_walk_push(case_walk *w, size_t len, const char *seg)
{
    size_t n = strlen(seg);
    if (len + 1 >= sizeof(w->pointer))
        return;
    w->pointer[len++] = '/';
    if (n > sizeof(w->pointer) - 1 - len)
        n = sizeof(w->pointer) - 1 - len;
    memcpy(w->pointer + len, seg, n);
    w->pointer[len + n] = '\0';
}

/* Walk the section "obj" (or array of sections) at the walk's pointer,
 * "cites" being the nearest enclosing "cite". 1 once found. */
static int case_walk_section(case_walk *w, json_t *obj, json_t *cites)
{
    size_t len = strlen(w->pointer), i;
    const char *key;
    json_t *v;
    int hit = 0;
    if (json_is_array(obj)) {
        json_array_foreach(obj, i, v)
        {
            char num[24];
            snprintf(num, sizeof(num), "%zu", i);
            case_walk_push(w, len, num);
            if (json_is_object(v))
                hit = case_walk_section(w, v, cites);
            w->pointer[len] = '\0';
            if (hit)
                return 1;
        }
        return 0;
    }
    if (json_object_get(obj, "cite"))
        cites = json_object_get(obj, "cite");
    json_object_foreach(obj, key, v)
    {
        if (strcmp(key, "cite") == 0 || strncmp(key, "x-", 2) == 0 ||
            json_is_null(v))
            continue;
        case_walk_push(w, len, key);
        if (json_is_object(v) && !case_is_wrapped(v))
            hit = case_walk_section(w, v, cites);
        else
            hit = case_walk_leaf(w, v, cites);
        w->pointer[len] = '\0';
        if (hit)
            return 1;
    }
    return 0;
}

/* Run "w" over the sections of facts of "c". 1 once found. */
static int case_walk_run(const lk_case *c, case_walk *w)
{
    static const char *const sections[] = {"actor",      "victim",
                                           "access",     "disclosure",
                                           "content",    "context",
                                           "effects",    "purpose",
                                           NULL};
    json_t *root = c->doc->root, *cites = json_object_get(root, "cite");
    size_t k;
    w->seen = 0;
    w->found = 0;
    for (k = 0; sections[k]; k++) {
        json_t *sec = json_object_get(root, sections[k]);
        if (!json_is_object(sec) && !json_is_array(sec))
            continue;
        snprintf(w->pointer, sizeof(w->pointer), "/%s", sections[k]);
        if (case_walk_section(w, sec, cites))
            return 1;
    }
    return 0;
}

size_t lk_case_fact_count(const lk_case *c)
{
    case_walk w;
    memset(&w, 0, sizeof(w));
    w.want = (size_t)-1;
    case_walk_run(c, &w);
    return w.seen;
}

/* Find stated fact "i" into "w"; 0 when there is none. */
static int case_fact_get(const lk_case *c, size_t i, case_walk *w)
{
    memset(w, 0, sizeof(*w));
    w->want = i;
    return case_walk_run(c, w);
}

/* "out" for the fact "v" stated at "pointer". */
static void case_fact_fill(lk_case_fact_info *out, const char *pointer,
                           json_t *v)
{
    memset(out, 0, sizeof(*out));
    memcpy(out->pointer, pointer, sizeof(out->pointer));
    out->nvalues = 1;
    if (json_is_object(v) && json_object_get(v, "disputed")) {
        out->disputed = 1;
        out->nvalues = json_array_size(json_object_get(v, "disputed"));
    }
}

void lk_case_fact(const lk_case *c, size_t i, lk_case_fact_info *out)
{
    case_walk w;
    if (!case_fact_get(c, i, &w)) {
        memset(out, 0, sizeof(*out));
        return;
    }
    case_fact_fill(out, w.at, w.value);
}

int lk_case_fact_foreach(const lk_case *c, lk_case_fact_cb cb, void *payload)
{
    case_walk w;
    memset(&w, 0, sizeof(w));
    w.want = (size_t)-1;
    w.cb = cb;
    w.payload = payload;
    case_walk_run(c, &w);
    return w.stopped;
}

int lk_case_fact_find(const lk_case *c, const char *pointer)
{
    case_walk w;
    memset(&w, 0, sizeof(w));
    w.want = (size_t)-1;
    w.find = pointer;
    return case_walk_run(c, &w) ? (int)w.seen : -1;
}

/* Append to "out->text" at "*used" the string "s". */
static void case_text_add(lk_case_value_info *out, size_t *used,
                          const char *s)
{
    size_t n = strlen(s), room;
    if (*used >= sizeof(out->text))
        return;
    room = sizeof(out->text) - 1 - *used; /* as snprintf truncates */
    memcpy(out->text + *used, s, n < room ? n : room);
    out->text[*used + (n < room ? n : room)] = '\0';
    *used += n; /* past the end once truncated, as before */
}

/* Fill "out" with the plain value "v". */
static void case_value_fill(lk_case_value_info *out, json_t *v)
{
    size_t i, used = 0;
    json_t *item;
    if (json_is_string(v)) {
        out->kind = LK_CASE_VALUE_STRING;
        out->string = json_string_value(v);
        case_text_add(out, &used, out->string);
    } else if (json_is_boolean(v)) {
        out->kind = LK_CASE_VALUE_BOOL;
        out->boolean = json_is_true(v);
        case_text_add(out, &used, out->boolean ? "true" : "false");
    } else if (json_is_integer(v)) {
        out->kind = LK_CASE_VALUE_INTEGER;
        out->integer = (long long)json_integer_value(v);
        snprintf(out->text, sizeof(out->text), "%lld", out->integer);
    } else if (json_is_array(v)) {
        out->kind = LK_CASE_VALUE_LIST;
        json_array_foreach(v, i, item)
        {
            const char *s = json_is_string(item) ? json_string_value(item)
                                                 : "?";
            if (out->nitems < LK_CASE_MAX_ITEMS)
                out->items[out->nitems++] = s;
            case_text_add(out, &used, i ? ", " : "");
            case_text_add(out, &used, s);
        }
    } else {
        out->kind = LK_CASE_VALUE_NULL;
        case_text_add(out, &used, "unknown");
    }
}

/* Fill "out"'s sources from the JSON array "cites". */
static void case_cites_fill(lk_case_value_info *out, json_t *cites)
{
    size_t i;
    json_t *c;
    json_array_foreach(cites, i, c)
        if (json_is_string(c) && out->ncites < LK_CASE_MAX_CITES)
            out->cites[out->ncites++] = json_string_value(c);
}

/* Empty "out": every member but the arrays, which hold no entry until
 * their counts say so (the sources alone are 8 KB: clearing them for
 * every fact of a case would cost more than reading it). */
static void case_value_clear(lk_case_value_info *out)
{
    out->kind = LK_CASE_VALUE_NULL;
    out->string = NULL;
    out->boolean = 0;
    out->integer = 0;
    out->nitems = 0;
    out->text[0] = '\0';
    out->note = NULL;
    out->own_cites = 0;
    out->ncites = 0;
}

/* Value "k" of the fact "v" (whose nearest enclosing "cite" is "cites")
 * into "out". */
static void case_value_get(lk_case_value_info *out, json_t *v,
                           json_t *cites, size_t k)
{
    json_t *own = NULL;
    case_value_clear(out);
    if (json_is_object(v) && json_object_get(v, "disputed"))
        v = json_array_get(json_object_get(v, "disputed"), k);
    if (json_is_object(v)) { /* wrapped, or one side of a dispute */
        own = json_object_get(v, "cite");
        out->note = json_string_value(json_object_get(v, "note"));
        v = json_object_get(v, "value");
    }
    case_value_fill(out, v);
    out->own_cites = own != NULL;
    case_cites_fill(out, own ? own : cites);
}

void lk_case_fact_value(const lk_case *c, size_t i, size_t k,
                        lk_case_value_info *out)
{
    case_walk w;
    if (!case_fact_get(c, i, &w)) {
        case_value_clear(out);
        case_value_fill(out, NULL);
        return;
    }
    case_value_get(out, w.value, w.cites, k);
}

const char *lk_case_facts_date(const lk_case *c)
{
    json_t *s;
    const char *best = NULL;
    size_t i;
    json_array_foreach(json_object_get(c->doc->root, "sources"), i, s)
    {
        const char *d[2];
        int k;
        d[0] = json_string_value(json_object_get(s, "date"));
        d[1] = json_string_value(json_object_get(s, "accessed"));
        /* ISO 8601 dates order as strings; "2017" before "2017-01-06" */
        for (k = 0; k < 2; k++)
            if (d[k] && (best == NULL || strcmp(d[k], best) > 0))
                best = d[k];
    }
    return best;
}

/* ---- evidence, notes, expected verdicts ------------------------------ */

size_t lk_case_evidence_count(const lk_case *c)
{
    return json_array_size(json_object_get(c->doc->root, "evidence"));
}

size_t lk_case__summary_counts(json_t *summary, lk_case_evidence_info *out)
{
    json_t *objs[2], *v;
    const char *key;
    size_t n = 0;
    int k;
    objs[0] = summary;
    objs[1] = json_object_get(summary, "verdicts");
    for (k = 0; k < 2; k++)
        json_object_foreach(objs[k], key, v)
        {
            if (!json_is_integer(v))
                continue;
            if (out != NULL && out->ncounts < LK_CASE_MAX_COUNTS) {
                out->count_name[out->ncounts] = key;
                out->count[out->ncounts++] = (long long)json_integer_value(v);
            }
            n++;
        }
    return n;
}

void lk_case_evidence(const lk_case *c, size_t i, lk_case_evidence_info *out)
{
    json_t *e = json_array_get(json_object_get(c->doc->root, "evidence"), i);
    json_t *summary = json_object_get(e, "summary"), *x;
    size_t k;
    memset(out, 0, sizeof(*out));
    out->kind = json_string_value(json_object_get(e, "kind"));
    out->ref = json_string_value(json_object_get(e, "ref"));
    (void)lk_case__summary_counts(summary, out);
    json_array_foreach(json_object_get(e, "cite"), k, x)
        if (json_is_string(x) && out->ncites < LK_CASE_MAX_CITES)
            out->cites[out->ncites++] = json_string_value(x);
}

size_t lk_case_note_count(const lk_case *c)
{
    return json_object_size(json_object_get(c->doc->root, "x-notes"));
}

const char *lk_case_note(const lk_case *c, size_t i, const char **pointer)
{
    json_t *notes = json_object_get(c->doc->root, "x-notes"), *v;
    const char *key;
    size_t k = 0;
    *pointer = "";
    json_object_foreach(notes, key, v)
    {
        if (k++ != i)
            continue;
        *pointer = key;
        return json_is_string(v) ? json_string_value(v) : "?";
    }
    return "?";
}

/* 1 if "key" of "expected" names a lens (not "why" nor an "x-" key). */
static int case_expected_key(const char *key)
{
    return strcmp(key, "why") != 0 && strncmp(key, "x-", 2) != 0;
}

size_t lk_case_expected_count(const lk_case *c)
{
    json_t *exp = json_object_get(c->doc->root, "expected"), *v;
    const char *key;
    size_t n = 0;
    json_object_foreach(exp, key, v)
        n += case_expected_key(key) && json_is_string(v);
    return n;
}

const char *lk_case_expected(const lk_case *c, size_t i, const char **lens)
{
    json_t *exp = json_object_get(c->doc->root, "expected"), *v;
    const char *key;
    size_t k = 0;
    *lens = "";
    json_object_foreach(exp, key, v)
    {
        if (!case_expected_key(key) || !json_is_string(v) || k++ != i)
            continue;
        *lens = key;
        return json_string_value(v);
    }
    return "";
}

const char *lk_case_expected_why(const lk_case *c)
{
    return json_string_value(
        json_object_get(json_object_get(c->doc->root, "expected"), "why"));
}
