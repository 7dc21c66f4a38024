/*
 * keys.c: the key archive (DESIGN §3.3): libopendkim-style
 * "name record" lines and zone-file TXT records, several records per name
 * forming a key history; and the DKIM key record (RFC 6376 §3.6.1,
 * RFC 8463) decoded into an OpenSSL public key.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/x509.h>

#include "alloc.h"
#include "array.h"
#include "base64.h"
#include "buf.h"
#include "hash.h"
#include "keys.h"
#include "tags.h"

#define KEYS_MAX_BYTES ((size_t)64 << 20) /* largest archive read */
#define KEYS_MAX_DER 4096                 /* largest decoded p= */
#define KEYS_MAX_BITS 16384 /* largest RSA key (OpenSSL's own limit) */
#define KEYS_TOO_LARGE "p= holds a key larger than 16384 bits"

static int keys_list_has(const char *s, size_t n, const char *word)
{
    size_t i = 0, wl = strlen(word);
    while (i < n) {
        size_t a, b;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
                         s[i] == '\n' || s[i] == ':'))
            i++;
        a = i;
        while (i < n && s[i] != ':')
            i++;
        b = i;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
                         s[b - 1] == '\r' || s[b - 1] == '\n'))
            b--;
        if (b - a == wl && memcmp(s + a, word, wl) == 0)
            return 1;
    }
    return 0;
}

static int keys_is(const lk_mail_tag *t, const char *s)
{
    return t && t->value_len == strlen(s) && !memcmp(t->value, s, t->value_len);
}

/* Decode the p= key data for "key": SPKI or PKCS#1 for RSA, raw or SPKI
 * for Ed25519. Sets state BAD on failure. */
static void keys_decode(lk_mail_key *key, const unsigned char *der,
                        size_t len)
{
    const unsigned char *p = der;
    EVP_PKEY *pk = NULL;
    int want = key->ktype == LK_MAIL_K_RSA ? EVP_PKEY_RSA : EVP_PKEY_ED25519;
    if (key->ktype == LK_MAIL_K_ED25519 && len == 32)
        pk = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, der, len);
    if (pk == NULL) {
        p = der;
        pk = d2i_PUBKEY(NULL, &p, (long)len);
    }
    if (pk == NULL && key->ktype == LK_MAIL_K_RSA) {
        p = der; /* PKCS#1 RSAPublicKey, as RFC 6376 Appendix C prints */
        pk = d2i_PublicKey(EVP_PKEY_RSA, NULL, &p, (long)len);
    }
    if (pk == NULL) {
        key->state = LK_MAIL_KEY_BAD;
        key->why = "p= is not a public key";
        return;
    }
    if (EVP_PKEY_get_base_id(pk) != want) {
        EVP_PKEY_free(pk);
        key->state = LK_MAIL_KEY_BAD;
        key->why = "p= does not hold a key of type k=";
        return;
    }
    key->bits = want == EVP_PKEY_RSA ? EVP_PKEY_get_bits(pk) : 0;
    if (key->bits > KEYS_MAX_BITS) {
        EVP_PKEY_free(pk);
        key->state = LK_MAIL_KEY_BAD;
        key->why = KEYS_TOO_LARGE;
        return;
    }
    key->pkey = pk;
}

/* Set "key" unusable with "state" and static reason "why". */
static void keys_reject(lk_mail_key *key, int state, const char *why)
{
    key->state = state;
    key->why = why;
}

/* Read the flags of "key" from its tags (v=, h=, s=, t=, k=). Returns 0
 * or -1 when the record is unusable (state and reason set). */
