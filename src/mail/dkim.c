/*
 * mail_dkim.c: one message through RFC 6376: header fields, simple and
 * relaxed canonicalization (with l= and bottom-up header selection), the
 * body hash and the header signature always both computed, every record
 * of a key history tried, and the record written as DESIGN §3.3 says.
 * RSA signatures are checked by recovering the signed DigestInfo, so a
 * wrong key (garbage padding) is told apart from altered headers.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <openssl/rsa.h>

#include "alloc.h"
#include "csv.h"
#include "mail_int.h"

const char *const lk_mail_verdict_names[LK_MAIL_V_COUNT] = {
    "verified", "verified-partial", "altered", "unverifiable", "unsigned"};
const char *const lk_mail_result_names[LK_MAIL_R_COUNT] = {
    "pass",         "fail-body",    "fail-header", "nokey",
    "key-revoked",  "key-mismatch", "permerror"};

enum { ALG_RSA_SHA256, ALG_RSA_SHA1, ALG_ED25519_SHA256 };
enum { FLAG_EXPIRED = 1, FLAG_WEAK = 2, FLAG_TESTING = 4, FLAG_PARTIAL = 8 };

#define SIG_MAX_B 1024  /* bytes of a decoded b= (8192-bit RSA) */
#define SIG_MAX_H 64    /* names in h= */
#define BODY_CACHE 4    /* distinct body hashes per message */

/* One DKIM-Signature with its outcome. */
typedef struct dkim_sig {
    const lk_mail_field *f;     /* the header field */
    const char *val;            /* its value (after the colon) */
    size_t val_len;             /* bytes of val */
    lk_mail_taglist tl;         /* parsed tags, pointing into val */
    const char *why;            /* permerror reason or NULL */
    int alg;                    /* ALG_* */
    int hrelaxed, brelaxed;     /* canonicalization of header, body */
    long long t, x, l;          /* tags, -1 when absent */
    const char *h[SIG_MAX_H];   /* h= names */
    size_t hlen[SIG_MAX_H];     /* their lengths */
    int nh;                     /* number of h= names */
    unsigned char bh[64];       /* decoded bh= */
    long bh_len;                /* its length */
    unsigned char b[SIG_MAX_B]; /* decoded b= */
    long b_len;                 /* its length */
    char keyname[300];          /* selector._domainkey.domain, lowercase */
    char domain[128];           /* d=, lowercase (truncated) */
    /* outcome */
    int result;                 /* LK_MAIL_R_* */
    int body;                   /* 1 match, 0 mismatch, -1 not computed */
    int header;                 /* 1 valid, 0 invalid, -1 not checked */
    int flags;                  /* FLAG_* */
    int partial;                /* l= leaves bytes or extra fields */
    unsigned long long body_len; /* canonical body length */
    const lk_mail_key *key;     /* record that decided, or NULL */
    int tried;                  /* records tried */
    const char *key_why;        /* why no record was usable */
} dkim_sig;

typedef struct dkim_eval {
    dkim_sig *sig;  /* signatures (worker scratch) */
    int nsig;       /* number used */
    int verdict;    /* LK_MAIL_V_* */
    int limit;      /* LK_MAIL_LIMIT_* */
    int transform;  /* LK_MAIL_T_* */
} dkim_eval;

typedef struct body_cache {
    int md;                   /* 0 sha256, 1 sha1 */
    int relaxed;              /* canonicalization */
    long long l;              /* l= or -1 */
    unsigned char h[64];      /* digest */
    unsigned hlen;            /* digest length */
    unsigned long long total; /* canonical body length */
} body_cache;

struct lk_mail_worker {
    lk_mail_dns *dns;         /* live DNS, NULL when off */
    EVP_MD *sha256;           /* fetched once: implicit fetches are slow */
    EVP_MD *sha1;
    EVP_MD_CTX *md;           /* body and header digests */
    EVP_MD_CTX *vmd;          /* Ed25519 verification */
    lk_mail_msg msg;          /* fields of the current attempt */
    dkim_eval ev[2];          /* first attempt, current attempt */
    unsigned max_sigs;        /* size of the ev[].sig arrays */
    unsigned char *used;      /* header selection marks */
    size_t used_cap;          /* bytes of used */
    char *copy;               /* signature field without its b= value */
    size_t copy_cap;          /* bytes of copy */
    const lk_mail_key *rsa_key; /* key of rsa_ctx */
    EVP_PKEY_CTX *rsa_ctx;    /* verify_recover context, reused: creating
                               * one per message costs a provider fetch */
    body_cache bc[BODY_CACHE]; /* body hashes of this attempt */
    int nbc;                  /* entries used */
};

/* ---- lines and fields ---------------------------------------------------- */

/*
 * The line starting at "pos" before "end": its content ends at "*le";
 * returns the position after its terminator (CRLF, or also a bare LF in
 * "lf" mode, where a CR before the LF belongs to the terminator).
 */
static size_t dkim_line(const char *d, size_t pos, size_t end, int lf,
                        size_t *le)
{
    size_t p = pos;
    for (;;) {
        const char *q = p < end ? memchr(d + p, '\n', end - p) : NULL;
        size_t at;
        if (q == NULL) {
            *le = end;
            return end;
        }
        at = (size_t)(q - d);
        if (at > pos && d[at - 1] == '\r') {
            *le = at - 1;
            return at + 1;
        }
        if (lf) {
            *le = at;
            return at + 1;
        }
        p = at + 1; /* bare LF inside a CRLF line */
    }
}

static int dkim_wsp(char c)
{
    return c == ' ' || c == '\t';
}

int lk_mail__header_parse(lk_mail_msg *m, size_t max_header,
                          size_t max_line)
{
    size_t pos = 0;
    m->nfields = 0;
    m->body = m->len;
    m->limit = 0;
    while (pos < m->len) {
        size_t le, next = dkim_line(m->data, pos, m->len, m->lf, &le);
        if (le == pos) { /* the empty line */
            m->body = next;
            return 0;
        }
        if (next > max_header) {
            m->limit |= LK_MAIL_LIMIT_HEADER;
            return 0;
        }
        if (le - pos > max_line)
            m->limit |= LK_MAIL_LIMIT_LINE;
        if (dkim_wsp(m->data[pos]) && m->nfields > 0) {
            m->fields[m->nfields - 1].end = le;
        } else {
            lk_mail_field *f;
            const char *c;
            size_t n;
            if (m->nfields >= LK_MAIL_MAX_FIELDS) {
                m->limit |= LK_MAIL_LIMIT_FIELDS;
                return 0;
            }
            f = lk_array_grow(m->fields, &m->cap, m->nfields, sizeof(*f));
            if (f == NULL)
                return LK_ENOMEM;
            m->fields = f;
            f = &m->fields[m->nfields++];
            f->start = pos;
            f->end = le;
            c = memchr(m->data + pos, ':', le - pos);
            f->colon = c ? (size_t)(c - m->data) : le;
            n = f->colon - pos;
            while (n > 0 && dkim_wsp(m->data[pos + n - 1]))
                n--;
            f->name_len = c ? n : 0;
        }
        pos = next;
    }
    return 0;
}

