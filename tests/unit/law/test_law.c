/*
 * test_law.c: loading the law: the bundled data loads and every rule
 * cites the catalogue; malformed law is refused with its location; the
 * generic engine's semantics (priorities, exceptions, conflicts, unknowns)
 * on a small law written for the test.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "assess.h"
#include "eval.h"
#include "helpers.h"
#include "law.h"

static char tmpdir[256];

static void put(const char *rel, const char *text)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A tiny law: one element decided by a fact, one lens over it. */
static const char *const tiny_sources =
    "{\"format\": \"leaklaw/sources/1\", \"sources\": ["
    "{\"id\": \"src\", \"kind\": \"report\", \"title\": \"A source\", "
    "\"status\": \"confirmed\", \"oscola\": \"*A source*\"},"
    "{\"id\": \"src2\", \"kind\": \"press\", \"title\": \"Another\", "
    "\"status\": \"unconfirmed\", \"oscola\": \"Another\"}]}";
static const char *const tiny_model =
    "{\"format\": \"leaklaw/model/1\", \"name\": \"tiny\", \"version\": \"1\","
    " \"params\": {\"n\": 3}, \"scores\": [], "
    " \"elements\": [{\"id\": \"e\", \"title\": \"E\", \"levels\": [\"a\", "
    "\"b\"]}],"
    " \"lenses\": [{\"id\": \"l\", \"title\": \"L\"}], \"flags\": [],"
    " \"statuses\": {\"element\": [{\"id\": \"met\", \"label\": \"M\"}, "
    "{\"id\": \"not-met\", \"label\": \"N\"}], \"lens\": [{\"id\": "
    "\"breach\", \"label\": \"B\"}, {\"id\": \"likely-breach\", \"label\": "
    "\"LB\"}, {\"id\": \"unlikely-breach\", \"label\": \"UB\"}, {\"id\": "
    "\"no-breach\", \"label\": \"NB\"}], \"flag\": [{\"id\": \"raised\", "
    "\"label\": \"R\"}, {\"id\": \"not-raised\", \"label\": \"NR\"}], "
    "\"open\": {\"id\": \"undetermined\", \"label\": \"U\"}}}";
static const char *const tiny_profile =
    "{\"format\": \"leaklaw/profile/1\", \"id\": \"default\", \"title\": "
    "\"t\", \"cites\": [\"src\"]}";

static void tiny_setup(const char *rules)
{
    char intr[4096];
    size_t n = 0;
    int i;
    char cmd[600];
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/lk-law-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    snprintf(cmd, sizeof(cmd), "%s/rules", tmpdir);
    mkdir(cmd, 0755);
    snprintf(cmd, sizeof(cmd), "%s/profiles", tmpdir);
    mkdir(cmd, 0755);
    snprintf(cmd, sizeof(cmd), "%s/attack", tmpdir);
    mkdir(cmd, 0755);
    put("sources.json", tiny_sources);
    put("rules/model.json", tiny_model);
    put("profiles/default.json", tiny_profile);
    put("attack/techniques.tsv", "# ids\nT1566\tPhishing\n");
    n += (size_t)snprintf(intr, sizeof(intr),
                          "{\"format\": \"leaklaw/intrusiveness/1\", "
                          "\"levels\": [\"none\", \"low\", \"high\"], "
                          "\"methods\": [");
    for (i = 0; lk_enum_method[i]; i++)
        n += (size_t)snprintf(intr + n, sizeof(intr) - n,
                              "%s{\"method\": \"%s\", \"level\": \"%s\", "
                              "\"text\": \"t\", \"cites\": [\"src\"]}",
                              i ? "," : "", lk_enum_method[i],
                              i == 0 ? "none" : "high");
    snprintf(intr + n, sizeof(intr) - n,
             "], \"attack\": [{\"id\": \"T1566\", \"method\": "
             "\"phishing\"}]}");
    put("rules/intrusiveness.json", intr);
    put("rules/rules.json", rules);
}

static void tiny_teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
}

static int tiny_load(const char *rules, lk_law **law, lk_error *err)
{
    int rc;
    tiny_setup(rules);
    lk_error_clear(err);
    rc = lk_law_load(law, tmpdir, NULL, err);
    tiny_teardown();
    return rc;
}

#define R(id, dec, when, then, prio, extra)                                   \
    "{\"id\": \"" id "\", \"decides\": \"" dec "\", \"when\": " when          \
    ", \"then\": " then ", \"priority\": " #prio ", \"text\": \"t\", "        \
    "\"cites\": [\"src\"]" extra "}"
#define DEFAULTS                                                              \
    R("e-default", "e", "{\"always\": true}", "{\"status\": \"not-met\"}",    \
      0, "")                                                                  \
    "," R("l-default", "l", "{\"always\": true}",                              \
          "{\"verdict\": \"no-breach\"}", 0, "")

