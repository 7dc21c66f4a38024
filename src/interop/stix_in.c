/*
 * stix_in.c: a STIX 2.0/2.1 bundle read as draft leaklaw/case/1 cases
 * (include/leaklaw/stix.h). Objects are indexed by id once; relations
 * are walked breadth-first with a visited set, so cycles end; dangling
 * references and unmappable values become notes, never facts.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "array.h"
#include "buf.h"
#include "error.h"
#include "jsonfast.h"
#include "jsonw.h"
#include "leaklaw/case.h"
#include "leaklaw/stix.h"
#include "stix_in.h"

#define STIX_MAX_NOTES 1000 /* notes kept; the rest are counted */
#define STIX_NOTE_MAX 2048 /* bytes of a note's message, with its NUL */
#define STIX_MAX_RETRIES 16 /* facts dropped after a failed validation */

/* One draft, as indented and as one-line JSON text. */
typedef struct stix_draft {
    char *pretty, *compact;
} stix_draft;

struct lk_stix_import_result {
    stix_draft *drafts;
    size_t ncases, capcases;
    lk_stix_note *notes;
    size_t nnotes, capnotes, dropped;
};

/* One object of the bundle. */
typedef struct stix_obj {
    const char *id, *type;
    json_t *j;
    int revoked; /* "revoked": true: no longer valid for its creator */
} stix_obj;

/* One relationship with both ends in the bundle. */
typedef struct stix_rel {
    size_t src, dst, self;
    const char *type;
} stix_rel;

/* The import: the bundle, its indexes and the draft being made. */
typedef struct stix_ctx {
    const char *name;
    const lk_law *law;
    lk_stix_import_result *res;
    stix_obj *o;
    size_t n;
    size_t *byid;         /* object indexes sorted by id */
    stix_rel *out, *in;   /* relationships sorted by src, by dst */
    size_t nrel;
    unsigned char *seen;  /* per object, per draft */
    size_t *slot;         /* per object: 1 + its index in sources, or 0 */
    size_t *touched;      /* the objects whose seen or slot a draft set */
    size_t ntouched;
    json_t *sources;      /* of the draft being made */
    json_t *ids;          /* case ids given so far (object used as set) */
    size_t *reports;      /* the reports' object indexes, in bundle order */
    size_t nreports;      /* entries of "reports" */
    size_t *ref_off;      /* per report: its first entry of "refs" (+1) */
    size_t *refs;         /* the objects reports name (object_refs in the
                             bundle), resolved once rather than per draft */
    size_t *dropped_rel;  /* relationships ignored for a revoked end */
} stix_ctx;

/* ---------------------------------------------------------------- */
/* notes and helpers                                                 */
/* ---------------------------------------------------------------- */

/* Drop from "s" the bytes of ill-formed UTF-8: a name cut by "%.100s"
 * in a note, or text cut by snprintf, may end inside a character, and
 * notes and facts must stay UTF-8. (Names come from the bundle, which
 * jansson checked is UTF-8.) */
static void utf8_clean(char *s)
{
    unsigned char *p = (unsigned char *)s, *out = p;
    while (*p) {
        size_t need = *p < 0x80 ? 1 : *p >= 0xF0 && *p < 0xF5 ? 4 :
                      *p >= 0xE0 ? 3 : *p >= 0xC2 && *p < 0xE0 ? 2 : 0;
        size_t k = 1;
        while (need > 1 && k < need && (p[k] & 0xC0) == 0x80)
            k++;
        if (need == 0 || k < need) { /* a stray or cut sequence: drop */
            p += need == 0 ? 1 : k;
            continue;
        }
        memmove(out, p, need);
        out += need;
        p += need;
    }
    *out = '\0';
}

/* Add a note at object "i" ((size_t)-1: none) with "sub" appended to its
 * pointer. A message longer than STIX_NOTE_MAX bytes is cut (at a whole
 * UTF-8 character), never dropped. Returns 0 or LK_ENOMEM. */
static int note(stix_ctx *x, size_t i, const char *sub, const char *fmt,
                ...) LK_PRINTF(4, 5);
static int note(stix_ctx *x, size_t i, const char *sub, const char *fmt,
                ...)
{
    lk_stix_import_result *r = x->res;
    lk_buf p;
    char msg[STIX_NOTE_MAX];
    va_list ap;
    if (r->nnotes >= STIX_MAX_NOTES - 1 && i != (size_t)-1) {
        r->dropped++;
        return 0;
    }
    lk_buf_init(&p, 256);
    if (i != (size_t)-1)
        lk_buf_printf(&p, "/objects/%zu%s", i, sub ? sub : "");
    else
        lk_buf_puts(&p, "");
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap); /* cut when longer */
    va_end(ap);
    {
        void *g = lk_array_grow(r->notes, &r->capnotes, r->nnotes + 1,
                                sizeof(*r->notes));
        char *ps = lk_buf_detach(&p, NULL), *ms = lk_strdup(msg);
        if (g == NULL || ps == NULL || ms == NULL) {
            lk_free(ps);
            lk_free(ms);
            return LK_ENOMEM;
        }
        r->notes = g;
        utf8_clean(ms);
        r->notes[r->nnotes].pointer = ps;
        r->notes[r->nnotes].message = ms;
        r->nnotes++;
    }
    return 0;
}

/* String member "key" of "j", or NULL. */
static const char *str(json_t *j, const char *key)
{
    return json_string_value(json_object_get(j, key));
}

/* The bytes of "s" to print with "%.*s" so that at most "max" are
 * printed and no UTF-8 character is cut (a draft's text must stay valid
 * UTF-8 for jansson). */
static int utf8_prec(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    if (s[n]) /* cut: back up to the start of the character */
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    return (int)n;
}

/* The object name of object "i" (its "name", else its id). */
static const char *obj_name(const stix_ctx *x, size_t i)
{
    const char *s = str(x->o[i].j, "name");
    return s && *s ? s : x->o[i].id;
}

/* Object "i"'s name (obj_name) as a string of a draft: cut at a character
 * to a case's longest string (a longer name made the draft invalid).
 * NULL when out of memory. */
static json_t *name_json(const stix_ctx *x, size_t i)
{
    const char *s = obj_name(x, i);
    return json_stringn(s, (size_t)utf8_prec(s, LK_CASE_STRING_MAX));
}

/* qsort comparator of object indexes by id (through a file static). */
static const stix_obj *sort_objs;
static int cmp_byid(const void *a, const void *b)
{
    return strcmp(sort_objs[*(const size_t *)a].id,
                  sort_objs[*(const size_t *)b].id);
}

/* qsort comparator of relationships by source, then bundle order. */
static int cmp_src(const void *a, const void *b)
{
    const stix_rel *p = a, *q = b;
    return p->src < q->src ? -1 : p->src > q->src ? 1 :
           (p->self < q->self ? -1 : p->self > q->self);
}

/* qsort comparator of relationships by target, then bundle order. */
static int cmp_dst(const void *a, const void *b)
{
    const stix_rel *p = a, *q = b;
    return p->dst < q->dst ? -1 : p->dst > q->dst ? 1 :
           (p->self < q->self ? -1 : p->self > q->self);
}

