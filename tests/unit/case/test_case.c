/*
 * test_case.c: parsing and exact validation of leaklaw/case/1 files, in
 * JSON and YAML, with the location of every problem; fact extraction.
 */
#include "case.h"
#include "date.h"
#include "helpers.h"

typedef struct {
    int count;          /* diagnostics received */
    char first[512];    /* the first, formatted */
} diags;

static void collect(const lk_error *d, void *payload)
{
    diags *ds = payload;
    if (ds->count++ == 0)
        lk_error_format(d, ds->first, sizeof(ds->first));
}

static int parse_diags(const char *name, const char *text, diags *ds)
{
    lk_case *c = NULL;
    lk_error err;
    int rc;
    memset(ds, 0, sizeof(*ds));
    lk_error_clear(&err);
    rc = lk_case_parse(&c, name, text, strlen(text), collect, ds, &err);
    if (rc == 0)
        lk_case_free(c);
    else
        assert_null(c);
    return rc;
}

static void test_minimal_case(void **state)
{
    lk_case *c;
    lk_facts f;
    int i;
    (void)state;
    c = test_case_text("m.json", "{\"format\": \"leaklaw/case/1\", "
                                 "\"id\": \"m\"}");
    assert_string_equal(lk_case_id(c), "m");
    assert_string_equal(lk_case_title(c), "m");
    assert_int_equal(strlen(lk_case_sha256(c)), 64);
    /* every fact missing: every fact unknown */
    lk_case__base_facts(c, &f);
    for (i = 0; i < LK_F_COUNT; i++)
        assert_int_equal(f.f[i].known, 0);
    lk_case_free(c);
}

static void test_unknown_key_location(void **state)
{
    diags ds;
    (void)state;
    assert_int_equal(parse_diags("t.json",
                                 "{\"format\": \"leaklaw/case/1\",\n"
                                 " \"id\": \"t\",\n"
                                 " \"victim\": {\"stat\": \"US\"}}",
                                 &ds),
                     LK_EINVALID);
    assert_int_equal(ds.count, 1);
    assert_string_equal(ds.first,
                        "t.json:3:21: /victim/stat: unknown key 'stat'");
}

static void test_x_keys_allowed(void **state)
{
    diags ds;
    (void)state;
    assert_int_equal(parse_diags("x.json",
                                 "{\"format\": \"leaklaw/case/1\", \"id\": "
                                 "\"x\", \"x-note\": 1, \"actor\": "
                                 "{\"x-why\": [1, 2]}}",
                                 &ds),
                     0);
}

static void test_every_problem_reported(void **state)
{
    diags ds;
    (void)state;
    assert_int_equal(
        parse_diags("e.json",
                    "{\"format\": \"leaklaw/case/1\", \"id\": \"E\","
                    " \"actor\": {\"kind\": \"spy\", \"state\": \"usa\"},"
                    " \"disclosure\": {\"date\": \"2016-02-30\","
                    " \"selective\": \"yes\"},"
                    " \"content\": {\"kinds\": [\"personal-data\", "
                    "\"personal-data\"]}}",
                    &ds),
        LK_EINVALID);
    /* id, kind, state, date, selective, duplicate */
    assert_int_equal(ds.count, 6);
}

static void test_required_keys(void **state)
{
    diags ds;
    (void)state;
    assert_int_equal(parse_diags("r.json", "{\"id\": \"r\"}", &ds),
                     LK_EINVALID);
    assert_string_equal(ds.first,
                        "r.json:1:1: missing required key 'format'");
    assert_int_equal(parse_diags("r.json", "[1, 2]", &ds), LK_EINVALID);
    assert_int_equal(ds.count, 1);
}

