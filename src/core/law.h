/*
 * law.h (internal): the compiled law: targets (scores, elements, lenses,
 * flags), rules with compiled conditions, intrusiveness table, ATT&CK
 * index, profile. Read by eval.c and assess.c; built by law.c with the
 * modules lawfile, catalog, techniques, stix_identity, model, profile,
 * rules and law_compile (each with its own header), and derive.c.
 */
#ifndef LK_LIB_LAW_H
#define LK_LIB_LAW_H

#include <jansson.h>
#include <stdint.h>

#include "doc.h"
#include "facts.h"
#include "leaklaw/law.h"
#include "static_assert.h"

#define LK_MAX_TARGETS 64   /* targets are bits of a uint64_t */
#define LK_MAX_LEVELS 15    /* levels of one element */
#define LK_MAX_STATUSES 8   /* closed statuses of one target kind */
#define LK_MAX_OUTCOMES 64  /* outcomes of a target: bits of a uint64_t */
#define LK_MAX_LENSES 8     /* lenses of a model (the what-if covers all) */
#define LK_MAX_METHODS 16   /* access methods (lk_enum_method) */
#define LK_MAX_STANDARDS 8  /* standards of proof of a profile */
#define LK_MAX_PARAMS 32    /* named integer parameters */
#define LK_COND_MAX_KIDS 64 /* conditions of one "all" or "any" */
#define LK_MAX_EVIDENCE 4   /* kinds of evidence the law reads */
#define LK_MAX_EVIDENCE_RULES 16 /* rules of one kind of evidence */
#define LK_LAW_MAX_FILES 64   /* data files of one law */
#define LK_LAW_MAX_RULES 4096 /* rules and indicators of one law */

/* lk_rule.targets and the dependency masks hold one bit per target */
LK_STATIC_ASSERT(law_targets_fit, LK_MAX_TARGETS <= 64);
/* an outcome (lk_law__outcome: status * (levels + 1) + level + 1) is a bit
 * of a uint64_t (lk_tres.possible, lk_cond.mask); the product for each
 * target is checked when the model is loaded (model.c) */
LK_STATIC_ASSERT(law_outcome_mask, LK_MAX_OUTCOMES <= 64);
/* condition tests name statuses and levels as bits of an unsigned int */
LK_STATIC_ASSERT(law_levels_fit, LK_MAX_LEVELS + 1 <= 32);
LK_STATIC_ASSERT(law_statuses_fit, LK_MAX_STATUSES + 1 <= 32);
/* lk_law.methods has a slot for every access method of the case format */
LK_STATIC_ASSERT(law_methods_fit, LK_METHOD_COUNT <= LK_MAX_METHODS);

typedef enum { LK_TK_SCORE, LK_TK_ELEMENT, LK_TK_LENS, LK_TK_FLAG } lk_tkind;

/* Condition operators (see docs/method.md for their JSON form). */
typedef enum {
    LK_C_ALWAYS, /* true */
    LK_C_ALL,    /* Kleene conjunction of the children */
    LK_C_ANY,    /* Kleene disjunction */
    LK_C_NOT,    /* negation */
    LK_C_IN,     /* ENUM/BOOL/COUNTRY value in "mask" (COUNTRY: lo) */
    LK_C_HAS,    /* SET contains one of "mask" */
    LK_C_EMPTY,  /* SET has no member */
    LK_C_KNOWN,  /* fact is known (never unknown itself) */
    LK_C_RANGE,  /* INT or ordered ENUM value within [lo, hi] */
    LK_C_SAME,   /* COUNTRY equal to fact "lo" */
    LK_C_TARGET, /* element/lens/flag outcome within "mask" */
    LK_C_SCORE   /* score within [lo, hi] */
} lk_cop;

typedef struct lk_cond {
    uint8_t op;    /* lk_cop */
    int16_t arg;   /* fact id or target index */
    int32_t lo;    /* range low bound, or COUNTRY code, or other fact */
    int32_t hi;    /* range high bound */
    uint64_t mask; /* values or outcomes accepted */
    int kid0;      /* first child in lk_law.kids */
    int nkids;     /* number of children */
} lk_cond;

typedef struct lk_target {
    const char *id;       /* target id (borrowed from its doc) */
    const char *title;    /* short title */
    const char *question; /* the question it answers */
    lk_tkind kind;        /* score, element, lens or flag */
    const char *levels[LK_MAX_LEVELS + 1]; /* element levels, NULL-ended */
    int nlevels;          /* number of levels */
    int *rules;           /* rule indices, by priority, highest first */
    int nrules;           /* number of rules */
    json_t *cites;        /* array of source ids (borrowed) or NULL */
    uint32_t deps;        /* base facts its result can depend on */
    lk_target_info info;  /* public view (lk_law_target) */
    const char **cite_ids; /* cites as a NULL-terminated array (owned) */
} lk_target;

