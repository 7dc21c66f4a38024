/*
 * profile.h (internal): loading a profile's standards of proof and
 * parameters (its rules are read by rules.c).
 */
#ifndef LK_LIB_PROFILE_H
#define LK_LIB_PROFILE_H

#include "law.h"

/* Read DATADIR/profiles/NAME.json into "law" (after the model); "*out"
 * is the document, owned by "law". LK_ENOTFOUND, LK_EINVALID, LK_EIO,
 * LK_ENOMEM. */
int lk_profile__load(lk_law *law, const char *name, lk_doc **out,
                     lk_error *err);

#endif
