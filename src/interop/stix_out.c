/*
 * stix_out.c: assessed cases as a STIX 2.1 bundle (docs/formats.md, "STIX
 * export"). Read through the public case, law and explain APIs only; ids
 * are name-based UUIDs (SHA-256 of the case id and the object's role, with
 * the version 5 and variant bits set) and timestamps are fixed, so the
 * same cases and date always give the same bytes.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "error.h"
#include "leaklaw/explain.h"
#include "leaklaw/stix.h"
#include "stix_out.h"

/* plain text, as STIX allows: leaklaw has no canonical address yet */
#define STIX_EXT_SCHEMA \
    "leaklaw assessment extension: defined in leaklaw's documentation, " \
    "docs/formats.md, section \"STIX export\""
#define STIX_EPOCH "1970-01-01T00:00:00.000Z"
#define STIX_MAX_RULES 64

/* The export of one bundle: its objects, the ids already written, the
 * timestamp of the case being written and the first allocation failure. */
typedef struct stix_ctx {
    json_t *objects;     /* the bundle's objects, in order */
    json_t *seen;        /* id -> true for objects written */
    char stamp[32];      /* created/modified of the current case */
    int oom;             /* 1 after any allocation failure */
} stix_ctx;

/* Set "key" of "o" to "v" (stolen), noting a failure in "x". */
static void stix_set(stix_ctx *x, json_t *o, const char *key, json_t *v)
{
    if (v == NULL || o == NULL || json_object_set_new(o, key, v) < 0)
        x->oom = 1;
}

/* Set "key" of "o" to string "s" unless "s" is NULL or empty. */
static void stix_set_str(stix_ctx *x, json_t *o, const char *key,
                         const char *s)
{
    if (s != NULL && *s != '\0')
        stix_set(x, o, key, json_string(s));
}

/* Append "v" (stolen) to array "a", noting a failure in "x". */
static void stix_push(stix_ctx *x, json_t *a, json_t *v)
{
    if (v == NULL || a == NULL || json_array_append_new(a, v) < 0)
        x->oom = 1;
}

/*
 * The STIX id "type--uuid" of the object of "type" playing "role" in the
 * case "scope" ("" for objects shared by every case) into "out" (80
 * bytes): the first 16 bytes of SHA-256("leaklaw-stix" NUL scope NUL
 * type NUL role) with the version (5) and variant (RFC 4122) bits set.
 */
static void stix_id(char out[80], const char *type, const char *scope,
                    const char *role)
{
    char hex[65], name[1024];
    size_t n = 0;
    const char *parts[4];
    size_t i;

    parts[0] = "leaklaw-stix";
    parts[1] = scope;
    parts[2] = type;
    parts[3] = role;
    for (i = 0; i < 4; i++) {
        size_t len = strlen(parts[i]);
        if (len > sizeof(name) - n - 1)
            len = sizeof(name) - n - 1;
        memcpy(name + n, parts[i], len);
        n += len;
        if (n < sizeof(name) - 1)
            name[n++] = '\0';
    }
    lk_sha256_hex(name, n, hex);
    hex[12] = '5';
    hex[16] = "89ab"[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0')
                     & 3];
    snprintf(out, 80, "%s--%.8s-%.4s-%.4s-%.4s-%.12s", type, hex, hex + 8,
             hex + 12, hex + 16, hex + 20);
}

/*
 * A new SDO or SRO of "type" with "id", spec_version and the context's
 * timestamps; NULL (and nothing added) when "id" was written already.
 * The object is appended to the bundle: the caller fills it in.
 */
static json_t *stix_object(stix_ctx *x, const char *type, const char *id)
{
    json_t *o;
    if (json_object_get(x->seen, id) != NULL)
        return NULL;
    o = json_object();
    if (o == NULL || json_object_set_new(x->seen, id, json_true()) < 0) {
        json_decref(o);
        x->oom = 1;
        return NULL;
    }
    stix_set(x, o, "type", json_string(type));
    stix_set(x, o, "spec_version", json_string("2.1"));
    stix_set(x, o, "id", json_string(id));
    stix_set(x, o, "created", json_string(x->stamp));
    stix_set(x, o, "modified", json_string(x->stamp));
    stix_push(x, x->objects, json_incref(o));
    json_decref(o);
    return o;
}

/* A relationship "rel" from "src" to "dst" of case "scope"; returns it
 * (NULL when written already) for further properties. */
