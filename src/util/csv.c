/*
 * csv.c: RFC 4180 CSV cells, with cells that a spreadsheet would run as
 * a formula neutralised.
 */
#include "csv.h"

#include <string.h>

/* A cell a spreadsheet would run as a formula: it starts with '=', '+',
 * '-', '@', a tab or a carriage return (the OWASP list of CSV injection
 * triggers). */
static int csv_formula(const char *s, size_t n)
{
    return n > 0 && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void lk_csv_cell(lk_buf *b, const char *s, size_t n, int last)
{
    size_t i;
    int quote = 0, neutral = csv_formula(s, n);
    for (i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (quote || neutral) {
        lk_buf_put(b, "\"", 1);
        /* a leading apostrophe makes the cell text, never a formula */
        if (neutral)
            lk_buf_put(b, "'", 1);
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
