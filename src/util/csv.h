/*
 * csv.h: RFC 4180 CSV cells, shared by every CSV leaklaw writes (mail
 * records, assessments).
 */
#ifndef LK_UTIL_CSV_H
#define LK_UTIL_CSV_H

#include <stddef.h>

#include "buf.h"

/*
 * Append the "n" bytes of "s" to "b" as one CSV cell, quoted when it holds
 * a comma, a quote or a line break, then "," or, when "last", a newline.
 * A cell that starts with '=', '+', '-', '@', a tab or a carriage return
 * (which a spreadsheet would run as a formula) is quoted and prefixed
 * with an apostrophe, so it is always read as text.
 * Errors are recorded in "b" (see lk_buf).
 */
void lk_csv_cell(lk_buf *b, const char *s, size_t n, int last);

/* lk_csv_cell for a NUL-terminated "s" (NULL is an empty cell). */
void lk_csv_cells(lk_buf *b, const char *s, int last);

#endif
