/*
 * model.h (internal): loading the model file (scores, elements, lenses,
 * flags, parameters) and the names of target kinds. The outcome encoding
 * and lk_law__target_find, used by the engine, are declared in law.h.
 */
#ifndef LK_LIB_MODEL_H
#define LK_LIB_MODEL_H

#include "law.h"

/* Read the model "doc" into "law". LK_EINVALID, LK_ENOMEM. */
int lk_model__load(lk_law *law, const lk_doc *doc, lk_error *err);

/* Check the parameters as the model and the profile leave them: each
 * between 0 and 100000, intent_high not below intent_threshold. The
 * error names the parameter in the file that set it. LK_EINVALID. */
int lk_model__check_params(const lk_law *law, lk_error *err);

/* The parameter "name", or NULL. Borrowed: valid until lk_law_free. */
lk_param *lk_model__param(lk_law *law, const char *name);

/* "score", "element", "lens" or "flag". Cannot fail. */
const char *lk_model__kind_name(lk_tkind kind);

#endif
