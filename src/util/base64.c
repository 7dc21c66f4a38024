/*
 * base64.c: a whitespace-tolerant base64 decoder driven by a 256-entry
 * class table, so each input byte costs one lookup.
 */
#include "base64.h"

enum {
    B64_SPACE = 64, /* ignored */
    B64_PAD = 65,   /* '=' */
    B64_BAD = 66    /* anything else */
};

/* The class of each byte: 0-63 its digit value, else a B64_* class. */
static const unsigned char b64_class[256] = {
#define B64_X B64_BAD
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_SPACE, B64_SPACE, B64_X, B64_X, B64_SPACE, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_SPACE, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, 62, B64_X, B64_X, B64_X, 63,
    52, 53, 54, 55, 56, 57, 58, 59, 60, 61, B64_X, B64_X,
    B64_X, B64_PAD, B64_X, B64_X,
    B64_X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, B64_X, B64_X, B64_X,
    B64_X, B64_X,
    B64_X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
    41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, B64_X, B64_X, B64_X,
    B64_X, B64_X,
    /* 0x80-0xff: all bad */
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X,
    B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X, B64_X
#undef B64_X
};

long lk_base64_decode(unsigned char *out, size_t cap, const char *s,
                      size_t n)
{
    unsigned long acc = 0;
    size_t i, len = 0;
    int bits = 0, pad = 0;
    for (i = 0; i < n; i++) {
        int v = b64_class[(unsigned char)s[i]];
        if (v == B64_SPACE)
            continue;
        if (v == B64_PAD) {
            pad++;
            continue;
        }
        if (v == B64_BAD || pad)
            return -1; /* bad character, or data after padding */
        acc = (acc << 6) | (unsigned long)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (len >= cap)
                return -1;
            out[len++] = (unsigned char)(acc >> bits);
            acc &= (1ul << bits) - 1;
        }
    }
    if (pad > 2 || bits >= 6)
        return -1;
    return (long)len;
}
