/*
 * keys.h: the key archive's records inside the mail module: a DKIM key
 * record (RFC 6376 §3.6.1, RFC 8463) parsed into flags and an OpenSSL
 * public key, and the lookup of a name's key history.
 */
#ifndef LK_MAIL_KEYS_H
#define LK_MAIL_KEYS_H

#include <pthread.h>
#include <stddef.h>

#include <openssl/evp.h>

#include "leaklaw/mail.h"

/* Why a key record cannot be used, as a signature result. */
enum {
    LK_MAIL_KEY_OK = 0,     /* usable */
    LK_MAIL_KEY_REVOKED,    /* empty p= */
    LK_MAIL_KEY_BAD,        /* malformed record or key data */
    LK_MAIL_KEY_UNSUPPORTED /* unknown k= */
};

enum { LK_MAIL_K_RSA = 0, LK_MAIL_K_ED25519 = 1 };

typedef struct lk_mail_key {
    char *name;           /* lowercase owner name, no trailing dot */
    char *record;         /* the TXT record, strings concatenated */
    size_t record_len;    /* its length */
    unsigned line;        /* 1-based line of the record in the archive */
    int state;            /* LK_MAIL_KEY_* */
    const char *why;      /* static reason when state is not OK */
    int ktype;            /* LK_MAIL_K_* */
    int hash_sha1;        /* h= allows sha1 (or h= absent) */
    int hash_sha256;      /* h= allows sha256 (or h= absent) */
    int service_email;    /* s= absent, "*" or lists "email" */
    int testing;          /* t=y */
    int strict;           /* t=s: i= domain must equal d= */
    int bits;             /* RSA modulus size, 0 for Ed25519 */
    int from_dns;         /* 1: fetched by --dns, not from the archive */
    int parsed;           /* 1: the fields above were read from record */
    EVP_PKEY *pkey;       /* the public key, NULL unless state is OK */
} lk_mail_key;

struct lk_mail_keys {
    char *file;           /* archive name for provenance */
    char sha256[65];      /* hex digest of the archive bytes */
    lk_mail_key *keys;    /* sorted by name, then line; each record is
                           * parsed the first time its name is looked up
                           * (an archive of 100,000 records loads fast) */
    size_t n;             /* number of records */
    pthread_mutex_t lock; /* guards the lazy parsing (worker threads) */
};

/*
 * Parse one key record's text into "key" (state, flags, pkey). Never
 * fails hard: a bad record gets state LK_MAIL_KEY_BAD and a reason (an
 * OpenSSL allocation failure too). Returns 0.
 */
int lk_mail__key_parse(lk_mail_key *key, const char *text, size_t len);

/* Free what lk_mail__key_parse allocated in "key". Cannot fail. */
void lk_mail__key_dispose(lk_mail_key *key);

/*
 * The records named "name" (lowercase): "*count" of them from the
 * returned pointer, parsed (lk_mail__key_parse) on first lookup.
 * Thread-safe. Borrowed: valid until lk_mail_keys_free.
 */
const lk_mail_key *lk_mail__keys_find(const lk_mail_keys *keys,
                                      const char *name, size_t *count);

#endif
