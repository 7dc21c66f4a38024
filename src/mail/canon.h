/*
 * canon.h: DKIM canonicalization (RFC 6376 §3.4), simple and relaxed, of
 * a message body and of header fields, streamed into a digest through a
 * small batching sink that also honours l= (a body length limit).
 */
#ifndef LK_MAIL_CANON_H
#define LK_MAIL_CANON_H

#include <stddef.h>

#include <openssl/evp.h>

#include "msg.h"

typedef struct lk_mail_sink {
    EVP_MD_CTX *md;              /* digest fed */
    unsigned long long total;    /* canonical bytes seen */
    unsigned long long limit;    /* bytes hashed at most (l=) */
    size_t n;                    /* bytes pending in buf */
    int error;                   /* LK_ERROR once a digest update failed */
    unsigned char buf[4096];     /* batches small writes */
} lk_mail_sink;

/* Start a sink feeding "md" (initialised by the caller), hashing at most
 * "limit" bytes (~0ull: no limit). Cannot fail. */
void lk_mail__sink_init(lk_mail_sink *s, EVP_MD_CTX *md,
                        unsigned long long limit);

/* Feed the pending bytes to the digest. Returns 0, or LK_ERROR when any
 * digest update of the sink failed. */
int lk_mail__sink_flush(lk_mail_sink *s);

/* Canonicalize the body of "m" ("relaxed" or simple) into "s". Errors
 * are kept in the sink. */
void lk_mail__canon_body(const lk_mail_msg *m, int relaxed,
                         lk_mail_sink *s);

/*
 * Canonicalize one header field held in "d" [start, end) with its name
 * of "name_len" bytes and colon at "colon" into "s"; "lf" as in
 * lk_mail_msg, "crlf" adds the final CRLF. Errors are kept in the sink.
 */
void lk_mail__canon_header(lk_mail_sink *s, const char *d, size_t start,
                           size_t end, size_t name_len, size_t colon, int lf,
                           int relaxed, int crlf);

#endif
