/*
 * facts.h: the fixed vocabulary of facts a case can state (DESIGN §3.1),
 * their domains, and the compact value vector the engine evaluates. The
 * vocabulary is the case format's, not law: the law (rules) only refers to
 * these facts by their JSON pointers.
 */
#ifndef LK_LIB_FACTS_H
#define LK_LIB_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "static_assert.h"

typedef enum lk_fact_type {
    LK_FT_ENUM,   /* one value of a closed list; index into values */
    LK_FT_BOOL,   /* 0 or 1 */
    LK_FT_SET,    /* a subset of a closed list; bit mask */
    LK_FT_DATE,   /* days since 1970-01-01 */
    LK_FT_INT,    /* derived integer (days) */
    LK_FT_COUNTRY /* ISO 3166-1 alpha-2, packed as 'A' << 8 | 'B' */
} lk_fact_type;

typedef enum lk_fact_id {
    LK_F_ACTOR_KIND,
    LK_F_ACTOR_CONTROL,
    LK_F_ACTOR_STATE,
    LK_F_ACTOR_TERRITORY,
    LK_F_TERRITORY_KNEW,
    LK_F_ATTR_CONFIDENCE,
    LK_F_ATTR_BASIS,
    LK_F_VICTIM_STATE,
    LK_F_VICTIM_TARGET,
    LK_F_ACCESS_METHOD,
    LK_F_DISC_STATUS,
    LK_F_DISC_DATE,
    LK_F_DISC_CHANNELS,
    LK_F_DISC_CONCEALED,
    LK_F_DISC_SELECTIVE,
    LK_F_DISC_AMPLIFIED,
    LK_F_DISC_AUTHENTICITY,
    LK_F_CONTENT_KINDS,
    LK_F_PUBLIC_INTEREST,
    LK_F_PROCESS,
    LK_F_PROCESS_DATE,
    LK_F_ARMED_CONFLICT,
    LK_F_EFF_MANIPULATED,
    LK_F_EFF_DEMAND,
    LK_F_EFF_DISRUPTED,
    LK_F_EFF_DAMAGE,
    LK_F_EFF_SIGNIFICANT,
    LK_F_EFF_SERIOUS,
    LK_F_PURPOSE_KINDS,
    /* derived facts: computed from the ones above, never written */
    LK_F_ACCESS_LEVEL,
    LK_F_DAYS_BEFORE,
    LK_F_FOREIGN,
    LK_F_COUNT
} lk_fact_id;

#define LK_FACT_FIRST_DERIVED LK_F_ACCESS_LEVEL

/* Sets of facts are uint32_t bit masks (rule reads, unknowns, changes) */
LK_STATIC_ASSERT(facts_fit_mask, LK_F_COUNT <= 32);

/* A SET fact's value is a uint32_t mask: at most this many members in its
 * domain (checked in facts.c for every SET domain) */
#define LK_FACT_MAX_VALUES 32

/* Number of access methods (lk_enum_method without its NULL) */
#define LK_METHOD_COUNT 14

typedef struct lk_fact_def {
    const char *pointer;        /* JSON pointer naming the fact */
    lk_fact_type type;          /* value type */
    const char *const *values;  /* ENUM/SET domain, NULL-terminated */
    int ordered;                /* ENUM values are in increasing order */
    const char *label;          /* short English label for reports */
    int law_domain;             /* 1: the law sets the domain (values
                                   NULL; see lk_law__fact_values) */
} lk_fact_def;

/* The value of one fact. "known" 0 means unknown (the whole fact). */
typedef struct lk_fval {
    uint8_t known;   /* 1 if stated, 0 if unknown */
    uint8_t partial; /* SET: an "unknown" member is listed too */
    uint8_t disputed; /* unknown, but only the values of "mask" are open
                         (ENUM, BOOL: a dispute between sources) */
    int32_t v;       /* ENUM index, BOOL, DATE/INT days, COUNTRY code */
    uint32_t mask;   /* SET members, bit i for values[i]; a disputed
                        ENUM or BOOL: the values still open */
} lk_fval;

typedef struct lk_facts {
    lk_fval f[LK_F_COUNT]; /* indexed by lk_fact_id */
    const char *const *law_values; /* domain of the law_domain facts (the
                                      law's access levels), set with them
                                      by lk_law__derive; NULL before */
} lk_facts;

/* The definition of fact "id". Cannot fail. */
const lk_fact_def *lk_facts__def(int id);
/* The fact named by "pointer", or -1. */
int lk_facts__find(const char *pointer);
/* Index of "value" in the domain of fact "id", or -1 (also for NULL). */
int lk_facts__value_index(int id, const char *value);
/* Number of values in the domain of fact "id" (ENUM/SET), else 0 (and
 * 0 for facts whose domain is the law's). */
int lk_facts__domain_size(int id);

/* Enumerations of the case format, NULL-terminated (DESIGN §3.1). */
extern const char *const lk_enum_actor_kind[];
extern const char *const lk_enum_control[];
extern const char *const lk_enum_source_kind[];
extern const char *const lk_enum_confidence[];
extern const char *const lk_enum_basis[];
extern const char *const lk_enum_target[];
extern const char *const lk_enum_method[];
extern const char *const lk_enum_disc_status[];
extern const char *const lk_enum_channel[];
extern const char *const lk_enum_authenticity[];
extern const char *const lk_enum_content_kind[];
extern const char *const lk_enum_public_interest[];
extern const char *const lk_enum_process[];
extern const char *const lk_enum_purpose[];
extern const char *const lk_enum_bool[];

/*
 * Write fact "id" of "facts" as text into "buf" ("unknown" when unknown;
 * SETs as a comma-separated list). Facts whose domain is the law's are
 * named from facts->law_values. Returns buf.
 */
char *lk_facts__format(const lk_facts *facts, int id, char *buf, size_t n);

#endif
