/*
 * precedent.h (internal): the nearest precedents of an assessment in a
 * case library.
 */
#ifndef LK_CORE_PRECEDENT_H
#define LK_CORE_PRECEDENT_H

#include "assessment.h"

/* The nearest precedents of "a" in "lib" (precedent.c). Cannot fail. */
void lk_assess__precedents(lk_assessment *a, const lk_library *lib);

#endif
