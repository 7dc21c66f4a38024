/*
 * disarm.c: how a STIX import reads DISARM techniques
 * (DATADIR/disarm/reading.json, optional): each reading sets one fact of
 * a draft case when a group or campaign uses the technique. Checked when
 * the law loads: the technique must be in the DISARM index, the fact one
 * the import may set, the value of that fact's type.
 */
#include <stdio.h>
#include <string.h>

#include "lawfile.h"
#include "techniques.h"

/* The facts a reading may set, and the values each takes (NULL: a
 * boolean). */
static const struct {
    const char *fact;
    const char *const values[5];
} disarm_facts[] = {
    {"/disclosure/authenticity", {"authentic", "altered", "fabricated",
                                  "mixed", NULL}},
    {"/disclosure/concealed_origin", {NULL}},
    {"/disclosure/selective", {NULL}},
    {"/disclosure/amplified", {NULL}},
};
#define DISARM_NFACTS (sizeof(disarm_facts) / sizeof(disarm_facts[0]))

/* Check reading "r" at "p" against the index and the facts. */
static int disarm_check(const lk_law *law, const lk_doc *doc, const char *p,
                        json_t *r, lk_error *err)
{
    static const char *const keys[] = {"technique", "fact", "value", "text",
                                       NULL};
    const char *id, *fact;
    json_t *v = json_object_get(r, "value");
    size_t f, k;
    lk_technique_info info;
    if (lk_lawfile__keys(err, doc, p, r, keys) < 0 ||
        !(id = lk_lawfile__str(err, doc, p, r, "technique", 1)) ||
        !(fact = lk_lawfile__str(err, doc, p, r, "fact", 1)) ||
        !lk_lawfile__str(err, doc, p, r, "text", 1))
        return LK_EINVALID;
    if (lk_law_technique_find(law, "disarm", id, &info) != 0)
        return lk_lawfile__fail(err, doc, p, "'%.40s' is not a technique of "
                                "the DISARM index", id);
    for (f = 0; f < DISARM_NFACTS && strcmp(disarm_facts[f].fact, fact); f++)
        ;
    if (f == DISARM_NFACTS)
        return lk_lawfile__fail(err, doc, p, "a reading may not set '%.60s'",
                                fact);
    if (disarm_facts[f].values[0] == NULL)
        return json_is_boolean(v) ? 0 : lk_lawfile__fail(err, doc, p,
                                          "%s takes true or false", fact);
    for (k = 0; disarm_facts[f].values[k] && json_is_string(v); k++)
        if (!strcmp(disarm_facts[f].values[k], json_string_value(v)))
            return 0;
    return lk_lawfile__fail(err, doc, p, "not a value of %s", fact);
}

int lk_techniques__load_disarm_readings(lk_law *law, lk_error *err)
{
    static const char *const keys[] = {"format", "note", "readings", NULL};
    char path[4096], p[64];
    lk_doc *doc = NULL;
    json_t *rs, *r;
    size_t i;
    int error;
    snprintf(path, sizeof(path), "%s/disarm/reading.json", law->datadir);
    error = lk_lawfile__open_optional(law, path, "leaklaw/disarm-reading/1",
                                      keys, &doc, err);
    if (error < 0 || doc == NULL) /* the file is optional */
        return error;
    rs = json_object_get(doc->root, "readings");
    if (!json_is_array(rs))
        return lk_lawfile__fail(err, doc, "/readings", "expected an array");
    json_array_foreach(rs, i, r)
    {
        snprintf(p, sizeof(p), "/readings/%zu", i);
        if (disarm_check(law, doc, p, r, err) < 0)
            return LK_EINVALID;
    }
    law->disarm_readings = rs;
    return 0;
}

void lk_techniques__disarm_reading(const lk_law *law, const char *id,
                                   lk_technique_info *out)
{
    json_t *r;
    size_t i;
    json_array_foreach(law->disarm_readings, i, r)
    {
        json_t *v = json_object_get(r, "value");
        if (strcmp(json_string_value(json_object_get(r, "technique")), id))
            continue;
        out->import_fact = json_string_value(json_object_get(r, "fact"));
        out->import_value = json_is_string(v) ? json_string_value(v)
                            : json_is_true(v) ? "true"
                                              : "false";
        out->import_text = json_string_value(json_object_get(r, "text"));
        return;
    }
}
