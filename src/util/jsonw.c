/*
 * jsonw.c: the JSON string escaper, and the streaming writer that prints
 * what jansson prints. Runs of plain ASCII are copied in one append; only
 * the bytes needing attention are looked at one by one.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

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

const unsigned char lk_json_class[256] = {
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

/*
 * lk_buf_put for the writer's many small appends (a bracket, a comma, a
 * key): a plain copy when the buffer has room, as it has once grown, and
 * lk_buf_put (which grows it, or records the error) otherwise.
 */
static void jsonw_put(lk_buf *b, const char *s, size_t n)
{
    if (b->error == 0 && b->ptr != NULL && n < b->alloc - b->len &&
        n <= b->max - b->len) {
        memcpy(b->ptr + b->len, s, n);
        b->len += n;
        b->ptr[b->len] = '\0';
        return;
    }
    lk_buf_put(b, s, n);
}

/*
 * Append "s" as jansson's dump_string escapes a valid UTF-8 string: quote
 * and backslash, \b \f \n \r \t, any other control character as
 * \u00XX in upper case; everything else (UTF-8 included) as it is.
 */
static void jsonw_jansson_str(lk_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *run = s, *p = s;
    while (!(lk_json_class[(unsigned char)*p] & 3))
        p++;
    /* most strings need no escape: quoted in one copy where there is room */
    if (*p == '\0' && b->error == 0 && b->ptr != NULL &&
        (size_t)(p - s) + 2 < b->alloc - b->len &&
        (size_t)(p - s) + 2 <= b->max - b->len) {
        char *d = b->ptr + b->len;
        d[0] = '"';
        memcpy(d + 1, s, (size_t)(p - s));
        d[p - s + 1] = '"';
        b->len += (size_t)(p - s) + 2;
        b->ptr[b->len] = '\0';
        return;
    }
    jsonw_put(b, "\"", 1);
    for (;;) {
        unsigned char c;
        char esc[7];
        size_t n = 2;
        /* most bytes need nothing: skip them four at a time */
        while (!(lk_json_class[(unsigned char)s[0]] & 3) &&
               !(lk_json_class[(unsigned char)s[1]] & 3) &&
               !(lk_json_class[(unsigned char)s[2]] & 3) &&
               !(lk_json_class[(unsigned char)s[3]] & 3))
            s += 4;
        c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\') {
            s++;
            continue;
        }
        jsonw_put(b, run, (size_t)(s - run));
        if (c == 0)
            break;
        run = ++s;
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
            break;
        }
        jsonw_put(b, esc, n);
    }
    jsonw_put(b, "\"", 1);
}

/* A newline and the indent of depth "depth", when indenting. */
static void jsonw_indent(lk_jsonw *w, unsigned depth)
{
    static const char spaces[] = "                                ";
    size_t n = (size_t)depth * w->indent;
    if (w->indent == 0)
        return;
    jsonw_put(w->b, "\n", 1);
    while (n > 0) {
        size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
        jsonw_put(w->b, spaces, k);
        n -= k;
    }
}

/* What goes before a value or key: nothing after a key, else the comma
 * after an earlier member and the member's indent. */
static void jsonw_before(lk_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->count[w->depth - 1]++ > 0)
        jsonw_put(w->b, ",", 1);
    jsonw_indent(w, w->depth);
}

void lk_jsonw_init(lk_jsonw *w, lk_buf *b, unsigned indent)
{
    memset(w, 0, sizeof(*w));
    w->b = b;
    w->indent = indent;
}

void lk_jsonw_open(lk_jsonw *w, char bracket)
{
    jsonw_before(w);
    jsonw_put(w->b, &bracket, 1);
    if (w->depth == LK_JSONW_DEPTH) {
        w->b->error = w->b->error ? w->b->error : LK_ETOOBIG;
        return;
    }
    w->count[w->depth++] = 0;
}

void lk_jsonw_close(lk_jsonw *w, char bracket)
{
    if (w->depth == 0)
        return;
    w->depth--;
    if (w->count[w->depth] > 0)
        jsonw_indent(w, w->depth);
    jsonw_put(w->b, &bracket, 1);
}

void lk_jsonw_key(lk_jsonw *w, const char *key)
{
    jsonw_before(w);
    jsonw_jansson_str(w->b, key);
    jsonw_put(w->b, ": ", w->indent == 0 ? 1 : 2);
    w->after_key = 1;
}

void lk_jsonw_string(lk_jsonw *w, const char *s)
{
    jsonw_before(w);
    if (s == NULL)
        jsonw_put(w->b, "null", 4);
    else
        jsonw_jansson_str(w->b, s);
}

void lk_jsonw_int(lk_jsonw *w, long long v)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "%lld", v);
    jsonw_before(w);
    jsonw_put(w->b, num, (size_t)n);
}

void lk_jsonw_bool(lk_jsonw *w, int v)
{
    jsonw_before(w);
    jsonw_put(w->b, v ? "true" : "false", v ? 4 : 5);
}

void lk_jsonw_null(lk_jsonw *w)
{
    jsonw_before(w);
    jsonw_put(w->b, "null", 4);
}

void lk_jsonw_raw(lk_jsonw *w, const char *text, size_t n)
{
    jsonw_before(w);
    jsonw_put(w->b, text, n);
}

int lk_jsonw_tree(lk_jsonw *w, const json_t *v)
{
    const char *key;
    json_t *item;
    size_t i;
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        lk_jsonw_open(w, '{');
        json_object_foreach((json_t *)v, key, item)
        {
            lk_jsonw_key(w, key);
            if (lk_jsonw_tree(w, item) < 0)
                return -1;
        }
        lk_jsonw_close(w, '}');
        return 0;
    case JSON_ARRAY:
        lk_jsonw_open(w, '[');
        json_array_foreach(v, i, item)
            if (lk_jsonw_tree(w, item) < 0)
                return -1;
        lk_jsonw_close(w, ']');
        return 0;
    case JSON_STRING:
        if (strlen(json_string_value(v)) != json_string_length(v))
            return -1; /* a NUL inside: only jansson writes it the same */
        lk_jsonw_string(w, json_string_value(v));
        return 0;
    case JSON_INTEGER:
        lk_jsonw_int(w, json_integer_value(v));
        return 0;
    case JSON_TRUE:
    case JSON_FALSE:
        lk_jsonw_bool(w, json_is_true(v));
        return 0;
    case JSON_NULL:
        lk_jsonw_null(w);
        return 0;
    default:
        return -1; /* a real: its digits are jansson's to print */
    }
}