static json_t *stix_rel(stix_ctx *x, const char *scope, const char *rel,
                        const char *src, const char *dst)
{
    char id[80], role[256];
    json_t *o;
    snprintf(role, sizeof(role), "%s %s %s", src, rel, dst);
    stix_id(id, "relationship", scope, role);
    o = stix_object(x, "relationship", id);
    if (o == NULL)
        return NULL;
    stix_set(x, o, "relationship_type", json_string(rel));
    stix_set(x, o, "source_ref", json_string(src));
    stix_set(x, o, "target_ref", json_string(dst));
    return o;
}

/*
 * The STIX timestamp for "date" into "out" (32 bytes): YYYY, YYYY-MM or
 * YYYY-MM-DD (missing parts are the first month or day) or
 * YYYY-MM-DDTHH:MM:SS[.fraction]Z (milliseconds added when absent).
 * Returns 0 or LK_EINVALID.
 */
int lk_stix__timestamp(const char *date, char out[32])
{
    char day[11];
    int32_t days;
    size_t len = strlen(date), i;

    if (len == 4 || len == 7) {
        snprintf(day, sizeof(day), "%s%s", date, len == 4 ? "-01-01" : "-01");
    } else if (len >= 10) {
        memcpy(day, date, 10);
        day[10] = '\0';
    } else {
        return LK_EINVALID;
    }
    if (lk_date_parse(day, &days) != 0)
        return LK_EINVALID;
    if (len <= 10) {
        snprintf(out, 32, "%sT00:00:00.000Z", day);
        return 0;
    }
    /* THH:MM:SS then an optional fraction, then Z */
    if (len < 20 || len > 30 || date[10] != 'T' || date[13] != ':' ||
        date[16] != ':' || date[len - 1] != 'Z')
        return LK_EINVALID;
    for (i = 11; i < 19; i++)
        if (i != 13 && i != 16 && (date[i] < '0' || date[i] > '9'))
            return LK_EINVALID;
    if (date[11] > '2' || (date[11] == '2' && date[12] > '3') ||
        date[14] > '5' || date[17] > '5')
        return LK_EINVALID;
    if (len == 20) {
        snprintf(out, 32, "%.19s.000Z", date);
        return 0;
    }
    if (date[19] != '.' || len < 24)
        return LK_EINVALID; /* at least milliseconds */
    for (i = 20; i < len - 1; i++)
        if (date[i] < '0' || date[i] > '9')
            return LK_EINVALID;
    snprintf(out, 32, "%s", date);
    return 0;
}

/*
 * The value of the fact the case states at "pointer" when it is one
 * known string (not disputed, not "unknown"), else NULL.
 */
static const char *stix_fact(const lk_case *c, const char *pointer)
{
    lk_case_fact_info fi;
    lk_case_value_info v;
    int i = lk_case_fact_find(c, pointer);
    if (i < 0)
        return NULL;
    lk_case_fact(c, (size_t)i, &fi);
    if (fi.disputed || fi.nvalues != 1)
        return NULL;
    lk_case_fact_value(c, (size_t)i, 0, &v);
    if (v.kind != LK_CASE_VALUE_STRING || v.string == NULL ||
        !strcmp(v.string, "unknown") || *v.string == '\0')
        return NULL;
    return v.string;
}

/* The case's sources as external_references, or NULL when none. */
static json_t *stix_case_refs(stix_ctx *x, const lk_case *c)
{
    size_t i, n = lk_case_source_count(c);
    json_t *refs;
    if (n == 0)
        return NULL;
    refs = json_array();
    for (i = 0; i < n; i++) {
        lk_case_source_info s;
        json_t *r = json_object();
        lk_case_source(c, i, &s);
        stix_set_str(x, r, "source_name", s.id);
        stix_set_str(x, r, "description", s.title ? s.title : s.id);
        stix_set_str(x, r, "url", s.url);
        stix_push(x, refs, r);
    }
    return refs;
}

/* The State "code": its identity (located at its location); writes the
 * identity's id into "out". */
static void stix_state(stix_ctx *x, const char *code, char out[80])
{
    char loc[80], name[64];
    json_t *o;
    stix_id(out, "identity", "", code);
    stix_id(loc, "location", "", code);
    o = stix_object(x, "location", loc);
    if (o != NULL) {
        stix_set(x, o, "name", json_string(code));
        stix_set(x, o, "country", json_string(code));
    }
    o = stix_object(x, "identity", out);
    if (o != NULL) {
        snprintf(name, sizeof(name), "State %s", code);
        stix_set(x, o, "name", json_string(name));
        stix_set(x, o, "description",
                 json_string("A State, by its ISO 3166-1 alpha-2 code."));
        stix_set(x, o, "identity_class", json_string("organization"));
        stix_set(x, o, "sectors", json_pack("[s]", "government-national"));
    }
    stix_rel(x, "", "located-at", out, loc);
}

