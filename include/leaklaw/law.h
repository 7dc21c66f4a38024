/*
 * leaklaw/law.h: the law as data. A law is the union of the model
 * (elements, lenses, flags, scores), the rules and intent indicators, the
 * intrusiveness table, the catalogue of legal sources and one profile
 * (a national position or the default), all read from a data directory:
 *
 *   DATADIR/sources.json            legal sources with pinpoints
 *   DATADIR/rules/NAME.json         model, rules, indicators, intrusiveness,
 *                                   evidence
 *   DATADIR/profiles/NAME.json      standards of proof, parameters
 *   DATADIR/attack/techniques.tsv   ATT&CK technique ids (MITRE licence)
 *   DATADIR/disarm/techniques.tsv   DISARM technique ids (CC BY-SA 4.0),
 *                                   optional
 *   DATADIR/stix/identity.json      how a STIX identity's class and
 *                                   sectors read, optional
 *
 * Every rule cites at least one source of the catalogue; loading fails
 * otherwise. See docs/method.md for the rule language.
 */
#ifndef LEAKLAW_LAW_H
#define LEAKLAW_LAW_H

#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

/** An opaque, immutable body of law. Safe to share between threads. */
typedef struct lk_law lk_law;

/** Options of lk_law_load. */
typedef struct lk_law_options {
    unsigned int version; /* LK_LAW_OPTIONS_VERSION */
    const char *profile;  /* profile name, NULL for "default" */
} lk_law_options;

#define LK_LAW_OPTIONS_VERSION 1
#define LK_LAW_OPTIONS_INIT {LK_LAW_OPTIONS_VERSION, NULL}

/**
 * CONSTRUCTOR: load and check the law in "datadir".
 *
 * @param out     [out] the law
 * @param datadir the data directory (see above)
 * @param opts    options, NULL for the defaults
 * @param err     error detail with file, line, column and pointer
 * @return 0; LK_EINVALID if a data file is malformed, cites an unknown
 *         source or refers to an unknown fact, element or rule;
 *         LK_ENOTFOUND if the profile does not exist; LK_EIO; LK_ENOMEM.
 *         Owned by caller: release with lk_law_free.
 */
LK_EXTERN(int) lk_law_load(lk_law **out, const char *datadir,
                           const lk_law_options *opts, lk_error *err);

/** DESTRUCTOR: free "law". NULL is allowed. */
LK_EXTERN(void) lk_law_free(lk_law *law);

/**
 * The law under every profile of DATADIR/profiles: the default first,
 * then the others in name order, into "laws" (room for "max"); "*n" is
 * the number loaded, also on failure (release each with lk_law_free).
 * @return 0; the errors of lk_law_load; LK_ETOOBIG past "max".
 */
LK_EXTERN(int) lk_law_load_all(lk_law **laws, size_t max, size_t *n,
                               const char *datadir, lk_error *err);

/**
 * METHOD: name, version and SHA-256 (hex) of the rule set, and the name
 * of the profile. Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const char *) lk_law_name(const lk_law *law);
LK_EXTERN(const char *) lk_law_version(const lk_law *law);
LK_EXTERN(const char *) lk_law_sha256(const lk_law *law);
LK_EXTERN(const char *) lk_law_profile(const lk_law *law);

/** METHOD: the data directory the law was read from. Borrowed. */
LK_EXTERN(const char *) lk_law_datadir(const lk_law *law);

/** A rule or intent indicator, read-only. */
typedef struct lk_rule_info {
    const char *id;           /* rule id */
    const char *decides;      /* target id: element, lens, flag or score */
    const char *kind;         /* "element", "lens", "flag" or "score" */
    const char *outcome;      /* e.g. "met (high)", "breach", "+2" */
    const char *text;         /* plain-English statement of the rule */
    const char *when;         /* the condition, as compact JSON */
    int priority;             /* higher wins */
    const char *const *exception_to; /* rule ids, NULL-terminated */
    const char *const *cites; /* source ids, NULL-terminated */
    const char *file;         /* data file it was read from */
} lk_rule_info;

/** Kinds of target the law decides (the model's sections). */
typedef enum lk_target_kind {
    LK_TARGET_SCORE = 0,   /* a weighted score, e.g. intent indicators */
    LK_TARGET_ELEMENT = 1, /* an element: a status and, where graded, a level */
    LK_TARGET_LENS = 2,    /* a lens: a verdict */
    LK_TARGET_FLAG = 3     /* an adjacent regime: raised or not */
} lk_target_kind;

/** A target of the law's model (score, element, lens or flag), read-only. */
typedef struct lk_target_info {
    const char *id;            /* e.g. "attribution" */
    const char *title;         /* short title */
    const char *question;      /* the question it answers */
    lk_target_kind kind;       /* which section of the model */
    const char *const *levels; /* level names, NULL-terminated (may be empty) */
    const char *const *cites;  /* source ids, NULL-terminated */
} lk_target_info;

/** METHOD: number of targets, in the model's order. Cannot fail. */
LK_EXTERN(size_t) lk_law_target_count(const lk_law *law);