/* The index of the object with id "id", or (size_t)-1. */
static size_t find(const stix_ctx *x, const char *id)
{
    size_t lo = 0, hi = x->n;
    if (id == NULL)
        return (size_t)-1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(x->o[x->byid[mid]].id, id);
        if (c == 0)
            return x->byid[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (size_t)-1;
}

/* The first relationship of "rels" (sorted by src, or by dst when
 * "by_dst") whose end is "i". */
static size_t rel_first(const stix_ctx *x, const stix_rel *rels, size_t i,
                        int by_dst)
{
    size_t lo = 0, hi = x->nrel;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t end = by_dst ? rels[mid].dst : rels[mid].src;
        if (end < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether relationships from an object of type "t" can give a fact. */
static int maps_from(const char *t)
{
    return !strcmp(t, "intrusion-set") || !strcmp(t, "campaign") ||
           !strcmp(t, "threat-actor") || !strcmp(t, "identity");
}

/* Note at object "at" that object "r" is revoked, with what replaces it
 * (a revoked-by relationship), then "what" ("no draft"...). */
static int revoked_note(stix_ctx *x, size_t at, const char *sub, size_t r,
                        const char *what)
{
    size_t k;
    for (k = rel_first(x, x->out, r, 0); k < x->nrel && x->out[k].src == r;
         k++)
        if (!strcmp(x->out[k].type, "revoked-by"))
            return note(x, at, sub, "%.40s '%.100s' is revoked by its "
                        "creator (replaced by '%.100s'): %s", x->o[r].type,
                        obj_name(x, r), obj_name(x, x->out[k].dst), what);
    return note(x, at, sub, "%.40s '%.100s' is revoked by its creator: %s",
                x->o[r].type, obj_name(x, r), what);
}

/* Whether identity object "j" is a government body, as the law's STIX
 * identity readings (data/stix/identity.json) say: a class that allows it
 * (or one they do not list) and a sector that makes one. */
static int is_gov(const stix_ctx *x, json_t *j)
{
    json_t *sectors = json_object_get(j, "sectors"), *s;
    lk_stix_reading rd;
    size_t k;
    if (lk_law_stix_class(x->law, str(j, "identity_class"), &rd) == 0 &&
        !rd.government)
        return 0;
    json_array_foreach(sectors, k, s)
        if (lk_law_stix_sector(x->law, json_string_value(s), &rd) == 0 &&
            rd.government)
            return 1;
    return 0;
}

/* "s" as lowercase [a-z0-9-] into "out" (size "size"), runs of other
 * characters one dash, no dash at either end. */
static void slugify(char *out, size_t size, const char *s)
{
    size_t n = 0;
    int dash = 0;
    for (; *s && n + 1 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) && c < 128) {
            if (dash && n > 0 && n + 2 < size)
                out[n++] = '-';
            dash = 0;
            out[n++] = (char)tolower(c);
        } else {
            dash = 1;
        }
    }
    out[n] = '\0';
}

/* The date part (YYYY-MM-DD) of STIX timestamp "ts" into "out" (11), or
 * "" when "ts" does not start with one. */
static void ts_date(char out[11], const char *ts)
{
    static const char shape[] = "dddd-dd-dd";
    size_t k;
    out[0] = '\0';
    if (ts == NULL || strlen(ts) < 10)
        return;
    for (k = 0; k < 10; k++)
        if (shape[k] == 'd' ? !isdigit((unsigned char)ts[k])
                            : ts[k] != '-')
            return;
    memcpy(out, ts, 10);
    out[10] = '\0';
}

/* ---------------------------------------------------------------- */
/* sources                                                           */
/* ---------------------------------------------------------------- */

/* Whether "slug" is already a source id of the draft. */
static int slug_taken(const stix_ctx *x, const char *slug)
{
    size_t k;
    json_t *s;
    json_array_foreach(x->sources, k, s)
        if (!strcmp(str(s, "id"), slug))
            return 1;
    return 0;
}

/* Set "bits" in the seen mark of object "i", remembering "i" so that the
 * next draft clears only the marks this one set (not every object's). */
static void mark(stix_ctx *x, size_t i, unsigned char bits)
{
    if (x->seen[i] == 0 && x->slot[i] == 0)
        x->touched[x->ntouched++] = i;
    x->seen[i] |= bits;
}

/* Clear the marks and source slots the last draft set. */
static void marks_clear(stix_ctx *x)
{
    while (x->ntouched > 0) {
        size_t i = x->touched[--x->ntouched];
        x->seen[i] = 0;
        x->slot[i] = 0;
    }
}

/* The source id of object "i" in the draft, adding the source on first
 * use; NULL on allocation failure. */
static const char *cite_obj(stix_ctx *x, size_t i)
{
    json_t *src, *refs, *ref;
    char slug[96], base[64], date[11];
    const char *id = x->o[i].id, *uuid = strstr(id, "--"), *url = NULL;
    size_t k;
    if (x->slot[i])
        return str(json_array_get(x->sources, x->slot[i] - 1), "id");
    slugify(base, sizeof(base), str(x->o[i].j, "name") ?
                                    str(x->o[i].j, "name") : "");
    if (strlen(base) > 40) { /* cut at a word */
        char *dash;
        base[40] = '\0';
        dash = strrchr(base + 20, '-');
        if (dash)
            *dash = '\0';
    }
    if (!*base) { /* no name: type and the start of the UUID */
        char type[24], tail[16];
        slugify(type, sizeof(type), x->o[i].type);
        uuid = uuid ? uuid + 2 : id;
        snprintf(tail, sizeof(tail), "%.8s", uuid);
        slugify(tail, sizeof(tail), tail);
        snprintf(base, sizeof(base), "%s%s%s", type, *tail ? "-" : "",
                 tail);
    }
    snprintf(slug, sizeof(slug), "%s", base);
    for (k = 2; slug_taken(x, slug); k++)
        snprintf(slug, sizeof(slug), "%s-%zu", base, k);
    refs = json_object_get(x->o[i].j, "external_references");
    json_array_foreach(refs, k, ref)
    {
        const char *u = str(ref, "url");
        /* the first web address a case can hold */
        if (url == NULL && u != NULL && !strncmp(u, "http", 4) &&
            strlen(u) <= LK_CASE_STRING_MAX)
            url = u;
    }
    ts_date(date, str(x->o[i].j, "published"));
    if (!*date)
        ts_date(date, str(x->o[i].j, "first_seen"));
    src = json_object();
    if (src == NULL || json_array_append_new(x->sources, src) < 0)
        return NULL;
    if (json_object_set_new(src, "id", json_string(slug)) < 0 ||
        json_object_set_new(src, "title", name_json(x, i)) < 0 ||
        (url && json_object_set_new(src, "url", json_string(url)) < 0) ||
        (*date && json_object_set_new(src, "date", json_string(date)) < 0) ||
        json_object_set_new(src, "kind", json_string("report")) < 0 ||
        json_object_set_new(src, "pinpoint", json_string(id)) < 0)
        return NULL;
    if (x->seen[i] == 0)
        x->touched[x->ntouched++] = i;
    x->slot[i] = json_array_size(x->sources);
    return str(src, "id");
}

/* A new cite array with the source ids of the "n" objects "objs". */
static json_t *cites(stix_ctx *x, const size_t *objs, size_t n)
{
    json_t *a = json_array();
    size_t k, m;
    for (k = 0; a && k < n; k++) {
        const char *id = cite_obj(x, objs[k]);
        int dup = 0;
        if (id == NULL) {
            json_decref(a);
            return NULL;
        }
        for (m = 0; m < json_array_size(a); m++)
            dup |= !strcmp(json_string_value(json_array_get(a, m)), id);
        if (!dup && json_array_append_new(a, json_string(id)) < 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

/* {"value": value (stolen), "cite": [...], "note"?} */
static json_t *wrapped(stix_ctx *x, json_t *value, const size_t *objs,
                       size_t n, const char *why)
{
    json_t *w = json_object(), *c = cites(x, objs, n);
    if (w == NULL || c == NULL || json_object_set_new(w, "value", value) < 0 ||
        json_object_set_new(w, "cite", c) < 0 ||
        (why && json_object_set_new(w, "note", json_string(why)) < 0)) {
        json_decref(w);
        return NULL;
    }
    return w;
}

/* ---------------------------------------------------------------- */
/* the draft                                                         */
/* ---------------------------------------------------------------- */

/* The group of draft subject "s": "s" and the campaigns attributed to it,
 * into "g" (n of at most x->n). Marks them seen with bit 2. */
static size_t group_of(stix_ctx *x, size_t s, size_t *g)
{
    size_t n = 0, k;
    g[n++] = s;
    mark(x, s, 2);
    for (k = rel_first(x, x->in, s, 1); k < x->nrel && x->in[k].dst == s;
         k++) {
        size_t c = x->in[k].src;
        if (!strcmp(x->in[k].type, "attributed-to") &&
            !strcmp(x->o[c].type, "campaign") && !(x->seen[c] & 2)) {
            mark(x, c, 2);
            g[n++] = c;
        }
    }
    return n;
}

/* The actor of subject "s": attributed-to chains breadth-first from "s"
 * (bit 1 of seen: visited), their located-at countries and government
 * identities. "q" is scratch of x->n. */
static int actor_of(stix_ctx *x, json_t *actor, size_t s, size_t *q)
{
    size_t head = 0, tail = 0, k, govs[8], ngov = 0, locs[8], nloc = 0;
    char cc[3] = "";
    int mixed = 0, nation = -1;
    q[tail++] = s;
    mark(x, s, 1);
    while (head < tail) {
        size_t v = q[head++];
        for (k = rel_first(x, x->out, v, 0);
             k < x->nrel && x->out[k].src == v; k++) {
            size_t d = x->out[k].dst;
            const char *t = x->o[d].type;
            if (!strcmp(x->out[k].type, "located-at") &&
                !strcmp(t, "location")) {
                const char *c = str(x->o[d].j, "country");
                if (c == NULL || strlen(c) != 2 ||
                    !isalpha((unsigned char)c[0]) ||
                    !isalpha((unsigned char)c[1])) {
                    if (note(x, d, "/country", "location '%.100s' gives no "
                             "ISO 3166-1 alpha-2 country: actor.state not "
                             "taken from it", obj_name(x, d)) < 0)
                        return LK_ENOMEM;
                    continue;
                }
                if (*cc && (cc[0] != toupper((unsigned char)c[0]) ||
                            cc[1] != toupper((unsigned char)c[1])))
                    mixed = 1;
                cc[0] = (char)toupper((unsigned char)c[0]);
                cc[1] = (char)toupper((unsigned char)c[1]);
                if (nloc < 6) {
                    locs[nloc++] = d;
                    locs[nloc++] = v;
                }
                continue;
            }
            if (strcmp(x->out[k].type, "attributed-to") ||
                (x->seen[d] & 1))
                continue;
            if (strcmp(t, "threat-actor") && strcmp(t, "identity") &&
                strcmp(t, "intrusion-set"))
                continue;
            mark(x, d, 1);
            q[tail++] = d;
            if (!strcmp(t, "identity") && is_gov(x, x->o[d].j) && ngov < 8)
                govs[ngov++] = d;
            if (!strcmp(t, "threat-actor") && nation < 0) {
                json_t *types = json_object_get(x->o[d].j,
                                                "threat_actor_types"), *e;
                size_t m;
                if (types == NULL)
                    types = json_object_get(x->o[d].j, "labels");
                json_array_foreach(types, m, e)
                    if (!strcmp(json_string_value(e) ?
                                json_string_value(e) : "", "nation-state"))
                        nation = (int)d;
            }
        }
    }
    if (ngov > 0) {
        json_t *w = wrapped(x, json_string("state-organ"), govs, ngov,
                            "The group is attributed to a government body "
                            "(an identity of a government sector).");
        if (w == NULL || json_object_set_new(actor, "kind", w) < 0)
            return LK_ENOMEM;
    } else if (nation >= 0 &&
               note(x, (size_t)nation, "/threat_actor_types",
                    "'nation-state' does not say whether the actor is an "
                    "organ of the State or directed by it: actor.kind "
                    "left unknown") < 0) {
        return LK_ENOMEM;
    }
    if (mixed) {
        if (note(x, s, "", "the attributed-to chains of '%.100s' lead to "
                 "locations in several countries: actor.state left "
                 "unknown", obj_name(x, s)) < 0)
            return LK_ENOMEM;
    } else if (*cc) {
        json_t *w = wrapped(x, json_string(cc), locs, nloc, NULL);
        if (w == NULL || json_object_set_new(actor, "state", w) < 0)
            return LK_ENOMEM;
    }
    return 0;
}

/* STIX 2.1 confidence (0-100) as a leaklaw level (STIX 2.1 Appendix A,
 * "None / Low / Med / High" scale). */
const char *lk_stix__level(long long c)
{
    return c <= 0 ? "none" : c < 30 ? "low" : c < 70 ? "moderate" : "high";
}

static const char *target_of(const stix_ctx *x, json_t *j, char *why,
                             size_t size);

/* The basis of a report written by identity "a", or NULL. An organisation
 * that is not a government body is the private sector when its sectors
 * read as a company; not when it names no sector, when they leave its
 * kind unknown (a hospital or a university may be public) or read as
 * something else (a non-profit): then why into "why" (size "size"), else
 * "". */
static const char *basis_of(stix_ctx *x, size_t a, const char *victim_cc,
                            char *why, size_t size)
{
    json_t *j = x->o[a].j;
    const char *cls = str(j, "identity_class");
    size_t k;
    *why = '\0';
    if (is_gov(x, j)) {
        for (k = rel_first(x, x->out, a, 0);
             k < x->nrel && x->out[k].src == a; k++) {
            const char *c = str(x->o[x->out[k].dst].j, "country");
            if (!strcmp(x->out[k].type, "located-at") && c && victim_cc)
                return strcasecmp(c, victim_cc) ? "third-government"
                                                : "victim-government";
        }
        return NULL;
    }
    if (cls && !strcmp(cls, "organization")) {
        const char *t;
        if (json_array_size(json_object_get(j, "sectors")) == 0) {
            snprintf(why, size, "it names no sector, so whether it is a "
                     "company or a government body is not said");
            return NULL;
        }
        t = target_of(x, j, why, size);
        if (t != NULL && !strcmp(t, "company")) {
            *why = '\0';
            return "private-sector";
        }
        if (t != NULL) /* e.g. a non-profit: civil society is not the
                          private sector, and no basis value names it */
            snprintf(why, size, "its sectors read as '%s', which no "
                     "attribution basis of the case format names (the "
                     "private sector is companies)", t);
    }
    return NULL;
}

/* Whether report "q" (of x->reports) names an object marked in seen
 * (bits 1 or 2). */
static int report_names(const stix_ctx *x, size_t q)
{
    size_t k;
    for (k = x->ref_off[q]; k < x->ref_off[q + 1]; k++)
        if (x->seen[x->refs[k]] & 3)
            return 1;
    return 0;
}

/* actor.attribution from the reports naming the group. */
static int attribution_of(stix_ctx *x, json_t *actor, size_t s,
                          const char *victim_cc)
{
    size_t i, q, reps[16], nrep = 0, auth[16], nauth = 0;
    json_int_t conf = -1, c;
    const char *lvl = NULL;
    json_t *att = NULL, *basis = json_array(), *v;
    char why[256];
    int rc = LK_ENOMEM;
    if (basis == NULL)
        return LK_ENOMEM;
    if (json_is_integer(json_object_get(x->o[s].j, "confidence"))) {
        conf = json_integer_value(json_object_get(x->o[s].j, "confidence"));
        reps[nrep++] = s;
    }
    for (q = 0; q < x->nreports && nrep < 16; q++) {
        size_t a;
        i = x->reports[q];
        if (!report_names(x, q))
            continue;
        v = json_object_get(x->o[i].j, "confidence");
        reps[nrep++] = i;
        if (json_is_integer(v)) {
            c = json_integer_value(v);
            if (c < 0 || c > 100) {
                if (note(x, i, "/confidence", "confidence %lld is outside "
                         "0-100: not used", (long long)c) < 0)
                    goto out;
            } else if (conf < 0 || c < conf) {
                conf = c;
            }
        }
        a = find(x, str(x->o[i].j, "created_by_ref"));
        if (a == (size_t)-1 && str(x->o[i].j, "created_by_ref") &&
            note(x, i, "/created_by_ref", "the report's author is not in "
                 "the bundle: no attribution basis from it") < 0)
            goto out;
        if (a != (size_t)-1 && !strcmp(x->o[a].type, "identity")) {
            char bwhy[1024];
            const char *b = basis_of(x, a, victim_cc, bwhy, sizeof(bwhy));
            size_t m;
            int dup = 0;
            if (b == NULL) {
                if (note(x, a, "", "the author '%.100s' of a report is not a "
                         "company or a government located in a known "
                         "country: no attribution basis%s%s", obj_name(x, a),
                         *bwhy ? "; " : "", bwhy) < 0)
                    goto out;
                continue;
            }
            json_array_foreach(basis, m, v)
                dup |= !strcmp(json_string_value(v), b);
            if ((!dup && json_array_append_new(basis, json_string(b)) < 0))
                goto out;
            if (nauth < 15) {
                auth[nauth++] = i;
                auth[nauth++] = a;
            }
        }
    }
    if (conf < 0 && json_array_size(basis) == 0) {
        rc = 0;
        goto out;
    }
    att = json_object();
    if (att == NULL || json_object_set_new(actor, "attribution", att) < 0)
        goto out;
    if (conf >= 0) {
        lvl = lk_stix__level((long long)conf);
        snprintf(why, sizeof(why), "STIX confidence %lld of 100 (the lowest "
                 "given), read on the STIX 2.1 scale: 0 none, 1-29 low, "
                 "30-69 moderate, 70-100 high.", (long long)conf);
        v = wrapped(x, json_string(lvl), reps, nrep, why);
        if (v == NULL || json_object_set_new(att, "confidence", v) < 0)
            goto out;
    }
    if (json_array_size(basis) > 0) {
        if (json_object_set(att, "basis", basis) < 0)
            goto out;
        v = cites(x, auth, nauth);
        if (v == NULL || json_object_set_new(att, "cite", v) < 0)
            goto out;
    }
    rc = 0;
out:
    json_decref(basis);
    return rc;
}

/* The ATT&CK id of attack pattern "j" into "id" (16), or "" with its
 * DISARM id into "disarm" (16; "" when none). */
static void attack_id(json_t *j, char id[16], char disarm[16])
{
    json_t *refs = json_object_get(j, "external_references"), *r;
    size_t k;
    id[0] = disarm[0] = '\0';
    json_array_foreach(refs, k, r) {
        const char *src = str(r, "source_name"), *e = str(r, "external_id");
        if (src == NULL || e == NULL || strlen(e) >= 16)
            continue;
        if (!strcmp(src, "mitre-attack")) {
            snprintf(id, 16, "%s", e);
            return;
        }
        if (!strcasecmp(src, "disarm"))
            snprintf(disarm, 16, "%s", e);
    }
}

/* Set the fact a DISARM reading gives ("info") in the draft, cited to
 * attack pattern "ap". The same value again adds the cite; a different
 * authenticity gives "mixed"; another disagreement drops the fact. */
static int disarm_set(stix_ctx *x, json_t *kase, size_t ap,
                      const lk_technique_info *info)
{
    const char *key = strrchr(info->import_fact, '/') + 1;
    const char *v = info->import_value;
    json_t *sec, *old, *val;
    char obj[32];
    snprintf(obj, sizeof(obj), "%.*s", (int)(key - info->import_fact - 2),
             info->import_fact + 1);
    sec = json_object_get(kase, obj);
    if (sec == NULL && (json_object_set_new(kase, obj, json_object()) < 0 ||
                        (sec = json_object_get(kase, obj)) == NULL))
        return LK_ENOMEM;
    old = json_object_get(sec, key);
    val = !strcmp(v, "true") ? json_true() : !strcmp(v, "false")
                                                 ? json_false()
                                                 : json_string(v);
    if (old != NULL) { /* the same value again, or a disagreement */
        json_t *was = json_object_get(old, "value");
        int same = json_equal(was, val) || json_is_null(was);
        json_decref(val);
        if (!same && !strcmp(key, "authenticity"))
            json_object_set_new(old, "value", json_string("mixed"));
        else if (!same)
            json_object_set_new(old, "value", json_null());
        if (!same)
            json_object_set_new(old, "note", json_string(
                !strcmp(key, "authenticity")
                    ? "DISARM techniques disagree on the documents' "
                      "authenticity: mixed"
                    : "DISARM techniques disagree: left unknown"));
        return json_array_append_new(json_object_get(old, "cite"),
                                     json_string(cite_obj(x, ap)));
    }
    old = wrapped(x, val, &ap, 1, info->import_text);
    return old == NULL || json_object_set_new(sec, key, old) < 0 ? LK_ENOMEM
                                                                 : 0;
}

/* An attack pattern with a DISARM id "did" and no ATT&CK id: the fact its
 * reading sets, or a note that it has none. */
static int disarm_of(stix_ctx *x, json_t *kase, size_t ap, const char *did)
{
    lk_technique_info info;
    if (lk_law_technique_find(x->law, "disarm", did, &info) != 0)
        return note(x, ap, "/external_references", "'%.40s' is not a "
                    "technique of the bundled DISARM index: not read", did);
    if (info.import_fact == NULL)
        return note(x, ap, "/external_references", "DISARM %s (%.100s) "
                    "says nothing leaklaw reads about the disclosure: no "
                    "fact set", did, info.name);
    return disarm_set(x, kase, ap, &info);
}

/* access[] from the attack patterns group "g" uses. */
static int access_of(stix_ctx *x, json_t *kase, const size_t *g, size_t ng)
{
    json_t *acc = json_array();
    size_t k, m;
    if (acc == NULL)
        return LK_ENOMEM;
    for (m = 0; m < ng; m++) {
        for (k = rel_first(x, x->out, g[m], 0);
             k < x->nrel && x->out[k].src == g[m]; k++) {
            size_t ap = x->out[k].dst, e;
            char id[16], did[16];
            int dup = -1;
            json_t *it;
            if (strcmp(x->out[k].type, "uses") ||
                strcmp(x->o[ap].type, "attack-pattern") || (x->seen[ap] & 4))
                continue;
            mark(x, ap, 4);
            attack_id(x->o[ap].j, id, did);
            if (!*id && *did) {
                if (disarm_of(x, kase, ap, did) < 0)
                    goto oom;
                continue;
            }
            if (!*id) {
                if (note(x, ap, "/external_references", "attack pattern "
                         "'%.100s' has no ATT&CK id (source_name "
                         "'mitre-attack'): not in access[]",
                         obj_name(x, ap)) < 0)
                    goto oom;
                continue;
            }
            if (lk_law_technique_name(x->law, id) == NULL) {
                if (note(x, ap, "/external_references", "'%.100s' is not a "
                         "technique of the bundled ATT&CK index: dropped",
                         id) < 0)
                    goto oom;
                continue;
            }
            json_array_foreach(acc, e, it)
                if (!strcmp(str(it, "attack"), id))
                    dup = (int)e;
            if (dup >= 0) {
                const char *sid = cite_obj(x, ap);
                if (sid == NULL || json_array_append_new(json_object_get(
                        json_array_get(acc, (size_t)dup), "cite"),
                        json_string(sid)) < 0)
                    goto oom;
                continue;
            }
            it = json_object();
            if (it == NULL || json_array_append_new(acc, it) < 0 ||
                json_object_set_new(it, "attack", json_string(id)) < 0 ||
                json_object_set_new(it, "cite", cites(x, &ap, 1)) < 0 ||
                json_object_get(it, "cite") == NULL)
                goto oom;
        }
    }
    if (json_array_size(acc) == 0) {
        json_decref(acc);
        return 0;
    }
    return json_object_set_new(kase, "access", acc) < 0 ? LK_ENOMEM : 0;
oom:
    json_decref(acc);
    return LK_ENOMEM;
}


/* The string sectors of "sectors" into "out" (size "size") as "'a', 'b'"
 * (at most four, each cut to 60 bytes, then ", ..."); "" when none. */
static void sector_list(json_t *sectors, char *out, size_t size)
{
    json_t *s;
    size_t k, n = 0, len = 0;
    out[0] = '\0';
    json_array_foreach(sectors, k, s) {
        const char *v = json_string_value(s);
        if (v == NULL || len >= size)
            continue;
        if (n == 4) {
            snprintf(out + len, size - len, ", ...");
            break;
        }
        snprintf(out + len, size - len, "%s'%.*s'", n ? ", " : "",
                 utf8_prec(v, 60), v);
        len += strlen(out + len);
        n++;
    }
    utf8_clean(out);
}

/* Why identity "j" has no target (target_of found none) into "why" (size
 * "size"): the first sector read that says nothing of the kind of body
 * (neither a target nor an industry of businesses), else what the class
 * or the missing readings leave open, so that an analyst knows what to
 * fill in. "amb" and "amb_text": that sector and its reading's text, or
 * NULL; "ind": a sector that is an industry of businesses, or NULL. */
static void unknown_why(const stix_ctx *x, json_t *j, const char *amb,
                        const char *amb_text, const char *ind, char *why,
                        size_t size)
{
    const char *cls = str(j, "identity_class");
    json_t *sectors = json_object_get(j, "sectors");
    lk_stix_reading c;
    char list[320];
    int has_class = lk_law_stix_class(x->law, cls, &c) == 0;
    sector_list(sectors, list, sizeof(list));
    if (amb != NULL)
        snprintf(why, size, "sector '%.*s': %s", utf8_prec(amb, 60), amb,
                 amb_text);
    else if (has_class && (*list == '\0' || ind != NULL))
        snprintf(why, size, "%sidentity_class '%.*s': %s",
                 *list ? "" : "it names no sector; ", utf8_prec(cls, 60),
                 cls, c.text);
    else if (*list == '\0')
        snprintf(why, size, "it names no sector and %s", cls ?
                 "its identity_class has no reading" : "no identity_class");
    else if (ind == NULL)
        snprintf(why, size, "no reading of its sectors (%s) in "
                 "stix/identity.json", list);
    else
        snprintf(why, size, "%s, which gives no fallback", cls ?
                 "its identity_class has no reading" : "it has no "
                 "identity_class");
    utf8_clean(why);
}

/* victim.target of identity "j" as the law's STIX identity readings say,
 * or NULL; the reason into "why" (size "size"), also when NULL (see
 * unknown_why). The class's own target first, then the first sector that
 * gives one, then the class's fallback when one of the identity's
 * sectors is an industry of businesses ('company'): a sector that does
 * not say whether its bodies are public or private does not make an
 * organisation a company. */
static const char *target_of(const stix_ctx *x, json_t *j, char *why,
                             size_t size)
{
    const char *cls = str(j, "identity_class");
    json_t *sectors = json_object_get(j, "sectors"), *s;
    lk_stix_reading c, rd;
    size_t k;
    const char *t = NULL, *v, *ind = NULL, *ind_text = NULL, *amb = NULL;
    const char *amb_text = NULL;
    int has_class = lk_law_stix_class(x->law, cls, &c) == 0;
    if (has_class && c.target) {
        snprintf(why, size, "STIX identity_class '%.*s': %s",
                 utf8_prec(cls, 60), cls, c.text);
        t = c.target;
    }
    json_array_foreach(sectors, k, s) {
        if (t != NULL)
            break;
        v = json_string_value(s);
        if (lk_law_stix_sector(x->law, v, &rd) != 0)
            continue;
        if (rd.target) {
            snprintf(why, size, "STIX sector '%.*s': %s", utf8_prec(v, 60),
                     v, rd.text);
            t = rd.target;
        } else if (rd.company && ind == NULL) {
            ind = v;
            ind_text = rd.text;
        } else if (!rd.company && amb == NULL) {
            amb = v;
            amb_text = rd.text;
        }
    }
    if (t == NULL && has_class && c.fallback && ind != NULL) {
        snprintf(why, size, "STIX identity_class '%.*s' whose sectors give "
                 "no target, read as %s through sector '%.*s': %s",
                 utf8_prec(cls, 60), cls, c.fallback, utf8_prec(ind, 60),
                 ind, ind_text);
        t = c.fallback;
    }
    if (t == NULL)
        unknown_why(x, j, amb, amb_text, ind, why, size);
    else
        utf8_clean(why);
    return t;
}

/* victim from the identities and locations group "g" targets; the victim
 * State into "cc". */
static int victim_of(stix_ctx *x, json_t *kase, const size_t *g, size_t ng,
                     char cc[3])
{
    json_t *vic = json_object(), *w;
    size_t k, m, who = (size_t)-1, where = (size_t)-1;
    if (vic == NULL)
        return LK_ENOMEM;
    for (m = 0; m < ng; m++) {
        for (k = rel_first(x, x->out, g[m], 0);
             k < x->nrel && x->out[k].src == g[m]; k++) {
            size_t d = x->out[k].dst;
            const char *t = x->o[d].type, *c;
            if (strcmp(x->out[k].type, "targets") || (x->seen[d] & 8))
                continue;
            mark(x, d, 8);
            if (!strcmp(t, "identity")) {
                if (who == (size_t)-1)
                    who = d;
                else if (note(x, d, "", "a case has one victim: '%.100s' is "
                              "not mapped ('%.100s' is)", obj_name(x, d),
                              obj_name(x, who)) < 0)
                    goto oom;
            } else if (!strcmp(t, "location")) {
                c = str(x->o[d].j, "country");
                if (c && strlen(c) == 2 && isalpha((unsigned char)c[0]) &&
                    isalpha((unsigned char)c[1]) && where == (size_t)-1) {
                    where = d;
                    cc[0] = (char)toupper((unsigned char)c[0]);
                    cc[1] = (char)toupper((unsigned char)c[1]);
                    cc[2] = '\0';
                } else if (note(x, d, "", "targeted location '%.100s' not "
                                "mapped (no country, or a second one)",
                                obj_name(x, d)) < 0) {
                    goto oom;
                }
            }
        }
    }
    if (where != (size_t)-1) {
        w = wrapped(x, json_string(cc), &where, 1, NULL);
        if (w == NULL || json_object_set_new(vic, "state", w) < 0)
            goto oom;
    }
    if (who != (size_t)-1) {
        char why[1024];
        const char *t = target_of(x, x->o[who].j, why, sizeof(why));
        if (t) {
            w = wrapped(x, json_string(t), &who, 1, why);
            if (w == NULL || json_object_set_new(vic, "target", w) < 0)
                goto oom;
        } else if (note(x, who, "/sectors", "the kind of target '%.100s' is "
                        "not known from its class and sectors: %s",
                        obj_name(x, who), why) < 0) {
            goto oom;
        }
        w = cites(x, &who, 1);
        if (json_object_set_new(vic, "name", name_json(x, who)) < 0 ||
            w == NULL || json_object_set_new(vic, "cite", w) < 0)
            goto oom;
    }
    if (json_object_size(vic) == 0) {
        json_decref(vic);
        return 0;
    }
    return json_object_set_new(kase, "victim", vic) < 0 ? LK_ENOMEM : 0;
oom:
    json_decref(vic);
    return LK_ENOMEM;
}

/* A case id for subject "s", unique among the drafts. */
static int case_id(stix_ctx *x, size_t s, char id[101])
{
    char base[90];
    size_t k;
    slugify(base, sizeof(base), obj_name(x, s) == x->o[s].id
                                    ? x->o[s].type : obj_name(x, s));
    if (!*base)
        snprintf(base, sizeof(base), "stix");
    snprintf(id, 101, "%s", base);
    for (k = 2; json_object_get(x->ids, id) && k < LK_STIX_MAX_CASES + 2;
         k++)
        snprintf(id, 101, "%s-%zu", base, k);
    return json_object_set_new(x->ids, id, json_true()) < 0 ? LK_ENOMEM : 0;
}

/* Diagnostics of a draft's validation, collected. */
typedef struct diag_list {
    char ptr[8][LK_ERROR_POINTER_MAX];
    char msg[8][LK_ERROR_MESSAGE_MAX];
    size_t n;
} diag_list;

/* lk_diag_cb keeping the first 8 diagnostics in a diag_list. */
static void diag_collect(const lk_error *d, void *payload)
{
    diag_list *l = payload;
    if (l->n < 8) {
        snprintf(l->ptr[l->n], LK_ERROR_POINTER_MAX, "%s", d->pointer);
        snprintf(l->msg[l->n], LK_ERROR_MESSAGE_MAX, "%s", d->message);
        l->n++;
    }
}

/* Remove from "kase" the fact at case pointer "p" (/a/b...: member b of
 * a, or element b of access). Returns 1 when something was removed. */
static int drop_fact(json_t *kase, const char *p)
{
    char a[64], b[64];
    const char *s = p + 1, *e;
    json_t *parent;
    if (*p != '/' || (e = strchr(s, '/')) == NULL || e - s >= 64)
        return 0;
    snprintf(a, sizeof(a), "%.*s", (int)(e - s), s);
    s = e + 1;
    e = strchr(s, '/');
    snprintf(b, sizeof(b), "%.*s", (int)(e ? (size_t)(e - s) : strlen(s)),
             s);
    parent = json_object_get(kase, a);
    if (json_is_array(parent))
        return json_array_remove(parent, strtoul(b, NULL, 10)) == 0;
    return json_object_del(parent, b) == 0;
}

/* "kase" as JSON text, indented by "indent" spaces (0: on one line), the
 * bytes json_dumps writes; NULL when out of memory. */
static char *draft_text(const json_t *kase, unsigned indent)
{
    lk_buf b;
    lk_jsonw w;
    lk_buf_init(&b, 0);
    lk_jsonw_init(&w, &b, indent);
    if (lk_jsonw_tree(&w, kase) == 0 && b.error == 0)
        return lk_buf_detach(&b, NULL);
    lk_buf_dispose(&b);
    return json_dumps(kase, indent ? JSON_INDENT(indent) : JSON_COMPACT);
}

/* Validate draft "kase" against the law, dropping each fact the check
 * refuses (with a note); then store it. */
static int draft_store(stix_ctx *x, json_t *kase, size_t s, lk_error *err)
{
    lk_stix_import_result *r = x->res;
    int tries, rc;
    for (tries = 0; tries < STIX_MAX_RETRIES; tries++) {
        char *text = draft_text(kase, 0);
        lk_case *c = NULL;
        diag_list dl;
        size_t k;
        int dropped = 0;
        if (text == NULL)
            return lk_error_set_oom(err);
        dl.n = 0;
        rc = lk_case_parse(&c, "draft", text, strlen(text), diag_collect,
                           &dl, NULL);
        if (rc == 0)
            rc = lk_law_check_case(x->law, c, diag_collect, &dl, NULL);
        lk_case_free(c);
        if (rc == 0) {
            char *pretty = draft_text(kase, 2);
            void *g = lk_array_grow(r->drafts, &r->capcases, r->ncases + 1,
                                    sizeof(*r->drafts));
            if (pretty == NULL || g == NULL) {
                lk_free(text); /* jansson allocates with lk_malloc */
                lk_free(pretty);
                return lk_error_set_oom(err);
            }
            r->drafts = g;
            r->drafts[r->ncases].pretty = pretty;
            r->drafts[r->ncases++].compact = text;
            return 0;
        }
        lk_free(text);
        if (rc == LK_ENOMEM)
            return lk_error_set_oom(err);
        for (k = 0; k < dl.n; k++)
            if (drop_fact(kase, dl.ptr[k])) {
                dropped = 1;
                if (note(x, s, "", "draft '%.100s': %s dropped: %s",
                         str(kase, "id"), dl.ptr[k], dl.msg[k]) < 0)
                    return lk_error_set_oom(err);
            }
        if (!dropped)
            break;
    }
    return lk_error_set(err, LK_ERROR, "the draft of '%.100s' is not a valid "
                        "case (a bug of the importer)", obj_name(x, s));
}

/* Make and store the draft of subject "s". "scratch" holds 2 * x->n. */
static int draft_make(stix_ctx *x, size_t s, size_t *scratch, lk_error *err)
{
    json_t *kase = json_object(), *actor = json_object(), *v;
    size_t ng, *g = scratch, *q = scratch + x->n;
    char id[101], cc[3] = "", sum[512];
    int rc = LK_ENOMEM;
    marks_clear(x);
    json_decref(x->sources);
    x->sources = json_array();
    if (kase == NULL || actor == NULL || x->sources == NULL)
        goto oom;
    if (case_id(x, s, id) < 0)
        goto oom;
    ng = group_of(x, s, g);
    snprintf(sum, sizeof(sum), "Draft imported from a STIX bundle: the "
             "facts the bundle gives about %s '%.*s', each citing the STIX "
             "object it came from; the rest is unknown.", x->o[s].type,
             utf8_prec(obj_name(x, s), 100), obj_name(x, s));
    if (json_object_set_new(kase, "format",
                            json_string("leaklaw/case/1")) < 0 ||
        json_object_set_new(kase, "id", json_string(id)) < 0 ||
        json_object_set_new(kase, "title", name_json(x, s)) < 0 ||
        json_object_set_new(kase, "summary", json_string(sum)) < 0 ||
        json_object_set(kase, "actor", actor) < 0 ||
        json_object_set_new(actor, "name", name_json(x, s)) < 0)
        goto oom;
    if ((rc = actor_of(x, actor, s, q)) < 0 ||
        (rc = victim_of(x, kase, g, ng, cc)) < 0 ||
        (rc = attribution_of(x, actor, s, *cc ? cc : NULL)) < 0 ||
        (rc = access_of(x, kase, g, ng)) < 0)
        goto oom;
    rc = LK_ENOMEM;
    v = cites(x, &s, 1);
    if (v == NULL || json_object_set_new(actor, "cite", v) < 0)
        goto oom;
    if (json_object_set(kase, "sources", x->sources) < 0)
        goto oom;
    rc = draft_store(x, kase, s, err);
    json_decref(actor);
    json_decref(kase);
    return rc;
oom:
    json_decref(actor);
    json_decref(kase);
    return lk_error_set_oom(err);
}

/* ---------------------------------------------------------------- */
/* reading the bundle                                                */
/* ---------------------------------------------------------------- */

/* Refuse nesting deeper than LK_STIX_MAX_DEPTH before jansson builds it. */
static int depth_check(const char *name, const char *p, size_t len,
                       lk_error *err)
{
    const char *end = p + len;
    int depth = 0, in_string = 0;
    for (; p < end; p++) {
        if (in_string) {
            if (*p == '\\' && p + 1 < end)
                p++;
            else if (*p == '"')
                in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if ((*p == '{' || *p == '[') && ++depth > LK_STIX_MAX_DEPTH) {
            return lk_error_set_at(err, LK_ETOOBIG, name, 0, 0, NULL,
                                   "nested deeper than %d levels",
                                   LK_STIX_MAX_DEPTH);
        } else if ((*p == '}' || *p == ']') && depth > 0) {
            depth--;
        }
    }
    return 0;
}

/* Index the reports and resolve their object_refs ("x" indexed by id).
 * Returns 0 or LK_ENOMEM. */
static int reports_index(stix_ctx *x)
{
    size_t i, k, total = 0, q = 0;
    json_t *e;
    for (i = 0; i < x->n; i++)
        if (!strcmp(x->o[i].type, "report")) {
            x->nreports++;
            total += json_array_size(json_object_get(x->o[i].j,
                                                     "object_refs"));
        }
    x->reports = lk_calloc(x->nreports + 1, sizeof(*x->reports));
    x->ref_off = lk_calloc(x->nreports + 1, sizeof(*x->ref_off));
    x->refs = lk_calloc(total + 1, sizeof(*x->refs));
    if (!x->reports || !x->ref_off || !x->refs)
        return LK_ENOMEM;
    total = 0;
    for (i = 0; i < x->n; i++) {
        if (strcmp(x->o[i].type, "report"))
            continue;
        x->reports[q] = i;
        x->ref_off[q++] = total;
        json_array_foreach(json_object_get(x->o[i].j, "object_refs"), k, e)
        {
            size_t t = find(x, json_string_value(e));
            if (t != (size_t)-1)
                x->refs[total++] = t;
        }
    }
    x->ref_off[q] = total;
    return 0;
}

/* Index the objects and relationships of "objs". */
static int bundle_index(stix_ctx *x, json_t *objs, lk_error *err)
{
    size_t i, nrel = 0, ndropped = 0;
    char ptr[64];
    x->n = json_array_size(objs);
    x->dropped_rel = lk_calloc(x->n + 1, sizeof(*x->dropped_rel));
    x->o = lk_calloc(x->n + 1, sizeof(*x->o));
    x->byid = lk_calloc(x->n + 1, sizeof(*x->byid));
    x->seen = lk_calloc(x->n + 1, 1);
    x->slot = lk_calloc(x->n + 1, sizeof(*x->slot));
    x->touched = lk_calloc(x->n + 1, sizeof(*x->touched));
    x->out = lk_calloc(x->n + 1, sizeof(*x->out));
    x->in = lk_calloc(x->n + 1, sizeof(*x->in));
    x->ids = json_object();
    if (!x->o || !x->byid || !x->seen || !x->slot || !x->touched ||
        !x->out || !x->in || !x->ids || !x->dropped_rel)
        return lk_error_set_oom(err);
    for (i = 0; i < x->n; i++) {
        json_t *j = json_array_get(objs, i);
        snprintf(ptr, sizeof(ptr), "/objects/%zu", i);
        x->o[i].j = j;
        x->o[i].type = str(j, "type");
        x->o[i].id = str(j, "id");
        if (!json_is_object(j) || !x->o[i].type || !x->o[i].id)
            return lk_error_set_at(err, LK_EINVALID, x->name, 0, 0, ptr,
                                   "a STIX object is a JSON object with "
                                   "string 'type' and 'id'");
        x->o[i].revoked = json_is_true(json_object_get(j, "revoked"));
        x->byid[i] = i;
    }
    sort_objs = x->o;
    qsort(x->byid, x->n, sizeof(*x->byid), cmp_byid);
    for (i = 0; i + 1 < x->n; i++)
        if (!strcmp(x->o[x->byid[i]].id, x->o[x->byid[i + 1]].id) &&
            note(x, x->byid[i + 1], "/id", "id '%.100s' is used twice: only "
                 "one of the objects is reachable", x->o[x->byid[i]].id) < 0)
            return lk_error_set_oom(err);
    for (i = 0; i < x->n; i++) {
        json_t *j = x->o[i].j;
        const char *rt = str(j, "relationship_type");
        size_t s, d;
        if (strcmp(x->o[i].type, "relationship"))
            continue;
        s = find(x, str(j, "source_ref"));
        d = find(x, str(j, "target_ref"));
        if (rt == NULL || s == (size_t)-1 || d == (size_t)-1) {
            if (note(x, i, rt == NULL ? "/relationship_type" :
                     s == (size_t)-1 ? "/source_ref" : "/target_ref",
                     rt == NULL ? "relationship without a type: ignored" :
                     "reference to an object not in the bundle: "
                     "relationship ignored") < 0)
                return lk_error_set_oom(err);
            continue;
        }
        /* a revoked object is not valid for its creator (STIX 2.0 3.1):
         * no relationship leads to or from it but the one naming its
         * replacement; said in --report where a mapped object leads */
        if (x->o[i].revoked ||
            (strcmp(rt, "revoked-by") &&
             (x->o[s].revoked || x->o[d].revoked))) {
            if (!x->o[s].revoked && maps_from(x->o[s].type))
                x->dropped_rel[ndropped++] = i;
            continue;
        }
        x->out[nrel].src = s;
        x->out[nrel].dst = d;
        x->out[nrel].self = i;
        x->out[nrel++].type = rt;
    }
    x->nrel = nrel;
    memcpy(x->in, x->out, nrel * sizeof(*x->in));
    qsort(x->out, nrel, sizeof(*x->out), cmp_src);
    qsort(x->in, nrel, sizeof(*x->in), cmp_dst);
    for (i = 0; i < ndropped; i++) {
        json_t *j = x->o[x->dropped_rel[i]].j;
        size_t d = find(x, str(j, "target_ref"));
        size_t s = find(x, str(j, "source_ref"));
        char what[160];
        snprintf(what, sizeof(what), "relationship from '%.100s' ignored",
                 obj_name(x, s));
        if ((x->o[x->dropped_rel[i]].revoked
                 ? note(x, x->dropped_rel[i], "/revoked", "relationship "
                        "from '%.100s' is revoked by its creator: ignored",
                        obj_name(x, s))
                 : revoked_note(x, x->dropped_rel[i], "/target_ref", d,
                                what)) < 0)
            return lk_error_set_oom(err);
    }
    if (reports_index(x) < 0)
        return lk_error_set_oom(err);
    return 0;
}

/* Free the indexes of "x". */
static void ctx_dispose(stix_ctx *x)
{
    lk_free(x->o);
    lk_free(x->byid);
    lk_free(x->seen);
    lk_free(x->slot);
    lk_free(x->touched);
    lk_free(x->dropped_rel);
    lk_free(x->out);
    lk_free(x->in);
    lk_free(x->reports);
    lk_free(x->ref_off);
    lk_free(x->refs);
    json_decref(x->sources);
    json_decref(x->ids);
}

/* Make the drafts of every object of type "type"; *made counts them. */
static int drafts_of(stix_ctx *x, const char *type, size_t *made,
                     lk_error *err)
{
    size_t i, count = *made, *scratch;
    int rc = 0;
    /* past the limit: say so before making a thousand drafts for nothing */
    for (i = 0; i < x->n; i++)
        count += !strcmp(x->o[i].type, type) && !x->o[i].revoked;
    if (count > LK_STIX_MAX_CASES)
        return lk_error_set(err, LK_ETOOBIG, "more than %u %ss",
                            LK_STIX_MAX_CASES, type);
    scratch = lk_calloc(2 * x->n + 1, sizeof(size_t));
    if (scratch == NULL)
        return lk_error_set_oom(err);
    for (i = 0; i < x->n && rc == 0; i++) {
        if (strcmp(x->o[i].type, type))
            continue;
        if (x->o[i].revoked) {
            if (revoked_note(x, i, "/revoked", i, "no draft") < 0)
                rc = lk_error_set_oom(err);
            continue;
        }
        rc = draft_make(x, i, scratch, err);
        (*made)++;
    }
    lk_free(scratch);
    return rc;
}

int lk_stix_import(lk_stix_import_result **out, const char *name,
                   const char *data, size_t len, const lk_law *law,
                   lk_error *err)
{
    stix_ctx x;
    json_t *root = NULL, *objs;
    json_error_t je;
    size_t made = 0;
    const char *t;
    int rc;
    memset(&x, 0, sizeof(x));
    x.name = name ? name : "bundle";
    x.law = law;
    if (len > LK_STIX_MAX_BYTES)
        return lk_error_set_at(err, LK_ETOOBIG, x.name, 0, 0, NULL,
                               "larger than %u bytes", LK_STIX_MAX_BYTES);
    if ((rc = depth_check(x.name, data, len, err)) < 0)
        return rc;
    x.res = lk_calloc(1, sizeof(*x.res));
    if (x.res == NULL)
        return lk_error_set_oom(err);
    root = lk_jsonfast_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL) {
        rc = lk_error_set_at(err, LK_EINVALID, x.name, (unsigned)je.line,
                             (unsigned)je.column, NULL, "%s", je.text);
        goto out;
    }
    objs = json_object_get(root, "objects");
    t = str(root, "type");
    if (!json_is_object(root) || t == NULL || strcmp(t, "bundle")) {
        rc = lk_error_set_at(err, LK_EINVALID, x.name, 0, 0, "/type",
                             "not a STIX bundle (type 'bundle')");
        goto out;
    }
    if (!json_is_array(objs)) {
        rc = lk_error_set_at(err, LK_EINVALID, x.name, 0, 0, "/objects",
                             "a bundle's 'objects' is a list");
        goto out;
    }
    if (json_array_size(objs) > LK_STIX_MAX_OBJECTS) {
        rc = lk_error_set_at(err, LK_ETOOBIG, x.name, 0, 0, "/objects",
                             "more than %u objects", LK_STIX_MAX_OBJECTS);
        goto out;
    }
    if ((rc = bundle_index(&x, objs, err)) < 0 ||
        (rc = drafts_of(&x, "intrusion-set", &made, err)) < 0)
        goto out;
    if (made == 0 && (rc = drafts_of(&x, "campaign", &made, err)) < 0)
        goto out;
    if (made == 0 && (rc = drafts_of(&x, "threat-actor", &made, err)) < 0)
        goto out;
    if (made == 0) {
        rc = lk_error_set_at(err, LK_EINVALID, x.name, 0, 0, "/objects",
                             "no intrusion-set, campaign or threat-actor "
                             "to make a case of");
        goto out;
    }
    if (x.res->dropped) {
        size_t more = x.res->dropped;
        x.res->dropped = 0; /* room was kept for this one */
        if (note(&x, (size_t)-1, NULL, "%zu more notes not shown",
                 more) < 0) {
            rc = lk_error_set_oom(err);
            goto out;
        }
    }
    *out = x.res;
    x.res = NULL;
    rc = 0;
out:
    ctx_dispose(&x);
    json_decref(root);
    lk_stix_import_free(x.res);
    return rc;
}

size_t lk_stix_import_count(const lk_stix_import_result *r)
{
    return r ? r->ncases : 0;
}

const char *lk_stix_import_case(const lk_stix_import_result *r, size_t i,
                                int pretty)
{
    if (r == NULL || i >= r->ncases)
        return NULL;
    return pretty ? r->drafts[i].pretty : r->drafts[i].compact;
}

size_t lk_stix_import_note_count(const lk_stix_import_result *r)
{
    return r ? r->nnotes : 0;
}

lk_stix_note lk_stix_import_note(const lk_stix_import_result *r, size_t i)
{
    lk_stix_note none = {"", ""};
    return r && i < r->nnotes ? r->notes[i] : none;
}

void lk_stix_import_free(lk_stix_import_result *r)
{
    size_t i;
    if (r == NULL)
        return;
    for (i = 0; i < r->ncases; i++) {
        lk_free(r->drafts[i].pretty);
        lk_free(r->drafts[i].compact);
    }
    for (i = 0; i < r->nnotes; i++) {
        lk_free((char *)r->notes[i].pointer);
        lk_free((char *)r->notes[i].message);
    }
    lk_free(r->drafts);
    lk_free(r->notes);
    lk_free(r);
}
