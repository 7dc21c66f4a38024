/*
 * csv.c: RFC 4180 CSV cells.
 */
#include "csv.h"

#include <string.h>

void lk_csv_cell(lk_buf *b, const char *s, size_t n, int last)
{
    size_t i;
    int quote = 0;
    for (i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (quote) {
        lk_buf_put(b, "\"", 1);
        for (i = 0; i < n; i++) {
            if (s[i] == '"')
                lk_buf_put(b, "\"", 1);
            lk_buf_put(b, s + i, 1);
        }
        lk_buf_put(b, "\"", 1);
    } else {
        lk_buf_put(b, s, n);
    }
    lk_buf_puts(b, last ? "\n" : ",");
}

void lk_csv_cells(lk_buf *b, const char *s, int last)
{
    lk_csv_cell(b, s ? s : "", s ? strlen(s) : 0, last);
}
