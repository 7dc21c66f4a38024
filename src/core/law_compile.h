/*
 * law_compile.h (internal): the condition compiler, run once every rule
 * has been read.
 */
#ifndef LK_LIB_LAW_COMPILE_H
#define LK_LIB_LAW_COMPILE_H

#include "law.h"

/* Compile every rule's condition, link exceptions, order each target's
 * rules by priority and compute its fact dependencies. LK_EINVALID,
 * LK_ETOOBIG, LK_ENOMEM. */
int lk_law_compile__rules(lk_law *law, lk_error *err);

#endif
