/*
 * facts.c: the fact vocabulary of the case format and its domains.
 */
#include "facts.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "leaklaw/errors.h"
#include "streq.h"

const char *const lk_enum_actor_kind[] = {
    "state-organ", "state-empowered", "state-directed", "state-adopted",
    "non-state", "insider", NULL};
const char *const lk_enum_control[] = {"instructions", "effective-control",
                                       "overall-control", "support-only",
                                       NULL};
const char *const lk_enum_source_kind[] = {
    "treaty", "judgment", "un-document", "national-position",
    "official-statement", "indictment", "report", "scholarship", "press",
    "court-record", "other", NULL};
const char *const lk_enum_confidence[] = {"none", "low", "moderate", "high",
                                          NULL};
const char *const lk_enum_basis[] = {
    "victim-government", "third-government", "indictment", "sanctions",
    "international-organization", "private-sector", "media",
    "self-attribution", NULL};
const char *const lk_enum_target[] = {
    "election-infrastructure", "election-body", "political-party",
    "campaign", "candidate", "legislature", "government", "head-of-state",
    "state-media", "military", "intelligence", "international-organization",
    "company", "media", "ngo", "individual", NULL};
const char *const lk_enum_method[] = {
    "public-source", "open-exposure", "found-device", "purchased",
    "insider-own-initiative", "insider-recruited", "insider-cooperating",
    "phishing", "brute-force",
    "stolen-credentials", "exploit", "malware", "supply-chain",
    "physical-intrusion", NULL};
const char *const lk_enum_disc_status[] = {"published", "attempted", "none",
                                           NULL};
const char *const lk_enum_channel[] = {
    "leak-site", "wikileaks", "front-persona", "social-media", "press",
    "messaging", "victim-channel", "other", NULL};
const char *const lk_enum_authenticity[] = {"authentic", "altered",
                                            "fabricated", "mixed", NULL};
const char *const lk_enum_content_kind[] = {
    "private-political", "personal-data", "official-secrets", "commercial",
    "wrongdoing-evidence", "human-rights-abuses", "public-information",
    "fabricated-statements", NULL};
const char *const lk_enum_public_interest[] = {"none", "some", "high", NULL};
const char *const lk_enum_process[] = {
    "election", "referendum", "legislation", "government-formation",
    "foreign-policy", "diplomatic-crisis", "sporting", "none", NULL};
const char *const lk_enum_purpose[] = {
    "influence-election", "undermine-government", "coerce-policy",
    "retaliation", "espionage", "expose-wrongdoing", "financial",
    "ideological", "disclose", NULL};
const char *const lk_enum_bool[] = {"false", "true", NULL};

/* Number of names of an enumeration array (without its NULL). */
#define FACTS_COUNT(a) (sizeof(a) / sizeof((a)[0]) - 1)

LK_STATIC_ASSERT(facts_method_count,
                 FACTS_COUNT(lk_enum_method) == LK_METHOD_COUNT);
/* every SET domain fits the uint32_t mask of lk_fval */
LK_STATIC_ASSERT(facts_basis_set,
                 FACTS_COUNT(lk_enum_basis) <= LK_FACT_MAX_VALUES);
LK_STATIC_ASSERT(facts_method_set,
                 FACTS_COUNT(lk_enum_method) <= LK_FACT_MAX_VALUES);
LK_STATIC_ASSERT(facts_channel_set,
                 FACTS_COUNT(lk_enum_channel) <= LK_FACT_MAX_VALUES);
LK_STATIC_ASSERT(facts_content_set,
                 FACTS_COUNT(lk_enum_content_kind) <= LK_FACT_MAX_VALUES);
LK_STATIC_ASSERT(facts_purpose_set,
                 FACTS_COUNT(lk_enum_purpose) <= LK_FACT_MAX_VALUES);

