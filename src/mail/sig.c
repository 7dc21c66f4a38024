/*
 * sig.c: a DKIM-Signature's tags checked as RFC 6376 §3.5 and §6.1.1
 * require: required tags, version, algorithm, canonicalization, query
 * method, domain names, numbers, the i= domain, the h= list (which must
 * sign From) and the base64 digests. Every failure is a permerror with a
 * reason the record carries.
 */
#include <string.h>
#include <strings.h>

#include "base64.h"
#include "sig.h"

static int sig_number(const lk_mail_tag *t, long long *out)
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

static int sig_is(const lk_mail_tag *t, const char *s)
{
    size_t n = strlen(s);
    return t && t->value_len == n && strncasecmp(t->value, s, n) == 0;
}

/* Domain names: letters, digits, '-', '_' and inner dots. */
static int sig_domain_ok(const char *s, size_t n)
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

static void sig_lower(char *dst, size_t cap, const char *s, size_t n)
{
    size_t i;
    if (n >= cap)
        n = cap - 1;
    for (i = 0; i < n; i++)
        dst[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    dst[n] = '\0';
}

static int sig_wsp(char c)
{
    return c == ' ' || c == '\t';
}

/* The algorithm a= into sg->alg, the version v= checked. */
static const char *sig_alg(lk_mail_sig *sg, const lk_mail_tag *v,
                           const lk_mail_tag *a)
{
    if (!sig_is(v, "1"))
        return "v= is not 1";
    if (sig_is(a, "rsa-sha256"))
        sg->alg = LK_MAIL_ALG_RSA_SHA256;
    else if (sig_is(a, "rsa-sha1"))
        sg->alg = LK_MAIL_ALG_RSA_SHA1;
    else if (sig_is(a, "ed25519-sha256"))
        sg->alg = LK_MAIL_ALG_ED25519_SHA256;
    else
        return "unknown algorithm a=";
    return NULL;
}

/* The canonicalizations c= ("header/body", simple by default). */
static const char *sig_canon(lk_mail_sig *sg, const lk_mail_tag *c)
{
    const char *slash, *bs;
    size_t hl, bl;
    sg->hrelaxed = sg->brelaxed = 0;
    if (c == NULL)
        return NULL;
    slash = memchr(c->value, '/', c->value_len);
    hl = slash ? (size_t)(slash - c->value) : c->value_len;
    bs = slash ? slash + 1 : NULL;
    bl = slash ? c->value_len - hl - 1 : 0;
    if (hl == 7 && !strncasecmp(c->value, "relaxed", 7))
        sg->hrelaxed = 1;
    else if (!(hl == 6 && !strncasecmp(c->value, "simple", 6)))
        return "unknown canonicalization c=";
    if (bs && bl == 7 && !strncasecmp(bs, "relaxed", 7))
        sg->brelaxed = 1;
    else if (bs && !(bl == 6 && !strncasecmp(bs, "simple", 6)))
        return "unknown canonicalization c=";
    return NULL;
}

/* The key's name "s._domainkey.d" from d= and s=, both checked. */
static const char *sig_keyname(lk_mail_sig *sg, const lk_mail_tag *d,
                               const lk_mail_tag *s)
{
    size_t kl;
    if (!sig_domain_ok(d->value, d->value_len) ||
        !sig_domain_ok(s->value, s->value_len) || d->value_len > 120 ||
        s->value_len > 120)
        return "d= or s= is not a domain name";
    sig_lower(sg->keyname, sizeof(sg->keyname), s->value, s->value_len);
    kl = strlen(sg->keyname);
    memcpy(sg->keyname + kl, "._domainkey.", 12);
    sig_lower(sg->keyname + kl + 12, sizeof(sg->keyname) - kl - 12,
              d->value, d->value_len);
    return NULL;
}

/* The numbers l=, t= and x= (-1 when absent), x= not before t=. */
static const char *sig_numbers(lk_mail_sig *sg)
{
    const lk_mail_tag *l = lk_mail__tags_get(&sg->tl, "l");
    const lk_mail_tag *t = lk_mail__tags_get(&sg->tl, "t");
    const lk_mail_tag *x = lk_mail__tags_get(&sg->tl, "x");
    if ((l && sig_number(l, &sg->l) < 0) ||
        (t && sig_number(t, &sg->t) < 0) ||
        (x && sig_number(x, &sg->x) < 0))
        return "l=, t= or x= is not a number";
    if (sg->t >= 0 && sg->x >= 0 && sg->x < sg->t)
        return "x= is earlier than t=";
    return NULL;
}

/* The identity i=, when present, is in the domain d= or below it. */
static const char *sig_identity(const lk_mail_tag *i, const lk_mail_tag *d)
{
    const char *at, *idom;
    size_t dl = d->value_len, il;
    if (i == NULL)
        return NULL;
    at = memchr(i->value, '@', i->value_len);
    if (at == NULL)
        return "i= has no '@'";
    idom = at + 1;
    il = i->value_len - (size_t)(idom - i->value);
    if (!(il == dl && !strncasecmp(idom, d->value, dl)) &&
        !(il > dl && idom[il - dl - 1] == '.' &&
          !strncasecmp(idom + il - dl, d->value, dl)))
        return "i= is not in the domain d=";
    return NULL;
}

/* Is "c" whitespace or a line break inside a tag value? */
static int sig_space(char c)
{
    return sig_wsp(c) || c == '\r' || c == '\n';
}

/* The names of h= into sg->h; From must be among them. */
static const char *sig_hnames(lk_mail_sig *sg, const lk_mail_tag *h)
{
    size_t p = 0;
    int from = 0;
    while (p < h->value_len && sg->nh < LK_MAIL_SIG_MAX_H) {
        size_t e, st;
        while (p < h->value_len &&
               (h->value[p] == ':' || sig_space(h->value[p])))
            p++;
        st = p;
        while (p < h->value_len && h->value[p] != ':')
            p++;
        e = p;
        while (e > st && sig_space(h->value[e - 1]))
            e--;
        if (e == st)
            continue;
        sg->h[sg->nh] = h->value + st;
        sg->hlen[sg->nh++] = e - st;
        if (e - st == 4 && !strncasecmp(h->value + st, "from", 4))
            from = 1;
    }
    return from ? NULL : "h= does not sign From";
}

/* The body hash bh= and the signature b=, decoded. */
static const char *sig_digests(lk_mail_sig *sg, const lk_mail_tag *bh,
                               const lk_mail_tag *b)
{
    sg->bh_len = lk_base64_decode(sg->bh, sizeof(sg->bh), bh->value,
                                  bh->value_len);
    if (sg->bh_len != (sg->alg == LK_MAIL_ALG_RSA_SHA1 ? 20 : 32))
        return "bh= is not a digest of the algorithm's length";
    sg->b_len = lk_base64_decode(sg->b, sizeof(sg->b), b->value,
                                 b->value_len);
    if (sg->b_len <= 0)
        return "b= is not base64";
    return NULL;
}

/* The query method q=, when present, offers dns/txt. */
static const char *sig_query(const lk_mail_tag *q)
{
    if (q != NULL && !(q->value_len >= 7 &&
                       strncasecmp(q->value, "dns/txt", 7) == 0))
        return "q= does not offer dns/txt";
    return NULL;
}

/* Check the tags of a parsed "sg" in RFC order; the first reason. */
static const char *sig_check(lk_mail_sig *sg)
{
    const lk_mail_taglist *tl = &sg->tl;
    const lk_mail_tag *v = lk_mail__tags_get(tl, "v");
    const lk_mail_tag *a = lk_mail__tags_get(tl, "a");
    const lk_mail_tag *b = lk_mail__tags_get(tl, "b");
    const lk_mail_tag *bh = lk_mail__tags_get(tl, "bh");
    const lk_mail_tag *d = lk_mail__tags_get(tl, "d");
    const lk_mail_tag *h = lk_mail__tags_get(tl, "h");
    const lk_mail_tag *s = lk_mail__tags_get(tl, "s");
    const char *why;
    if (d != NULL)
        sig_lower(sg->domain, sizeof(sg->domain), d->value, d->value_len);
    if (!v || !a || !b || !bh || !d || !h || !s)
        return "a required tag (v a b bh d h s) is missing";
    why = sig_alg(sg, v, a);
    if (why == NULL)
        why = sig_canon(sg, lk_mail__tags_get(tl, "c"));
    if (why == NULL)
        why = sig_query(lk_mail__tags_get(tl, "q"));
    if (why == NULL)
        why = sig_keyname(sg, d, s);
    if (why == NULL)
        why = sig_numbers(sg);
    if (why == NULL)
        why = sig_identity(lk_mail__tags_get(tl, "i"), d);
    if (why == NULL)
        why = sig_hnames(sg, h);
    if (why == NULL)
        why = sig_digests(sg, bh, b);
    return why;
}

void lk_mail__sig_parse(lk_mail_sig *sg)
{
    const char *why = NULL;
    sg->t = sg->x = sg->l = -1;
    sg->nh = 0;
    sg->bh_len = sg->b_len = 0;
    sg->domain[0] = sg->keyname[0] = '\0';
    if (lk_mail__tags_parse(&sg->tl, sg->val, sg->val_len, &why) < 0) {
        sg->why = why;
        return;
    }
    sg->why = sig_check(sg);
}
