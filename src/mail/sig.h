/*
 * sig.h: one DKIM-Signature field: its tags parsed and checked
 * (RFC 6376 §3.5, §6.1.1) into what verification needs, and the outcome
 * verification writes back into it.
 */
#ifndef LK_MAIL_SIG_H
#define LK_MAIL_SIG_H

#include <stddef.h>

#include "keys.h"
#include "msg.h"
#include "tags.h"

enum { LK_MAIL_ALG_RSA_SHA256, LK_MAIL_ALG_RSA_SHA1,
       LK_MAIL_ALG_ED25519_SHA256 };

/* Signature flags, in the order records list them. */
enum {
    LK_MAIL_FLAG_EXPIRED = 1,
    LK_MAIL_FLAG_WEAK = 2,
    LK_MAIL_FLAG_TESTING = 4,
    LK_MAIL_FLAG_PARTIAL = 8
};

#define LK_MAIL_SIG_MAX_B 1024 /* bytes of a decoded b= (8192-bit RSA) */
#define LK_MAIL_SIG_MAX_H 64   /* names in h= */

/* One DKIM-Signature with its outcome. */
typedef struct lk_mail_sig {
    const lk_mail_field *f;     /* the header field */
    const char *val;            /* its value (after the colon) */
    size_t val_len;             /* bytes of val */
    lk_mail_taglist tl;         /* parsed tags, pointing into val */
    const char *why;            /* permerror reason or NULL */
    int alg;                    /* LK_MAIL_ALG_* */
    int hrelaxed, brelaxed;     /* canonicalization of header, body */
    long long t, x, l;          /* tags, -1 when absent */
    const char *h[LK_MAIL_SIG_MAX_H]; /* h= names */
    size_t hlen[LK_MAIL_SIG_MAX_H];   /* their lengths */
    int nh;                     /* number of h= names */
    unsigned char bh[64];       /* decoded bh= */
    long bh_len;                /* its length */
    unsigned char b[LK_MAIL_SIG_MAX_B]; /* decoded b= */
    long b_len;                 /* its length */
    char keyname[300];          /* selector._domainkey.domain, lowercase */
    char domain[128];           /* d=, lowercase (truncated) */
    /* outcome */
    int result;                 /* LK_MAIL_R_* */
    int body;                   /* 1 match, 0 mismatch, -1 not computed */
    int header;                 /* 1 valid, 0 invalid, -1 not checked */
    int flags;                  /* LK_MAIL_FLAG_* */
    int partial;                /* l= leaves bytes or extra fields */
    unsigned long long body_len; /* canonical body length */
    const lk_mail_key *key;     /* record that decided, or NULL */
    int tried;                  /* records tried */
    const char *key_why;        /* why no record was usable */
} lk_mail_sig;

/*
 * Parse and check the tags of "sg" (its val and val_len set). On success
 * sg->why is NULL; otherwise it is the static reason for a permerror.
 * Cannot fail otherwise.
 */
void lk_mail__sig_parse(lk_mail_sig *sg);

#endif