/* The extension-definition of the leaklaw assessment and its creator,
 * written once per bundle; the definition's id into "out". */
static void stix_extension(stix_ctx *x, char out[80])
{
    char creator[80];
    json_t *o;
    stix_id(creator, "identity", "", "leaklaw");
    stix_id(out, "extension-definition", "", "leaklaw-assessment");
    o = stix_object(x, "identity", creator);
    if (o != NULL) {
        stix_set(x, o, "name", json_string("leaklaw"));
        stix_set(x, o, "identity_class", json_string("system"));
    }
    o = stix_object(x, "extension-definition", out);
    if (o == NULL)
        return;
    stix_set(x, o, "created_by_ref", json_string(creator));
    stix_set(x, o, "name", json_string("leaklaw assessment"));
    stix_set(x, o, "description",
             json_string("A leaklaw assessment of an incident under "
                         "international law: each lens's verdict, the "
                         "rules that decided it with their citations, the "
                         "decisive elements and the law applied."));
    stix_set(x, o, "schema", json_string(STIX_EXT_SCHEMA));
    stix_set(x, o, "version", json_string("1.0"));
    stix_set(x, o, "extension_types", json_pack("[s]", "property-extension"));
}

/* The source ids of "cites" (NULL-terminated) as an array, each also
 * added to "sources" (id -> its description) when new. */
static json_t *stix_cites(stix_ctx *x, const lk_law *law,
                          const char *const *cites, json_t *sources)
{
    json_t *a = json_array();
    size_t i;
    for (i = 0; cites != NULL && cites[i] != NULL; i++) {
        const lk_source_info *s;
        stix_push(x, a, json_string(cites[i]));
        if (json_object_get(sources, cites[i]) != NULL)
            continue;
        s = lk_law_source_find(law, cites[i]);
        if (s != NULL) {
            json_t *d = json_object();
            stix_set_str(x, d, "title", s->title);
            stix_set_str(x, d, "pinpoint", s->pinpoint);
            stix_set_str(x, d, "citation", s->oscola);
            stix_set_str(x, d, "url", s->url);
            stix_set(x, sources, cites[i], d);
        } else {
            stix_set(x, sources, cites[i], json_object());
        }
    }
    return a;
}

/* Target "t"'s status and level as {"id", "status"[, "level"]}. */
static json_t *stix_target(stix_ctx *x, const lk_assessment *a, size_t t)
{
    const lk_law *law = lk_assessment_law(a);
    lk_target_result r;
    json_t *o = json_object();
    lk_explain_target(a, t, &r);
    stix_set(x, o, "id", json_string(lk_law_target(law, t)->id));
    stix_set(x, o, "status", json_string(r.status));
    if (r.level != NULL)
        stix_set(x, o, "level", json_string(r.level));
    if (r.several)
        stix_set(x, o, "open", json_true());
    return o;
}

/*
 * The lens "t" of "a" into the extension's "lenses" and a line of the
 * note's text into "text": its verdict, its reasons (rules with text and
 * citations) and the decisive elements those rules read.
 */
