/*
 * case_info.c: the public read accessors of a case's descriptive parts
 * (summary, sources of fact, points marked unconfirmed), for renderers
 * that must not read the case's JSON tree.
 */
#include "case.h"

#include <string.h>

const char *lk_case_summary(const lk_case *c)
{
    return json_string_value(json_object_get(c->doc->root, "summary"));
}

size_t lk_case_source_count(const lk_case *c)
{
    return json_array_size(json_object_get(c->doc->root, "sources"));
}

void lk_case_source(const lk_case *c, size_t i, lk_case_source_info *out)
{
    json_t *s = json_array_get(json_object_get(c->doc->root, "sources"), i);
    out->id = json_string_value(json_object_get(s, "id"));
    out->title = json_string_value(json_object_get(s, "title"));
    out->url = json_string_value(json_object_get(s, "url"));
    out->date = json_string_value(json_object_get(s, "date"));
    out->kind = json_string_value(json_object_get(s, "kind"));
    out->publisher = json_string_value(json_object_get(s, "publisher"));
    out->pinpoint = json_string_value(json_object_get(s, "pinpoint"));
    out->quote = json_string_value(json_object_get(s, "quote"));
    out->accessed = json_string_value(json_object_get(s, "accessed"));
    out->archived = json_string_value(json_object_get(s, "archived"));
    out->status = json_string_value(json_object_get(s, "status"));
    if (out->id == NULL)
        out->id = "";
}

size_t lk_case_unconfirmed_count(const lk_case *c)
{
    return json_array_size(json_object_get(c->doc->root, "x-unconfirmed"));
}

const char *lk_case_unconfirmed(const lk_case *c, size_t i)
{
    json_t *u = json_array_get(
        json_object_get(c->doc->root, "x-unconfirmed"), i);
    return json_is_string(u) ? json_string_value(u) : "?";
}
