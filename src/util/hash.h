/*
 * hash.h: lowercase hex digests, the form every SHA-256 takes in leaklaw's
 * outputs (records, manifests, evidence).
 */
#ifndef LK_UTIL_HASH_H
#define LK_UTIL_HASH_H

#include <stddef.h>

#include <openssl/evp.h>

/* SHA-256, fetched from OpenSSL once for the process: EVP_sha256() makes
 * every digest it starts fetch it again, under a lock the threads share.
 * Falls back to EVP_sha256() when the fetch fails. */
const EVP_MD *lk_hash_sha256(void);

/* Write the "n" bytes of "md" as 2n lowercase hex digits and a NUL into
 * "hex" (2n + 1 bytes). Cannot fail. */
void lk_hash_hex(const unsigned char *md, size_t n, char *hex);

/*
 * Finish the SHA-256 digest in "ctx" into "hex" (65 bytes). Returns 0 or
 * LK_ERROR when OpenSSL fails ("hex" is then the empty string).
 */
int lk_hash_final_hex(EVP_MD_CTX *ctx, char hex[65]);

/*
 * The SHA-256 of "len" bytes of "data" into "hex" (65 bytes), with the
 * digest "md" (an EVP_MD fetched once: implicit fetches are slow) and the
 * context "ctx". Returns 0 or LK_ERROR ("hex" is then the empty string).
 */
int lk_hash_sha256_hex(EVP_MD_CTX *ctx, const EVP_MD *md, const void *data,
                       size_t len, char hex[65]);

#endif