static void stix_lens(stix_ctx *x, const lk_assessment *a, size_t t,
                      json_t *lenses, json_t *sources, lk_buf *text)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_target_info *ti = lk_law_target(law, t);
    lk_reason reasons[STIX_MAX_RULES];
    size_t nr = lk_explain_reasons(a, t, reasons, STIX_MAX_RULES), i, k;
    json_t *lens = stix_target(x, a, t), *rules = json_array();
    json_t *elements = json_array(), *seen = json_object();
    lk_target_result r;

    lk_explain_target(a, t, &r);
    stix_set_str(x, lens, "title", ti->title);
    lk_buf_printf(text, "%s: %s\n", ti->id, r.status);
    for (i = 0; i < nr; i++) {
        const lk_rule_info *ri = lk_law_rule(law, reasons[i].rule);
        size_t targets[STIX_MAX_RULES];
        size_t nt = lk_explain_rule_targets(law, reasons[i].rule, targets,
                                            STIX_MAX_RULES);
        json_t *rule = json_object();
        stix_set(x, rule, "id", json_string(ri->id));
        stix_set(x, rule, "applies", json_boolean(reasons[i].applies));
        stix_set_str(x, rule, "outcome", ri->outcome);
        stix_set_str(x, rule, "text", ri->text);
        stix_set(x, rule, "cites", stix_cites(x, law, ri->cites, sources));
        stix_push(x, rules, rule);
        lk_buf_printf(text, "  %s %s: %s", reasons[i].applies
                                               ? "applies" : "may apply",
                      ri->id, ri->text ? ri->text : "");
        for (k = 0; ri->cites != NULL && ri->cites[k] != NULL; k++)
            lk_buf_printf(text, "%s%s", k ? ", " : " [", ri->cites[k]);
        lk_buf_puts(text, k ? "]\n" : "\n");
        for (k = 0; k < nt; k++) {
            const lk_target_info *ei = lk_law_target(law, targets[k]);
            if (ei->kind != LK_TARGET_ELEMENT ||
                json_object_get(seen, ei->id) != NULL)
                continue;
            stix_set(x, seen, ei->id, json_true());
            stix_push(x, elements, stix_target(x, a, targets[k]));
        }
    }
    stix_set(x, lens, "rules", rules);
    stix_set(x, lens, "decisive_elements", elements);
    json_decref(seen);
    stix_push(x, lenses, lens);
}

/* The note carrying the assessment of "a" about the incident "incident",
 * through the extension "ext". */
static void stix_note(stix_ctx *x, const lk_assessment *a,
                      const char *incident, const char *ext)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_case *c = lk_assessment_case(a);
    size_t t, n = lk_law_target_count(law), nlens = 0;
    json_t *o, *e, *lenses = json_array(), *targets = json_array();
    json_t *sources = json_object(), *lawj = json_object(), *casej;
    json_t *exts;
    char id[80];
    lk_buf text, abstract;

    lk_buf_init(&text, 0);
    lk_buf_init(&abstract, 0);
    stix_id(id, "note", lk_case_id(c), "assessment");
    lk_buf_puts(&abstract, "leaklaw assessment:");
    for (t = 0; t < n; t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        if (ti->kind == LK_TARGET_LENS) {
            lk_target_result r;
            lk_explain_target(a, t, &r);
            lk_buf_printf(&abstract, "%s %s %s", nlens++ ? "," : "",
                          ti->id, r.status);
            stix_lens(x, a, t, lenses, sources, &text);
        } else if (ti->kind != LK_TARGET_SCORE) {
            stix_push(x, targets, stix_target(x, a, t));
        }
    }
    casej = json_pack("{s:s, s:s}", "id", lk_case_id(c), "sha256",
                      lk_case_sha256(c));
    stix_set_str(x, lawj, "name", lk_law_name(law));
    stix_set_str(x, lawj, "version", lk_law_version(law));
    stix_set_str(x, lawj, "profile", lk_law_profile(law));
    stix_set_str(x, lawj, "sha256", lk_law_sha256(law));
    e = json_object();
    stix_set(x, e, "extension_type", json_string("property-extension"));
    stix_set(x, e, "case", casej);
    stix_set(x, e, "law", lawj);
    stix_set(x, e, "lenses", lenses);
    stix_set(x, e, "elements", targets);
    stix_set(x, e, "sources", sources);
    if (text.error || abstract.error)
        x->oom = 1;
    o = stix_object(x, "note", id);
    if (o == NULL) {
        json_decref(e);
        goto out;
    }
    stix_set(x, o, "abstract", json_string(abstract.ptr ? abstract.ptr : ""));
    stix_set(x, o, "content", json_string(text.ptr ? text.ptr : ""));
    stix_set(x, o, "authors", json_pack("[s]", "leaklaw"));
    stix_set(x, o, "object_refs", json_pack("[s]", incident));
    exts = json_object();
    stix_set(x, exts, ext, e);
    stix_set(x, o, "extensions", exts);
out:
    lk_buf_dispose(&text);
    lk_buf_dispose(&abstract);
}

