/*
 * dkim.c: verifying the DKIM signatures of one message (RFC 6376 §6.1,
 * RFC 8463): the body hash and the header signature always both computed,
 * every record of a key history tried, and the message's verdict. RSA
 * signatures are checked by recovering the signed DigestInfo, so a wrong
 * key (garbage padding) is told apart from altered headers.
 */
#include <string.h>
#include <strings.h>

#include <openssl/rsa.h>

#include "alloc.h"
#include "canon.h"
#include "dkim.h"
#include "error.h"
#include "hash.h"
#include "outcome.h"

#define BODY_CACHE 4    /* distinct body hashes per message */

/* One body hash of the current message. */
typedef struct body_cache {
    int md;                   /* 0 sha256, 1 sha1 */
    int relaxed;              /* canonicalization */
    long long l;              /* l= or -1 */
    unsigned char h[64];      /* digest */
    unsigned hlen;            /* digest length */
    unsigned long long total; /* canonical body length */
} body_cache;

struct lk_mail_dkim {
    lk_mail_dns *dns;         /* live DNS, NULL when off */
    EVP_MD *sha256;           /* fetched once: implicit fetches are slow */
    EVP_MD *sha1;             /* the same for rsa-sha1 */
    EVP_MD_CTX *md;           /* body and header digests */
    EVP_MD_CTX *vmd;          /* Ed25519 verification */
    unsigned char *used;      /* header selection marks */
    size_t used_cap;          /* bytes of used */
    char *copy;               /* signature field without its b= value */
    size_t copy_cap;          /* bytes of copy */
    const lk_mail_key *rsa_key; /* key of rsa_ctx */
    EVP_PKEY_CTX *rsa_ctx;    /* verify_recover context, reused: creating
                               * one per message costs a provider fetch */
    body_cache bc[BODY_CACHE]; /* body hashes of this message */
    int nbc;                  /* entries used */
};

int lk_mail__dkim_new(lk_mail_dkim **out, lk_mail_dns *dns)
{
    lk_mail_dkim *d = lk_calloc(1, sizeof(*d));
    if (d == NULL)
        return LK_ENOMEM;
    d->dns = dns;
    d->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
    d->sha1 = EVP_MD_fetch(NULL, "SHA1", NULL);
    d->md = EVP_MD_CTX_new();
    d->vmd = EVP_MD_CTX_new();
    if (d->md == NULL || d->vmd == NULL) {
        lk_mail__dkim_free(d);
        return LK_ENOMEM;
    }
    if (d->sha256 == NULL || d->sha1 == NULL) {
        lk_mail__dkim_free(d);
        return LK_ERROR;
    }
    *out = d;
    return 0;
}

void lk_mail__dkim_free(lk_mail_dkim *d)
{
    if (d == NULL)
        return;
    EVP_MD_free(d->sha256);
    EVP_MD_free(d->sha1);
    EVP_MD_CTX_free(d->md);
    EVP_MD_CTX_free(d->vmd);
    EVP_PKEY_CTX_free(d->rsa_ctx);
    lk_free(d->used);
    lk_free(d->copy);
    lk_free(d);
}

int lk_mail__dkim_sha256(lk_mail_dkim *d, const char *data, size_t len,
                         char hex[65])
{
    return lk_hash_sha256_hex(d->md, d->sha256, data, len, hex);
}

/* The digest of algorithm "alg". */
static const EVP_MD *dkim_md(lk_mail_dkim *w, int alg)
{
    return alg == LK_MAIL_ALG_RSA_SHA1 ? w->sha1 : w->sha256;
}

/*
 * The body hash "sg" asks for, computed once per message for each digest,
 * canonicalization and l= (cached in w->bc); sets sg->body, body_len and
 * the partial flag. Returns 0 or LK_ERROR.
 */
