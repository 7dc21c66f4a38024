/*
 * case_value.h (internal): reading one fact of a case's tree, which may be
 * given bare, wrapped with its own sources, or disputed.
 */
#ifndef LK_CORE_CASE_VALUE_H
#define LK_CORE_CASE_VALUE_H

#include <jansson.h>

/*
 * The value of a fact as the case gives it: "v" itself, or the "value" of
 * a fact given as {"value", "cite", "note"}; NULL for a disputed fact
 * ({"disputed": [...]}), whose value is not established. Borrowed.
 */
static inline json_t *lk_case__value(json_t *v)
{
    if (!json_is_object(v))
        return v;
    return json_object_get(v, "value"); /* NULL when disputed */
}

#endif
