/*
 * catalog.h (internal): loading the catalogue of legal sources. The
 * public accessors (lk_law_source*) are declared in leaklaw/law.h.
 */
#ifndef LK_LIB_CATALOG_H
#define LK_LIB_CATALOG_H

#include "law.h"

/* Read DATADIR/sources.json into "law". LK_EINVALID, LK_EIO, LK_ENOMEM. */
int lk_catalog__load(lk_law *law, lk_error *err);

#endif
