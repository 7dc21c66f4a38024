/*
 * lookup.c: what the renderers look up in the law's model: status labels
 * and chart colours, and the lenses in model order.
 */
#include "report_int.h"

const char *lk_report__label(const lk_law *law, lk_target_kind kind,
                             const char *id)
{
    const lk_status_info *s = lk_law_status_find(law, kind, id);
    return s && s->label[0] ? s->label : id;
}

const char *lk_report__color(const lk_law *law, const char *id)
{
    const lk_status_info *s = lk_law_status_find(law, LK_TARGET_LENS, id);
    return s && s->color[0] ? s->color : "#bdc3c7";
}

size_t lk_report__lenses(const lk_law *law, size_t *out, size_t max)
{
    size_t t, n = 0;
    for (t = 0; t < lk_law_target_count(law) && n < max; t++)
        if (lk_law_target(law, t)->kind == LK_TARGET_LENS)
            out[n++] = t;
    return n;
}
