/*
 * test_stix_in.c: lk_stix_import on the OASIS sample bundles (APT1,
 * Poison Ivy), a bundle for the 2016 DNC intrusion (APT28 attributed to
 * a GRU unit located in Russia), a malformed bundle (cycles, dangling
 * references, bad values) and bundles past the limits.
 */
#include <jansson.h>

#include "alloc.h"
#include "buf.h"
#include "helpers.h"
#include "leaklaw/stix.h"
#include "stix_in.h"

static lk_law *law;

/* Load the bundled law. */
static int setup(void **state)
{
    (void)state;
    law = test_law(NULL);
    return 0;
}

/* Release the law. */
static int teardown(void **state)
{
    (void)state;
    lk_law_free(law);
    return 0;
}

/* Import resource "rel"; returns the status, the result in "*out". */
static int import_res(const char *rel, lk_stix_import_result **out,
                      lk_error *err)
{
    char path[1024], *data = NULL;
    size_t len = 0;
    int rc;
    test_res(path, sizeof(path), rel);
    assert_int_equal(lk_file_read(&data, &len, path, LK_STIX_MAX_BYTES, err),
                     0);
    rc = lk_stix_import(out, rel, data, len, law, err);
    lk_free(data);
    return rc;
}

/* Draft "i" of "r" as a JSON tree, after checking it is a valid case
 * against the law (what 'leaklaw check' does). */
static json_t *draft(const lk_stix_import_result *r, size_t i)
{
    const char *text = lk_stix_import_case(r, i, 1);
    lk_case *c = NULL;
    lk_error err;
    json_t *j;
    assert_non_null(text);
    assert_int_equal(lk_case_parse(&c, "draft", text, strlen(text), NULL,
                                   NULL, &err), 0);
    assert_int_equal(lk_law_check_case(law, c, NULL, NULL, &err), 0);
    assert_int_equal(lk_case_check_citations(c, NULL, NULL, &err), 0);
    lk_case_free(c);
    j = json_loads(text, 0, NULL);
    assert_non_null(j);
    return j;
}

/* The string at JSON pointer "p" of "j" (simple pointers only). */
static const char *at(json_t *j, const char *p)
{
    char part[64];
    while (j && *p == '/') {
        const char *e = strchr(p + 1, '/');
        size_t n = e ? (size_t)(e - p - 1) : strlen(p + 1);
        snprintf(part, sizeof(part), "%.*s", (int)n, p + 1);
        j = json_is_array(j) ? json_array_get(j, strtoul(part, NULL, 10))
                             : json_object_get(j, part);
        p += n + 1;
    }
    return json_string_value(j);
}

/* Whether some note of "r" contains "text". */
static int has_note(const lk_stix_import_result *r, const char *text)
{
    size_t i;
    for (i = 0; i < lk_stix_import_note_count(r); i++)
        if (strstr(lk_stix_import_note(r, i).message, text))
            return 1;
    return 0;
}

/* STIX confidence on the STIX 2.1 scale. */
static void test_level(void **state)
{
    (void)state;
    assert_string_equal(lk_stix__level(0), "none");
    assert_string_equal(lk_stix__level(1), "low");
    assert_string_equal(lk_stix__level(29), "low");
    assert_string_equal(lk_stix__level(30), "moderate");
    assert_string_equal(lk_stix__level(69), "moderate");
    assert_string_equal(lk_stix__level(70), "high");
    assert_string_equal(lk_stix__level(100), "high");
}

/* OASIS APT1: one draft, the intrusion set cited by its STIX id. */
static void test_apt1(void **state)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    json_t *j;
    (void)state;
    assert_int_equal(import_res("stix/apt1.json", &r, &err), 0);
    assert_int_equal(lk_stix_import_count(r), 1);
    j = draft(r, 0);
    assert_string_equal(at(j, "/id"), "apt1");
    assert_string_equal(at(j, "/actor/name"), "APT1");
    assert_string_equal(at(j, "/actor/cite/0"), "apt1");
    assert_string_equal(at(j, "/sources/0/pinpoint"),
        "intrusion-set--da1065ce-972c-4605-8755-9cd1074e3b5a");
    assert_string_equal(at(j, "/sources/0/date"), "2006-06-01");
    /* "nation-state" threat actors do not make a kind */
    assert_null(json_object_get(json_object_get(j, "actor"), "kind"));
    assert_true(has_note(r, "'nation-state' does not say"));
    json_decref(j);
    lk_stix_import_free(r);
}