static int keys_flags(lk_mail_key *key, const lk_mail_taglist *tl)
{
    const lk_mail_tag *v = lk_mail__tags_get(tl, "v");
    const lk_mail_tag *k = lk_mail__tags_get(tl, "k");
    const lk_mail_tag *h = lk_mail__tags_get(tl, "h");
    const lk_mail_tag *s = lk_mail__tags_get(tl, "s");
    const lk_mail_tag *t = lk_mail__tags_get(tl, "t");
    if (v != NULL && (!keys_is(v, "DKIM1") || v != &tl->tag[0])) {
        keys_reject(key, LK_MAIL_KEY_BAD, "v= is not DKIM1 as the first tag");
        return -1;
    }
    if (lk_mail__tags_get(tl, "p") == NULL) {
        keys_reject(key, LK_MAIL_KEY_BAD, "no p= tag");
        return -1;
    }
    if (h != NULL) {
        key->hash_sha1 = keys_list_has(h->value, h->value_len, "sha1");
        key->hash_sha256 = keys_list_has(h->value, h->value_len, "sha256");
    }
    if (s != NULL)
        key->service_email = keys_list_has(s->value, s->value_len, "*") ||
                             keys_list_has(s->value, s->value_len, "email");
    if (t != NULL) {
        key->testing = keys_list_has(t->value, t->value_len, "y");
        key->strict = keys_list_has(t->value, t->value_len, "s");
    }
    if (k != NULL && keys_is(k, "ed25519")) {
        key->ktype = LK_MAIL_K_ED25519;
    } else if (k != NULL && !keys_is(k, "rsa")) {
        keys_reject(key, LK_MAIL_KEY_UNSUPPORTED, "unknown key type k=");
        return -1;
    }
    return 0;
}

/* The bytes the base64 text "s" of "n" bytes would decode to, blanks and
 * padding aside (an upper bound when it is not base64). */
static size_t keys_b64_len(const char *s, size_t n)
{
    size_t i, digits = 0;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' &&
            s[i] != '=')
            digits++;
    return digits / 4 * 3 + (digits % 4 ? digits % 4 - 1 : 0);
}

int lk_mail__key_parse(lk_mail_key *key, const char *text, size_t len)
{
    lk_mail_taglist tl;
    const lk_mail_tag *p;
    const char *why = NULL;
    unsigned char der[KEYS_MAX_DER];
    long n;

    key->state = LK_MAIL_KEY_OK;
    key->why = NULL;
    key->ktype = LK_MAIL_K_RSA;
    key->hash_sha1 = key->hash_sha256 = 1;
    key->service_email = 1;
    key->testing = key->strict = 0;
    key->bits = 0;
    key->pkey = NULL;
    if (lk_mail__tags_parse(&tl, text, len, &why) < 0) {
        keys_reject(key, LK_MAIL_KEY_BAD, why);
        return 0;
    }
    if (keys_flags(key, &tl) < 0)
        return 0;
    p = lk_mail__tags_get(&tl, "p");
    if (p->value_len == 0) {
        keys_reject(key, LK_MAIL_KEY_REVOKED, "empty p=: the key is revoked");
        return 0;
    }
    n = lk_base64_decode(der, sizeof(der), p->value, p->value_len);
    if (n <= 0 && keys_b64_len(p->value, p->value_len) > sizeof(der))
        keys_reject(key, LK_MAIL_KEY_BAD, KEYS_TOO_LARGE);
    else if (n <= 0)
        keys_reject(key, LK_MAIL_KEY_BAD, "p= is not base64");
    else
        keys_decode(key, der, (size_t)n);
    return 0;
}

void lk_mail__key_dispose(lk_mail_key *key)
{
    if (key == NULL)
        return;
    EVP_PKEY_free(key->pkey);
    key->pkey = NULL;
}

/* ---- archive ------------------------------------------------------------- */

typedef struct keys_reader {
    const char *name;   /* archive name for diagnostics */
    const char *text;   /* archive bytes */
    size_t len;         /* bytes of text */
    size_t pos;         /* read position */
    unsigned line;      /* 1-based line at pos */
    size_t line_start;  /* offset of that line */
    lk_error *err;      /* receives syntax errors */
} keys_reader;

static int keys_syntax(keys_reader *r, size_t at, const char *msg)
{
    return lk_error_set_at(r->err, LK_EINVALID, r->name, r->line,
                           (unsigned)(at - r->line_start + 1), NULL, "%s",
                           msg);
}