static void test_dates(void **state)
{
    int32_t d;
    (void)state;
    assert_int_equal(lk_date_parse("1970-01-01", &d), 0);
    assert_int_equal(d, 0);
    assert_int_equal(lk_date_parse("2016-02-29", &d), 0);
    assert_int_equal(lk_date_parse("2015-02-29", &d), LK_EINVALID);
    assert_int_equal(lk_date_parse("1900-02-29", &d), LK_EINVALID);
    assert_int_equal(lk_date_parse("2000-02-29", &d), 0);
    assert_int_equal(lk_date_parse("2016-7-22", &d), LK_EINVALID);
    assert_int_equal(lk_date_parse("2016-07-22T00", &d), LK_EINVALID);
    assert_int_equal(lk_date_parse("2016-11-08", &d), 0);
    {
        int32_t d2;
        lk_date_parse("2016-07-22", &d2);
        assert_int_equal(d - d2, 109); /* DNC: 109 days before the vote */
    }
}

static void test_null_is_unknown(void **state)
{
    lk_case *c;
    lk_facts f;
    (void)state;
    c = test_case_text("n.json",
                       "{\"format\": \"leaklaw/case/1\", \"id\": \"n\","
                       " \"actor\": {\"kind\": null, \"state\": \"RU\"},"
                       " \"effects\": {\"process_manipulated\": false},"
                       " \"victim\": {\"target\": \"unknown\"}}");
    lk_case__base_facts(c, &f);
    assert_int_equal(f.f[LK_F_ACTOR_KIND].known, 0);
    assert_int_equal(f.f[LK_F_VICTIM_TARGET].known, 0); /* "unknown" */
    assert_int_equal(f.f[LK_F_ACTOR_STATE].known, 1);
    assert_int_equal(f.f[LK_F_EFF_MANIPULATED].known, 1);
    assert_int_equal(f.f[LK_F_EFF_MANIPULATED].v, 0);
    assert_int_equal(f.f[LK_F_EFF_DEMAND].known, 0);
    lk_case_free(c);
}

static void test_sets(void **state)
{
    lk_case *c;
    lk_facts f;
    (void)state;
    c = test_case_text("s.json",
                       "{\"format\": \"leaklaw/case/1\", \"id\": \"s\","
                       " \"purpose\": {\"kinds\": [\"espionage\", "
                       "\"unknown\"]},"
                       " \"content\": {\"kinds\": []},"
                       " \"access\": [{\"method\": \"phishing\"}, "
                       "{\"attack\": \"T1110\"}]}");
    lk_case__base_facts(c, &f);
    assert_int_equal(f.f[LK_F_PURPOSE_KINDS].known, 1);
    assert_int_equal(f.f[LK_F_PURPOSE_KINDS].partial, 1);
    assert_int_equal(f.f[LK_F_CONTENT_KINDS].known, 1);
    assert_int_equal(f.f[LK_F_CONTENT_KINDS].mask, 0);
    /* phishing stated; the attack-only entry is left for the law */
    assert_int_equal(f.f[LK_F_ACCESS_METHOD].mask,
                     1u << lk_facts__value_index(LK_F_ACCESS_METHOD,
                                                 "phishing"));
    lk_case_free(c);
}

static void test_yaml_same_as_json(void **state)
{
    lk_case *j, *y;
    lk_facts fj, fy;
    (void)state;
    j = test_case_text("a.json",
                       "{\"format\": \"leaklaw/case/1\", \"id\": \"a\","
                       " \"actor\": {\"kind\": \"state-organ\", "
                       "\"attribution\": {\"confidence\": \"high\"}},"
                       " \"disclosure\": {\"status\": \"published\", "
                       "\"date\": \"2016-07-22\", \"selective\": true,"
                       " \"volume\": 19252}}");
    y = test_case_text("a.yaml", "format: leaklaw/case/1\n"
                                 "id: a\n"
                                 "actor:\n"
                                 "  kind: state-organ\n"
                                 "  attribution: {confidence: high}\n"
                                 "disclosure:\n"
                                 "  status: published\n"
                                 "  date: 2016-07-22\n"
                                 "  selective: true\n"
                                 "  volume: 19252\n");
    lk_case__base_facts(j, &fj);
    lk_case__base_facts(y, &fy);
    assert_memory_equal(&fj, &fy, sizeof(fj));
    lk_case_free(j);
    lk_case_free(y);
}