static void test_bundled_law_loads(void **state)
{
    lk_law *law = test_law(NULL);
    size_t i;
    (void)state;
    assert_true(lk_law_rule_count(law) > 50);
    assert_string_equal(lk_law_profile(law), "default");
    assert_int_equal(strlen(lk_law_sha256(law)), 64);
    for (i = 0; i < lk_law_rule_count(law); i++) {
        const lk_rule_info *r = lk_law_rule(law, i);
        const char *const *c;
        assert_non_null(r->cites[0]); /* every rule cites */
        for (c = r->cites; *c; c++)
            assert_non_null(lk_law_source_find(law, *c));
        assert_ptr_equal(lk_law_rule_find(law, r->id), r);
    }
    assert_null(lk_law_rule_find(law, "no-such-rule"));
    lk_law_free(law);
}

/* The ATT&CK index names its techniques, sub-techniques included. */
static void test_technique_names(void **state)
{
    lk_law *law = test_law(NULL);
    (void)state;
    assert_string_equal(lk_law_technique_name(law, "T1566"), "Phishing");
    assert_string_equal(lk_law_technique_name(law, "T1566.002"),
                        "Spearphishing Link");
    assert_null(lk_law_technique_name(law, "T9999"));
    assert_null(lk_law_technique_name(law, "T1566.002.000000"));
    lk_law_free(law);
}

static void test_unknown_profile(void **state)
{
    lk_law *law = NULL;
    lk_error err;
    lk_law_options opts = LK_LAW_OPTIONS_INIT;
    (void)state;
    opts.profile = "../etc/passwd";
    assert_int_equal(lk_law_load(&law, test_data(), &opts, &err),
                     LK_ENOTFOUND);
    opts.profile = "atlantis";
    assert_int_equal(lk_law_load(&law, test_data(), &opts, &err),
                     LK_ENOTFOUND);
    assert_null(law);
}

/* lk_law_technique_find reads an ATT&CK id through the intrusiveness
 * table (its own row, else its parent's) with the row's and the level's
 * reasons; Reconnaissance says nothing; DISARM ids are listed apart. */
static void test_technique_find(void **state)
{
    lk_law *law = test_law(NULL);
    lk_technique_info t;
    (void)state;
    assert_int_equal(lk_law_technique_find(law, NULL, "T1566.002", &t), 0);
    assert_string_equal(t.catalogue, "attack");
    assert_string_equal(t.name, "Spearphishing Link");
    assert_string_equal(t.tactics, "TA0001 Initial Access");
    assert_string_equal(t.status, "");
    assert_string_equal(t.method, "phishing");
    assert_string_equal(t.mapped_by, "T1566.002");
    assert_non_null(strstr(t.text, "Spearphishing Link"));
    assert_int_equal(t.ncites, 1);
    assert_string_equal(t.cites[0], "mitre-attack");
    assert_string_equal(t.level, "high");
    assert_true(t.nlevel_cites >= 1);
    assert_string_equal(t.level_cites[0], "seed-more-leaks");
    assert_false(t.reconnaissance);

    assert_int_equal(lk_law_technique_find(law, "attack", "T1204.001", &t),
                     0);
    assert_string_equal(t.method, "malware");
    assert_string_equal(t.mapped_by, "T1204");

    assert_int_equal(lk_law_technique_find(law, NULL, "T1598.002", &t), 0);
    assert_true(t.reconnaissance);
    assert_null(t.method);
    assert_null(t.level);

    assert_int_equal(lk_law_technique_find(law, NULL, "T1192", &t), 0);
    assert_string_equal(t.status, "revoked");

    assert_int_equal(lk_law_technique_find(law, NULL, "T0089", &t), 0);
    assert_string_equal(t.catalogue, "disarm");
    assert_string_equal(t.name, "Obtain Private Documents");
    assert_null(t.method);
    assert_int_equal(lk_law_technique_find(law, "attack", "T0089", &t),
                     LK_ENOTFOUND);
    assert_int_equal(lk_law_technique_find(law, "disarm", "T1566", &t),
                     LK_ENOTFOUND);
    assert_int_equal(lk_law_technique_find(law, "capec", "T1566", &t),
                     LK_ENOTFOUND);
    assert_int_equal(lk_law_technique_find(law, NULL, "T9999", &t),
                     LK_ENOTFOUND);
    /* DISARM ids stay out of case validation */
    assert_null(lk_law_technique_name(law, "T0089"));

    assert_true(lk_law_technique_count(law, "attack") > 800);
    assert_true(lk_law_technique_count(law, "disarm") > 300);
    assert_int_equal(lk_law_technique_count(law, "capec"), 0);
    assert_int_equal(lk_law_technique(law, "disarm",
                                      lk_law_technique_count(law, "disarm"),
                                      &t),
                     LK_ENOTFOUND);
    lk_law_free(law);
}

/* Every current Initial Access (TA0001) and Credential Access (TA0006)
 * technique of the bundled ATT&CK has a row of its own with a reason;
 * no Reconnaissance (TA0043) technique is mapped, even through a
 * parent. */
static void test_technique_coverage(void **state)
{
    lk_law *law = test_law(NULL);
    lk_technique_info t;
    size_t i, n = lk_law_technique_count(law, "attack"), covered = 0;
    (void)state;
    for (i = 0; i < n; i++) {
        assert_int_equal(lk_law_technique(law, "attack", i, &t), 0);
        if (t.reconnaissance && t.method != NULL)
            fail_msg("%s is reconnaissance but maps to %s", t.id, t.method);
        if (t.status[0] || (!strstr(t.tactics, "TA0001") &&
                            !strstr(t.tactics, "TA0006")))
            continue;
        if (t.method == NULL || strcmp(t.mapped_by, t.id) != 0 ||
            t.text[0] == '\0')
            fail_msg("%s (%s) has no row of its own with a reason", t.id,
                     t.tactics);
        covered++;
    }
    assert_int_equal(covered, 89); /* 22 initial access + 67 credential */
    lk_law_free(law);
}