/**
 * METHOD: target "i" (< lk_law_target_count), in the model's order: scores,
 * elements, lenses, flags.
 * Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_target_info *) lk_law_target(const lk_law *law, size_t i);

/** METHOD: index of the target named "id", or -1. Cannot fail. */
LK_EXTERN(int) lk_law_target_index(const lk_law *law, const char *id);

/** A status a target of some kind can take, read-only. */
typedef struct lk_status_info {
    const char *id;    /* e.g. "likely-breach" */
    const char *label; /* e.g. "Likely breach" */
    const char *color; /* "#rrggbb" for charts, or "" */
    int open;          /* 1 for the status of an open result */
} lk_status_info;

/**
 * METHOD: number of statuses targets of kind "kind" can take, as the
 * model's "statuses" section lists them, the open one ("undetermined")
 * last. Scores have no statuses: 0. Cannot fail.
 *
 * @param law  the law
 * @param kind element, lens or flag
 * @return the number of statuses, the open one included
 */
LK_EXTERN(size_t) lk_law_status_count(const lk_law *law, lk_target_kind kind);

/**
 * METHOD: status "i" of kind "kind", in the model's order, the open one
 * last.
 *
 * @param law  the law
 * @param kind element, lens or flag
 * @param i    0 <= i < lk_law_status_count(law, kind)
 * @return the status, or NULL when "i" is out of range.
 *         Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_status_info *) lk_law_status(const lk_law *law,
                                                lk_target_kind kind,
                                                size_t i);

/**
 * METHOD: the status of kind "kind" with id "id" (the open one included).
 *
 * @param law  the law
 * @param kind element, lens or flag
 * @param id   a status id, e.g. "no-breach"
 * @return the status, or NULL if none. Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_status_info *) lk_law_status_find(const lk_law *law,
                                                     lk_target_kind kind,
                                                     const char *id);

/** The chart of the model ("chart" section), read-only. */
typedef struct lk_chart_info {
    const char *lens;    /* lens whose verdicts shade the chart */
    const char *score;   /* score on the x axis */
    const char *fact;    /* JSON pointer of the derived fact on the y axis */
    const char *title_y; /* title of the y axis */
    const char *element; /* element the y fact decides */
    const char *const *y_values; /* values of the y fact, lowest first,
                                    NULL-terminated */
} lk_chart_info;

/**
 * METHOD: the chart the model asks reports to draw: the verdicts of a
 * lens over a score (x) and the values of a derived fact (y).
 *
 * @param law the law
 * @return the chart, or NULL when the model has none.
 *         Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_chart_info *) lk_law_chart(const lk_law *law);

/** A copy in which a source's text was read (its "seen_at" entries). */
typedef struct lk_source_copy {
    const char *url;  /* address of the copy (or a path in the tree) */
    const char *what; /* what was read there */
} lk_source_copy;

/** A legal source of the catalogue, read-only. */
typedef struct lk_source_info {
    const char *id;       /* catalogue id, e.g. "icj-nicaragua-205" */
    const char *title;    /* full title */
    const char *pinpoint; /* article, rule, paragraph or section */
    const char *date;     /* ISO 8601 (may be partial) or "" */
    const char *url;      /* its official home, or "" when unknown */
    const char *status;   /* "confirmed" or "unconfirmed" */
    const char *quote;    /* short verified quotation or "" */
    /* appended in format leaklaw/sources/1 with kind and oscola: */
    const char *kind;     /* treaty, judgment, un-document,
                             national-position, official-statement,
                             indictment, report, scholarship, press,
                             standard or method */
    const char *oscola;   /* OSCOLA citation; *text* marks italics */
    const char *supports; /* what it supports, or "" */
    const char *note;     /* what was seen and what was not, or "" */
    const lk_source_copy *seen_at; /* copies read, "nseen_at" of them
                                      (NULL when none), in file order */
    size_t nseen_at;
} lk_source_info;

/** METHOD: number of rules and indicators. Cannot fail. */
LK_EXTERN(size_t) lk_law_rule_count(const lk_law *law);

/**
 * METHOD: rule "i" (0 <= i < lk_law_rule_count) in file order.
 * Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_rule_info *) lk_law_rule(const lk_law *law, size_t i);

/**
 * METHOD: the rule with id "id", or NULL.
 * Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_rule_info *) lk_law_rule_find(const lk_law *law,
                                                 const char *id);

/**
 * METHOD: the source with id "id", or NULL.
 * Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const lk_source_info *) lk_law_source_find(const lk_law *law,
                                                     const char *id);

/** METHOD: number of sources. */
LK_EXTERN(size_t) lk_law_source_count(const lk_law *law);

/** METHOD: source "i". Borrowed: valid until lk_law_free. */
LK_EXTERN(const lk_source_info *) lk_law_source(const lk_law *law, size_t i);

/**
 * METHOD: the name of MITRE ATT&CK technique "id" (e.g. "T1566.002":
 * "Spearphishing Link") in the bundled index, or NULL when the index
 * does not list it. Borrowed: valid until lk_law_free.
 */
LK_EXTERN(const char *) lk_law_technique_name(const lk_law *law,
                                              const char *id);

struct lk_case;