static void test_yaml_errors(void **state)
{
    diags ds;
    (void)state;
    assert_int_equal(parse_diags("d.yaml",
                                 "format: leaklaw/case/1\nid: d\nid: e\n",
                                 &ds),
                     LK_EINVALID);
    assert_string_equal(ds.first, "d.yaml:3:5: duplicate key 'id'");
    assert_int_equal(parse_diags("s.yaml", "format: [\n", &ds), LK_EINVALID);
    assert_int_equal(ds.count, 1);
    assert_int_equal(parse_diags("m.yaml",
                                 "---\nformat: leaklaw/case/1\n---\nid: x\n",
                                 &ds),
                     LK_EINVALID);
    assert_string_equal(ds.first,
                        "m.yaml:3:1: only one YAML document is allowed");
}

static void test_depth_limit(void **state)
{
    char text[4096];
    size_t i, n = 0;
    diags ds;
    (void)state;
    n += (size_t)snprintf(text, sizeof(text),
                          "format: leaklaw/case/1\nid: deep\nx-deep: ");
    for (i = 0; i < 200; i++)
        text[n++] = '[';
    for (i = 0; i < 200; i++)
        text[n++] = ']';
    text[n] = '\0';
    assert_int_equal(parse_diags("deep.yaml", text, &ds), LK_EINVALID);
    assert_non_null(strstr(ds.first, "nesting too deep"));
}

/* A JSON case with "levels" nested arrays under an x- key (and brackets
 * in a string, which do not count). */
static void deep_json(char *text, size_t size, int levels)
{
    size_t n = (size_t)snprintf(text, size,
                                "{\"format\": \"leaklaw/case/1\", \"id\": "
                                "\"deep\", \"x-s\": \"[[[\", \"x-d\": ");
    int i;
    for (i = 0; i < levels; i++)
        text[n++] = '[';
    for (i = 0; i < levels; i++)
        text[n++] = ']';
    snprintf(text + n, size - n, "}");
}

/* JSON is held to the same nesting limit as YAML, 64 levels. */
static void test_json_depth_limit(void **state)
{
    char text[4096];
    diags ds;
    (void)state;
    deep_json(text, sizeof(text), 64); /* 65 with the root */
    assert_int_equal(parse_diags("deep.json", text, &ds), LK_EINVALID);
    assert_non_null(strstr(ds.first, "deep.json:1:"));
    assert_non_null(strstr(ds.first, "nesting too deep"));
    deep_json(text, sizeof(text), 63); /* 64: the limit */
    assert_int_equal(parse_diags("deep.json", text, &ds), 0);
}

/* x- values keep the string limit. */
static void test_x_string_limit(void **state)
{
    static const char head[] = "{\"format\": \"leaklaw/case/1\", \"id\": "
                               "\"x\", \"x-a\": {\"b\": [\"";
    size_t long_len = 65537, n = sizeof(head) - 1;
    char *text = malloc(n + long_len + 16);
    diags ds;
    (void)state;
    assert_non_null(text);
    memcpy(text, head, n);
    memset(text + n, 'a', long_len);
    memcpy(text + n + long_len, "\"]}}", 5);
    assert_int_equal(parse_diags("x.json", text, &ds), LK_EINVALID);
    assert_non_null(
        strstr(ds.first, "/x-a/b/0: string longer than 65536 bytes"));
    free(text);
}

/* "unknown" reads as unknown, a boolean too (not false). */
static void test_unknown_reads_unknown(void **state)
{
    lk_case *c;
    lk_facts f;
    (void)state;
    c = test_case_text("u.json",
                       "{\"format\": \"leaklaw/case/1\", \"id\": \"u\","
                       " \"actor\": {\"state\": \"unknown\"},"
                       " \"disclosure\": {\"date\": \"unknown\","
                       " \"channels\": \"unknown\", \"selective\": "
                       "{\"value\": \"unknown\"}},"
                       " \"effects\": {\"process_manipulated\": \"unknown\"}}");
    lk_case__base_facts(c, &f);
    assert_int_equal(f.f[LK_F_ACTOR_STATE].known, 0);
    assert_int_equal(f.f[LK_F_DISC_DATE].known, 0);
    assert_int_equal(f.f[LK_F_DISC_CHANNELS].known, 0);
    assert_int_equal(f.f[LK_F_DISC_SELECTIVE].known, 0);
    assert_int_equal(f.f[LK_F_EFF_MANIPULATED].known, 0);
    lk_case_free(c);
}