/* The DISARM index is optional but checked when present: ids, status
 * column, duplicates, each blamed on its file (and line). */
static void test_technique_bad_files(void **state)
{
    static const char *const rules =
        "{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "]}";
    lk_law *law = NULL;
    lk_error err;
    char dir[600];
    (void)state;

    tiny_setup(rules); /* no disarm/: loads, no DISARM technique */
    assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), 0);
    assert_int_equal(lk_law_technique_count(law, "disarm"), 0);
    lk_law_free(law);
    law = NULL;

    snprintf(dir, sizeof(dir), "%s/disarm", tmpdir);
    mkdir(dir, 0755);
    put("disarm/techniques.tsv", "# ids\nT0089\tObtain Private Documents\t"
                                 "TA06 Develop Content\n");
    assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), 0);
    assert_int_equal(lk_law_technique_count(law, "disarm"), 1);
    lk_law_free(law);
    law = NULL;

    put("disarm/techniques.tsv", "# ids\nT0089\tObtain\n0089\tx\n");
    assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), LK_EINVALID);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.file, "disarm/techniques.tsv"));
    put("disarm/techniques.tsv", "T0089\tObtain\t\tgone\n");
    assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), LK_EINVALID);
    assert_non_null(strstr(err.message, "'gone'"));
    put("disarm/techniques.tsv", "T0089\tObtain\nT0089\tAgain\n");
    assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), LK_EINVALID);
    assert_non_null(strstr(err.message, "listed twice"));
    tiny_teardown();
    assert_null(law);
}

/* How a STIX identity reads (data/stix/identity.json): exact sectors,
 * then the prefix rows; the classes; unknown sectors and classes. */
static void test_stix_identity(void **state)
{
    lk_law *law = test_law(NULL);
    lk_stix_reading r;
    (void)state;
    assert_int_equal(lk_law_stix_sector(law, "government-local", &r), 0);
    assert_string_equal(r.key, "government-local");
    assert_string_equal(r.target, "government");
    assert_true(r.government);
    assert_non_null(strstr(r.text, "territorial unit"));
    assert_int_equal(lk_law_stix_sector(law, "government-federal", &r), 0);
    assert_string_equal(r.key, "government*");
    assert_string_equal(r.target, "government");
    assert_int_equal(lk_law_stix_sector(law, "intelligence", &r), 0);
    assert_string_equal(r.target, "intelligence");
    assert_true(r.government);
    /* 'defense' names the defence industry as much as the armed forces:
     * no target, no government body; 'military' names the armed forces */
    assert_int_equal(lk_law_stix_sector(law, "defense", &r), 0);
    assert_null(r.target);
    assert_false(r.government);
    assert_false(r.company);
    assert_int_equal(lk_law_stix_sector(law, "defence", &r), 0);
    assert_null(r.target);
    assert_false(r.government);
    assert_int_equal(lk_law_stix_sector(law, "military", &r), 0);
    assert_string_equal(r.target, "military");
    assert_true(r.government);
    assert_int_equal(lk_law_stix_sector(law, "non-profit", &r), 0);
    assert_string_equal(r.target, "ngo");
    assert_false(r.government);
    assert_false(r.company);
    assert_int_equal(lk_law_stix_sector(law, "technology", &r), 0);
    assert_null(r.target);
    assert_false(r.government);
    assert_true(r.company); /* an industry of businesses */
    assert_int_equal(lk_law_stix_sector(law, "emergency-services", &r), 0);
    assert_null(r.target);
    assert_false(r.government);
    assert_false(r.company); /* public or private: the sector does not say */
    assert_int_equal(lk_law_stix_sector(law, "healthcare", &r), 0);
    assert_false(r.company);
    assert_int_equal(lk_law_stix_sector(law, "education", &r), 0);
    assert_false(r.company);
    assert_int_equal(lk_law_stix_sector(law, "Government", &r),
                     LK_ENOTFOUND); /* values are case-sensitive */
    assert_int_equal(lk_law_stix_sector(law, "oil-and-gas", &r),
                     LK_ENOTFOUND);
    assert_int_equal(lk_law_stix_sector(law, NULL, &r), LK_ENOTFOUND);
    assert_int_equal(lk_law_stix_class(law, "individual", &r), 0);
    assert_string_equal(r.target, "individual");
    assert_false(r.government);
    assert_int_equal(lk_law_stix_class(law, "organization", &r), 0);
    assert_null(r.target);
    assert_string_equal(r.fallback, "company");
    assert_true(r.government);
    assert_int_equal(lk_law_stix_class(law, "organisation", &r),
                     LK_ENOTFOUND);
    assert_int_equal(lk_law_stix_class(law, NULL, &r), LK_ENOTFOUND);
    lk_law_free(law);
}