void lk_mail__msg_dispose(lk_mail_msg *m)
{
    lk_free(m->fields);
    m->fields = NULL;
    m->cap = m->nfields = 0;
}

static int dkim_name_is(const lk_mail_msg *m, const lk_mail_field *f,
                        const char *name, size_t n)
{
    return f->name_len == n &&
           strncasecmp(m->data + f->start, name, n) == 0;
}

/* ---- canonicalization ---------------------------------------------------- */

typedef struct dkim_sink {
    EVP_MD_CTX *md;              /* digest fed */
    unsigned long long total;    /* canonical bytes seen */
    unsigned long long limit;    /* bytes hashed at most (l=) */
    size_t n;                    /* bytes pending in buf */
    unsigned char buf[4096];     /* batches small writes */
} dkim_sink;

static void sink_flush(dkim_sink *s)
{
    if (s->n)
        EVP_DigestUpdate(s->md, s->buf, s->n);
    s->n = 0;
}

static void sink_put(dkim_sink *s, const char *p, size_t n)
{
    size_t take = n;
    if (s->total >= s->limit)
        take = 0;
    else if (s->limit - s->total < n)
        take = (size_t)(s->limit - s->total);
    s->total += n;
    if (take > sizeof(s->buf) - s->n) {
        sink_flush(s);
        if (take >= sizeof(s->buf)) {
            EVP_DigestUpdate(s->md, p, take);
            return;
        }
    }
    memcpy(s->buf + s->n, p, take);
    s->n += take;
}

/* Append line content [a, b) relaxed: WSP runs become one SP, trailing
 * WSP goes. "lead" 0 also drops leading WSP (header values). */
static void sink_relaxed(dkim_sink *s, const char *d, size_t a, size_t b,
                         int *ws, int *started)
{
    size_t i = a;
    if (s->limit == ~0ull && b - a < sizeof(s->buf)) {
        /* fast path, no l= to honour: compress straight into the buffer
         * (a line never grows: each space written replaces a blank) */
        unsigned char *o, *o0;
        int w = *ws, st = *started;
        if (sizeof(s->buf) - s->n < b - a + 1)
            sink_flush(s);
        o = o0 = s->buf + s->n;
        for (; i < b; i++) {
            unsigned char c = (unsigned char)d[i];
            if (c == ' ' || c == '\t') {
                w = 1;
                continue;
            }
            if (w && st)
                *o++ = ' ';
            *o++ = c;
            w = 0;
            st = 1;
        }
        s->n += (size_t)(o - o0);
        s->total += (size_t)(o - o0);
        *ws = w;
        *started = st;
        return;
    }
    while (i < b) {
        size_t j = i;
        if (dkim_wsp(d[i])) {
            while (i < b && dkim_wsp(d[i]))
                i++;
            *ws = 1;
            continue;
        }
        while (j < b && !dkim_wsp(d[j]))
            j++;
        if (*ws && *started)
            sink_put(s, " ", 1);
        sink_put(s, d + i, j - i);
        *ws = 0;
        *started = 1;
        i = j;
    }
}

/* Is the line [a, b) a mboxrd-quoted From_ line (">+From ")? */
static int dkim_quoted_from(const char *d, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && d[i] == '>')
        i++;
    return i > a && b - i >= 5 && memcmp(d + i, "From ", 5) == 0;
}

/* High bit of each byte of "v" that is zero, exactly (no false hits). */
static uint64_t dkim_zero_bytes(uint64_t v)
{
    const uint64_t lo7 = 0x7f7f7f7f7f7f7f7full;
    return ~(((v & lo7) + lo7) | v | lo7);
}

/*
 * Is the body line [a, b) (trailing blanks already gone) unchanged by
 * relaxed canonicalization: no tab and no two blanks in a row? Most lines
 * are, and copying them whole is several times faster. Eight bytes at a
 * time: this check runs over every byte of every relaxed body.
 */
static int dkim_plain(const char *d, size_t a, size_t b)
{
    const uint64_t sp = 0x2020202020202020ull, tab = 0x0909090909090909ull;
    uint64_t carry = 0; /* the previous word ended with a blank */
    size_t i = a;
    for (; i + 8 <= b; i += 8) {
        uint64_t v, z;
        memcpy(&v, d + i, 8);
        if (dkim_zero_bytes(v ^ tab))
            return 0;
        z = dkim_zero_bytes(v ^ sp);
        /* little- or big-endian, a pair shows in z & (z >> 8) or
         * z & (z << 8); checking both is exact as each flags a real pair */
        if ((z & (z >> 8)) || (z & (z << 8)))
            return 0;
        if (carry && (d[i] == ' '))
            return 0;
        carry = d[i + 7] == ' ';
    }
    for (; i < b; i++) {
        char c = d[i];
        if (c == '\t' || (c == ' ' && ((i > a && d[i - 1] == ' ') ||
                                        (i + 1 < b && d[i + 1] == ' '))))
            return 0;
    }
    return 1;
}

static void dkim_body(const lk_mail_msg *m, int relaxed, dkim_sink *s)
{
    const char *d = m->data;
    size_t pos = m->body;
    unsigned long long pending = 0;
    int any = 0;
    while (pos < m->len) {
        size_t le, next = dkim_line(d, pos, m->len, m->lf, &le);
        size_t a = pos, e = le;
        if (m->unquote && dkim_quoted_from(d, a, e))
            a++;
        if (relaxed)
            while (e > a && dkim_wsp(d[e - 1]))
                e--;
        if (e == a) {
            pending++;
        } else {
            int ws = 0, started = 1;
            for (; pending > 0; pending--)
                sink_put(s, "\r\n", 2);
            if (relaxed && !dkim_plain(d, a, e))
                sink_relaxed(s, d, a, e, &ws, &started);
            else
                sink_put(s, d + a, e - a);
            sink_put(s, "\r\n", 2);
            any = 1;
        }
        pos = next;
    }
    if (!any && !relaxed)
        sink_put(s, "\r\n", 2);
}