/* Every code of the bundled ISO 3166-1 list is accepted: the compiled-in
 * table and data/iso3166-1.tsv agree. */
static void test_iso3166_list(void **state)
{
    char path[512], line[512], text[256];
    FILE *f;
    int codes = 0;
    diags ds;
    (void)state;
    snprintf(path, sizeof(path), "%s/iso3166-1.tsv", test_data());
    f = fopen(path, "r");
    assert_non_null(f);
    while (fgets(line, sizeof(line), f)) {
        if (line[0] == '#')
            continue;
        line[2] = '\0';
        snprintf(text, sizeof(text), "{\"format\": \"leaklaw/case/1\", "
                 "\"id\": \"c\", \"victim\": {\"state\": \"%.2s\"}}", line);
        if (parse_diags("c.json", text, &ds) != 0)
            fail_msg("%s refused: %s", line, ds.first);
        codes++;
    }
    fclose(f);
    assert_int_equal(codes, 249);
}

static void test_nul_byte(void **state)
{
    lk_case *c = NULL;
    lk_error err;
    static const char text[] = "{\"format\": \"leaklaw/case/1\",\n\0}";
    (void)state;
    assert_int_equal(lk_case_parse(&c, "z.json", text, sizeof(text) - 1,
                                   NULL, NULL, &err),
                     LK_EINVALID);
    assert_string_equal(err.message, "NUL byte in text");
    assert_int_equal(err.line, 2);
}

static void test_byte_order_mark(void **state)
{
    diags ds;
    (void)state;
    assert_int_equal(parse_diags("b.json",
                                 "\xEF\xBB\xBF{\"format\": \"leaklaw/case/1\", "
                                 "\"id\": \"b\"}",
                                 &ds),
                     0);
    assert_int_equal(parse_diags("b.yaml",
                                 "\xEF\xBB\xBF" "format: leaklaw/case/1\nid: B\n",
                                 &ds),
                     LK_EINVALID);
    assert_string_equal(ds.first, "b.yaml:2:5: /id: 'B' is not an id "
                                  "([a-z0-9][a-z0-9-]*, at most 100 "
                                  "characters)");
}

static void test_citations(void **state)
{
    lk_case *c;
    lk_error err;
    (void)state;
    c = test_case_text("c.json",
                       "{\"format\": \"leaklaw/case/1\", \"id\": \"c\","
                       " \"actor\": {\"kind\": \"insider\", \"cite\": "
                       "[\"s\"]}, \"access\": [{\"method\": \"phishing\"}],"
                       " \"sources\": [{\"id\": \"s\"}]}");
    assert_int_equal(lk_case_check_citations(c, NULL, NULL, &err),
                     LK_EINVALID);
    assert_string_equal(err.pointer, "/access/0");
    lk_case_free(c);
}

static void test_missing_file(void **state)
{
    lk_case *c = NULL;
    lk_error err;
    (void)state;
    lk_error_clear(&err);
    assert_int_equal(lk_case_load(&c, "/nonexistent/case.json", NULL, NULL,
                                  &err),
                     LK_EIO);
    assert_null(c);
    assert_string_equal(err.file, "/nonexistent/case.json");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimal_case),
        cmocka_unit_test(test_unknown_key_location),
        cmocka_unit_test(test_x_keys_allowed),
        cmocka_unit_test(test_every_problem_reported),
        cmocka_unit_test(test_required_keys),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_null_is_unknown),
        cmocka_unit_test(test_sets),
        cmocka_unit_test(test_yaml_same_as_json),
        cmocka_unit_test(test_yaml_errors),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_json_depth_limit),
        cmocka_unit_test(test_x_string_limit),
        cmocka_unit_test(test_unknown_reads_unknown),
        cmocka_unit_test(test_iso3166_list),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_byte_order_mark),
        cmocka_unit_test(test_citations),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