/* stix/identity.json is optional but checked when present: targets of
 * the case format, unique keys, every field, '*' only at the end. */
static void test_stix_identity_bad_files(void **state)
{
    static const char *const rules =
        "{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "]}";
    static const struct {
        const char *classes, *sectors; /* the file's two arrays */
        const char *message, *pointer; /* the expected error */
    } cases[] = {
        {"[]", "[{\"sector\": \"x\", \"target\": \"army\", \"government\": "
               "true, \"text\": \"t\"}]",
         "victim target", "/sectors/0/target"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"government\": "
               "false, \"company\": true, \"text\": \"t\"}, {\"sector\": "
               "\"x\", \"target\": null, \"government\": false, "
               "\"company\": true, \"text\": \"t\"}]",
         "read twice", "/sectors/1/sector"},
        {"[]", "[{\"sector\": \"x\", \"government\": false, \"text\": "
               "\"t\"}]",
         "missing required key 'target'", "/sectors/0"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"text\": \"t\"}]",
         "true or false", "/sectors/0"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"government\": "
               "\"yes\", \"text\": \"t\"}]",
         "true or false", "/sectors/0/government"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"government\": "
               "false}]",
         "missing required key 'text'", "/sectors/0"},
        {"[]", "[{\"sector\": \"g*x\", \"target\": null, \"government\": "
               "false, \"company\": false, \"text\": \"t\"}]",
         "may only end", "/sectors/0/sector"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"government\": "
               "false, \"text\": \"t\"}]",
         "'company' takes true or false", "/sectors/0"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"government\": "
               "false, \"company\": 1, \"text\": \"t\"}]",
         "'company' takes true or false", "/sectors/0/company"},
        {"[]", "[{\"sector\": \"x\", \"target\": null, \"government\": "
               "false, \"text\": \"t\", \"why\": 1}]",
         "unknown key 'why'", "/sectors/0/why"},
        {"[{\"class\": \"organization\", \"target\": null, \"fallback\": "
         "\"firm\", \"government\": true, \"text\": \"t\"}]", "[]",
         "victim target", "/classes/0/fallback"},
        {"[{\"class\": \"organization\", \"target\": null, \"government\": "
         "true, \"text\": \"t\"}]", "[]",
         "missing required key 'fallback'", "/classes/0"},
        {"{}", "[]", "expected an array", "/classes"},
    };
    lk_law *law = NULL;
    lk_error err;
    lk_stix_reading r;
    char dir[600], text[1024];
    size_t i;
    (void)state;

    tiny_setup(rules); /* no stix/: loads, reads no sector */
    assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), 0);
    assert_int_equal(lk_law_stix_sector(law, "government", &r),
                     LK_ENOTFOUND);
    assert_int_equal(lk_law_stix_class(law, "individual", &r),
                     LK_ENOTFOUND);
    lk_law_free(law);
    law = NULL;

    snprintf(dir, sizeof(dir), "%s/stix", tmpdir);
    mkdir(dir, 0755);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        snprintf(text, sizeof(text),
                 "{\"format\": \"leaklaw/stix-identity/1\",\n"
                 " \"classes\": %s,\n \"sectors\": %s}\n",
                 cases[i].classes, cases[i].sectors);
        put("stix/identity.json", text);
        lk_error_clear(&err);
        assert_int_equal(lk_law_load(&law, tmpdir, NULL, &err), LK_EINVALID);
        assert_null(law);
        if (!strstr(err.message, cases[i].message) ||
            strcmp(err.pointer, cases[i].pointer) != 0 ||
            !strstr(err.file, "stix/identity.json") || err.line == 0)
            fail_msg("case %zu: %s:%u: %s: %s", i, err.file, err.line,
                     err.pointer, err.message);
    }
    tiny_teardown();
}

