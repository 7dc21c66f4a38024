/*
 * hash.c: hex encoding of digests and the SHA-256 helpers built on it, with
 * every OpenSSL result checked.
 */
#include "hash.h"

#include <pthread.h>

#include "error.h"

static EVP_MD *hash_sha256_md;
static pthread_once_t hash_sha256_once = PTHREAD_ONCE_INIT;

static void hash_sha256_fetch(void)
{
    hash_sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
}

const EVP_MD *lk_hash_sha256(void)
{
    if (pthread_once(&hash_sha256_once, hash_sha256_fetch) != 0 ||
        hash_sha256_md == NULL)
        return EVP_sha256();
    return hash_sha256_md;
}

void lk_hash_hex(const unsigned char *md, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[2 * n] = '\0';
}

int lk_hash_final_hex(EVP_MD_CTX *ctx, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    hex[0] = '\0';
    if (EVP_DigestFinal_ex(ctx, md, &n) != 1 || n != 32)
        return LK_ERROR;
    lk_hash_hex(md, n, hex);
    return 0;
}

int lk_hash_sha256_hex(EVP_MD_CTX *ctx, const EVP_MD *md, const void *data,
                       size_t len, char hex[65])
{
    hex[0] = '\0';
    if (EVP_DigestInit_ex(ctx, md, NULL) != 1 ||
        EVP_DigestUpdate(ctx, data, len) != 1)
        return LK_ERROR;
    return lk_hash_final_hex(ctx, hex);
}