static int keys_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Skip to the start of the next line. */
static void keys_next_line(keys_reader *r)
{
    while (r->pos < r->len && r->text[r->pos] != '\n')
        r->pos++;
    if (r->pos < r->len) {
        r->pos++;
        r->line++;
        r->line_start = r->pos;
    }
}

/* Read a quoted string at r->pos (on '"') into "rec". */
static int keys_quoted(keys_reader *r, lk_buf *rec)
{
    size_t open = r->pos;
    r->pos++;
    while (r->pos < r->len && r->text[r->pos] != '"') {
        char c = r->text[r->pos];
        if (c == '\n')
            return keys_syntax(r, open, "unterminated quoted string");
        if (c == '\\' && r->pos + 1 < r->len) {
            const char *d = r->text + r->pos + 1;
            if (r->pos + 3 < r->len && d[0] >= '0' && d[0] <= '9' &&
                d[1] >= '0' && d[1] <= '9' && d[2] >= '0' && d[2] <= '9') {
                int v = (d[0] - '0') * 100 + (d[1] - '0') * 10 + d[2] - '0';
                char ch = (char)(v & 0xff);
                lk_buf_put(rec, &ch, 1);
                r->pos += 4;
                continue;
            }
            r->pos++;
            c = r->text[r->pos];
        }
        lk_buf_put(rec, &c, 1);
        r->pos++;
    }
    if (r->pos >= r->len)
        return keys_syntax(r, open, "unterminated quoted string");
    r->pos++;
    return 0;
}

/* Zone-file style: quoted strings after TXT, '(' ')' across lines. */
static int keys_zone_strings(keys_reader *r, lk_buf *rec)
{
    int depth = 0, error, any = 0;
    for (;;) {
        char c;
        while (r->pos < r->len && keys_blank(r->text[r->pos]))
            r->pos++;
        c = r->pos < r->len ? r->text[r->pos] : '\n';
        if (c == ';' || c == '#' || c == '\n') {
            if (depth == 0 || r->pos >= r->len)
                break;
            keys_next_line(r);
            continue;
        }
        if (c == '(') {
            depth++;
            r->pos++;
        } else if (c == ')') {
            depth--;
            r->pos++;
        } else if (c == '"') {
            error = keys_quoted(r, rec);
            if (error < 0)
                return error;
            any = 1;
        } else {
            size_t a = r->pos; /* unquoted string */
            while (r->pos < r->len && !keys_blank(r->text[r->pos]) &&
                   r->text[r->pos] != '\n' && r->text[r->pos] != ')' &&
                   r->text[r->pos] != ';')
                r->pos++;
            lk_buf_put(rec, r->text + a, r->pos - a);
            any = 1;
        }
    }
    if (depth != 0)
        return keys_syntax(r, r->pos, "unbalanced parentheses");
    if (!any)
        return keys_syntax(r, r->pos, "TXT without a string");
    return 0;
}

static int keys_add(lk_mail_keys *ks, size_t *cap, const char *name,
                    size_t name_len, lk_buf *rec, unsigned line)
{
    lk_mail_key *k;
    size_t i;
    k = lk_array_grow(ks->keys, cap, ks->n, sizeof(*k));
    if (k == NULL)
        return LK_ENOMEM;
    ks->keys = k;
    k = &ks->keys[ks->n];
    memset(k, 0, sizeof(*k));
    while (name_len > 0 && name[name_len - 1] == '.')
        name_len--;
    k->name = lk_strndup(name, name_len);
    k->record = lk_strndup(rec->ptr ? rec->ptr : "", rec->len);
    if (k->name == NULL || k->record == NULL) {
        lk_free(k->name);
        lk_free(k->record);
        return LK_ENOMEM;
    }
    for (i = 0; i < name_len; i++)
        if (k->name[i] >= 'A' && k->name[i] <= 'Z')
            k->name[i] = (char)(k->name[i] - 'A' + 'a');
    k->record_len = rec->len;
    k->line = line;
    ks->n++;
    return 0; /* parsed when first looked up */
}