static void test_bad_laws(void **state)
{
    static const struct {
        const char *rules;    /* rules.json text */
        const char *message;  /* expected substring of the error */
        const char *pointer;  /* expected pointer */
    } cases[] = {
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" R(
             "x", "e", "{\"always\": true}", "{\"status\": \"met\"}", 1,
             ", \"cites\": []") "]}",
         "duplicate object key", ""}, /* a JSON error, with its location */
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS
         ",{\"id\": \"x\", \"decides\": \"e\", \"when\": {\"always\": true},"
         " \"then\": {\"status\": \"met\"}, \"text\": \"t\"}]}",
         "every rule must cite at least one source", "/rules/2"},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "x", "e", "{\"always\": true}", "{\"status\": \"met\"}", 1,
             "") "], \"x-extra\": 1}",
         NULL, NULL},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "x", "e", "{\"fact\": \"/actor/kindd\", \"is\": \"insider\"}",
             "{\"status\": \"met\"}", 1, "") "]}",
         "unknown fact '/actor/kindd'", "/rules/2/when"},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "x", "e", "{\"fact\": \"/actor/kind\", \"is\": \"spy\"}",
             "{\"status\": \"met\"}", 1, "") "]}",
         "not a value of /actor/kind: spy", "/rules/2/when/is"},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "x", "e", "{\"element\": \"l\", \"status\": \"met\"}",
             "{\"status\": \"met\"}", 1, "") "]}",
         "decided after this rule's target", "/rules/2/when"},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "x", "e", "{\"always\": true}", "{\"status\": \"met\"}", 1,
             ", \"exception_to\": [\"l-default\"]") "]}",
         "'l-default' decides another target", "/rules/2"},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" R(
             "l-default", "l", "{\"always\": true}",
             "{\"verdict\": \"no-breach\"}", 0, "") "]}",
         "'e' has no default rule", ""},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "e-default", "e", "{\"always\": true}", "{\"status\": \"met\"}",
             1, "") "]}",
         "duplicate rule id 'e-default'", "/rules/2"},
        {"{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
             "x", "e", "{\"always\": true}", "{\"status\": \"met\", "
             "\"level\": \"c\"}", 1, "") "]}",
         "not an outcome of 'e'", "/rules/2/then"},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        lk_law *law = NULL;
        lk_error err;
        int rc = tiny_load(cases[i].rules, &law, &err);
        if (cases[i].message == NULL) {
            if (rc != 0)
                fail_msg("case %zu: %s", i, err.message);
            lk_law_free(law);
            continue;
        }
        if (rc != LK_EINVALID)
            fail_msg("case %zu loaded (rc %d)", i, rc);
        if (strstr(err.message, cases[i].message) == NULL)
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message,
                     cases[i].message);
        if (cases[i].pointer[0] && strcmp(err.pointer, cases[i].pointer))
            fail_msg("case %zu: pointer '%s', expected '%s'", i, err.pointer,
                     cases[i].pointer);
        assert_null(law);
    }
}

/* Evaluate the tiny law's lens "l" and element "e" over an actor kind. */
static void eval_tiny(const char *rules, int kind, uint64_t *e_possible,
                      int *conflict)
{
    lk_law *law = NULL;
    lk_error err;
    lk_eval ev;
    lk_facts f;
    if (tiny_load(rules, &law, &err) != 0)
        fail_msg("%s", err.message);
    memset(&f, 0, sizeof(f));
    if (kind >= 0) {
        f.f[LK_F_ACTOR_KIND].known = 1;
        f.f[LK_F_ACTOR_KIND].v = kind;
    }
    assert_int_equal(lk_eval__init(&ev, law, &err), 0);
    lk_eval__run(&ev, law, &f);
    *e_possible = ev.t[lk_law__target_find(law, "e")].possible;
    *conflict = ev.t[lk_law__target_find(law, "e")].conflict[0];
    lk_eval__dispose(&ev);
    lk_law_free(law);
}

static void test_engine_semantics(void **state)
{
    /* met (a) when the actor is a State organ, with an exception for
     * insiders (never fires together) and an equal-priority rival */
    static const char rules[] =
        "{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
            "organ", "e", "{\"fact\": \"/actor/kind\", \"in\": "
                          "[\"state-organ\", \"state-directed\"]}",
            "{\"status\": \"met\", \"level\": \"a\"}", 5, "") "," R(
            "insider", "e", "{\"fact\": \"/actor/kind\", \"is\": "
                            "\"insider\"}",
            "{\"status\": \"met\", \"level\": \"b\"}", 5, "") "," R(
            "insider-other", "e", "{\"fact\": \"/actor/kind\", \"is\": "
                                  "\"insider\"}",
            "{\"status\": \"not-met\"}", 5, "") "," R(
            "directed-exception", "e", "{\"fact\": \"/actor/kind\", \"is\": "
                                       "\"state-directed\"}",
            "{\"status\": \"not-met\", \"level\": \"b\"}", 1,
            ", \"exception_to\": [\"organ\"]") "]}";
    uint64_t p;
    int conflict, organ = lk_facts__value_index(LK_F_ACTOR_KIND,
                                                "state-organ");
    (void)state;
    /* the applicable rule of highest priority decides */
    eval_tiny(rules, organ, &p, &conflict);
    assert_int_equal(__builtin_popcountll(p), 1);
    assert_int_equal(conflict, -1);
    /* equal priority, both apply, disagree: interpretive conflict */
    eval_tiny(rules, lk_facts__value_index(LK_F_ACTOR_KIND, "insider"), &p,
              &conflict);
    assert_int_equal(__builtin_popcountll(p), 2);
    assert_true(conflict >= 0);
    /* unknown fact: every rule that may apply stays possible */
    eval_tiny(rules, -1, &p, &conflict);
    assert_true(__builtin_popcountll(p) >= 3);
    /* an exception defeats the rule it names, though of lower priority */
    eval_tiny(rules, lk_facts__value_index(LK_F_ACTOR_KIND, "state-directed"),
              &p, &conflict);
    assert_int_equal(__builtin_popcountll(p), 1);
    assert_int_equal(__builtin_ctzll(p), 1 * 3 + 2); /* not-met (b) */
    /* nothing applies but the default: determined */
    eval_tiny(rules, lk_facts__value_index(LK_F_ACTOR_KIND, "non-state"), &p,
              &conflict);
    assert_int_equal(__builtin_popcountll(p), 1);
}

/* Evaluate "f" in full and from "base" (the changes "changed"): element
 * "e" must come out the same. */