/**
 * METHOD: check the parts of case "c" that depend on the law: every
 * access[].attack id must be a technique of the bundled MITRE ATT&CK
 * index, and every key of "expected" (but "why") a lens of the model
 * with one of its statuses as value. Each problem goes to "cb" with its
 * location.
 *
 * @return 0 or LK_EINVALID ("err" holds the first diagnostic).
 */
LK_EXTERN(int) lk_law_check_case(const lk_law *law, const struct lk_case *c,
                                 lk_diag_cb cb, void *payload, lk_error *err);

#define LK_TECHNIQUE_MAX_CITES 8 /* cites kept per row or method */

/** A technique of a catalogue and how leaklaw reads it. */
typedef struct lk_technique_info {
    const char *id;        /* "T1566.002" */
    const char *name;      /* "Spearphishing Link" */
    const char *tactics;   /* "TA0001 Initial Access;TA0006 Credential
                              Access" (ids and names, ";"-separated) */
    const char *status;    /* "", "deprecated" or "revoked" */
    const char *catalogue; /* "attack" (MITRE ATT&CK Enterprise) or
                              "disarm" (DISARM Red Framework) */
    /* The intrusiveness table (ATT&CK only; NULL when not mapped): */
    const char *mapped_by; /* the row's id: "id" or its parent's */
    const char *method;    /* the access method, e.g. "phishing" */
    const char *text;      /* why that method ("" if the row gives none) */
    const char *cites[LK_TECHNIQUE_MAX_CITES]; /* the row's source ids */
    size_t ncites;
    const char *level;     /* the method's intrusiveness level */
    const char *level_text; /* why that level */
    const char *level_cites[LK_TECHNIQUE_MAX_CITES]; /* its source ids */
    size_t nlevel_cites;
    int reconnaissance;    /* 1 if a Reconnaissance (TA0043) technique:
                              says nothing about how material was
                              obtained */
    /* DISARM only (disarm/reading.json; NULL when not read): the fact a
       STIX import sets when a group or campaign uses the technique. */
    const char *import_fact;  /* e.g. "/disclosure/authenticity" */
    const char *import_value; /* its value as JSON, e.g. "\"altered\"" */
    const char *import_text;  /* why */
} lk_technique_info;

/**
 * METHOD: find technique "id" in catalogue "catalogue" ("attack",
 * "disarm", or NULL for ATT&CK then DISARM) and fill "out"; its strings
 * are borrowed (valid until lk_law_free). The DISARM index
 * (DATADIR/disarm/techniques.tsv) is optional: without it no DISARM id
 * is found. Case files still name ATT&CK ids only.
 *
 * @return 0, LK_ENOTFOUND (unknown id or catalogue).
 */
LK_EXTERN(int) lk_law_technique_find(const lk_law *law, const char *catalogue,
                                     const char *id, lk_technique_info *out);

/** METHOD: number of techniques of "catalogue" ("attack" or "disarm"). */
LK_EXTERN(size_t) lk_law_technique_count(const lk_law *law,
                                         const char *catalogue);

/**
 * METHOD: technique "i" (0 <= i < lk_law_technique_count) of "catalogue",
 * in id order, as lk_law_technique_find fills it.
 *
 * @return 0, LK_ENOTFOUND (out of range or unknown catalogue).
 */
LK_EXTERN(int) lk_law_technique(const lk_law *law, const char *catalogue,
                                size_t i, lk_technique_info *out);

/**
 * How `leaklaw import stix` reads one STIX identity class or sector
 * (DATADIR/stix/identity.json). Strings are borrowed: valid until
 * lk_law_free.
 */
typedef struct lk_stix_reading {
    const char *key;      /* the class or sector as the file gives it, e.g.
                             "government-national"; a sector row ending in
                             '*' is a prefix ("government*") */
    const char *target;   /* the victim.target it gives (a value of the
                             case format), or NULL: none */
    const char *fallback; /* classes only: the target when no sector gives
                             one and the identity names a sector, or NULL */
    int government;       /* sectors: 1 if it makes a government body;
                             classes: 1 if a government sector can make an
                             identity of the class one */
    const char *text;     /* why */
    int company;          /* sectors only: 1 if an organisation of the
                             sector can be read as a company (an industry
                             of businesses); 0 if the sector says nothing
                             of whether its bodies are public or private.
                             The class's fallback applies only when one of
                             the identity's sectors has it. */
} lk_stix_reading;

/**
 * METHOD: how STIX sector "sector" reads: its exact row, else the first
 * prefix row ('*') it starts with. The file is optional: without it no
 * sector is found.
 *
 * @return 0, LK_ENOTFOUND.
 */
LK_EXTERN(int) lk_law_stix_sector(const lk_law *law, const char *sector,
                                  lk_stix_reading *out);

/**
 * METHOD: how STIX identity_class "cls" reads (exact row only).
 *
 * @return 0, LK_ENOTFOUND (then the identity reads by its sectors alone,
 *         which may make it a government body).
 */
LK_EXTERN(int) lk_law_stix_class(const lk_law *law, const char *cls,
                                 lk_stix_reading *out);

LK_END_DECL

#endif
