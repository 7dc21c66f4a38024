/*
 * rules.h (internal): reading rules and indicators into the law before
 * they are compiled. Public accessors: lk_law_rule* in leaklaw/law.h.
 */
#ifndef LK_LIB_RULES_H
#define LK_LIB_RULES_H

#include "law.h"

/* Read the "indicators" and "rules" of "doc", skipping the rule ids
 * listed in "disable" (may be NULL). LK_EINVALID, LK_ENOMEM. */
int lk_rules__read(lk_law *law, const lk_doc *doc, json_t *disable,
                   lk_error *err);

/* Index of the rule "id" in law->rules, or -1. */
int lk_rules__find_index(const lk_law *law, const char *id);

/* 0 if every rule id the profile "disable"s is a rule of one of the
 * "ndocs" rule files "docs"; else LK_EINVALID. */
int lk_rules__check_disabled(const lk_doc *profile, lk_doc *const *docs,
                             size_t ndocs, lk_error *err);

#endif
