/*
 * profile.c: a profile (DATADIR/profiles/NAME.json): a national position
 * or the default, setting standards of proof and parameters and adding or
 * disabling rules.
 */
#include "profile.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "lawfile.h"
#include "model.h"

/* ---- profile -------------------------------------------------------- */

int lk_profile__load(lk_law *law, const char *name, lk_doc **out, lk_error *err)
{
    static const char *const keys[] = {
        "format", "id",      "title", "summary",    "cites", "standards",
        "params", "disable", "rules", "indicators", NULL};
    static const char *const skeys[] = {"standard", "min_confidence", "text",
                                        "cites", NULL};
    char path[4096], ptr[LK_ERROR_POINTER_MAX];
    lk_doc *doc = NULL;
    const char *key, *p;
    json_t *v;
    int error;

    for (p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-'))
            return lk_error_set(err, LK_ENOTFOUND, "no profile named '%.100s'",
                                name);
    snprintf(path, sizeof(path), "%s/profiles/%s.json", law->datadir, name);
    {
        FILE *f = fopen(path, "rb");
        if (f == NULL)
            return lk_error_set(err, LK_ENOTFOUND,
                                "no profile named '%.100s' in %s/profiles",
                                name, law->datadir);
        fclose(f);
    }
    error = lk_lawfile__open(law, path, "leaklaw/profile/1", keys, &doc, err);
    if (error < 0)
        return error;
    law->profile = lk_lawfile__str(err, doc, "", doc->root, "id", 1);
    law->profile_title = lk_lawfile__str(err, doc, "", doc->root, "title", 1);
    if (!law->profile || !law->profile_title)
        return LK_EINVALID;
    if (strcmp(law->profile, name) != 0)
        return lk_lawfile__fail(err, doc, "/id", "id must match the file name");
    law->profile_cites = json_object_get(doc->root, "cites");
    error = lk_catalog__check_cites(law, err, doc, "", law->profile_cites, 1);
    if (error < 0)
        return error;
    json_object_foreach(json_object_get(doc->root, "params"), key, v)
    {
        lk_param *prm = lk_model__param(law, key);
        snprintf(ptr, sizeof(ptr), "/params");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (prm == NULL || !json_is_integer(v))
            return lk_lawfile__fail(err, doc, ptr,
                                    "unknown parameter or not an integer");
        prm->value = (int)json_integer_value(v);
    }
    json_object_foreach(json_object_get(doc->root, "standards"), key, v)
    {
        lk_standard *s;
        const char *mc;
        snprintf(ptr, sizeof(ptr), "/standards");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (law->nstandards >= LK_MAX_STANDARDS)
            return lk_lawfile__fail(err, doc, ptr, "too many standards");
        error = lk_lawfile__keys(err, doc, ptr, v, skeys);
        if (error < 0)
            return error;
        s = &law->standards[law->nstandards];
        s->element = key;
        if (lk_law__target_find(law, key) < 0)
            return lk_lawfile__fail(err, doc, ptr, "unknown element '%s'", key);
        s->name = lk_lawfile__str(err, doc, ptr, v, "standard", 1);
        s->text = lk_lawfile__str(err, doc, ptr, v, "text", 1);
        mc = lk_lawfile__str(err, doc, ptr, v, "min_confidence", 1);
        if (!s->name || !s->text || !mc)
            return LK_EINVALID;
        s->min_confidence = lk_facts__value_index(LK_F_ATTR_CONFIDENCE, mc);
        if (s->min_confidence < 0)
            return lk_lawfile__fail(err, doc, ptr, "unknown confidence '%s'",
                                    mc);
        s->cites = json_object_get(v, "cites");
        error = lk_catalog__check_cites(law, err, doc, ptr, s->cites, 1);
        if (error < 0)
            return error;
        law->nstandards++;
    }
    *out = doc;
    return 0;
}
