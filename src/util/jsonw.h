/*
 * jsonw.h: writing JSON by hand into an lk_buf, for streams too hot or too
 * large to build as jansson trees (one record per message of a corpus).
 */
#ifndef LK_UTIL_JSONW_H
#define LK_UTIL_JSONW_H

#include <stddef.h>

#include "buf.h"

/*
 * Append the "n" bytes of "s" to "b" as a JSON string: quotes and
 * backslashes escaped, control characters as \n, \r, \t or \u00XX,
 * well-formed UTF-8 copied and every byte of ill-formed UTF-8 replaced by
 * U+FFFD, so the output is always valid JSON. Errors are recorded in "b"
 * (see lk_buf).
 */
void lk_jsonw_str(lk_buf *b, const char *s, size_t n);

/*
 * What each byte is inside a JSON string, for the loops that skip the
 * bytes needing nothing: LK_JSON_PLAIN (printable ASCII but the two
 * below), LK_JSON_QUOTE ('"' and '\\'), LK_JSON_CONTROL (below 0x20,
 * the final '\0' included) and LK_JSON_HIGH (0x80 and above: UTF-8).
 */
enum { LK_JSON_PLAIN = 0, LK_JSON_QUOTE = 1, LK_JSON_CONTROL = 2,
       LK_JSON_HIGH = 4 };
extern const unsigned char lk_json_class[256];

#define LK_JSONW_DEPTH 16 /* deepest nesting of an lk_jsonw document */

/*
 * A streaming JSON writer that prints exactly what jansson's json_dumps
 * prints for the same tree with JSON_COMPACT (indent 0) or JSON_INDENT(n)
 * (keys in the order written, "[]" and "{}" when empty, ": " after a key
 * and one member a line when indented), so a renderer can drop the tree
 * and keep its bytes. Strings must be valid UTF-8 (they are copied);
 * errors are recorded in the buffer (see lk_buf).
 */
typedef struct lk_jsonw {
    lk_buf *b;                       /* the output */
    unsigned indent;                 /* spaces a level, 0: compact */
    unsigned depth;                  /* containers open */
    int after_key;                   /* a key was written, its value not */
    unsigned count[LK_JSONW_DEPTH];  /* members written at each depth */
} lk_jsonw;

/* Start writing into "b", indented by "indent" spaces (0: compact). */
void lk_jsonw_init(lk_jsonw *w, lk_buf *b, unsigned indent);
/* Open an object ('{') or an array ('['). */
void lk_jsonw_open(lk_jsonw *w, char bracket);
/* Close the innermost container with "bracket" ('}' or ']'). */
void lk_jsonw_close(lk_jsonw *w, char bracket);
/* Write object key "key"; the next call writes its value. */
void lk_jsonw_key(lk_jsonw *w, const char *key);
/* Write string "s", or null when "s" is NULL. */
void lk_jsonw_string(lk_jsonw *w, const char *s);
/* Write integer "v". */
void lk_jsonw_int(lk_jsonw *w, long long v);
/* Write true or false. */
void lk_jsonw_bool(lk_jsonw *w, int v);
/* Write null. */
void lk_jsonw_null(lk_jsonw *w);
/* Write "n" bytes of ready JSON text "text" as one value. */
void lk_jsonw_raw(lk_jsonw *w, const char *text, size_t n);

/*
 * Write jansson tree "v" as one value, as json_dumps writes it with this
 * writer's indent (keys in their order). Returns 0, or -1 for a tree this
 * writer cannot print as jansson does (a real number, a string holding
 * NUL): the text written is then to be dropped and json_dumps asked.
 * Nesting deeper than LK_JSONW_DEPTH is an error of the buffer.
 */
struct json_t;
int lk_jsonw_tree(lk_jsonw *w, const struct json_t *v);

#endif
