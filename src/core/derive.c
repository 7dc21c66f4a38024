/*
 * derive.c: the facts the law derives from a case's facts: access methods
 * of ATT&CK-only entries, the intrusiveness level, days before the
 * process and whether the actor is foreign.
 */
#include "law.h"

#include <stdio.h>
#include <string.h>

#include "case.h"

/* ---- derived facts -------------------------------------------------- */

uint32_t lk_law__fact_deps(int fact)
{
    switch (fact) {
    case LK_F_ACCESS_LEVEL:
        return 1u << LK_F_ACCESS_METHOD;
    case LK_F_DAYS_BEFORE:
        return (1u << LK_F_DISC_DATE) | (1u << LK_F_PROCESS_DATE);
    case LK_F_FOREIGN:
        return (1u << LK_F_ACTOR_STATE) | (1u << LK_F_VICTIM_STATE);
    default:
        return 1u << fact;
    }
}

int lk_law__map_access(const lk_law *law, json_t *case_json, lk_facts *facts,
                       const lk_doc *doc, lk_diag_cb cb, void *payload,
                       lk_error *err)
{
    json_t *access = json_object_get(case_json, "access"), *item;
    lk_fval *fv = &facts->f[LK_F_ACCESS_METHOD];
    size_t i;
    int error = 0;
    json_array_foreach(access, i, item)
    {
        json_t *m = lk_case__value(json_object_get(item, "method"));
        json_t *a = lk_case__value(json_object_get(item, "attack"));
        const char *id = json_string_value(a);
        int method;
        if (id != NULL && !lk_law__technique_known(law, id)) {
            char ptr[64];
            unsigned line = 0, col = 0;
            lk_error d;
            snprintf(ptr, sizeof(ptr), "/access/%zu/attack", i);
            if (doc != NULL)
                lk_doc__locate(doc, ptr, &line, &col);
            lk_error_clear(&d);
            lk_error_set_at(&d, LK_EINVALID, doc ? doc->name : NULL, line, col,
                            ptr,
                            "'%.20s' is not a technique of MITRE ATT&CK "
                            "Enterprise v18.1",
                            id);
            if (error == 0 && err != NULL)
                *err = d;
            if (cb != NULL)
                cb(&d, payload);
            error = LK_EINVALID;
            continue;
        }
        if (json_is_string(m) && strcmp(json_string_value(m), "unknown"))
            continue; /* stated directly: taken by lk_case__base_facts */
        method = id ? lk_law__attack_method(law, id) : -1;
        if (method >= 0)
            fv->mask |= 1u << method;
        else
            fv->partial = 1; /* how this entry got access is unknown */
    }
    return error;
}

void lk_law__derive(const lk_law *law, lk_facts *facts)
{
    const lk_fval *m = &facts->f[LK_F_ACCESS_METHOD];
    lk_fval *lvl = &facts->f[LK_F_ACCESS_LEVEL];
    const lk_fval *dd = &facts->f[LK_F_DISC_DATE];
    const lk_fval *pd = &facts->f[LK_F_PROCESS_DATE];
    const lk_fval *as = &facts->f[LK_F_ACTOR_STATE];
    const lk_fval *vs = &facts->f[LK_F_VICTIM_STATE];
    int i, max = -1;

    facts->law_values = law->levels;
    /* intrusiveness: the most intrusive method used; an unknown method
     * leaves it open unless a known one is already the highest level */
    memset(lvl, 0, sizeof(*lvl));
    if (m->known || m->partial) {
        for (i = 0; lk_enum_method[i]; i++)
            if ((m->mask & (1u << i)) && law->methods[i].level > max)
                max = law->methods[i].level;
        if (max >= 0 && (!m->partial || max == law->nlevels - 1)) {
            lvl->known = 1;
            lvl->v = max;
        }
    }
    memset(&facts->f[LK_F_DAYS_BEFORE], 0, sizeof(lk_fval));
    if (dd->known && pd->known) {
        facts->f[LK_F_DAYS_BEFORE].known = 1;
        facts->f[LK_F_DAYS_BEFORE].v = pd->v - dd->v;
    }
    memset(&facts->f[LK_F_FOREIGN], 0, sizeof(lk_fval));
    if (as->known && vs->known) {
        facts->f[LK_F_FOREIGN].known = 1;
        facts->f[LK_F_FOREIGN].v = as->v != vs->v;
    }
}