typedef struct lk_rule {
    lk_rule_info info;   /* public view; strings borrowed or owned below */
    int target;          /* index into lk_law.targets */
    int outcome;         /* encoded outcome (lk_law__outcome); the first
                            of "outcomes" when there are several */
    uint32_t until;      /* an open outcome: the base facts whose proof
                            would settle it (reported as missing) */
    uint64_t outcomes;   /* every outcome the rule makes possible: one,
                            or several when it leaves the result open */
    int weight;          /* score indicators: signed weight */
    int cond;            /* root condition index */
    uint32_t facts;      /* facts read by the condition (bit per id) */
    uint64_t targets;    /* targets read by the condition */
    uint32_t deps;       /* base facts the condition's value can depend on
                            (read directly or through "targets") */
    int *defeaters;      /* rules that are exceptions to this one */
    int ndefeaters;      /* number of defeaters */
    char *owned[4];      /* strings this rule owns (outcome, when, ...) */
    const char **excs;   /* exception_to ids, NULL-terminated (owned) */
    const char **cites;  /* cited source ids, NULL-terminated (owned) */
    const lk_doc *doc;   /* file the rule came from */
    json_t *json;        /* the rule object in that file (borrowed) */
    char ptr[64];        /* JSON pointer of the rule in that file */
} lk_rule;

typedef struct lk_method_info {
    int level;           /* index into lk_law.levels */
    const char *text;    /* why this level */
    json_t *cites;       /* source ids (borrowed) */
} lk_method_info;

typedef struct lk_attack_map {
    char id[12];         /* technique id, e.g. "T1566" */
    int method;          /* index into lk_enum_method */
    const char *text;    /* why this method, or NULL */
    json_t *cites;       /* source ids (borrowed), or NULL */
} lk_attack_map;

typedef struct lk_technique_row {
    char id[12];         /* "Tnnnn" or "Tnnnn.nnn" */
    const char *name;    /* into the index text */
    const char *tactics; /* "TA0001 Initial Access;..." or "" */
    const char *status;  /* "", "deprecated" or "revoked" */
} lk_technique_row;

typedef struct lk_technique_index {
    char *text;             /* the index file, cut in place */
    lk_technique_row *rows; /* sorted by id */
    size_t n;
} lk_technique_index;

typedef struct lk_standard {
    const char *element; /* element id */
    const char *name;    /* e.g. "clear and convincing evidence" */
    int min_confidence;  /* index into lk_enum_confidence */
    const char *text;    /* explanation */
    json_t *cites;       /* source ids (borrowed) */
} lk_standard;

/* What one kind of case evidence proves: the first rule whose tests all
 * hold over the summed counts gives the fact its value. */
typedef struct lk_evidence_rule {
    const char *id;      /* rule id */
    json_t *when;        /* [{"sum": [count names], "ge"|"le"|"eq": n}] */
    int value;           /* index of the value in the fact's domain, or
                            -1: the rule leaves the fact unknown */
    const char *text;    /* what the evidence shows, and what it does not */
    json_t *cites;       /* source ids (borrowed) */
} lk_evidence_rule;

typedef struct lk_evidence_def {
    const char *kind;    /* evidence[].kind of the case, e.g. mail-... */
    const char *counts;  /* member of evidence[].summary holding counts */
    int fact;            /* the fact it decides (lk_fact_id) */
    lk_evidence_rule rules[LK_MAX_EVIDENCE_RULES]; /* in file order */
    int nrules;          /* number of rules */
} lk_evidence_def;

typedef struct lk_param {
    const char *name;    /* parameter name */
    int value;           /* integer value after the profile */
} lk_param;