static void check_from(const lk_law *law, const lk_eval *base,
                       const lk_facts *f, uint32_t changed)
{
    lk_eval full, from;
    lk_error err;
    int e = lk_law__target_find(law, "e");
    assert_int_equal(lk_eval__init(&full, law, &err), 0);
    assert_int_equal(lk_eval__init(&from, law, &err), 0);
    lk_eval__run(&full, law, f);
    lk_eval__run_from(&from, law, f, base, changed);
    assert_int_equal(from.t[e].possible, full.t[e].possible);
    assert_int_equal(from.t[e].unknown, full.t[e].unknown);
    lk_eval__dispose(&full);
    lk_eval__dispose(&from);
}

/* Incremental evaluation (the what-if search) equals full evaluation when
 * the change reaches a rule only through its exception: the rule's own
 * condition does not read the changed fact, its defeat does. (The
 * bundled law has no exceptions, so the what-if tests cannot see this.) */
static void test_engine_incremental_exception(void **state)
{
    static const char rules[] =
        "{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "," R(
            "organ", "e", "{\"fact\": \"/actor/kind\", \"is\": "
                          "\"state-organ\"}",
            "{\"status\": \"met\", \"level\": \"a\"}", 5, "") "," R(
            "armed", "e", "{\"fact\": \"/context/armed_conflict\", "
                          "\"is\": true}",
            "{\"status\": \"not-met\", \"level\": \"b\"}", 1,
            ", \"exception_to\": [\"organ\"]") "]}";
    lk_law *law = NULL;
    lk_error err;
    lk_eval base;
    lk_facts f;
    int v;
    (void)state;
    if (tiny_load(rules, &law, &err) != 0)
        fail_msg("%s", err.message);
    for (v = 0; v < 2; v++) {
        memset(&f, 0, sizeof(f));
        f.f[LK_F_ACTOR_KIND].known = 1;
        f.f[LK_F_ACTOR_KIND].v =
            lk_facts__value_index(LK_F_ACTOR_KIND, "state-organ");
        f.f[LK_F_ARMED_CONFLICT].known = 1;
        f.f[LK_F_ARMED_CONFLICT].v = v;
        assert_int_equal(lk_eval__init(&base, law, &err), 0);
        lk_eval__run(&base, law, &f);
        f.f[LK_F_ARMED_CONFLICT].v = !v; /* the exception turns */
        check_from(law, &base, &f, 1u << LK_F_ARMED_CONFLICT);
        f.f[LK_F_ARMED_CONFLICT].known = 0; /* the exception opens */
        check_from(law, &base, &f, 1u << LK_F_ARMED_CONFLICT);
        lk_eval__dispose(&base);
    }
    lk_law_free(law);
}

/* A source of a test catalogue: "extra" goes inside the object. */
#define SRCK(id, kind, oscola, extra)                                         \
    "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"title\": \"T\", "          \
    "\"status\": \"confirmed\", \"oscola\": \"" oscola "\"" extra "}"
#define SRC(id, extra) SRCK(id, "report", "*T* (2020)", extra)
#define CATALOGUE(more)                                                       \
    "{\"format\": \"leaklaw/sources/1\", \"sources\": [" SRC("src", "")       \
    "," SRC("src2", "") more "]}"

/* The catalogue: kind, OSCOLA and the copies read ("seen_at") are read
 * into lk_source_info; malformed entries are refused with their
 * location. */