static int keys_token_is(const char *s, size_t n, const char *w)
{
    size_t i;
    if (n != strlen(w))
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c != w[i])
            return 0;
    }
    return 1;
}

static int keys_all_digits(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

static int keys_cmp(const void *a, const void *b)
{
    const lk_mail_key *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c != 0)
        return c;
    return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * Skip the optional TTL and class of a zone-file line; returns 1 when a
 * TXT token follows (zone-file style), 0 when r->pos is at the record.
 */
static int keys_zone_prefix(keys_reader *r)
{
    int tokens = 0;
    for (;;) {
        size_t ts, te;
        while (r->pos < r->len && keys_blank(r->text[r->pos]))
            r->pos++;
        ts = r->pos;
        while (r->pos < r->len && !keys_blank(r->text[r->pos]) &&
               r->text[r->pos] != '\n')
            r->pos++;
        te = r->pos;
        if (te == ts)
            return 0;
        if (keys_token_is(r->text + ts, te - ts, "TXT"))
            return 1;
        if (tokens < 2 && (keys_token_is(r->text + ts, te - ts, "IN") ||
                           keys_all_digits(r->text + ts, te - ts))) {
            tokens++;
            continue;
        }
        r->pos = ts; /* the record itself */
        return 0;
    }
}

/*
 * Read the record after the name that starts at "ns" into "rec": quoted
 * strings (zone style) or the rest of the line. Returns 0, LK_EINVALID
 * or LK_ENOMEM with r->err set.
 */
static int keys_record(keys_reader *r, size_t ns, lk_buf *rec)
{
    int error = 0;
    if (keys_zone_prefix(r) ||
        (r->pos < r->len && r->text[r->pos] == '"')) {
        error = keys_zone_strings(r, rec);
    } else {
        size_t a = r->pos, b;
        while (r->pos < r->len && r->text[r->pos] != '\n')
            r->pos++;
        b = r->pos;
        while (b > a && keys_blank(r->text[b - 1]))
            b--;
        if (b == a)
            return keys_syntax(r, ns, "name without a key record");
        lk_buf_put(rec, r->text + a, b - a);
    }
    if (error < 0)
        return error;
    if (rec->error == LK_ENOMEM)
        return lk_error_set_oom(r->err);
    if (rec->error < 0)
        return keys_syntax(r, ns, "key record too long");
    return 0;
}

/* Read every line of the archive into "ks", sorted by name and line.
 * Returns 0, LK_EINVALID or LK_ENOMEM with r->err set. */
static int keys_parse_all(lk_mail_keys *ks, keys_reader *r)
{
    size_t cap = 0;
    int error = 0;
    lk_buf rec;
    lk_buf_init(&rec, (size_t)1 << 20);
    while (r->pos < r->len) {
        size_t ns, ne;
        unsigned line = r->line;
        while (r->pos < r->len && keys_blank(r->text[r->pos]))
            r->pos++;
        if (r->pos >= r->len)
            break;
        if (r->text[r->pos] == '\n' || r->text[r->pos] == '#' ||
            r->text[r->pos] == ';' || r->text[r->pos] == '$') {
            keys_next_line(r);
            continue;
        }
        ns = r->pos;
        while (r->pos < r->len && !keys_blank(r->text[r->pos]) &&
               r->text[r->pos] != '\n')
            r->pos++;
        ne = r->pos;
        rec.len = 0;
        rec.error = 0;
        error = keys_record(r, ns, &rec);
        if (error < 0)
            goto out;
        error = keys_add(ks, &cap, r->text + ns, ne - ns, &rec, line);
        if (error < 0) {
            lk_error_set_oom(r->err);
            goto out;
        }
        keys_next_line(r);
    }
    if (ks->n > 1)
        qsort(ks->keys, ks->n, sizeof(*ks->keys), keys_cmp);
out:
    lk_buf_dispose(&rec);
    return error;
}

/* The SHA-256 of the archive's "len" bytes of "text" as hex into "hex".
 * Returns 0, LK_ENOMEM or LK_ERROR with "err" set. */
static int keys_sha256(char hex[65], const char *text, size_t len,
                       lk_error *err)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int error;
    if (ctx == NULL)
        return lk_error_set_oom(err);
    error = lk_hash_sha256_hex(ctx, lk_hash_sha256(), text, len, hex);
    EVP_MD_CTX_free(ctx);
    if (error < 0)
        return lk_error_set(err, error, "cannot compute a SHA-256");
    return 0;
}

