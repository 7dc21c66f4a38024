/*
 * leaklaw/knowledge.h: what States have said and done. National (and
 * regional) positions on international law in cyberspace with their
 * verbatim quotations (data/positions/, leaklaw/position/1), the
 * propositions each position affirms, denies or is silent on
 * (data/positions/propositions.json), and State reactions to the
 * library's incidents (data/practice/, leaklaw/practice/1).
 * docs/formats.md gives the formats. Every string returned is borrowed:
 * valid until lk_knowledge_free.
 */
#ifndef LEAKLAW_KNOWLEDGE_H
#define LEAKLAW_KNOWLEDGE_H

#include "common.h"
#include "errors.h"

LK_BEGIN_DECL

#define LK_KNOWLEDGE_MAX_FILES 512   /* position or practice files read */
#define LK_KNOWLEDGE_MAX_PROPS 32    /* propositions */
#define LK_KNOWLEDGE_MAX_QUOTES 128  /* quotations of one position */
#define LK_KNOWLEDGE_MAX_INVOKES 8   /* legal notions one reaction invokes */
#define LK_KNOWLEDGE_MAX_TOPICS 16   /* topics of one quotation */

typedef struct lk_knowledge lk_knowledge;

/** What a position says of a proposition. */
typedef enum lk_stance_value {
    LK_STANCE_UNKNOWN = 0, /* the text was not read (or not all of it) */
    LK_STANCE_SILENT,      /* the whole text was read: it says nothing */
    LK_STANCE_AFFIRMED,    /* a quoted sentence affirms it */
    LK_STANCE_DENIED       /* a quoted sentence denies it */
} lk_stance_value;

/** The id of a stance value: "unknown", "silent", "affirmed", "denied". */
LK_EXTERN(const char *) lk_stance_name(lk_stance_value v);

/** One position, as its file states it ("" for an absent optional key). */
typedef struct lk_position_info {
    const char *id, *party, *name, *kind, *title, *date;
    const char *url;     /* official home; "" when unknown */
    const char *status;  /* "seen", "partial" or "not-seen" */
    const char *note;
    size_t nquotes;
    size_t nconfirmed;   /* quotations seen verbatim */
} lk_position_info;

/** One verbatim quotation of a position. */
typedef struct lk_quote_info {
    const char *id, *pinpoint, *text, *seen_at, *note;
    size_t ntopics;
    const char *topics[LK_KNOWLEDGE_MAX_TOPICS];
    int confirmed;       /* 1 if seen verbatim, 0 if unconfirmed */
} lk_quote_info;

/** One proposition. */
typedef struct lk_proposition_info {
    const char *id, *text;
} lk_proposition_info;

/** What position "p" says of proposition "q". */
typedef struct lk_stance {
    lk_stance_value value;
    int quote;           /* the quotation that says so, or -1 */
    const char *note;
} lk_stance;

/** One State reaction to an incident of the library. */
typedef struct lk_reaction_info {
    const char *case_id, *id, *party, *date, *kind, *against, *title;
    const char *summary, *quote, *invokes_quote, *url, *seen_at;
    int confirmed;       /* 1 if the source was seen saying so */
    int quote_confirmed; /* 1 if the quotation was seen verbatim */
    size_t ninvokes;
    const char *invokes[LK_KNOWLEDGE_MAX_INVOKES];
} lk_reaction_info;

/**
 * Load and validate DATADIR/positions (propositions.json and every other
 * JSON file) and every JSON file of DATADIR/practice; an absent folder
 * is empty.
 * Positions are ordered by date then id, reactions by date, case and id.
 * @return 0; LK_EINVALID with the file, line:column and JSON pointer of
 *         the first problem; LK_EIO; LK_ETOOBIG; LK_ENOMEM.
 *         Owned by caller: release with lk_knowledge_free.
 */
LK_EXTERN(int) lk_knowledge_load(lk_knowledge **out, const char *datadir,
                                 lk_error *err);

LK_EXTERN(void) lk_knowledge_free(lk_knowledge *k);

/** METHOD: number of positions, propositions and reactions. */
LK_EXTERN(size_t) lk_knowledge_position_count(const lk_knowledge *k);
LK_EXTERN(size_t) lk_knowledge_proposition_count(const lk_knowledge *k);
LK_EXTERN(size_t) lk_knowledge_reaction_count(const lk_knowledge *k);

/** METHOD: position "i" (< lk_knowledge_position_count). */
LK_EXTERN(void) lk_knowledge_position(const lk_knowledge *k, size_t i,
                                      lk_position_info *out);

/** METHOD: quotation "q" (< nquotes) of position "p". */
LK_EXTERN(void) lk_knowledge_quote(const lk_knowledge *k, size_t p, size_t q,
                                   lk_quote_info *out);

/** METHOD: proposition "i" (< lk_knowledge_proposition_count). */
LK_EXTERN(void) lk_knowledge_proposition(const lk_knowledge *k, size_t i,
                                         lk_proposition_info *out);

/** METHOD: what position "p" says of proposition "q". */
LK_EXTERN(void) lk_knowledge_stance(const lk_knowledge *k, size_t p, size_t q,
                                    lk_stance *out);

/** METHOD: reaction "i" (< lk_knowledge_reaction_count). */
LK_EXTERN(void) lk_knowledge_reaction(const lk_knowledge *k, size_t i,
                                      lk_reaction_info *out);

LK_END_DECL

#endif