/* OASIS Poison Ivy: a draft per campaign, FireEye a private-sector basis */
static void test_poisonivy(void **state)
{
    static const char *const ids[] = {"admin-338", "th3bug", "menupass"};
    lk_stix_import_result *r = NULL;
    lk_error err;
    size_t i;
    (void)state;
    assert_int_equal(import_res("stix/poisonivy.json", &r, &err), 0);
    assert_int_equal(lk_stix_import_count(r), 3); /* one per campaign */
    for (i = 0; i < 3; i++) {
        json_t *j = draft(r, i);
        assert_string_equal(at(j, "/id"), ids[i]);
        assert_string_equal(at(j, "/actor/attribution/basis/0"),
                            "private-sector");
        assert_string_equal(at(j, "/actor/attribution/cite/1"),
                            "fireeye-inc");
        assert_null(json_object_get(j, "access")); /* CAPEC ids only */
        json_decref(j);
        /* one line each for JSON Lines */
        assert_null(strchr(lk_stix_import_case(r, i, 0), '\n'));
    }
    assert_true(has_note(r, "has no ATT&CK id"));
    lk_stix_import_free(r);
}

/* The DNC bundle: kind, States, confidence, basis, access. */
static void test_apt28_dnc(void **state)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    json_t *j;
    (void)state;
    assert_int_equal(import_res("stix/apt28-dnc.json", &r, &err), 0);
    assert_int_equal(lk_stix_import_count(r), 1);
    j = draft(r, 0);
    assert_string_equal(at(j, "/id"), "apt28");
    assert_string_equal(at(j, "/actor/kind/value"), "state-organ");
    assert_string_equal(at(j, "/actor/kind/cite/0"),
                        "gru-unit-26165-russian-military");
    assert_string_equal(at(j, "/actor/state/value"), "RU");
    assert_string_equal(at(j, "/actor/state/cite/0"), "russian-federation");
    assert_string_equal(at(j, "/actor/attribution/confidence/value"),
                        "high");
    assert_non_null(strstr(at(j, "/actor/attribution/confidence/note"),
                           "85 of 100"));
    assert_string_equal(at(j, "/actor/attribution/basis/0"),
                        "victim-government");
    assert_string_equal(at(j, "/actor/attribution/basis/1"),
                        "private-sector");
    assert_string_equal(at(j, "/victim/state/value"), "US");
    assert_string_equal(at(j, "/victim/name"),
                        "Democratic National Committee");
    assert_null(json_object_get(json_object_get(j, "victim"), "target"));
    /* the group's own technique, then its campaign's */
    assert_string_equal(at(j, "/access/0/attack"), "T1566.002");
    assert_string_equal(at(j, "/access/1/attack"), "T1078");
    assert_string_equal(at(j, "/access/2/attack"), "T1056.001");
    assert_null(at(j, "/access/3/attack"));
    /* T0089 has no reading: nothing set, and the report says so */
    assert_true(has_note(r, "says nothing leaklaw reads about the "
                            "disclosure"));
    assert_null(json_object_get(j, "disclosure"));
    json_decref(j);
    lk_stix_import_free(r);
}

/* Cycles, dangling references and bad values: a draft and notes. */
static void test_malformed(void **state)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    json_t *j;
    (void)state;
    assert_int_equal(import_res("stix/malformed.json", &r, &err), 0);
    assert_int_equal(lk_stix_import_count(r), 1);
    j = draft(r, 0);
    assert_string_equal(at(j, "/id"), "loop-group");
    /* found through the cycle A -> B -> Ministry */
    assert_string_equal(at(j, "/actor/kind/value"), "state-organ");
    /* 'JJ' is no country: dropped after the check refused it */
    assert_null(json_object_get(json_object_get(j, "actor"), "state"));
    assert_string_equal(at(j, "/access/0/attack"), "T1566");
    assert_null(at(j, "/access/1/attack"));
    assert_true(has_note(r, "'T9999' is not a technique"));
    assert_true(has_note(r, "not in the bundle: relationship ignored"));
    assert_true(has_note(r, "used twice"));
    assert_true(has_note(r, "confidence 150 is outside 0-100"));
    assert_true(has_note(r, "'JJ' is not an ISO 3166-1"));
    assert_true(has_note(r, "author is not in the bundle"));
    json_decref(j);
    lk_stix_import_free(r);
}

/* Import "text"; expect status "want" and "msg" in the error. */
static void refused(const char *text, size_t len, int want, const char *ptr,
                    const char *msg)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    lk_error_clear(&err);
    assert_int_equal(lk_stix_import(&r, "t.json", text, len, law, &err),
                     want);
    assert_null(r);
    assert_string_equal(err.pointer, ptr);
    assert_non_null(strstr(err.message, msg));
}

