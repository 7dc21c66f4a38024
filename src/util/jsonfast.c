/*
 * jsonfast.c: a fast reader of the common subset of JSON into a jansson
 * tree.
 *
 * jansson's json_loadb reads a byte at a time through a stream callback;
 * on the case files of a batch that was more than half of the time of an
 * assessment. This reader walks the text with a pointer and builds the
 * tree with jansson's own constructors, in the order of the text, so the
 * tree is the one json_loadb builds (same values, same key order). It
 * reads only what it is certain json_loadb(JSON_REJECT_DUPLICATES) reads
 * the same way; anything else makes it give up (NULL), and the caller
 * asks jansson, which builds the tree or gives the diagnostic it always
 * gave. The fuzz target fuzz_jsonfast checks that whatever this reader
 * accepts, jansson accepts as the equal tree, dumped to the same bytes.
 *
 * The text ends with a '\0' and holds no other: the '\0' stops every loop,
 * so the reader needs no length checks inside tokens.
 */
#include "jsonfast.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "alloc.h"
#include "jsonw.h"

typedef struct {
    const unsigned char *p;   /* cursor */
    const unsigned char *end; /* the terminating '\0' */
    int depth, max_depth;     /* containers open, and the most allowed */
    char *scratch;            /* decoded strings with escapes */
    size_t cap;               /* bytes of scratch */
} jf_reader;

static json_t *jf_value(jf_reader *r);

static void jf_ws(jf_reader *r)
{
    while (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t')
        r->p++;
}

/* Bytes of the UTF-8 sequence at "s", or 0 if it is not one that jansson
 * accepts: no overlong form, no surrogate, nothing past U+10FFFF. */
static size_t jf_utf8(const unsigned char *s)
{
    unsigned v;
    size_t n, i;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2;
        v = s[0] & 0x1Fu;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3;
        v = s[0] & 0x0Fu;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4;
        v = s[0] & 0x07u;
    } else {
        return 0;
    }
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) /* also stops at the final '\0' */
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) || v > 0x10FFFF ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return n;
}

/* The value of 4 hex digits at "s", or -1. */
static long jf_hex4(const unsigned char *s)
{
    long v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        int c = s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1; /* also stops at the final '\0' */
        v = v * 16 + d;
    }
    return v;
}

/* Decode the \u escape at "s" (after the backslash and 'u') into "out";
 * returns the bytes of text it took, or 0 to give up (NUL, or a surrogate
 * not in a pair: jansson refuses both). */
static size_t jf_escape_u(const unsigned char *s, char *out, size_t *n)
{
    long v = jf_hex4(s), lo;
    size_t used = 4;
    if (v <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
        return 0;
    if (v >= 0xD800 && v <= 0xDBFF) {
        if (s[4] != '\\' || s[5] != 'u' || (lo = jf_hex4(s + 6)) < 0xDC00 ||
            lo > 0xDFFF)
            return 0;
        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        used = 10;
    }
    if (v < 0x80) {
        out[(*n)++] = (char)v;
    } else if (v < 0x800) {
        out[(*n)++] = (char)(0xC0 | (v >> 6));
        out[(*n)++] = (char)(0x80 | (v & 0x3F));
    } else if (v < 0x10000) {
        out[(*n)++] = (char)(0xE0 | (v >> 12));
        out[(*n)++] = (char)(0x80 | ((v >> 6) & 0x3F));
        out[(*n)++] = (char)(0x80 | (v & 0x3F));
    } else {
        out[(*n)++] = (char)(0xF0 | (v >> 18));
        out[(*n)++] = (char)(0x80 | ((v >> 12) & 0x3F));
        out[(*n)++] = (char)(0x80 | ((v >> 6) & 0x3F));
        out[(*n)++] = (char)(0x80 | (v & 0x3F));
    }
    return used;
}

/* The character a one-letter escape stands for, or 0. */
static char jf_escape_char(unsigned char c)
{
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* Scan the string whose first byte is at r->p (after the opening quote)
 * up to its closing quote or its first escape; sets *stop to the byte
 * that ended the scan. 0, or -1 for a control byte or bad UTF-8. */
static int jf_scan(jf_reader *r, const unsigned char **stop)
{
    const unsigned char *p = r->p;
    for (;;) {
        size_t k;
#if defined(__SSE2__)
        /* 16 bytes at a time while 16 remain before the final '\0': stop
         * at a quote, a backslash, a control byte or a byte >= 0x80 (both
         * below ' ' as signed bytes), which the loops below then read */
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i space = _mm_set1_epi8(' ');
        while (r->end - p >= 16) {
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)p);
            int stop_bits = _mm_movemask_epi8(_mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(b, quote),
                             _mm_cmpeq_epi8(b, backslash)),
                _mm_cmplt_epi8(b, space)));
            if (stop_bits != 0) {
                p += __builtin_ctz((unsigned)stop_bits);
                break;
            }
            p += 16;
        }
