/*
 * consistency.h (internal): contradictions inside a case that the schema
 * cannot see (a fact that excludes another), reported like any other
 * validation error.
 */
#ifndef LK_CORE_CONSISTENCY_H
#define LK_CORE_CONSISTENCY_H

#include <jansson.h>

/* Receives one contradiction: the JSON pointer it is located at and a
 * one-line message. */
typedef void (*lk_consistency_cb)(void *ctx, const char *pointer,
                                  const char *message);

/*
 * Check the schema-valid case tree "root" for contradictions between its
 * facts; each goes to "cb". Cannot fail (nothing is allocated).
 */
void lk_consistency__check(json_t *root, lk_consistency_cb cb, void *ctx);

#endif