/* Canonicalize one header field held in "d" [start, end) with its name of
 * "name_len" bytes and colon at "colon"; "crlf" adds the final CRLF. */
static void dkim_header(dkim_sink *s, const char *d, size_t start,
                        size_t end, size_t name_len, size_t colon, int lf,
                        int relaxed, int crlf)
{
    size_t pos;
    if (!relaxed) {
        pos = start;
        while (pos < end) {
            size_t le, next = dkim_line(d, pos, end, lf, &le);
            sink_put(s, d + pos, le - pos);
            if (next < end || (next == end && le < end))
                sink_put(s, "\r\n", 2);
            pos = next;
        }
    } else {
        char lower[64];
        size_t i = 0, k;
        int ws = 0, started = 0;
        while (i < name_len) {
            k = 0;
            while (i < name_len && k < sizeof(lower)) {
                char c = d[start + i++];
                lower[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            sink_put(s, lower, k);
        }
        sink_put(s, ":", 1);
        pos = colon < end ? colon + 1 : end;
        while (pos < end) {
            size_t le, next = dkim_line(d, pos, end, lf, &le);
            sink_relaxed(s, d, pos, le, &ws, &started);
            if (next > le) /* a folding line break counts as WSP */
                ws = 1;
            pos = next;
        }
    }
    if (crlf)
        sink_put(s, "\r\n", 2);
}

/* ---- signatures ---------------------------------------------------------- */

static int dkim_number(const lk_mail_tag *t, long long *out)
{
    long long v = 0;
    size_t i;
    if (t->value_len == 0 || t->value_len > 18)
        return -1;
    for (i = 0; i < t->value_len; i++) {
        if (t->value[i] < '0' || t->value[i] > '9')
            return -1;
        v = v * 10 + (t->value[i] - '0');
    }
    *out = v;
    return 0;
}

static int dkim_is(const lk_mail_tag *t, const char *s)
{
    size_t n = strlen(s);
    return t && t->value_len == n && strncasecmp(t->value, s, n) == 0;
}

/* Domain names: letters, digits, '-', '_' and inner dots. */
static int dkim_domain_ok(const char *s, size_t n)
{
    size_t i;
    if (n == 0 || s[0] == '.' || s[n - 1] == '.')
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

static void dkim_lower(char *dst, size_t cap, const char *s, size_t n)
{
    size_t i;
    if (n >= cap)
        n = cap - 1;
    for (i = 0; i < n; i++)
        dst[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    dst[n] = '\0';
}

/* Parse and check the tags of "sg" (RFC 6376 §3.5, §6.1.1). */
static void dkim_sig_parse(dkim_sig *sg)
{
    const lk_mail_tag *v, *a, *b, *bh, *c, *d, *h, *i, *l, *q, *s, *t, *x;
    const char *why = NULL;
    sg->t = sg->x = sg->l = -1;
    sg->nh = 0;
    sg->bh_len = sg->b_len = 0;
    sg->domain[0] = sg->keyname[0] = '\0';
    if (lk_mail__tags_parse(&sg->tl, sg->val, sg->val_len, &why) < 0) {
        sg->why = why;
        return;
    }
    v = lk_mail__tags_get(&sg->tl, "v");
    a = lk_mail__tags_get(&sg->tl, "a");
    b = lk_mail__tags_get(&sg->tl, "b");
    bh = lk_mail__tags_get(&sg->tl, "bh");
    c = lk_mail__tags_get(&sg->tl, "c");
    d = lk_mail__tags_get(&sg->tl, "d");
    h = lk_mail__tags_get(&sg->tl, "h");
    i = lk_mail__tags_get(&sg->tl, "i");
    l = lk_mail__tags_get(&sg->tl, "l");
    q = lk_mail__tags_get(&sg->tl, "q");
    s = lk_mail__tags_get(&sg->tl, "s");
    t = lk_mail__tags_get(&sg->tl, "t");
    x = lk_mail__tags_get(&sg->tl, "x");
    if (d != NULL)
        dkim_lower(sg->domain, sizeof(sg->domain), d->value, d->value_len);
    if (!v || !a || !b || !bh || !d || !h || !s) {
        sg->why = "a required tag (v a b bh d h s) is missing";
        return;
    }
    if (!dkim_is(v, "1")) {
        sg->why = "v= is not 1";
        return;
    }
    if (dkim_is(a, "rsa-sha256"))
        sg->alg = ALG_RSA_SHA256;
    else if (dkim_is(a, "rsa-sha1"))
        sg->alg = ALG_RSA_SHA1;
    else if (dkim_is(a, "ed25519-sha256"))
        sg->alg = ALG_ED25519_SHA256;
    else {
        sg->why = "unknown algorithm a=";
        return;
    }
    sg->hrelaxed = sg->brelaxed = 0;
    if (c != NULL) {
        const char *slash = memchr(c->value, '/', c->value_len);
        size_t hl = slash ? (size_t)(slash - c->value) : c->value_len;
        const char *bs = slash ? slash + 1 : NULL;
        size_t bl = slash ? c->value_len - hl - 1 : 0;
        if (hl == 7 && !strncasecmp(c->value, "relaxed", 7))
            sg->hrelaxed = 1;
        else if (!(hl == 6 && !strncasecmp(c->value, "simple", 6))) {
            sg->why = "unknown canonicalization c=";
            return;
        }
        if (bs && bl == 7 && !strncasecmp(bs, "relaxed", 7))
            sg->brelaxed = 1;
        else if (bs && !(bl == 6 && !strncasecmp(bs, "simple", 6))) {
            sg->why = "unknown canonicalization c=";
            return;
        }
    }
    if (q != NULL && !(q->value_len >= 7 &&
                       strncasecmp(q->value, "dns/txt", 7) == 0)) {
        sg->why = "q= does not offer dns/txt";
        return;
    }
    if (!dkim_domain_ok(d->value, d->value_len) ||
        !dkim_domain_ok(s->value, s->value_len) || d->value_len > 120 ||
        s->value_len > 120) {
        sg->why = "d= or s= is not a domain name";
        return;
    }
    dkim_lower(sg->keyname, sizeof(sg->keyname), s->value, s->value_len);
    {
        size_t kl = strlen(sg->keyname);
        memcpy(sg->keyname + kl, "._domainkey.", 12);
        dkim_lower(sg->keyname + kl + 12, sizeof(sg->keyname) - kl - 12,
                   d->value, d->value_len);
    }
    if ((l && dkim_number(l, &sg->l) < 0) ||
        (t && dkim_number(t, &sg->t) < 0) ||
        (x && dkim_number(x, &sg->x) < 0)) {
        sg->why = "l=, t= or x= is not a number";
        return;
    }
    if (sg->t >= 0 && sg->x >= 0 && sg->x < sg->t) {
        sg->why = "x= is earlier than t=";
        return;
    }
    if (i != NULL) {
        const char *at = memchr(i->value, '@', i->value_len);
        size_t dl = d->value_len, il;
        const char *idom;
        if (at == NULL) {
            sg->why = "i= has no '@'";
            return;
        }
        idom = at + 1;
        il = i->value_len - (size_t)(idom - i->value);
        if (!(il == dl && !strncasecmp(idom, d->value, dl)) &&
            !(il > dl && idom[il - dl - 1] == '.' &&
              !strncasecmp(idom + il - dl, d->value, dl))) {
            sg->why = "i= is not in the domain d=";
            return;
        }
    }
    { /* h= names */
        size_t p = 0;
        int from = 0;
        while (p < h->value_len && sg->nh < SIG_MAX_H) {
            size_t e, st;
            while (p < h->value_len &&
                   (h->value[p] == ':' || dkim_wsp(h->value[p]) ||
                    h->value[p] == '\r' || h->value[p] == '\n'))
                p++;
            st = p;
            while (p < h->value_len && h->value[p] != ':')
                p++;
            e = p;
            while (e > st && (dkim_wsp(h->value[e - 1]) ||
                              h->value[e - 1] == '\r' ||
                              h->value[e - 1] == '\n'))
                e--;
            if (e == st)
                continue;
            sg->h[sg->nh] = h->value + st;
            sg->hlen[sg->nh++] = e - st;
            if (e - st == 4 && !strncasecmp(h->value + st, "from", 4))
                from = 1;
        }
        if (!from) {
            sg->why = "h= does not sign From";
            return;
        }
    }
    sg->bh_len = lk_mail__base64(sg->bh, sizeof(sg->bh), bh->value,
                                 bh->value_len);
    if (sg->bh_len != (sg->alg == ALG_RSA_SHA1 ? 20 : 32)) {
        sg->why = "bh= is not a digest of the algorithm's length";
        return;
    }
    sg->b_len = lk_mail__base64(sg->b, sizeof(sg->b), b->value,
                                b->value_len);
    if (sg->b_len <= 0) {
        sg->why = "b= is not base64";
        return;
    }
    sg->why = NULL;
}

/* ---- verification -------------------------------------------------------- */

static const EVP_MD *dkim_md(lk_mail_worker *w, int alg)
{
    return alg == ALG_RSA_SHA1 ? w->sha1 : w->sha256;
}

static void dkim_body_hash(lk_mail_worker *w, const lk_mail_msg *m,
                           dkim_sig *sg)
{
    int k, mdi = sg->alg == ALG_RSA_SHA1;
    body_cache *bc;
    dkim_sink s;
    for (k = 0; k < w->nbc; k++) {
        bc = &w->bc[k];
        if (bc->md == mdi && bc->relaxed == sg->brelaxed && bc->l == sg->l)
            goto found;
    }
    bc = &w->bc[w->nbc < BODY_CACHE ? w->nbc++ : BODY_CACHE - 1];
    bc->md = mdi;
    bc->relaxed = sg->brelaxed;
    bc->l = sg->l;
    s.md = w->md;
    s.total = 0;
    s.n = 0;
    s.limit = sg->l >= 0 ? (unsigned long long)sg->l : ~0ull;
    EVP_DigestInit_ex(w->md, dkim_md(w, sg->alg), NULL);
    dkim_body(m, sg->brelaxed, &s);
    sink_flush(&s);
    EVP_DigestFinal_ex(w->md, bc->h, &bc->hlen);
    bc->total = s.total;
found:
    sg->body_len = bc->total;
    sg->body = bc->hlen == (unsigned)sg->bh_len &&
               memcmp(bc->h, sg->bh, bc->hlen) == 0 &&
               (sg->l < 0 || (unsigned long long)sg->l <= bc->total);
    if (sg->l >= 0 && (unsigned long long)sg->l < bc->total)
        sg->flags |= FLAG_PARTIAL;
}

/* Hash the signed header fields and the signature field (b= emptied). */
static int dkim_header_hash(lk_mail_worker *w, const lk_mail_msg *m,
                            dkim_sig *sg, unsigned char *hash,
                            unsigned *hlen)
{
    const lk_mail_tag *b = lk_mail__tags_get(&sg->tl, "b");
    const lk_mail_field *f = sg->f;
    size_t vstart = f->colon + 1, flen = f->end - f->start, cut0, cut1, n;
    dkim_sink s;
    int k;
    if (m->nfields > w->used_cap) {
        unsigned char *u = lk_realloc(w->used, m->nfields);
        if (u == NULL)
            return LK_ENOMEM;
        w->used = u;
        w->used_cap = m->nfields;
    }
    memset(w->used, 0, m->nfields);
    s.md = w->md;
    s.total = 0;
    s.n = 0;
    s.limit = ~0ull;
    EVP_DigestInit_ex(w->md, dkim_md(w, sg->alg), NULL);
    for (k = 0; k < sg->nh; k++) {
        size_t j = m->nfields;
        while (j-- > 0) {
            const lk_mail_field *g = &m->fields[j];
            if (w->used[j] || !dkim_name_is(m, g, sg->h[k], sg->hlen[k]))
                continue;
            w->used[j] = 1;
            dkim_header(&s, m->data, g->start, g->end, g->name_len,
                        g->colon, m->lf, sg->hrelaxed, 1);
            break;
        }
    }
    /* the signature field itself, b= value removed, no final CRLF */
    cut0 = vstart + b->raw_start - f->start;
    cut1 = vstart + b->raw_end - f->start;
    n = flen - (cut1 - cut0);
    if (n > w->copy_cap) {
        char *c = lk_realloc(w->copy, n);
        if (c == NULL)
            return LK_ENOMEM;
        w->copy = c;
        w->copy_cap = n;
    }
    memcpy(w->copy, m->data + f->start, cut0);
    memcpy(w->copy + cut0, m->data + f->start + cut1, flen - cut1);
    dkim_header(&s, w->copy, 0, n, f->name_len, f->colon - f->start, m->lf,
                sg->hrelaxed, 0);
    sink_flush(&s);
    EVP_DigestFinal_ex(w->md, hash, hlen);
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
 * Check "sg" under "key": 1 valid, 0 the key made it but over other
 * header data (altered), -1 the signature was not made with this key.
 */
static int dkim_crypto(lk_mail_worker *w, const dkim_sig *sg,
                       const lk_mail_key *key, const unsigned char *hash,
                       unsigned hlen)
{
    int ok = -1;
    if (key->ktype == LK_MAIL_K_RSA) {
        unsigned char out[SIG_MAX_B];
        size_t outlen = sizeof(out);
        const unsigned char *di =
            sg->alg == ALG_RSA_SHA1 ? dkim_di_sha1 : dkim_di_sha256;
        size_t dil = sg->alg == ALG_RSA_SHA1 ? sizeof(dkim_di_sha1)
                                             : sizeof(dkim_di_sha256);
        if (w->rsa_key != key) {
            EVP_PKEY_CTX_free(w->rsa_ctx);
            w->rsa_key = NULL;
            w->rsa_ctx = EVP_PKEY_CTX_new(key->pkey, NULL);
            if (w->rsa_ctx == NULL)
                return -1;
            if (EVP_PKEY_verify_recover_init(w->rsa_ctx) != 1 ||
                EVP_PKEY_CTX_set_rsa_padding(w->rsa_ctx,
                                             RSA_PKCS1_PADDING) != 1)
                return -1;
            w->rsa_key = key;
        }
        if (EVP_PKEY_verify_recover(w->rsa_ctx, out, &outlen, sg->b,
                                    (size_t)sg->b_len) == 1) {
            ok = outlen == dil + hlen && memcmp(out, di, dil) == 0 &&
                 memcmp(out + dil, hash, hlen) == 0;
        }
    } else {
        EVP_MD_CTX_reset(w->vmd);
        if (sg->b_len == 64 &&
            EVP_DigestVerifyInit(w->vmd, NULL, NULL, NULL, key->pkey) == 1)
            ok = EVP_DigestVerify(w->vmd, sg->b, 64, hash, hlen) == 1 ? 1
                                                                       : 0;
    }
    return ok;
}

/* Can "key" verify "sg" at all (k=, h=, s=, t=s)? */
static int dkim_key_fits(const dkim_sig *sg, const lk_mail_key *key)
{
    const lk_mail_tag *i;
    if (key->ktype != (sg->alg == ALG_ED25519_SHA256 ? LK_MAIL_K_ED25519
                                                     : LK_MAIL_K_RSA))
        return 0;
    if (sg->alg == ALG_RSA_SHA1 ? !key->hash_sha1 : !key->hash_sha256)
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

static int dkim_verify_sig(lk_mail_worker *w, const lk_mail_options *o,
                           const lk_mail_msg *m, dkim_sig *sg)
{
    unsigned char hash[64];
    unsigned hlen = 0;
    const lk_mail_key *keys, *wrong = NULL, *any = NULL;
    size_t nkeys = 0, k;
    int error, revoked = 0, bad = 0, unfit = 0;

    sg->result = LK_MAIL_R_PERMERROR;
    sg->body = sg->header = -1;
    sg->flags = 0;
    sg->partial = 0;
    sg->key = NULL;
    sg->tried = 0;
    sg->key_why = NULL;
    sg->body_len = 0;
    dkim_sig_parse(sg);
    if (sg->why != NULL)
        return 0;
    if (sg->x >= 0 && sg->x < o->at)
        sg->flags |= FLAG_EXPIRED;
    if (sg->alg == ALG_RSA_SHA1)
        sg->flags |= FLAG_WEAK;
    dkim_body_hash(w, m, sg);
    error = dkim_header_hash(w, m, sg, hash, &hlen);
    if (error < 0)
        return error;
    keys = lk_mail__keys_find(o->keys, sg->keyname, &nkeys);
    if (nkeys == 0 && w->dns != NULL)
        keys = lk_mail__dns_find(w->dns, sg->keyname, &nkeys);
    sg->result = LK_MAIL_R_NOKEY;
    for (k = 0; k < nkeys; k++) {
        const lk_mail_key *key = &keys[k];
        int ok;
        sg->tried++;
        if (key->state == LK_MAIL_KEY_REVOKED) {
            revoked = 1;
            sg->key_why = key->why;
            continue;
        }
        if (key->state != LK_MAIL_KEY_OK) {
            if (key->state == LK_MAIL_KEY_UNSUPPORTED)
                unfit = 1;
            else
                bad = 1;
            sg->key_why = key->why;
            continue;
        }
        if (!dkim_key_fits(sg, key)) {
            unfit = 1;
            sg->key_why = "the key record does not allow this signature "
                          "(k=, h=, s= or t=s)";
            continue;
        }
        any = key;
        ok = dkim_crypto(w, sg, key, hash, hlen);
        if (ok == 1) {
            sg->key = key;
            sg->header = 1;
            break;
        }
        if (ok == 0 && wrong == NULL)
            wrong = key;
    }
    if (sg->header == 1) {
        sg->result = sg->body ? LK_MAIL_R_PASS : LK_MAIL_R_FAIL_BODY;
        if (sg->key->testing)
            sg->flags |= FLAG_TESTING;
        if (sg->key->ktype == LK_MAIL_K_RSA && sg->key->bits < 1024)
            sg->flags |= FLAG_WEAK;
    } else if (wrong != NULL) {
        sg->header = 0;
        sg->key = wrong;
        sg->result = LK_MAIL_R_FAIL_HEADER;
    } else if (any != NULL) {
        sg->key = any;
        sg->result = LK_MAIL_R_MISMATCH;
        sg->key_why = "the signature was not made with any archived key";
    } else if (unfit) {
        sg->result = LK_MAIL_R_MISMATCH;
    } else if (revoked) {
        sg->result = LK_MAIL_R_REVOKED;
    } else if (bad) {
        sg->result = LK_MAIL_R_PERMERROR;
    }
    return 0;
}

/* Count fields named "name" in the message and in h= of "sg". */
static int dkim_unsigned_extra(const lk_mail_msg *m, const dkim_sig *sg)
{
    static const char *const names[] = {"from", "subject", "date", "to"};
    int k;
    for (k = 0; k < 4; k++) {
        size_t n = strlen(names[k]), j;
        int inmsg = 0, inh = 0, i;
        for (j = 0; j < m->nfields; j++)
            inmsg += dkim_name_is(m, &m->fields[j], names[k], n);
        for (i = 0; i < sg->nh; i++)
            inh += sg->hlen[i] == n && !strncasecmp(sg->h[i], names[k], n);
        if (inmsg > inh)
            return 1;
    }
    return 0;
}

/* Verify every signature of "m" into "ev". */
static int dkim_eval_msg(lk_mail_worker *w, const lk_mail_options *o,
                         lk_mail_msg *m, dkim_eval *ev)
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
        dkim_sig *sg;
        if (!dkim_name_is(m, &m->fields[j], "dkim-signature", 14))
            continue;
        if ((unsigned)ev->nsig >= w->max_sigs) {
            ev->limit |= LK_MAIL_LIMIT_SIGS;
            break;
        }
        sg = &ev->sig[ev->nsig++];
        sg->f = &m->fields[j];
        sg->val = m->data + sg->f->colon + 1;
        sg->val_len = sg->f->end - sg->f->colon - 1;
        if (sg->f->colon >= sg->f->end) {
            sg->val_len = 0;
            sg->val = m->data + sg->f->end;
        }
        error = dkim_verify_sig(w, o, m, sg);
        if (error < 0)
            return error;
        if (sg->result == LK_MAIL_R_PASS) {
            pass = 1;
            sg->partial = (sg->flags & FLAG_PARTIAL) ||
                          dkim_unsigned_extra(m, sg);
            if (!sg->partial)
                full = 1;
        } else if (sg->result == LK_MAIL_R_FAIL_BODY ||
                   sg->result == LK_MAIL_R_FAIL_HEADER) {
            altered = 1;
        }
    }
    if (full)
        ev->verdict = LK_MAIL_V_VERIFIED;
    else if (pass)
        ev->verdict = LK_MAIL_V_PARTIAL;
    else if (altered)
        ev->verdict = LK_MAIL_V_ALTERED;
    else if (ev->nsig > 0 ||
             (ev->limit & (LK_MAIL_LIMIT_HEADER | LK_MAIL_LIMIT_FIELDS)))
        ev->verdict = LK_MAIL_V_UNVERIFIABLE;
    else
        ev->verdict = LK_MAIL_V_UNSIGNED;
    /* a message cut short by a limit is not judged on what was read */
    if (ev->limit & (LK_MAIL_LIMIT_HEADER | LK_MAIL_LIMIT_FIELDS))
        ev->verdict = ev->nsig > 0 || pass ? LK_MAIL_V_UNVERIFIABLE
                                           : ev->verdict;
    return 0;
}

/* ---- records ------------------------------------------------------------- */

void lk_mail__json_str(lk_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0, run = 0;
    lk_buf_put(b, "\"", 1);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t len = 0;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            run++;
            continue;
        }
        lk_buf_put(b, s + i - run, run);
        run = 0;
        if (c < 0x80) {
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
            i++;
            continue;
        }
        /* UTF-8: copy a well-formed sequence, else U+FFFD */
        if (c >= 0xc2 && c <= 0xdf)
            len = 2;
        else if (c >= 0xe0 && c <= 0xef)
            len = 3;
        else if (c >= 0xf0 && c <= 0xf4)
            len = 4;
        if (len && i + len <= n) {
            size_t k;
            unsigned long cp = c & (0x7f >> len);
            for (k = 1; k < len; k++) {
                unsigned char cc = (unsigned char)s[i + k];
                if ((cc & 0xc0) != 0x80)
                    break;
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (k == len && !(len == 3 && (cp < 0x800 ||
                                           (cp >= 0xd800 && cp <= 0xdfff))) &&
                !(len == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
                lk_buf_put(b, s + i, len);
                i += len;
                continue;
            }
        }
        lk_buf_put(b, "\xef\xbf\xbd", 3);
        i++;
    }
    lk_buf_put(b, s + i - run, run);
    lk_buf_put(b, "\"", 1);
}

/* Copy the first field named "name" unfolded and trimmed into "out". */
static size_t dkim_field_value(const lk_mail_msg *m, const char *name,
                               char *out, size_t cap)
{
    size_t j, n = strlen(name), len = 0;
    for (j = 0; j < m->nfields; j++) {
        const lk_mail_field *f = &m->fields[j];
        size_t p;
        if (!dkim_name_is(m, f, name, n))
            continue;
        for (p = f->colon + 1; p < f->end && len + 1 < cap; p++) {
            char c = m->data[p];
            if (c == '\r' || c == '\n')
                continue;
            if (c == '\t')
                c = ' ';
            if (c == ' ' && (len == 0 || out[len - 1] == ' '))
                continue;
            out[len++] = c;
        }
        while (len > 0 && out[len - 1] == ' ')
            len--;
        break;
    }
    out[len] = '\0';
    return len;
}

/* A tag value with all whitespace removed, as JSON, or null. */
static void dkim_json_tag(lk_buf *b, const dkim_sig *sg, const char *name)
{
    const lk_mail_tag *t = lk_mail__tags_get(&sg->tl, name);
    char tmp[1024];
    size_t i, n = 0;
    if (t == NULL) {
        lk_buf_puts(b, "null");
        return;
    }
    for (i = 0; i < t->value_len && n < sizeof(tmp); i++)
        if (!(dkim_wsp(t->value[i]) || t->value[i] == '\r' ||
              t->value[i] == '\n'))
            tmp[n++] = t->value[i];
    lk_mail__json_str(b, tmp, n);
}

static void dkim_json_num(lk_buf *b, long long v)
{
    if (v < 0)
        lk_buf_puts(b, "null");
    else
        lk_buf_printf(b, "%lld", v);
}

static const char *dkim_transform_name(int t)
{
    if (t == (LK_MAIL_T_LF | LK_MAIL_T_UNQUOTE))
        return "lf-to-crlf+mboxrd-unquote";
    if (t == LK_MAIL_T_LF)
        return "lf-to-crlf";
    if (t == LK_MAIL_T_UNQUOTE)
        return "mboxrd-unquote";
    return NULL;
}

static void dkim_json_sig(lk_buf *b, const lk_mail_options *o,
                          const dkim_sig *sg)
{
    static const char *const tags[] = {"d", "s", "a", "c", "h", "i", "bh"};
    static const char *const flags[] = {"expired", "weak", "testing",
                                        "partial-body"};
    size_t k;
    int first = 1;
    lk_buf_puts(b, "{");
    for (k = 0; k < sizeof(tags) / sizeof(tags[0]); k++) {
        lk_buf_printf(b, "\"%s\":", tags[k]);
        dkim_json_tag(b, sg, tags[k]);
        lk_buf_puts(b, ",");
    }
    lk_buf_puts(b, "\"t\":");
    dkim_json_num(b, sg->t);
    lk_buf_puts(b, ",\"x\":");
    dkim_json_num(b, sg->x);
    lk_buf_puts(b, ",\"l\":");
    dkim_json_num(b, sg->l);
    lk_buf_printf(b, ",\"result\":\"%s\",\"body_hash\":\"%s\","
                     "\"header_signature\":\"%s\",\"flags\":[",
                  lk_mail_result_names[sg->result],
                  sg->body < 0 ? "not-computed"
                               : sg->body ? "match" : "mismatch",
                  sg->header < 0 ? "not-verified"
                                 : sg->header ? "valid" : "invalid");
    for (k = 0; k < 4; k++) {
        if (!(sg->flags & (1 << k)))
            continue;
        lk_buf_printf(b, "%s\"%s\"", first ? "" : ",", flags[k]);
        first = 0;
    }
    lk_buf_puts(b, "],\"key\":");
    if (sg->key != NULL) {
        lk_buf_puts(b, "{\"name\":");
        lk_mail__json_str(b, sg->key->name, strlen(sg->key->name));
        if (sg->key->from_dns) {
            lk_buf_puts(b, ",\"archive\":\"dns\",\"line\":null");
        } else {
            const char *arch = o->keys_path ? o->keys_path : o->keys->file;
            lk_buf_puts(b, ",\"archive\":");
            lk_mail__json_str(b, arch, strlen(arch));
            lk_buf_printf(b, ",\"line\":%u", sg->key->line);
        }
        lk_buf_printf(b, ",\"type\":\"%s\",\"bits\":",
                      sg->key->ktype == LK_MAIL_K_RSA ? "rsa" : "ed25519");
        if (sg->key->ktype == LK_MAIL_K_RSA)
            lk_buf_printf(b, "%d}", sg->key->bits);
        else
            lk_buf_puts(b, "256}");
    } else {
        lk_buf_puts(b, "null");
    }
    lk_buf_printf(b, ",\"keys_tried\":%d", sg->tried);
    if (sg->why != NULL || sg->key_why != NULL) {
        const char *why = sg->why ? sg->why : sg->key_why;
        if (sg->result != LK_MAIL_R_PASS && sg->result !=
                                                LK_MAIL_R_FAIL_BODY &&
            sg->result != LK_MAIL_R_FAIL_HEADER) {
            lk_buf_puts(b, ",\"error\":");
            lk_mail__json_str(b, why, strlen(why));
        }
    }
    lk_buf_puts(b, "}");
}

static void dkim_record(lk_buf *b, const lk_mail_options *o,
                        const lk_mail_source *src, const char *sha,
                        const lk_mail_msg *m, const dkim_eval *ev)
{
    char val[1024];
    size_t n;
    int k;
    const char *tr = dkim_transform_name(ev->transform);
    static const char *const lim[] = {"header-bytes", "line-length",
                                      "signatures", "header-fields"};
    if (o->record_format == LK_MAIL_RECORD_CSV) {
        char num[32];
        lk_buf res;
        lk_csv_cell(b, src->file, strlen(src->file), 0);
        n = src->offset >= 0
                ? (size_t)snprintf(num, sizeof(num), "%lld", src->offset)
                : 0;
        lk_csv_cell(b, num, n, 0);
        lk_csv_cell(b, sha, 64, 0);
        n = dkim_field_value(m, "message-id", val, sizeof(val));
        lk_csv_cell(b, val, n, 0);
        n = dkim_field_value(m, "from", val, sizeof(val));
        lk_csv_cell(b, val, n, 0);
        n = dkim_field_value(m, "date", val, sizeof(val));
        lk_csv_cell(b, val, n, 0);
        lk_csv_cell(b, lk_mail_verdict_names[ev->verdict],
                       strlen(lk_mail_verdict_names[ev->verdict]), 0);
        lk_csv_cell(b, tr ? tr : "", tr ? strlen(tr) : 0, 0);
        lk_buf_init(&res, 4096);
        for (k = 0; k < ev->nsig; k++)
            lk_buf_printf(&res, "%s%s:%s", k ? " " : "",
                          ev->sig[k].domain,
                          lk_mail_result_names[ev->sig[k].result]);
        lk_csv_cell(b, res.ptr ? res.ptr : "", res.len, 1);
        lk_buf_dispose(&res);
        return;
    }
    lk_buf_puts(b, "{\"source\":{\"file\":");
    lk_mail__json_str(b, src->file, strlen(src->file));
    if (src->offset >= 0)
        lk_buf_printf(b, ",\"offset\":%lld", src->offset);
    lk_buf_printf(b, "},\"sha256\":\"%s\",\"message_id\":", sha);
    n = dkim_field_value(m, "message-id", val, sizeof(val));
    lk_mail__json_str(b, val, n);
    lk_buf_puts(b, ",\"from\":");
    n = dkim_field_value(m, "from", val, sizeof(val));
    lk_mail__json_str(b, val, n);
    lk_buf_puts(b, ",\"date\":");
    n = dkim_field_value(m, "date", val, sizeof(val));
    lk_mail__json_str(b, val, n);
    lk_buf_printf(b, ",\"verdict\":\"%s\",\"transform\":",
                  lk_mail_verdict_names[ev->verdict]);
    if (tr)
        lk_buf_printf(b, "\"%s\"", tr);
    else
        lk_buf_puts(b, "null");
    lk_buf_puts(b, ",\"signatures\":[");
    for (k = 0; k < ev->nsig; k++) {
        if (k)
            lk_buf_puts(b, ",");
        dkim_json_sig(b, o, &ev->sig[k]);
    }
    lk_buf_puts(b, "],\"limits\":[");
    for (k = 0, n = 0; k < 4; k++) {
        if (!(ev->limit & (1 << k)))
            continue;
        lk_buf_printf(b, "%s\"%s\"", n++ ? "," : "", lim[k]);
    }
    lk_buf_puts(b, "]}\n");
}

/* ---- worker and entry point ---------------------------------------------- */

int lk_mail__worker_new(lk_mail_worker **out, lk_mail_dns *dns)
{
    lk_mail_worker *w = lk_calloc(1, sizeof(*w));
    if (w == NULL)
        return LK_ENOMEM;
    w->dns = dns;
    w->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
    w->sha1 = EVP_MD_fetch(NULL, "SHA1", NULL);
    w->md = EVP_MD_CTX_new();
    w->vmd = EVP_MD_CTX_new();
    if (w->sha256 == NULL || w->sha1 == NULL || w->md == NULL ||
        w->vmd == NULL) {
        lk_mail__worker_free(w);
        return LK_ENOMEM;
    }
    *out = w;
    return 0;
}

void lk_mail__worker_free(lk_mail_worker *w)
{
    if (w == NULL)
        return;
    EVP_MD_free(w->sha256);
    EVP_MD_free(w->sha1);
    EVP_MD_CTX_free(w->md);
    EVP_MD_CTX_free(w->vmd);
    EVP_PKEY_CTX_free(w->rsa_ctx);
    lk_mail__msg_dispose(&w->msg);
    lk_free(w->ev[0].sig);
    lk_free(w->ev[1].sig);
    lk_free(w->used);
    lk_free(w->copy);
    lk_free(w);
}

static int dkim_passes(const dkim_eval *ev)
{
    return ev->verdict == LK_MAIL_V_VERIFIED ||
           ev->verdict == LK_MAIL_V_PARTIAL;
}

static void dkim_outcome(lk_mail_outcome *oc, const lk_mail_msg *m,
                         const dkim_eval *ev)
{
    int k;
    oc->verdict = ev->verdict;
    oc->transform = ev->transform;
    oc->limit = ev->limit;
    oc->nsig = ev->nsig < LK_MAIL_SUMMARY_SIGS ? ev->nsig
                                               : LK_MAIL_SUMMARY_SIGS;
    for (k = 0; k < oc->nsig; k++) {
        const dkim_sig *sg = &ev->sig[k];
        lk_mail_sigsum *s = &oc->sig[k];
        snprintf(s->domain, sizeof(s->domain), "%s", sg->domain);
        snprintf(s->key, sizeof(s->key), "%s",
                 sg->key ? sg->key->name : sg->keyname);
        s->key_line = sg->key ? sg->key->line : 0;
        s->result = sg->result;
        s->t = sg->t;
    }
    dkim_field_value(m, "message-id", oc->message_id,
                     sizeof(oc->message_id));
}

int lk_mail__verify(lk_mail_worker *w, const lk_mail_options *o,
                    const lk_mail_source *src, const char *data, size_t len,
                    lk_buf *rec, lk_mail_outcome *oc)
{
    char sha[65];
    const char *nl;
    int has_crlf = 0, has_bare = 0, quoted = 0, modes[2], nmodes = 0;
    int error, k, best = 0, cur = 0;
    size_t p = 0;
    unsigned want = o->max_signatures ? o->max_signatures : 1;

    if (w->max_sigs < want) {
        for (k = 0; k < 2; k++) {
            dkim_sig *s = lk_realloc(w->ev[k].sig, want * sizeof(*s));
            if (s == NULL)
                return LK_ENOMEM;
            w->ev[k].sig = s;
        }
        w->max_sigs = want;
    }
    { /* the message as found; the worker's fetched SHA-256 is faster
       * than lk_sha256_hex's implicit fetch */
        unsigned char md[32];
        unsigned mdlen = 0, i;
        static const char hex[] = "0123456789abcdef";
        EVP_DigestInit_ex(w->md, w->sha256, NULL);
        EVP_DigestUpdate(w->md, data, len);
        EVP_DigestFinal_ex(w->md, md, &mdlen);
        for (i = 0; i < 32; i++) {
            sha[2 * i] = hex[md[i] >> 4];
            sha[2 * i + 1] = hex[md[i] & 15];
        }
        sha[64] = '\0';
    }
    while (p < len && (nl = memchr(data + p, '\n', len - p)) != NULL) {
        size_t at = (size_t)(nl - data);
        if (at > 0 && data[at - 1] == '\r')
            has_crlf = 1;
        else
            has_bare = 1;
        if (src->mbox && at + 2 < len && data[at + 1] == '>' &&
            dkim_quoted_from(data, at + 1, len))
            quoted = 1;
        p = at + 1;
        if (has_crlf && has_bare && (quoted || !src->mbox))
            break;
    }
    if (!has_bare || has_crlf)
        modes[nmodes++] = 0;
    if (has_bare)
        modes[nmodes++] = 1;
    w->msg.data = data;
    w->msg.len = len;
    /* attempts: as found, then LF as line end, then mboxrd unquoting;
     * the first that verifies is reported, else the first attempt */
    for (k = 0; k < nmodes + quoted; k++) {
        dkim_eval *ev = &w->ev[cur];
        w->msg.lf = k < nmodes ? modes[k] : modes[nmodes - 1];
        w->msg.unquote = k >= nmodes;
        error = dkim_eval_msg(w, o, &w->msg, ev);
        if (error < 0)
            return error;
        ev->transform = (w->msg.lf ? LK_MAIL_T_LF : 0) |
                        (w->msg.unquote ? LK_MAIL_T_UNQUOTE : 0);
        if (dkim_passes(ev)) {
            best = cur;
            break;
        }
        if (k == 0 && ev->nsig == 0)
            break; /* unsigned: nothing to retry */
        cur = 1;   /* ev[0] keeps the first attempt */
    }
    if (best == 0 && k > 0) {
        /* the fields of the reported attempt, for the record */
        w->msg.lf = modes[0];
        w->msg.unquote = 0;
        error = lk_mail__header_parse(&w->msg, o->max_header_bytes,
                                      o->max_line_bytes);
        if (error < 0)
            return error;
    }
    dkim_record(rec, o, src, sha, &w->msg, &w->ev[best]);
    dkim_outcome(oc, &w->msg, &w->ev[best]);
    return rec->error;
}