#endif
        while (lk_json_class[p[0]] == LK_JSON_PLAIN &&
               lk_json_class[p[1]] == LK_JSON_PLAIN &&
               lk_json_class[p[2]] == LK_JSON_PLAIN &&
               lk_json_class[p[3]] == LK_JSON_PLAIN)
            p += 4; /* stops at the final '\0' (a control byte) */
        while (lk_json_class[*p] == LK_JSON_PLAIN)
            p++;
        if (lk_json_class[*p] == LK_JSON_QUOTE) {
            *stop = p;
            return 0;
        }
        if (lk_json_class[*p] == LK_JSON_CONTROL || (k = jf_utf8(p)) == 0)
            return -1; /* a control byte (or the final '\0') or bad UTF-8 */
        p += k;
    }
}

/* Decode a string with escapes, from "start" (after the opening quote),
 * into r->scratch; *s and *n are set to the decoded bytes. */
static int jf_string_escaped(jf_reader *r, const unsigned char *start,
                             const char **s, size_t *n)
{
    size_t len = 0;
    if (r->scratch == NULL) {
        /* decoding never makes a string longer than its text */
        r->cap = (size_t)(r->end - start) + 1;
        r->scratch = lk_malloc(r->cap);
        if (r->scratch == NULL)
            return -1;
    }
    r->p = start;
    for (;;) {
        const unsigned char *stop;
        if (jf_scan(r, &stop) < 0)
            return -1;
        memcpy(r->scratch + len, r->p, (size_t)(stop - r->p));
        len += (size_t)(stop - r->p);
        if (*stop == '"') {
            r->p = stop + 1;
            *s = r->scratch;
            *n = len;
            return 0;
        }
        if (stop[1] == 'u') {
            size_t used = jf_escape_u(stop + 2, r->scratch, &len);
            if (used == 0)
                return -1;
            r->p = stop + 2 + used;
        } else {
            char c = jf_escape_char(stop[1]);
            if (c == 0)
                return -1;
            r->scratch[len++] = c;
            r->p = stop + 2;
        }
    }
}

/* Read the string whose opening quote is at r->p. The bytes are in the
 * text when it has no escape (always for a key: "key" non-zero), else in
 * r->scratch until the next string is read. */
static int jf_string(jf_reader *r, int key, const char **s, size_t *n)
{
    const unsigned char *start = ++r->p, *stop;
    if (jf_scan(r, &stop) < 0)
        return -1;
    if (*stop == '"') {
        *s = (const char *)start;
        *n = (size_t)(stop - start);
        r->p = stop + 1;
        return 0;
    }
    if (key)
        return -1; /* escaped keys are rare: leave them to jansson */
    return jf_string_escaped(r, start, s, n);
}

/* An integer of at most 18 digits, without fraction or exponent. */
static json_t *jf_integer(jf_reader *r)
{
    const unsigned char *p = r->p;
    long long v = 0;
    int neg = 0, digits = 0;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (*p == '0' && p[1] >= '0' && p[1] <= '9')
        return NULL; /* a leading zero: jansson refuses it */
    for (; *p >= '0' && *p <= '9'; p++) {
        if (++digits > 18)
            return NULL;
        v = v * 10 + (*p - '0');
    }
    if (digits == 0 || *p == '.' || *p == 'e' || *p == 'E')
        return NULL; /* not a number, or a real: left to jansson */
    r->p = p;
    return json_integer(neg ? -v : v);
}

