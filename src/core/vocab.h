/*
 * vocab.h (internal): the vocabularies in which agencies state the
 * confidence of an attribution (rules/confidence.json, leaklaw/
 * confidence/1): their phrases and the level of lk_enum_confidence each
 * maps to, the check of a case's confidence, and the fact it gives.
 */
#ifndef LK_LIB_VOCAB_H
#define LK_LIB_VOCAB_H

#include "case.h"
#include "law.h"

#define LK_MAX_VOCABS 8     /* vocabularies of the confidence file */
#define LK_MAX_PHRASES 128  /* distinct phrases over all vocabularies */
#define LK_PHRASE_MAX 64    /* bytes of a normalised phrase, with its NUL */

/* lk_vocab__level: the words are "unknown"; not a level nor a phrase */
#define LK_VOCAB_UNKNOWN (-1)
#define LK_VOCAB_BAD (-2)

/* One phrase, as matched: the vocabularies that use it agree on its
 * level (checked when the file is read). */
typedef struct lk_vocab_phrase {
    char norm[LK_PHRASE_MAX]; /* lower case, single spaces, trimmed */
    int level;                /* index into lk_enum_confidence */
    uint32_t vocabs;          /* vocabularies using it, bit per index */
    char *titles;             /* their titles, " / "-joined (owned) */
} lk_vocab_phrase;

/* One vocabulary of the file. */
typedef struct lk_vocab {
    const char *id;    /* e.g. "phia-yardstick" */
    const char *title; /* e.g. "UK PHIA probability yardstick" */
    json_t *cites;     /* sources of its words (borrowed) */
} lk_vocab;

/* The confidence file, read (lk_law.vocab). */
typedef struct lk_vocab_set {
    const char *text;  /* the calibration, explained */
    json_t *cites;     /* sources of the calibration (borrowed) */
    lk_vocab vocabs[LK_MAX_VOCABS];
    int nvocabs;
    lk_vocab_phrase phrases[LK_MAX_PHRASES];
    int nphrases;
} lk_vocab_set;

/* Read the confidence file "doc" into law->vocab (after the catalogue).
 * LK_EINVALID, LK_ENOMEM. */
int lk_vocab__load(lk_law *law, const lk_doc *doc, lk_error *err);

/* Release what lk_vocab__load allocated. NULL is allowed. */
void lk_vocab__free(lk_vocab_set *v);

/*
 * The level (index into lk_enum_confidence) "words" state: a level or a
 * phrase of the law's vocabularies, matched without regard to ASCII case
 * and runs of white space. LK_VOCAB_UNKNOWN for "unknown", LK_VOCAB_BAD
 * for anything else. "*phrase" (may be NULL) receives the phrase matched,
 * or NULL when the words are a level.
 */
int lk_vocab__level(const lk_law *law, const char *words,
                    const lk_vocab_phrase **phrase);

/* The source ids behind phrase "p": its vocabularies' then the
 * calibration's, each once. Returns the number written (at most "max"). */
size_t lk_vocab__cites(const lk_law *law, const lk_vocab_phrase *p,
                       const char **out, size_t max);

/* The words the case states the attribution's confidence in, when it
 * states one value (plain or {"value": ...}); else NULL. Borrowed. */
const char *lk_vocab__stated(json_t *case_json);

/*
 * Report every confidence of case "c" (a value or an alternative of a
 * dispute) that is neither a level, "unknown" nor a phrase of the law's
 * vocabularies, at its pointer, through "cb"; "err" receives the first
 * when "n" (diagnostics already reported) is 0. Returns the number
 * reported.
 */
int lk_vocab__check_case(const lk_law *law, const lk_case *c, lk_diag_cb cb,
                         void *payload, lk_error *err, int n);

#endif