/* The ATT&CK technique "tid" as an attack-pattern; its id into "out". */
static void stix_technique(stix_ctx *x, const lk_law *law, const char *tid,
                           char out[80])
{
    char url[96], path[32];
    const char *name = lk_law_technique_name(law, tid);
    json_t *o, *ref;
    size_t i;

    stix_id(out, "attack-pattern", "", tid);
    o = stix_object(x, "attack-pattern", out);
    if (o == NULL)
        return;
    /* T1566.002 -> T1566/002 */
    snprintf(path, sizeof(path), "%s", tid);
    for (i = 0; path[i] != '\0'; i++)
        if (path[i] == '.')
            path[i] = '/';
    snprintf(url, sizeof(url), "https://attack.mitre.org/techniques/%s/",
             path);
    stix_set(x, o, "name", json_string(name != NULL ? name : tid));
    ref = json_object();
    stix_set(x, ref, "source_name", json_string("mitre-attack"));
    stix_set(x, ref, "external_id", json_string(tid));
    stix_set(x, ref, "url", json_string(url));
    stix_set(x, o, "external_references", json_array());
    stix_push(x, json_object_get(o, "external_references"), ref);
}

/* The STIX confidence (spec appendix "None / Low / Med / High" scale) of
 * an attribution confidence, or -1 when unknown. */
static int stix_confidence(const char *conf)
{
    static const struct {
        const char *name;
        int value;
    } scale[] = {{"none", 0}, {"low", 15}, {"moderate", 50}, {"high", 85}};
    size_t i;
    for (i = 0; conf != NULL && i < sizeof(scale) / sizeof(scale[0]); i++)
        if (!strcmp(conf, scale[i].name))
            return scale[i].value;
    return -1;
}

/* The case's actor, its State and the attribution into the bundle; the
 * actor's id goes to "actor" and 1 is returned, or 0 without an actor. */
static int stix_case_actor(stix_ctx *x, const lk_case *c,
                           const char *incident, char *actor)
{
    const char *cid = lk_case_id(c);
    const char *aname = stix_fact(c, "/actor/name");
    const char *akind = stix_fact(c, "/actor/kind");
    const char *astate = stix_fact(c, "/actor/state");
    int conf = stix_confidence(stix_fact(c, "/actor/attribution/confidence"));
    char name[512], state[80];
    json_t *o;

    if (aname == NULL && akind == NULL && astate == NULL)
        return 0;
    stix_id(actor, "threat-actor", cid, "actor");
    o = stix_object(x, "threat-actor", actor);
    if (aname == NULL) {
        snprintf(name, sizeof(name), "Actor of %s", lk_case_title(c));
        aname = name;
    }
    if (o != NULL) {
        stix_set(x, o, "name", json_string(aname));
        /* the actor carries the attribution's confidence too, where
         * importers (leaklaw's among them) look for it */
        if (conf >= 0)
            stix_set(x, o, "confidence", json_integer(conf));
        if (akind != NULL && !strncmp(akind, "state-", 6))
            stix_set(x, o, "threat_actor_types",
                     json_pack("[s]", "nation-state"));
        if (akind != NULL)
            stix_set(x, o, "roles", json_pack("[s]", akind));
    }
    stix_rel(x, cid, "attributed-to", incident, actor);
    if (astate != NULL) {
        stix_state(x, astate, state);
        o = stix_rel(x, cid, "attributed-to", actor, state);
        if (o != NULL && conf >= 0)
            stix_set(x, o, "confidence", json_integer(conf));
    }
    return 1;
}

/* The victim, its State and the ATT&CK techniques of the case, each tied
 * to "from" (the actor, or the incident without one). */
static void stix_case_targets(stix_ctx *x, const lk_case *c,
                              const lk_law *law, const char *from)
{
    const char *cid = lk_case_id(c);
    const char *vname = stix_fact(c, "/victim/name");
    const char *vtarget = stix_fact(c, "/victim/target");
    const char *vstate = stix_fact(c, "/victim/state");
    char victim[80], state[80], id[80], name[512];
    json_t *o;
    size_t i, n;

    if (vname != NULL || vtarget != NULL) {
        stix_id(victim, "identity", cid, "victim");
        o = stix_object(x, "identity", victim);
        if (vname == NULL) {
            snprintf(name, sizeof(name), "Target of %s (%s)",
                     lk_case_title(c), vtarget);
            vname = name;
        }
        if (o != NULL) {
            stix_set(x, o, "name", json_string(vname));
            stix_set(x, o, "identity_class",
                     json_string(vtarget == NULL ? "unknown"
                                 : !strcmp(vtarget, "individual") ||
                                   !strcmp(vtarget, "candidate")
                                     ? "individual" : "organization"));
            if (vtarget != NULL)
                stix_set(x, o, "roles", json_pack("[s]", vtarget));
        }
        stix_rel(x, cid, "targets", from, victim);
    }
    if (vstate != NULL) {
        char loc[80];
        stix_state(x, vstate, state);
        stix_id(loc, "location", "", vstate);
        stix_rel(x, cid, "targets", from, loc);
    }
    n = lk_case_fact_count(c);
    for (i = 0; i < n; i++) {
        lk_case_fact_info fi;
        lk_case_value_info v;
        size_t k, len;
        lk_case_fact(c, i, &fi);
        len = strlen(fi.pointer);
        if (strncmp(fi.pointer, "/access/", 8) || len < 8 ||
            strcmp(fi.pointer + len - 7, "/attack"))
            continue;
        for (k = 0; k < fi.nvalues; k++) {
            lk_case_fact_value(c, i, k, &v);
            if (v.kind != LK_CASE_VALUE_STRING || v.string == NULL ||
                v.string[0] != 'T')
                continue;
            stix_technique(x, law, v.string, id);
            stix_rel(x, cid, "uses", from, id);
        }
    }
}