static json_t *jf_literal(jf_reader *r, const char *word, size_t n,
                          json_t *value)
{
    if (strncmp((const char *)r->p, word, n) != 0) /* stops at the '\0' */
        return NULL;
    r->p += n;
    return value;
}

static json_t *jf_object(jf_reader *r)
{
    json_t *obj = json_object();
    if (obj == NULL)
        return NULL;
    r->p++;
    jf_ws(r);
    if (*r->p == '}') {
        r->p++;
        return obj;
    }
    for (;;) {
        const char *key;
        size_t klen, had;
        json_t *v;
        if (*r->p != '"' || jf_string(r, 1, &key, &klen) < 0)
            break;
        jf_ws(r);
        if (*r->p != ':')
            break;
        r->p++;
        if ((v = jf_value(r)) == NULL)
            break;
        had = json_object_size(obj);
        /* the _new setter takes "v" even when it fails */
        if (json_object_setn_new_nocheck(obj, key, klen, v) < 0 ||
            json_object_size(obj) == had)
            break; /* out of memory, or a duplicate key */
        jf_ws(r);
        if (*r->p == '}') {
            r->p++;
            return obj;
        }
        if (*r->p != ',')
            break;
        r->p++;
        jf_ws(r);
    }
    json_decref(obj);
    return NULL;
}

static json_t *jf_array(jf_reader *r)
{
    json_t *arr = json_array();
    if (arr == NULL)
        return NULL;
    r->p++;
    jf_ws(r);
    if (*r->p == ']') {
        r->p++;
        return arr;
    }
    for (;;) {
        json_t *v = jf_value(r);
        if (v == NULL || json_array_append_new(arr, v) < 0)
            break;
        jf_ws(r);
        if (*r->p == ']') {
            r->p++;
            return arr;
        }
        if (*r->p != ',')
            break;
        r->p++;
    }
    json_decref(arr);
    return NULL;
}

static json_t *jf_container(jf_reader *r)
{
    json_t *v;
    if (++r->depth > r->max_depth)
        return NULL;
    v = *r->p == '{' ? jf_object(r) : jf_array(r);
    r->depth--;
    return v;
}

static json_t *jf_value(jf_reader *r)
{
    const char *s;
    size_t n;
    jf_ws(r);
    switch (*r->p) {
    case '{':
    case '[':
        return jf_container(r);
    case '"':
        if (jf_string(r, 0, &s, &n) < 0)
            return NULL;
        return json_stringn_nocheck(s, n);
    case 't':
        return jf_literal(r, "true", 4, json_true());
    case 'f':
        return jf_literal(r, "false", 5, json_false());
    case 'n':
        return jf_literal(r, "null", 4, json_null());
    default:
        return jf_integer(r);
    }
}

json_t *lk_jsonfast_load(const char *text, size_t len, int max_depth)
{
    jf_reader r;
    json_t *root = NULL;
    r.p = (const unsigned char *)text;
    r.end = r.p + len;
    r.depth = 0;
    r.max_depth = max_depth;
    r.scratch = NULL;
    r.cap = 0;
    jf_ws(&r);
    if (*r.p == '{' || *r.p == '[') /* jansson wants an object or array */
        root = jf_container(&r);
    if (root != NULL) {
        jf_ws(&r);
        if (r.p != r.end) { /* more text after the value */
            json_decref(root);
            root = NULL;
        }
    }
    lk_free(r.scratch);
    return root;
}

json_t *lk_jsonfast_loadb(const char *data, size_t len, size_t flags,
                           json_error_t *je)
{
    json_t *root = NULL;
    char *copy;
    if ((flags & ~(size_t)JSON_REJECT_DUPLICATES) == 0 &&
        memchr(data, '\0', len) == NULL &&
        (copy = lk_malloc(len + 1)) != NULL) {
        memcpy(copy, data, len);
        copy[len] = '\0';
        root = lk_jsonfast_load(copy, len, LK_JSONFAST_MAX_DEPTH);
        lk_free(copy);
    }
    return root ? root : json_loadb(data, len, flags, je);
}
