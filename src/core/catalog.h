/*
 * catalog.h (internal): loading the catalogue of legal sources. The
 * public accessors (lk_law_source*) are declared in leaklaw/law.h.
 */
#ifndef LK_LIB_CATALOG_H
#define LK_LIB_CATALOG_H

#include "law.h"

/* Read DATADIR/sources.json into "law". LK_EINVALID, LK_EIO, LK_ENOMEM. */
int lk_catalog__load(lk_law *law, lk_error *err);

/* 0 if "cites" (at "ptr" of "doc") is a non-empty array of ids of the
 * law's catalogue (or absent and not "required"); else LK_EINVALID. */
int lk_catalog__check_cites(const lk_law *law, lk_error *err,
                            const lk_doc *doc, const char *ptr,
                            json_t *cites, int required);

#endif