/* Every object of the case of "a" into the bundle. */
static void stix_case(stix_ctx *x, const lk_assessment *a, const char *ext)
{
    const lk_case *c = lk_assessment_case(a);
    char incident[80], actor[80];
    json_t *o, *refs;

    stix_id(incident, "incident", lk_case_id(c), "incident");
    o = stix_object(x, "incident", incident);
    if (o != NULL) {
        stix_set(x, o, "name", json_string(lk_case_title(c)));
        stix_set_str(x, o, "description", lk_case_summary(c));
        refs = stix_case_refs(x, c);
        if (refs != NULL)
            stix_set(x, o, "external_references", refs);
    }
    stix_case_targets(x, c, lk_assessment_law(a),
                      stix_case_actor(x, c, incident, actor) ? actor
                                                             : incident);
    stix_note(x, a, incident, ext);
}

int lk_stix_export(char **out, size_t *len,
                   const lk_assessment *const *as, size_t n,
                   const lk_stix_export_options *opts, lk_error *err)
{
    stix_ctx x;
    json_t *bundle = NULL;
    char ext[80], id[80], role[1024];
    char *text = NULL, *dump = NULL;
    const char *date = opts != NULL ? opts->date : NULL;
    size_t i, used = 0;
    int rc = LK_ENOMEM;

    memset(&x, 0, sizeof(x));
    if (date != NULL && lk_stix__timestamp(date, x.stamp) != 0)
        return lk_error_set(err, LK_EINVALID,
                            "bad date '%s' (YYYY-MM-DD or "
                            "YYYY-MM-DDTHH:MM:SSZ)", date);
    if (n == 0)
        return lk_error_set(err, LK_EINVALID, "no case to export");
    x.objects = json_array();
    x.seen = json_object();
    bundle = json_object();
    if (x.objects == NULL || x.seen == NULL || bundle == NULL)
        goto oom;
    /* the bundle's id: the case ids it holds, in order */
    role[0] = '\0';
    for (i = 0; i < n; i++) {
        const char *cid = lk_case_id(lk_assessment_case(as[i]));
        int w = snprintf(role + used, sizeof(role) - used, "%s%s",
                         i ? " " : "", cid);
        if (w > 0 && (size_t)w < sizeof(role) - used)
            used += (size_t)w;
    }
    stix_id(id, "bundle", "", role);
    for (i = 0; i < n; i++) {
        const lk_case *c = lk_assessment_case(as[i]);
        const char *fd = lk_case_facts_date(c);
        if (date == NULL &&
            (fd == NULL || lk_stix__timestamp(fd, x.stamp) != 0))
            snprintf(x.stamp, sizeof(x.stamp), "%s", STIX_EPOCH);
        stix_extension(&x, ext);
        stix_case(&x, as[i], ext);
    }
    stix_set(&x, bundle, "type", json_string("bundle"));
    stix_set(&x, bundle, "id", json_string(id));
    stix_set(&x, bundle, "objects", json_incref(x.objects));
    if (x.oom)
        goto oom;
    dump = json_dumps(bundle, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (dump == NULL)
        goto oom;
    used = strlen(dump);
    text = lk_malloc(used + 2);
    if (text == NULL)
        goto oom;
    memcpy(text, dump, used);
    text[used] = '\n';
    text[used + 1] = '\0';
    *out = text;
    if (len != NULL)
        *len = used + 1;
    rc = 0;
    goto out;
oom:
    rc = lk_error_set_oom(err);
out:
    lk_free(dump);
    json_decref(bundle);
    json_decref(x.objects);
    json_decref(x.seen);
    return rc;
}

void lk_stix_free(char *text)
{
    lk_free(text);
}