static int dkim_body_hash(lk_mail_dkim *w, const lk_mail_msg *m,
                          lk_mail_sig *sg)
{
    int k, mdi = sg->alg == LK_MAIL_ALG_RSA_SHA1;
    body_cache *bc;
    lk_mail_sink s;
    for (k = 0; k < w->nbc; k++) {
        bc = &w->bc[k];
        if (bc->md == mdi && bc->relaxed == sg->brelaxed && bc->l == sg->l)
            goto found;
    }
    bc = &w->bc[w->nbc < BODY_CACHE ? w->nbc++ : BODY_CACHE - 1];
    bc->md = mdi;
    bc->relaxed = sg->brelaxed;
    bc->l = sg->l;
    bc->hlen = 0;
    lk_mail__sink_init(&s, w->md,
                       sg->l >= 0 ? (unsigned long long)sg->l : ~0ull);
    if (EVP_DigestInit_ex(w->md, dkim_md(w, sg->alg), NULL) != 1)
        return LK_ERROR;
    lk_mail__canon_body(m, sg->brelaxed, &s);
    if (lk_mail__sink_flush(&s) < 0 ||
        EVP_DigestFinal_ex(w->md, bc->h, &bc->hlen) != 1)
        return LK_ERROR; /* the message fails: the cache is not reused */
    bc->total = s.total;
found:
    sg->body_len = bc->total;
    sg->body = bc->hlen == (unsigned)sg->bh_len &&
               memcmp(bc->h, sg->bh, bc->hlen) == 0 &&
               (sg->l < 0 || (unsigned long long)sg->l <= bc->total);
    if (sg->l >= 0 && (unsigned long long)sg->l < bc->total)
        sg->flags |= LK_MAIL_FLAG_PARTIAL;
    return 0;
}

/* Make room for "n" bytes in the buffer "*p" of "*cap" bytes. Returns 0
 * or LK_ENOMEM. */
static int dkim_reserve(void **p, size_t *cap, size_t n)
{
    void *q;
    if (n <= *cap)
        return 0;
    q = lk_realloc(*p, n);
    if (q == NULL)
        return LK_ENOMEM;
    *p = q;
    *cap = n;
    return 0;
}

/* Feed the fields h= names to "s", each chosen bottom-up once. */
static void dkim_signed_fields(lk_mail_dkim *w, const lk_mail_msg *m,
                               const lk_mail_sig *sg, lk_mail_sink *s)
{
    int k;
    memset(w->used, 0, m->nfields);
    for (k = 0; k < sg->nh; k++) {
        size_t j = m->nfields;
        while (j-- > 0) {
            const lk_mail_field *g = &m->fields[j];
            if (w->used[j] ||
                !lk_mail__field_is(m, g, sg->h[k], sg->hlen[k]))
                continue;
            w->used[j] = 1;
            lk_mail__canon_header(s, m->data, g->start, g->end, g->name_len,
                                  g->colon, m->lf, sg->hrelaxed, 1);
            break;
        }
    }
}

/* Hash the signed header fields and the signature field (b= emptied).
 * Returns 0, LK_ENOMEM or LK_ERROR. */
static int dkim_header_hash(lk_mail_dkim *w, const lk_mail_msg *m,
                            lk_mail_sig *sg, unsigned char *hash,
                            unsigned *hlen)
{
    const lk_mail_tag *b = lk_mail__tags_get(&sg->tl, "b");
    const lk_mail_field *f = sg->f;
    size_t vstart = f->colon + 1, flen = f->end - f->start, cut0, cut1, n;
    lk_mail_sink s;
    if (dkim_reserve((void **)&w->used, &w->used_cap, m->nfields) < 0)
        return LK_ENOMEM;
    /* the signature field itself, b= value removed, no final CRLF */
    cut0 = vstart + b->raw_start - f->start;
    cut1 = vstart + b->raw_end - f->start;
    n = flen - (cut1 - cut0);
    if (dkim_reserve((void **)&w->copy, &w->copy_cap, n) < 0)
        return LK_ENOMEM;
    lk_mail__sink_init(&s, w->md, ~0ull);
    if (EVP_DigestInit_ex(w->md, dkim_md(w, sg->alg), NULL) != 1)
        return LK_ERROR;
    dkim_signed_fields(w, m, sg, &s);
    memcpy(w->copy, m->data + f->start, cut0);
    memcpy(w->copy + cut0, m->data + f->start + cut1, flen - cut1);
    lk_mail__canon_header(&s, w->copy, 0, n, f->name_len,
                          f->colon - f->start, m->lf, sg->hrelaxed, 0);
    if (lk_mail__sink_flush(&s) < 0 ||
        EVP_DigestFinal_ex(w->md, hash, hlen) != 1)
        return LK_ERROR;
    return 0;
}

