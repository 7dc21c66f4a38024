/*
 * test_stix_out.c: the STIX 2.1 export: timestamps, name-based ids that
 * do not change between runs, the objects of a case and the assessment
 * carried by the note's extension.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "helpers.h"
#include "leaklaw/stix.h"
#include "stix_out.h"

/* Dates become millisecond UTC timestamps; bad ones are refused. */
void test_stix_timestamp(void **state);
void test_stix_timestamp(void **state)
{
    char out[32];
    (void)state;
    assert_int_equal(lk_stix__timestamp("2016-07-22", out), 0);
    assert_string_equal(out, "2016-07-22T00:00:00.000Z");
    assert_int_equal(lk_stix__timestamp("2016-07", out), 0);
    assert_string_equal(out, "2016-07-01T00:00:00.000Z");
    assert_int_equal(lk_stix__timestamp("2016", out), 0);
    assert_string_equal(out, "2016-01-01T00:00:00.000Z");
    assert_int_equal(lk_stix__timestamp("2016-07-22T10:11:12Z", out), 0);
    assert_string_equal(out, "2016-07-22T10:11:12.000Z");
    assert_int_equal(lk_stix__timestamp("2016-07-22T10:11:12.345Z", out), 0);
    assert_string_equal(out, "2016-07-22T10:11:12.345Z");
    assert_int_equal(lk_stix__timestamp("2016-13-22", out), LK_EINVALID);
    assert_int_equal(lk_stix__timestamp("2016-07-22T25:00:00Z", out),
                     LK_EINVALID);
    assert_int_equal(lk_stix__timestamp("2016-07-22T10:11:12.3Z", out),
                     LK_EINVALID);
    assert_int_equal(lk_stix__timestamp("yesterday", out), LK_EINVALID);
}

/* The first object of "type" in "objs", or NULL. */
static json_t *find_type(json_t *objs, const char *type)
{
    size_t i;
    for (i = 0; i < json_array_size(objs); i++) {
        json_t *o = json_array_get(objs, i);
        if (!strcmp(json_string_value(json_object_get(o, "type")), type))
            return o;
    }
    return NULL;
}

/* The DNC case: byte-identical runs, its objects and its note. */
void test_stix_dnc(void **state);
void test_stix_dnc(void **state)
{
    char path[1024], *a = NULL, *b = NULL;
    lk_law *law = test_law(NULL);
    lk_case *c;
    lk_assessment *as = NULL;
    const lk_assessment *list[1];
    lk_stix_export_options so = LK_STIX_EXPORT_OPTIONS_INIT;
    lk_assess_options ao = LK_ASSESS_OPTIONS_INIT;
    lk_error err;
    json_t *root, *objs, *o, *ext;
    size_t len = 0;
    (void)state;
    snprintf(path, sizeof(path), "%s/cases/dnc-2016.json", test_data());
    c = test_case_file(path);
    ao.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    assert_int_equal(lk_assess(&as, law, c, &ao, &err), 0);
    list[0] = as;
    so.date = "2024-01-01";
    assert_int_equal(lk_stix_export(&a, &len, list, 1, &so, &err), 0);
    assert_int_equal(lk_stix_export(&b, NULL, list, 1, &so, &err), 0);
    assert_string_equal(a, b);
    assert_int_equal(strlen(a), len);
    root = json_loads(a, 0, NULL);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "type")),
                        "bundle");
    objs = json_object_get(root, "objects");
    o = find_type(objs, "incident");
    assert_string_equal(json_string_value(json_object_get(o, "created")),
                        "2024-01-01T00:00:00.000Z");
    /* version 5, RFC 4122 variant */
    assert_int_equal(json_string_value(json_object_get(o, "id"))[24], '5');
    o = find_type(objs, "location");
    assert_string_equal(json_string_value(json_object_get(o, "country")),
                        "RU");
    o = find_type(objs, "note");
    ext = json_object_get(json_object_get(o, "extensions"),
        json_string_value(json_object_get(find_type(objs,
                          "extension-definition"), "id")));
    assert_non_null(ext);
    o = json_array_get(json_object_get(ext, "lenses"), 1);
    assert_string_equal(json_string_value(json_object_get(o, "id")),
                        "intervention2");
    assert_string_equal(json_string_value(json_object_get(o, "status")),
                        "breach");
    assert_true(json_array_size(json_object_get(o, "rules")) > 0);
    assert_true(json_array_size(json_object_get(o, "decisive_elements")) >
                0);
    json_decref(root);
    lk_stix_free(a);
    lk_stix_free(b);
    /* no date: the case's latest source date */
    so.date = NULL;
    assert_int_equal(lk_stix_export(&a, NULL, list, 1, &so, &err), 0);
    assert_null(strstr(a, "2024-01-01T"));
    lk_stix_free(a);
    so.date = "2024-02-30";
    assert_int_equal(lk_stix_export(&a, NULL, list, 1, &so, &err),
                     LK_EINVALID);
    assert_int_equal(lk_stix_export(&a, NULL, list, 0, NULL, &err),
                     LK_EINVALID);
    lk_assessment_free(as);
    lk_case_free(c);
    lk_law_free(law);
}
