/*
 * jsonw.c: the JSON string escaper. Runs of plain ASCII are copied in one
 * append; only the bytes needing attention are looked at one by one.
 */
#include "jsonw.h"

/* Append the escape for ASCII byte "c" (a quote, backslash or control). */
static void jsonw_ascii(lk_buf *b, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
    if (c == '"' || c == '\\') {
        esc[1] = (char)c;
        lk_buf_put(b, esc, 2);
    } else if (c == '\n') {
        lk_buf_put(b, "\\n", 2);
    } else if (c == '\r') {
        lk_buf_put(b, "\\r", 2);
    } else if (c == '\t') {
        lk_buf_put(b, "\\t", 2);
    } else {
        lk_buf_put(b, esc, 6);
    }
}

/*
 * The length of the well-formed UTF-8 sequence at "s" of "n" bytes
 * (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), or
 * 0 when it is ill-formed.
 */
static size_t jsonw_utf8(const unsigned char *s, size_t n)
{
    size_t len = 0, k;
    unsigned long cp;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        len = 2;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        len = 3;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        len = 4;
    if (len == 0 || len > n)
        return 0;
    cp = s[0] & (0x7f >> len);
    for (k = 1; k < len; k++) {
        if ((s[k] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[k] & 0x3f);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
        return 0;
    if (len == 4 && (cp < 0x10000 || cp > 0x10ffff))
        return 0;
    return len;
}

void lk_jsonw_str(lk_buf *b, const char *s, size_t n)
{
    size_t i = 0, run = 0;
    lk_buf_put(b, "\"", 1);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t len;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            run++;
            continue;
        }
        lk_buf_put(b, s + i - run, run);
        run = 0;
        if (c < 0x80) {
            jsonw_ascii(b, c);
            i++;
            continue;
        }
        len = jsonw_utf8((const unsigned char *)s + i, n - i);
        if (len > 0) {
            lk_buf_put(b, s + i, len);
            i += len;
            continue;
        }
        lk_buf_put(b, "\xef\xbf\xbd", 3);
        i++;
    }
    lk_buf_put(b, s + i - run, run);
    lk_buf_put(b, "\"", 1);
}
