/*
 * consistency.c: contradictions inside a case. Each check names two facts
 * that exclude each other; the error is located at the second. Facts
 * given with their sources ({"value", ...}) are read through their value;
 * a disputed fact is never a contradiction.
 */
#include "consistency.h"

#include <stdio.h>
#include <string.h>

#include "case_value.h"
#include "date.h"

/* The value at "a"/"b" of "root" (b may be NULL), unwrapped. */
static json_t *cons_get(json_t *root, const char *a, const char *b)
{
    json_t *v = json_object_get(root, a);
    if (b != NULL)
        v = json_object_get(v, b);
    return lk_case__value(v);
}

/* 1 if "v" is a string equal to "s". */
static int cons_is(json_t *v, const char *s)
{
    return json_is_string(v) && strcmp(json_string_value(v), s) == 0;
}

/* A date fact as days, or 0 with *ok 0 when absent or not a date. */
static int32_t cons_date(json_t *v, int *ok)
{
    int32_t d = 0;
    *ok = json_is_string(v) && lk_date_parse(json_string_value(v), &d) == 0;
    return d;
}

/* Who acted and how sure the attribution is. */
static void cons_actor(json_t *root, lk_consistency_cb cb, void *ctx)
{
    json_t *actor = json_object_get(root, "actor");
    json_t *kind = cons_get(actor, "kind", NULL);
    json_t *att = json_object_get(actor, "attribution");
    json_t *conf = lk_case__value(json_object_get(att, "confidence"));
    json_t *control = cons_get(actor, "control", NULL);
    if (cons_is(kind, "unknown") && cons_is(conf, "high"))
        cb(ctx, "/actor/attribution/confidence",
           "attributed with high confidence, but the actor's kind is "
           "unknown: a State link held with high confidence says what "
           "the actor is (e.g. state-organ, state-directed)");
    if (control != NULL && !json_is_null(control) &&
        !cons_is(control, "unknown") && json_is_string(kind) &&
        !cons_is(kind, "state-directed") && !cons_is(kind, "unknown"))
        cb(ctx, "/actor/control",
           "control describes a State's hold over persons acting for it "
           "(kind state-directed), not this kind of actor");
    if (json_is_boolean(cons_get(actor, "territory_knew", NULL)) &&
        cons_get(actor, "territory", NULL) == NULL)
        cb(ctx, "/actor/territory_knew",
           "says whether the territorial State knew, but /actor/territory "
           "is not stated");
}

/* When access was gained, and what was disclosed when. */
static void cons_disclosure(json_t *root, lk_consistency_cb cb, void *ctx)
{
    json_t *disc = json_object_get(root, "disclosure");
    json_t *status = cons_get(disc, "status", NULL);
    json_t *channels = cons_get(disc, "channels", NULL), *item;
    int ok, aok;
    int32_t dd = cons_date(cons_get(disc, "date", NULL), &ok);
    size_t i;
    if (cons_is(status, "none") && ok)
        cb(ctx, "/disclosure/date",
           "a date of disclosure, but the disclosure status is none");
    if (cons_is(status, "none") && json_array_size(channels) > 0)
        cb(ctx, "/disclosure/channels",
           "disclosure channels, but the disclosure status is none");
    json_array_foreach(json_object_get(root, "access"), i, item)
    {
        int32_t ad = cons_date(cons_get(item, "date", NULL), &aok);
        char ptr[64];
        if (!ok || !aok || dd >= ad)
            continue;
        snprintf(ptr, sizeof(ptr), "/access/%zu/date", i);
        cb(ctx, ptr, "access gained after the disclosure date: the "
                     "material was disclosed before it was obtained");
    }
}

/* Effects on a process that is not under way. */
static void cons_effects(json_t *root, lk_consistency_cb cb, void *ctx)
{
    json_t *process = cons_get(json_object_get(root, "context"), "process",
                               NULL);
    json_t *manip = cons_get(json_object_get(root, "effects"),
                             "process_manipulated", NULL);
    if (json_is_true(manip) && cons_is(process, "none"))
        cb(ctx, "/effects/process_manipulated",
           "a process or its results manipulated, but /context/process "
           "is none");
}

void lk_consistency__check(json_t *root, lk_consistency_cb cb, void *ctx)
{
    cons_actor(root, cb, ctx);
    cons_disclosure(root, cb, ctx);
    cons_effects(root, cb, ctx);
}