static const lk_fact_def fact_defs[LK_F_COUNT] = {
    {"/actor/kind", LK_FT_ENUM, lk_enum_actor_kind, 0, "actor kind", 0},
    {"/actor/control", LK_FT_ENUM, lk_enum_control, 0,
     "State's control of the operation", 0},
    {"/actor/state", LK_FT_COUNTRY, NULL, 0, "State of the actor", 0},
    {"/actor/territory", LK_FT_COUNTRY, NULL, 0,
     "State from whose territory the actor operated", 0},
    {"/actor/territory_knew", LK_FT_BOOL, lk_enum_bool, 0,
     "territorial State knew of the operation", 0},
    {"/actor/attribution/confidence", LK_FT_ENUM, lk_enum_confidence, 1,
     "attribution confidence", 0},
    {"/actor/attribution/basis", LK_FT_SET, lk_enum_basis, 0,
     "basis of attribution", 0},
    {"/victim/state", LK_FT_COUNTRY, NULL, 0, "victim State", 0},
    {"/victim/target", LK_FT_ENUM, lk_enum_target, 0, "target", 0},
    {"/access/method", LK_FT_SET, lk_enum_method, 0, "access methods", 0},
    {"/disclosure/status", LK_FT_ENUM, lk_enum_disc_status, 0,
     "disclosure", 0},
    {"/disclosure/date", LK_FT_DATE, NULL, 0, "date of disclosure", 0},
    {"/disclosure/channels", LK_FT_SET, lk_enum_channel, 0,
     "disclosure channels", 0},
    {"/disclosure/concealed_origin", LK_FT_BOOL, lk_enum_bool, 0,
     "origin concealed", 0},
    {"/disclosure/selective", LK_FT_BOOL, lk_enum_bool, 0,
     "selective release", 0},
    {"/disclosure/amplified", LK_FT_BOOL, lk_enum_bool, 0,
     "amplification", 0},
    {"/disclosure/authenticity", LK_FT_ENUM, lk_enum_authenticity, 0,
     "authenticity of the material", 0},
    {"/content/kinds", LK_FT_SET, lk_enum_content_kind, 0,
     "kinds of content", 0},
    {"/content/public_interest", LK_FT_ENUM, lk_enum_public_interest, 1,
     "public interest of the content", 0},
    {"/context/process", LK_FT_ENUM, lk_enum_process, 0,
     "political process", 0},
    {"/context/process_date", LK_FT_DATE, NULL, 0, "date of the process", 0},
    {"/context/armed_conflict", LK_FT_BOOL, lk_enum_bool, 0,
     "armed conflict", 0},
    {"/effects/process_manipulated", LK_FT_BOOL, lk_enum_bool, 0,
     "process or results manipulated", 0},
    {"/effects/coercive_demand", LK_FT_BOOL, lk_enum_bool, 0,
     "coercive demand", 0},
    {"/effects/functions_disrupted", LK_FT_BOOL, lk_enum_bool, 0,
     "governmental functions disrupted", 0},
    {"/effects/physical_damage", LK_FT_BOOL, lk_enum_bool, 0,
     "physical damage", 0},
    {"/effects/significant", LK_FT_BOOL, lk_enum_bool, 0,
     "significant effects on the reserved matter", 0},
    {"/effects/serious_consequences", LK_FT_BOOL, lk_enum_bool, 0,
     "serious adverse consequences for the victim State", 0},
    {"/purpose/kinds", LK_FT_SET, lk_enum_purpose, 0, "purposes", 0},
    {"/access/level", LK_FT_ENUM, NULL, 1,
     "intrusiveness of access (derived)", 1},
    {"/context/days_before", LK_FT_INT, NULL, 0,
     "days from disclosure to the process (derived)", 0},
    {"/actor/foreign", LK_FT_BOOL, lk_enum_bool, 0,
     "actor's State differs from the victim State (derived)", 0},
};

const lk_fact_def *lk_facts__def(int id)
{
    return &fact_defs[id];
}

int lk_facts__find(const char *pointer)
{
    int i;
    for (i = 0; i < LK_F_COUNT; i++)
        if (strcmp(fact_defs[i].pointer, pointer) == 0)
            return i;
    return -1;
}

int lk_facts__value_index(int id, const char *value)
{
    const char *const *v = fact_defs[id].values;
    int i;
    if (v == NULL || value == NULL)
        return -1;
    for (i = 0; v[i]; i++)
        if (lk_streq(v[i], value))
            return i;
    return -1;
}

int lk_facts__domain_size(int id)
{
    const char *const *v = fact_defs[id].values;
    int n = 0;
    while (v && v[n])
        n++;
    return n;
}

char *lk_facts__format(const lk_facts *facts, int id, char *buf, size_t n)
{
    const lk_fact_def *def = &fact_defs[id];
    const lk_fval *fv = &facts->f[id];
    const char *const *values = def->law_domain ? facts->law_values
                                                : def->values;
    size_t used = 0;
    int i, y, m, d;

    buf[0] = '\0';
    if (!fv->known && fv->disputed && values != NULL) {
        for (i = 0; i < 32 && values[i]; i++)
            if (fv->mask & (1u << i))
                used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
                                         "%s%s", used ? " or " : "disputed: ",
                                         values[i]);
        return buf;
    }
    if (!fv->known || (def->law_domain && values == NULL)) {
        snprintf(buf, n, "unknown");
        return buf;
    }
    switch (def->type) {
    case LK_FT_ENUM:
    case LK_FT_BOOL:
        snprintf(buf, n, "%s", values[fv->v]);
        break;
    case LK_FT_SET:
        for (i = 0; def->values[i]; i++) {
            if (!(fv->mask & (1u << i)))
                continue;
            used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
                                     "%s%s", used ? ", " : "",
                                     def->values[i]);
        }
        if (fv->partial)
            used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
                                     "%sunknown", used ? ", " : "");
        if (used == 0)
            snprintf(buf, n, "none");
        break;
    case LK_FT_DATE:
        lk_date_civil(fv->v, &y, &m, &d);
        snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
        break;
    case LK_FT_INT:
        snprintf(buf, n, "%d", (int)fv->v);
        break;
    case LK_FT_COUNTRY:
        snprintf(buf, n, "%c%c", (char)(fv->v >> 8), (char)(fv->v & 0xff));
        break;
    }
    return buf;
}