/* Not bundles, too deep, too many objects: refused with the place. */
static void test_refused(void **state)
{
    static const char *const bad[][3] = {
        {"[1]", "/type", "not a STIX bundle"},
        {"{\"type\": \"report\"}", "/type", "not a STIX bundle"},
        {"{\"type\": \"bundle\", \"objects\": {}}", "/objects",
         "is a list"},
        {"{\"type\": \"bundle\", \"objects\": [1]}", "/objects/0",
         "string 'type' and 'id'"},
        {"{\"type\": \"bundle\", \"objects\": []}", "/objects",
         "no intrusion-set, campaign or threat-actor"},
    };
    size_t i;
    lk_buf b;
    (void)state;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        refused(bad[i][0], strlen(bad[i][0]), LK_EINVALID, bad[i][1],
                bad[i][2]);
    refused("{\"type\": ", 9, LK_EINVALID, "", "");
    /* too deep */
    lk_buf_init(&b, 0);
    for (i = 0; i < LK_STIX_MAX_DEPTH + 1; i++)
        lk_buf_puts(&b, "[");
    refused(b.ptr, b.len, LK_ETOOBIG, "", "nested deeper");
    lk_buf_dispose(&b);
    /* too many objects */
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "{\"type\": \"bundle\", \"objects\": [");
    for (i = 0; i <= LK_STIX_MAX_OBJECTS; i++)
        lk_buf_puts(&b, i ? ",{}" : "{}");
    lk_buf_puts(&b, "]}");
    refused(b.ptr, b.len, LK_ETOOBIG, "/objects", "more than");
    lk_buf_dispose(&b);
}

/* Many campaigns attributed to one group, each a cycle: linear time and
 * one draft with the unique techniques. */
static void test_many(void **state)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    lk_buf b;
    size_t i;
    json_t *j;
    (void)state;
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "{\"type\": \"bundle\", \"objects\": ["
                    "{\"type\": \"intrusion-set\", \"id\": \"i--0\", "
                    "\"name\": \"Many\"}, {\"type\": \"attack-pattern\", "
                    "\"id\": \"a--0\", \"name\": \"P\", "
                    "\"external_references\": [{\"source_name\": "
                    "\"mitre-attack\", \"external_id\": \"T1078\"}]}");
    for (i = 0; i < 5000; i++)
        lk_buf_printf(&b, ",{\"type\": \"campaign\", \"id\": \"c--%zu\"},"
                      "{\"type\": \"relationship\", \"id\": \"r--%zu\", "
                      "\"relationship_type\": \"attributed-to\", "
                      "\"source_ref\": \"c--%zu\", \"target_ref\": "
                      "\"i--0\"},{\"type\": \"relationship\", \"id\": "
                      "\"u--%zu\", \"relationship_type\": \"uses\", "
                      "\"source_ref\": \"c--%zu\", \"target_ref\": "
                      "\"a--0\"}", i, i, i, i, i);
    lk_buf_puts(&b, "]}");
    assert_int_equal(lk_stix_import(&r, "many", b.ptr, b.len, law, &err), 0);
    assert_int_equal(lk_stix_import_count(r), 1);
    j = draft(r, 0);
    assert_string_equal(at(j, "/access/0/attack"), "T1078");
    assert_null(at(j, "/access/1/attack"));
    json_decref(j);
    lk_stix_import_free(r);
    lk_buf_dispose(&b);
}

/* More than 1,000 things not mapped: 999 notes and a count. */
static void test_many_notes(void **state)
{
    lk_stix_import_result *r = NULL;
    lk_error err;
    lk_buf b;
    size_t i, n;
    json_t *j;
    (void)state;
    lk_buf_init(&b, 0);
    lk_buf_puts(&b, "{\"type\": \"bundle\", \"objects\": ["
                    "{\"type\": \"campaign\", \"id\": \"c--0\"}");
    for (i = 0; i < 1500; i++)
        lk_buf_printf(&b, ",{\"type\": \"relationship\", \"id\": "
                      "\"r--%zu\", \"relationship_type\": \"uses\", "
                      "\"source_ref\": \"c--0\", \"target_ref\": "
                      "\"x--%zu\"}", i, i);
    lk_buf_puts(&b, "]}");
    assert_int_equal(lk_stix_import(&r, "notes", b.ptr, b.len, law, &err),
                     0);
    n = lk_stix_import_note_count(r);
    assert_int_equal(n, 1000);
    assert_string_equal(lk_stix_import_note(r, 0).pointer,
                        "/objects/1/target_ref");
    assert_string_equal(lk_stix_import_note(r, n - 1).message,
                        "501 more notes not shown");
    j = draft(r, 0);
    assert_string_equal(at(j, "/id"), "campaign");
    json_decref(j);
    lk_stix_import_free(r);
    lk_buf_dispose(&b);
}

/* Every test above, with the bundled law (run from the interop suite's
 * main in test_evidence_attach.c). */
void test_stix_in(void **state);
void test_stix_in(void **state)
{
    setup(state);
    test_level(state);
    test_apt1(state);
    test_poisonivy(state);
    test_apt28_dnc(state);
    test_malformed(state);
    test_refused(state);
    test_many(state);
    test_many_notes(state);
    teardown(state);
}