/* DER DigestInfo prefixes (RFC 8017 §9.2 note 1). */
static const unsigned char dkim_di_sha256[] = {
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
    0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
static const unsigned char dkim_di_sha1[] = {0x30, 0x21, 0x30, 0x09, 0x06,
                                             0x05, 0x2b, 0x0e, 0x03, 0x02,
                                             0x1a, 0x05, 0x00, 0x04, 0x14};


/*
 * Recover the DigestInfo of RSA signature "sg" under "key" into "*ok":
 * 1 it holds "hash", 0 it holds other data (altered headers), -1 the
 * signature was not made with this key. Returns 0 or LK_ENOMEM.
 */
static int dkim_rsa(lk_mail_dkim *w, const lk_mail_sig *sg,
                    const lk_mail_key *key, const unsigned char *hash,
                    unsigned hlen, int *ok)
{
    unsigned char out[LK_MAIL_SIG_MAX_B];
    size_t outlen = sizeof(out);
    int sha1 = sg->alg == LK_MAIL_ALG_RSA_SHA1;
    const unsigned char *di = sha1 ? dkim_di_sha1 : dkim_di_sha256;
    size_t dil = sha1 ? sizeof(dkim_di_sha1) : sizeof(dkim_di_sha256);
    *ok = -1;
    if (w->rsa_key != key) {
        EVP_PKEY_CTX_free(w->rsa_ctx);
        w->rsa_key = NULL;
        w->rsa_ctx = EVP_PKEY_CTX_new(key->pkey, NULL);
        if (w->rsa_ctx == NULL)
            return LK_ENOMEM;
        if (EVP_PKEY_verify_recover_init(w->rsa_ctx) != 1 ||
            EVP_PKEY_CTX_set_rsa_padding(w->rsa_ctx, RSA_PKCS1_PADDING) != 1)
            return 0; /* this key cannot verify: not made with it */
        w->rsa_key = key;
    }
    if (EVP_PKEY_verify_recover(w->rsa_ctx, out, &outlen, sg->b,
                                (size_t)sg->b_len) == 1)
        *ok = outlen == dil + hlen && memcmp(out, di, dil) == 0 &&
              memcmp(out + dil, hash, hlen) == 0;
    return 0;
}

/*
 * Check "sg" under "key" into "*ok": 1 valid, 0 the key made it but over
 * other header data (altered), -1 the signature was not made with this
 * key. Returns 0, LK_ENOMEM or LK_ERROR.
 */
static int dkim_crypto(lk_mail_dkim *w, const lk_mail_sig *sg,
                       const lk_mail_key *key, const unsigned char *hash,
                       unsigned hlen, int *ok)
{
    if (key->ktype == LK_MAIL_K_RSA)
        return dkim_rsa(w, sg, key, hash, hlen, ok);
    *ok = -1;
    if (EVP_MD_CTX_reset(w->vmd) != 1)
        return LK_ERROR;
    if (sg->b_len == 64 &&
        EVP_DigestVerifyInit(w->vmd, NULL, NULL, NULL, key->pkey) == 1)
        *ok = EVP_DigestVerify(w->vmd, sg->b, 64, hash, hlen) == 1 ? 1 : 0;
    return 0;
}

/* Can "key" verify "sg" at all (k=, h=, s=, t=s)? */
static int dkim_key_fits(const lk_mail_sig *sg, const lk_mail_key *key)
{
    const lk_mail_tag *i;
    int ed = sg->alg == LK_MAIL_ALG_ED25519_SHA256;
    int sha1 = sg->alg == LK_MAIL_ALG_RSA_SHA1;
    if (key->ktype != (ed ? LK_MAIL_K_ED25519 : LK_MAIL_K_RSA))
        return 0;
    if (sha1 ? !key->hash_sha1 : !key->hash_sha256)
        return 0;
    if (!key->service_email)
        return 0;
    i = lk_mail__tags_get(&sg->tl, "i");
    if (key->strict && i != NULL) {
        const char *at = memchr(i->value, '@', i->value_len);
        size_t il = i->value_len - (size_t)(at - i->value) - 1;
        if (il != strlen(sg->domain) || strncasecmp(at + 1, sg->domain, il))
            return 0;
    }
    return 1;
}

/* What trying the records of a key history found. */
typedef struct dkim_tries {
    const lk_mail_key *wrong; /* first key that made it over other data */
    const lk_mail_key *any;   /* last usable key that fits */
    int revoked;              /* a record was revoked */
    int bad;                  /* a record was malformed */
    int unfit;                /* a record did not allow the signature */
} dkim_tries;

/*
 * Try each of the "nkeys" records of "keys" on "sg" (header hash "hash")
 * until one verifies it (sg->key, sg->header set); note the others in
 * "tr". Returns 0, LK_ENOMEM or LK_ERROR.
 */
static int dkim_try_keys(lk_mail_dkim *w, lk_mail_sig *sg,
                         const lk_mail_key *keys, size_t nkeys,
                         const unsigned char *hash, unsigned hlen,
                         dkim_tries *tr)
{
    size_t k;
    for (k = 0; k < nkeys; k++) {
        const lk_mail_key *key = &keys[k];
        int ok, error;
        sg->tried++;
        if (key->state != LK_MAIL_KEY_OK) {
            if (key->state == LK_MAIL_KEY_REVOKED)
                tr->revoked = 1;
            else if (key->state == LK_MAIL_KEY_UNSUPPORTED)
                tr->unfit = 1;
            else
                tr->bad = 1;
            sg->key_why = key->why;
            continue;
        }
        if (!dkim_key_fits(sg, key)) {
            tr->unfit = 1;
            sg->key_why = "the key record does not allow this signature "
                          "(k=, h=, s= or t=s)";
            continue;
        }
        tr->any = key;
        error = dkim_crypto(w, sg, key, hash, hlen, &ok);
        if (error < 0)
            return error;
        if (ok == 1) {
            sg->key = key;
            sg->header = 1;
            break;
        }
        if (ok == 0 && tr->wrong == NULL)
            tr->wrong = key;
    }
    return 0;
}

/* Decide the result of "sg" once its keys were tried. */
static void dkim_result(lk_mail_sig *sg, const dkim_tries *tr)
{
    sg->result = LK_MAIL_R_NOKEY;
    if (sg->header == 1) {
        sg->result = sg->body ? LK_MAIL_R_PASS : LK_MAIL_R_FAIL_BODY;
        if (sg->key->testing)
            sg->flags |= LK_MAIL_FLAG_TESTING;
        if (sg->key->ktype == LK_MAIL_K_RSA && sg->key->bits < 1024)
            sg->flags |= LK_MAIL_FLAG_WEAK;
    } else if (tr->wrong != NULL) {
        sg->header = 0;
        sg->key = tr->wrong;
        sg->result = LK_MAIL_R_FAIL_HEADER;
    } else if (tr->any != NULL) {
        sg->key = tr->any;
        sg->result = LK_MAIL_R_MISMATCH;
        sg->key_why = "the signature was not made with any archived key";
    } else if (tr->unfit) {
        sg->result = LK_MAIL_R_MISMATCH;
    } else if (tr->revoked) {
        sg->result = LK_MAIL_R_REVOKED;
    } else if (tr->bad) {
        sg->result = LK_MAIL_R_PERMERROR;
    }
}

/* Clear the outcome of "sg" before it is verified. */
static void dkim_sig_reset(lk_mail_sig *sg)
{
    sg->result = LK_MAIL_R_PERMERROR;
    sg->body = sg->header = -1;
    sg->flags = 0;
    sg->partial = 0;
    sg->key = NULL;
    sg->tried = 0;
    sg->key_why = NULL;
    sg->body_len = 0;
}

/* Why no signature of a header cut short by limit bits "limit" can be
 * checked (the fields and body past the cut were never read), or NULL. */
static const char *dkim_cut_why(int limit)
{
    if (limit & LK_MAIL_LIMIT_HEADER)
        return "not checked: the header is larger than --max-header-bytes";
    if (limit & LK_MAIL_LIMIT_FIELDS)
        return "not checked: the header has more fields than leaklaw reads";
    return NULL;
}

/* Verify one signature "sg" of "m"; one of a header cut short by a limit
 * is not checked (permerror naming the limit, never a failure). Returns
 * 0, LK_ENOMEM or LK_ERROR. */
static int dkim_verify_sig(lk_mail_dkim *w, const lk_mail_options *o,
                           const lk_mail_msg *m, lk_mail_sig *sg)
{
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned hlen = 0;
    const lk_mail_key *keys;
    size_t nkeys = 0;
    dkim_tries tr;
    int error;

    dkim_sig_reset(sg);
    lk_mail__sig_parse(sg);
    if (sg->why == NULL)
        sg->why = dkim_cut_why(m->limit);
    if (sg->why != NULL)
        return 0;
    if (sg->x >= 0 && sg->x < o->at)
        sg->flags |= LK_MAIL_FLAG_EXPIRED;
    if (sg->alg == LK_MAIL_ALG_RSA_SHA1)
        sg->flags |= LK_MAIL_FLAG_WEAK;
    error = dkim_body_hash(w, m, sg);
    if (error == 0)
        error = dkim_header_hash(w, m, sg, hash, &hlen);
    if (error < 0)
        return error;
    keys = lk_mail__keys_find(o->keys, sg->keyname, &nkeys);
    if (nkeys == 0 && w->dns != NULL) {
        error = lk_mail__dns_find(&keys, &nkeys, w->dns, sg->keyname);
        if (error < 0)
            return error;
    }
    memset(&tr, 0, sizeof(tr));
    error = dkim_try_keys(w, sg, keys, nkeys, hash, hlen, &tr);
    if (error < 0)
        return error;
    dkim_result(sg, &tr);
    return 0;
}

/* Does "m" hold more From, Subject, Date or To fields than "sg" signs
 * (fields that could have been added after signing)? */
static int dkim_unsigned_extra(const lk_mail_msg *m, const lk_mail_sig *sg)
{
    static const char *const names[] = {"from", "subject", "date", "to"};
    int k;
    for (k = 0; k < 4; k++) {
        size_t n = strlen(names[k]), j;
        int inmsg = 0, inh = 0, i;
        for (j = 0; j < m->nfields; j++)
            inmsg += lk_mail__field_is(m, &m->fields[j], names[k], n);
        for (i = 0; i < sg->nh; i++)
            inh += sg->hlen[i] == n && !strncasecmp(sg->h[i], names[k], n);
        if (inmsg > inh)
            return 1;
    }
    return 0;
}

/* The verdict of a message from what its signatures found. */
static int dkim_verdict(const lk_mail_eval *ev, int pass, int full,
                        int altered)
{
    int cut = ev->limit & LK_MAIL_LIMIT_UNCHECKED;
    int verdict;
    if (full)
        verdict = LK_MAIL_V_VERIFIED;
    else if (pass)
        verdict = LK_MAIL_V_PARTIAL;
    else if (altered)
        verdict = LK_MAIL_V_ALTERED;
    else if (ev->nsig > 0 || cut)
        verdict = LK_MAIL_V_UNVERIFIABLE;
    else
        verdict = LK_MAIL_V_UNSIGNED;
    /* a message whose signatures were not all checked is not judged on
     * those that were */
    if (cut)
        verdict = ev->nsig > 0 || pass ? LK_MAIL_V_UNVERIFIABLE : verdict;
    return verdict;
}

/* Point "sg" at the DKIM-Signature field "f" of "m". */
static void dkim_sig_field(lk_mail_sig *sg, const lk_mail_msg *m,
                           const lk_mail_field *f)
{
    sg->f = f;
    sg->val = m->data + f->colon + 1;
    sg->val_len = f->end - f->colon - 1;
    if (f->colon >= f->end) {
        sg->val_len = 0;
        sg->val = m->data + f->end;
    }
}

int lk_mail__dkim_eval(lk_mail_dkim *w, const lk_mail_options *o,
                       lk_mail_msg *m, lk_mail_eval *ev)
{
    size_t j;
    int error, pass = 0, full = 0, altered = 0;
    error = lk_mail__header_parse(m, o->max_header_bytes, o->max_line_bytes);
    if (error < 0)
        return error;
    ev->nsig = 0;
    ev->limit = m->limit;
    w->nbc = 0;
    for (j = 0; j < m->nfields; j++) {
        lk_mail_sig *sg;
        if (!lk_mail__field_is(m, &m->fields[j], "dkim-signature", 14))
            continue;
        if ((unsigned)ev->nsig >= ev->cap) {
            ev->limit |= LK_MAIL_LIMIT_SIGS;
            break;
        }
        sg = &ev->sig[ev->nsig++];
        dkim_sig_field(sg, m, &m->fields[j]);
        error = dkim_verify_sig(w, o, m, sg);
        if (error < 0)
            return error;
        if (sg->result == LK_MAIL_R_PASS) {
            pass = 1;
            sg->partial = (sg->flags & LK_MAIL_FLAG_PARTIAL) ||
                          dkim_unsigned_extra(m, sg);
            if (!sg->partial)
                full = 1;
        } else if (sg->result == LK_MAIL_R_FAIL_BODY ||
                   sg->result == LK_MAIL_R_FAIL_HEADER) {
            altered = 1;
        }
    }
    ev->verdict = dkim_verdict(ev, pass, full, altered);
    return 0;
}
