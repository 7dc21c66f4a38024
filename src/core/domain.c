/*
 * domain.c: the values a fact can take under a law: the case format's
 * own list, or the law's where the model defines it (the access levels of
 * data/rules/intrusiveness.json).
 */
#include <string.h>

#include "law.h"

const char *const *lk_law__fact_values(const lk_law *law, int fact)
{
    if (lk_facts__def(fact)->law_domain)
        return law->levels;
    return lk_facts__def(fact)->values;
}

int lk_law__value_index(const lk_law *law, int fact, const char *value)
{
    const char *const *v = lk_law__fact_values(law, fact);
    int i;
    for (i = 0; v && v[i]; i++)
        if (strcmp(v[i], value) == 0)
            return i;
    return -1;
}