static void test_catalogue(void **state)
{
    static const char *const rules =
        "{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS "]}";
    static const struct {
        const char *sources;  /* sources.json text */
        const char *message;  /* expected substring of the error */
        const char *pointer;  /* expected pointer */
    } cases[] = {
        {CATALOGUE("," SRCK("x", "blog", "T", "")),
         "unknown kind 'blog'", "/sources/2/kind"},
        {"{\"format\": \"leaklaw/sources/1\", \"sources\": [{\"id\": "
         "\"src\", \"title\": \"T\", \"status\": \"confirmed\", \"oscola\": "
         "\"T\"}]}",
         "missing required key 'kind'", "/sources/0"},
        {CATALOGUE("," SRCK("x", "press", "*T (2020)", "")),
         "unpaired '*'", "/sources/2/oscola"},
        {CATALOGUE("," SRC("x", ", \"seen_at\": {}")), "expected an array",
         "/sources/2/seen_at"},
        {CATALOGUE("," SRC("x", ", \"seen_at\": [{\"url\": \"https://a\", "
                                "\"what\": \"w\"}, {\"url\": \"https://b\"}]")),
         "missing required key 'what'", "/sources/2/seen_at/1"},
        {CATALOGUE("," SRC("x", ", \"seen_at\": [{\"url\": \"https://a\", "
                                "\"what\": \"w\", \"when\": \"now\"}]")),
         "when", "/sources/2/seen_at/0/when"},
        {CATALOGUE("," SRC("x", ", \"url\": \"\"")),
         "expected a non-empty string", "/sources/2/url"},
    };
    lk_law *law = NULL;
    lk_error err;
    const lk_source_info *s;
    size_t i;
    int rc;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tiny_setup(rules);
        put("sources.json", cases[i].sources);
        lk_error_clear(&err);
        rc = lk_law_load(&law, tmpdir, NULL, &err);
        tiny_teardown();
        if (rc != LK_EINVALID)
            fail_msg("case %zu loaded (rc %d)", i, rc);
        if (strstr(err.message, cases[i].message) == NULL)
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message,
                     cases[i].message);
        if (strcmp(err.pointer, cases[i].pointer))
            fail_msg("case %zu: pointer '%s', expected '%s'", i, err.pointer,
                     cases[i].pointer);
        assert_null(law);
    }
    /* a good catalogue: the copies of each source are its own */
    tiny_setup(rules);
    put("sources.json",
        CATALOGUE("," SRC("x", ", \"url\": \"https://official\", "
                               "\"supports\": \"S\", \"note\": \"N\", "
                               "\"seen_at\": [{\"url\": \"https://a\", "
                               "\"what\": \"wa\"}, {\"url\": \"https://b\", "
                               "\"what\": \"wb\"}]")
                  "," SRC("y", ", \"seen_at\": [{\"url\": \"https://c\", "
                               "\"what\": \"wc\"}]")));
    lk_error_clear(&err);
    rc = lk_law_load(&law, tmpdir, NULL, &err);
    tiny_teardown();
    if (rc != 0)
        fail_msg("%s", err.message);
    s = lk_law_source_find(law, "src");
    assert_string_equal(s->kind, "report");
    assert_string_equal(s->oscola, "*T* (2020)");
    assert_string_equal(s->url, "");
    assert_string_equal(s->supports, "");
    assert_int_equal(s->nseen_at, 0);
    assert_null(s->seen_at);
    s = lk_law_source_find(law, "x");
    assert_string_equal(s->url, "https://official");
    assert_string_equal(s->supports, "S");
    assert_string_equal(s->note, "N");
    assert_int_equal(s->nseen_at, 2);
    assert_string_equal(s->seen_at[0].url, "https://a");
    assert_string_equal(s->seen_at[1].what, "wb");
    s = lk_law_source_find(law, "y");
    assert_int_equal(s->nseen_at, 1);
    assert_string_equal(s->seen_at[0].url, "https://c");
    assert_string_equal(s->seen_at[0].what, "wc");
    lk_law_free(law);
}

/* The bundled catalogue: every source has a known kind and an OSCOLA
 * citation, and an official address unless it is unconfirmed. */
static void test_bundled_catalogue(void **state)
{
    lk_law *law = test_law(NULL);
    size_t i;
    (void)state;
    assert_true(lk_law_source_count(law) > 30);
    for (i = 0; i < lk_law_source_count(law); i++) {
        const lk_source_info *s = lk_law_source(law, i);
        assert_true(s->kind[0] && s->oscola[0]);
        if (s->url[0] == '\0' && strcmp(s->status, "unconfirmed"))
            fail_msg("%s: confirmed without an official address", s->id);
    }
    assert_int_equal(lk_law_source_find(law, "icj-nicaragua-205")->nseen_at,
                     4);
    lk_law_free(law);
}

/* Legal choices are data: in a copy of data/ rewritten by
 * tests/resources/law/relabel.py (lens leak-norm renamed, a fourth lens,
 * five intrusiveness levels) the law loads, the cases check and assess,
 * and statuses, levels and the chart come from the data. */