int lk_mail_keys_parse(lk_mail_keys **out, const char *name,
                       const char *text, size_t len, lk_error *err)
{
    lk_mail_keys *ks = lk_calloc(1, sizeof(*ks));
    keys_reader r;
    int error;
    if (ks == NULL)
        return lk_error_set_oom(err);
    ks->file = lk_strdup(name ? name : "");
    if (ks->file == NULL || pthread_mutex_init(&ks->lock, NULL) != 0) {
        lk_free(ks->file);
        lk_free(ks);
        return lk_error_set_oom(err);
    }
    error = keys_sha256(ks->sha256, text, len, err);
    if (error < 0) {
        lk_mail_keys_free(ks);
        return error;
    }
    memset(&r, 0, sizeof(r));
    r.name = ks->file;
    r.text = text;
    r.len = len;
    r.line = 1;
    r.err = err;
    error = keys_parse_all(ks, &r);
    if (error < 0) {
        lk_mail_keys_free(ks);
        return error;
    }
    *out = ks;
    return 0;
}

int lk_mail_keys_load(lk_mail_keys **out, const char *path, lk_error *err)
{
    char *text = NULL;
    size_t len = 0;
    int error = lk_file_read(&text, &len, path, KEYS_MAX_BYTES, err);
    if (error < 0)
        return error;
    error = lk_mail_keys_parse(out, path, text, len, err);
    lk_free(text);
    return error;
}

size_t lk_mail_keys_count(const lk_mail_keys *keys)
{
    return keys ? keys->n : 0;
}

const char *lk_mail_keys_sha256(const lk_mail_keys *keys)
{
    return keys->sha256;
}

void lk_mail_keys_free(lk_mail_keys *keys)
{
    size_t i;
    if (keys == NULL)
        return;
    for (i = 0; i < keys->n; i++) {
        lk_mail__key_dispose(&keys->keys[i]);
        lk_free(keys->keys[i].name);
        lk_free(keys->keys[i].record);
    }
    lk_free(keys->keys);
    lk_free(keys->file);
    pthread_mutex_destroy(&keys->lock);
    lk_free(keys);
}

/* Parse records [a, b) of "keys" not parsed yet. The archive is shared
 * by the workers: its lock makes this safe; parsing cannot fail. */
static void keys_parse_range(const lk_mail_keys *keys, size_t a, size_t b)
{
    lk_mail_keys *ks = (lk_mail_keys *)keys; /* lazily filled cache */
    size_t i;
    pthread_mutex_lock(&ks->lock);
    for (i = a; i < b; i++) {
        lk_mail_key *k = &ks->keys[i];
        if (k->parsed)
            continue;
        lk_mail__key_parse(k, k->record, k->record_len);
        k->parsed = 1;
    }
    pthread_mutex_unlock(&ks->lock);
}

const lk_mail_key *lk_mail__keys_find(const lk_mail_keys *keys,
                                      const char *name, size_t *count)
{
    size_t lo = 0, hi, first;
    *count = 0;
    if (keys == NULL || keys->n == 0)
        return NULL;
    hi = keys->n;
    while (lo < hi) { /* first record with name >= "name" */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(keys->keys[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    first = lo;
    while (lo < keys->n && strcmp(keys->keys[lo].name, name) == 0)
        lo++;
    *count = lo - first;
    if (*count == 0)
        return NULL;
    keys_parse_range(keys, first, lo);
    return &keys->keys[first];
}