struct lk_law {
    char *datadir;                 /* data directory */
    char *name, *version;          /* rule set name and version */
    char sha256[65];               /* digest of every file read */
    lk_doc **docs;                 /* every document read (owned) */
    size_t ndocs;
    lk_source_info *sources;       /* the catalogue */
    size_t nsources;
    lk_target targets[LK_MAX_TARGETS];
    int ntargets;
    lk_rule *rules;                /* rules then indicators, file order */
    size_t nrules;
    lk_cond *conds;                /* condition nodes */
    size_t nconds, aconds;
    int *kids;                     /* children of condition nodes */
    size_t nkids, akids;
    lk_method_info methods[LK_MAX_METHODS]; /* per access method */
    lk_attack_map *attack;         /* technique -> method, sorted by id */
    size_t nattack;
    lk_technique_index attack_index; /* ATT&CK Enterprise techniques */
    lk_technique_index disarm_index; /* DISARM techniques (may be empty) */
    json_t *disarm_readings; /* disarm/reading.json "readings" (borrowed
                                from its document), or NULL */
    lk_stix_reading *stix_classes; /* stix/identity.json "classes" (owned;
                                      strings borrowed from its document) */
    size_t nstix_classes;
    lk_stix_reading *stix_sectors; /* its "sectors", in file order */
    size_t nstix_sectors;
    lk_standard standards[LK_MAX_STANDARDS]; /* standards of proof */
    int nstandards;
    lk_param params[LK_MAX_PARAMS]; /* named integer parameters */
    int nparams;
    const char *profile;           /* profile id */
    const char *profile_title;     /* profile title */
    json_t *profile_cites;         /* profile's own sources (borrowed) */
    json_t *caveats;               /* model caveats [{text, cites}] */
    /* statuses per lk_tkind: the closed ones, then the open one */
    lk_status_info statuses[4][LK_MAX_STATUSES + 1];
    const char *status_ids[4][LK_MAX_STATUSES + 1]; /* closed, NULL-ended */
    int nstatuses[4];              /* closed statuses per kind */
    lk_chart_info chart;           /* the model's chart */
    int has_chart;                 /* 1 if the model has one */
    const char *levels[LK_MAX_LEVELS + 1]; /* access levels, lowest first,
                                              NULL-ended (intrusiveness) */
    int nlevels;                   /* number of access levels */
    lk_evidence_def evidence[LK_MAX_EVIDENCE]; /* evidence file */
    int nevidence;                 /* kinds of evidence */
    struct lk_vocab_set *vocab;    /* confidence vocabularies (vocab.h),
                                      NULL without a confidence file */
};

/* model.c */

/* Encoded outcome of target "t": status index, level index or -1. */
int lk_law__outcome(const lk_target *t, int status, int level);
/* Decode "outcome" of target "t". */
void lk_law__outcome_split(const lk_target *t, int outcome, int *status,
                           int *level);
/* Closed status names of a target kind, NULL-terminated (scores: the
 * single internal status "score"). Borrowed: valid until lk_law_free. */
const char *const *lk_law__statuses(const lk_law *law, lk_tkind kind);
/* The id of the open status ("undetermined" in the bundled model). */
const char *lk_law__open_status(const lk_law *law);
/* Index of target "id", or -1. */
int lk_law__target_find(const lk_law *law, const char *id);

/* derive.c */

/*
 * Complete "facts" (from lk_case__base_facts) with what the law derives:
 * access methods of attack-only entries, access level, days before the
 * process, foreign actor. "case_json" is the case's tree. An ATT&CK id
 * that is not in the technique index is reported through "cb"/"err" with
 * its pointer, and LK_EINVALID returned.
 */
int lk_law__map_access(const lk_law *law, json_t *case_json, lk_facts *facts,
                       const lk_doc *doc, lk_diag_cb cb, void *payload,
                       lk_error *err);
void lk_law__derive(const lk_law *law, lk_facts *facts);

/* The domain of fact "fact": the law's own for facts whose domain is law
 * (lk_fact_def.law_domain: the access levels), else the case format's.
 * NULL-terminated; NULL for facts without a domain. Borrowed: valid
 * until lk_law_free. */
const char *const *lk_law__fact_values(const lk_law *law, int fact);
/* Index of "value" in lk_law__fact_values(law, fact), or -1. */
int lk_law__value_index(const lk_law *law, int fact, const char *value);

/*
 * The value (an index into the domain of "fact") that the case's evidence
 * supports by the law's evidence rules, or -1: none applies, or the case
 * states the fact itself. "*item" (may be NULL) receives the index of the
 * first evidence item of that kind. Implemented in evidence.c.
 */
int lk_law__evidence_value(const lk_law *law, json_t *case_json, int fact,
                           size_t *item);
/* The evidence rule that applies to "fact" in the case (one that gives it
 * a value, or one that leaves it unknown and says why), or NULL: no
 * evidence of a kind bearing on it, none applies, or the case states the
 * fact itself. "*item" as in lk_law__evidence_value. In evidence.c. */
const lk_evidence_rule *lk_law__evidence_rule(const lk_law *law,
                                              json_t *case_json, int fact,
                                              size_t *item);
/* Fill the facts of "facts" the case leaves unknown that its evidence
 * decides (lk_law__evidence_value). Cannot fail. */
void lk_law__evidence_facts(const lk_law *law, json_t *case_json,
                            lk_facts *facts);
/* Fill the attribution's confidence when the case states it in a phrase
 * of the law's vocabularies ("highly likely"), or as a level in other
 * case or spacing, and the case format left it unknown. Cannot fail.
 * In vocab.c. */
void lk_law__confidence_facts(const lk_law *law, json_t *case_json,
                              lk_facts *facts);

/* Base facts a derived fact depends on, as a fact bit mask. */
uint32_t lk_law__fact_deps(int fact);

/* techniques.c */

/* Method for technique "id" (exact, then parent), or -1. */
int lk_law__attack_method(const lk_law *law, const char *id);
/* 1 if "id" is a known ATT&CK technique. */
int lk_law__technique_known(const lk_law *law, const char *id);

#endif