static void test_law_is_data(void **state)
{
    char dir[64], cmd[1024], path[512], res[512];
    lk_law *law = NULL, *orig = test_law(NULL);
    lk_case *c = NULL;
    lk_assessment *a = NULL, *ao = NULL;
    const lk_chart_info *chart;
    const lk_status_info *st;
    lk_error err;
    int n;
    (void)state;

    snprintf(dir, sizeof(dir), "/tmp/lk-data-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(cmd, sizeof(cmd), "cp -r '%s'/. '%s' && python3 '%s' '%s'",
             test_data(), dir, test_res(res, sizeof(res), "law/relabel.py"),
             dir);
    assert_int_equal(system(cmd), 0);
    lk_error_clear(&err);
    assert_int_equal(lk_law_load(&law, dir, NULL, &err), 0);
    /* statuses: five lens verdicts, the open one last */
    assert_int_equal(lk_law_status_count(law, LK_TARGET_LENS), 6);
    assert_int_equal(lk_law_status_count(law, LK_TARGET_SCORE), 0);
    st = lk_law_status(law, LK_TARGET_LENS, 5);
    assert_non_null(st);
    assert_true(st->open);
    assert_string_equal(st->color, "#bdc3c7");
    assert_null(lk_law_status(law, LK_TARGET_LENS, 6));
    st = lk_law_status_find(law, LK_TARGET_LENS, "unlikely-breach");
    assert_non_null(st);
    assert_string_equal(st->label, "Breach unlikely");
    assert_null(lk_law_status_find(law, LK_TARGET_ELEMENT, "breach"));
    /* the chart's y axis: the five levels, lowest first */
    chart = lk_law_chart(law);
    assert_non_null(chart);
    for (n = 0; chart->y_values[n]; n++)
        ;
    assert_int_equal(n, 5);
    assert_string_equal(chart->y_values[4], "severe");
    assert_true(lk_law_target_index(law, "leak-norm") < 0);
    assert_true(lk_law_target_index(law, "leak-norm-x") >= 0);
    /* a case: its expected verdicts name the renamed lens */
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", dir);
    assert_int_equal(lk_case_load(&c, path, NULL, NULL, &err), 0);
    assert_int_equal(lk_law_check_case(law, c, NULL, NULL, &err), 0);
    assert_int_equal(lk_assess(&a, law, c, NULL, &err), 0);
    assert_int_equal(lk_assess(&ao, orig, c, NULL, &err), 0);
    assert_string_equal(lk_assessment_verdict(a, "leak-norm-x"),
                        lk_assessment_verdict(ao, "leak-norm"));
    assert_string_equal(lk_assessment_verdict(a, "test-lens"), "breach");
    assert_null(lk_assessment_verdict(a, "leak-norm"));
    /* malware (T1056) is now the top level: known despite unknowns */
    assert_true(a->facts.f[LK_F_ACCESS_LEVEL].known);
    assert_int_equal(a->facts.f[LK_F_ACCESS_LEVEL].v, 4);
    lk_facts__format(&a->facts, LK_F_ACCESS_LEVEL, res, sizeof(res));
    assert_string_equal(res, "severe");
    lk_assessment_free(a);
    lk_assessment_free(ao);
    lk_case_free(c);
    lk_law_free(law);
    lk_law_free(orig);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* test_confidence.c */
void test_confidence_phrases(void **state);
void test_confidence_check(void **state);
void test_confidence_explain(void **state);
void test_confidence_bad_files(void **state);
/* exception_to in a cycle (two rules, each an exception to the other)
 * is refused at load, located at the rule that closes it. */
static void test_exception_cycle(void **state)
{
    lk_law *law = NULL;
    lk_error err;
    (void)state;
    assert_int_equal(
        tiny_load("{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS
                  "," R("a", "e", "{\"always\": true}",
                        "{\"status\": \"met\"}", 1,
                        ", \"exception_to\": [\"b\"]")
                  "," R("b", "e", "{\"always\": true}",
                        "{\"status\": \"met\"}", 2,
                        ", \"exception_to\": [\"a\"]") "]}",
                  &law, &err),
        LK_EINVALID);
    assert_null(law);
    assert_non_null(strstr(err.message, "cycle: a -> b -> a"));
    assert_string_equal(err.pointer, "/rules/3");
}

/* Load the tiny law with "params" as the model's parameters. */
static int tiny_load_params(const char *params, lk_law **law, lk_error *err)
{
    char model[2048], *at;
    int rc;
    snprintf(model, sizeof(model), "%s", tiny_model);
    at = strstr(model, "{\"n\": 3}");
    assert_non_null(at);
    snprintf(at, sizeof(model) - (size_t)(at - model), "%s%s", params,
             strstr(tiny_model, "{\"n\": 3}") + strlen("{\"n\": 3}"));
    tiny_setup("{\"format\": \"leaklaw/rules/1\", \"rules\": [" DEFAULTS
               "]}");
    put("rules/model.json", model);
    lk_error_clear(err);
    rc = lk_law_load(law, tmpdir, NULL, err);
    tiny_teardown();
    return rc;
}

/* Parameters are range-checked where the model sets them. */
static void test_param_ranges(void **state)
{
    lk_law *law = NULL;
    lk_error err;
    (void)state;
    assert_int_equal(tiny_load_params("{\"n\": -3}", &law, &err),
                     LK_EINVALID);
    assert_string_equal(err.pointer, "/params/n");
    assert_non_null(strstr(err.file, "rules/model.json"));
    assert_non_null(strstr(err.message, "between 0 and 100000, found -3"));
    assert_int_equal(tiny_load_params("{\"n\": 4294967299}", &law, &err),
                     LK_EINVALID);
    assert_int_equal(tiny_load_params("{\"intent_threshold\": 5, "
                                      "\"intent_high\": 4}",
                                      &law, &err),
                     LK_EINVALID);
    assert_string_equal(err.pointer, "/params/intent_high");
    assert_non_null(strstr(err.message, "below intent_threshold (5)"));
    assert_int_equal(tiny_load_params("{\"intent_threshold\": 5, "
                                      "\"intent_high\": 5}",
                                      &law, &err),
                     0);
    lk_law_free(law);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled_law_loads),
        cmocka_unit_test(test_technique_names),
        cmocka_unit_test(test_technique_find),
        cmocka_unit_test(test_technique_coverage),
        cmocka_unit_test(test_technique_bad_files),
        cmocka_unit_test(test_stix_identity),
        cmocka_unit_test(test_stix_identity_bad_files),
        cmocka_unit_test(test_unknown_profile),
        cmocka_unit_test(test_bad_laws),
        cmocka_unit_test(test_catalogue),
        cmocka_unit_test(test_bundled_catalogue),
        cmocka_unit_test(test_engine_semantics),
        cmocka_unit_test(test_engine_incremental_exception),
        cmocka_unit_test(test_law_is_data),
        cmocka_unit_test(test_confidence_phrases),
        cmocka_unit_test(test_confidence_check),
        cmocka_unit_test(test_confidence_explain),
        cmocka_unit_test(test_confidence_bad_files),
        cmocka_unit_test(test_exception_cycle),
        cmocka_unit_test(test_param_ranges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
