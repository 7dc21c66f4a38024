/*
 * stream.c: corpus bytes read rather than mapped (standard input, pipes,
 * FIFOs, compressed files) through zlib, liblzma and libzstd, hashed as
 * stored; and the sniffing that keeps what is not mail (binary data,
 * images, archives) from being counted as unsigned messages.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "alloc.h"
#include "error.h"
#include "hash.h"
#include "stream.h"

#define STREAM_IN ((size_t)1 << 16) /* compressed bytes read at once */

struct lk_mail_stream {
    int fd;                    /* descriptor, -1 for a buffer */
    const char *mem;           /* the buffer when fd is -1 */
    size_t mem_len;            /* its length */
    int z;                     /* LK_MAIL_Z_* */
    unsigned long long raw;    /* bytes read from fd or mem */
    EVP_MD_CTX *md;            /* SHA-256 of those bytes, NULL if off */
    unsigned char *in;         /* compressed input not yet decoded */
    size_t in_len, in_pos;     /* bytes in "in", next to decode */
    int eof;                   /* the input is exhausted */
    int done;                  /* the last frame ended at eof */
    int error;                 /* sticky error */
    int sys;                   /* errno of a read error */
    z_stream gz;               /* gzip state */
    lzma_stream xz;            /* xz state */
    ZSTD_DStream *zs;          /* zstd state */
};

/* ---- sniffing ------------------------------------------------------------ */

typedef struct sniff_magic {
    const char *bytes; /* the signature at offset 0 */
    size_t len;        /* its length */
    int z;             /* LK_MAIL_Z_* it means, or -1: not mail */
    const char *why;   /* reason when not mail */
} sniff_magic;

static const sniff_magic sniff_magics[] = {
    {"\x1f\x8b", 2, LK_MAIL_Z_GZIP, NULL},
    {"\xfd" "7zXZ\0", 6, LK_MAIL_Z_XZ, NULL},
    {"\x28\xb5\x2f\xfd", 4, LK_MAIL_Z_ZSTD, NULL},
    {"BZh", 3, -1, "compressed with bzip2, which leaklaw does not read: "
                   "decompress it first"},
    {"PK\x03\x04", 4, -1, "a zip archive: extract it first"},
    {"7z\xbc\xaf\x27\x1c", 6, -1, "a 7-Zip archive: extract it first"},
    {"\x89PNG", 4, -1, "not mail: PNG image"},
    {"\xff\xd8\xff", 3, -1, "not mail: JPEG image"},
    {"GIF8", 4, -1, "not mail: GIF image"},
    {"%PDF", 4, -1, "not mail: PDF document"},
    {"\x7f" "ELF", 4, -1, "not mail: executable"},
    {"SQLite format 3", 15, -1, "not mail: SQLite database"},
};

/* Is the line at the start of "d" ("n" bytes) a header field "Name:"
 * (RFC 5322 ftext, then blanks, then ':')? */
static int sniff_field(const char *d, size_t n)
{
    size_t i = 0;
    while (i < n && i < 998 && (unsigned char)d[i] > 32 &&
           (unsigned char)d[i] < 127 && d[i] != ':')
        i++;
    if (i == 0)
        return 0;
    while (i < n && (d[i] == ' ' || d[i] == '\t'))
        i++;
    return i < n && d[i] == ':';
}

const char *lk_mail__sniff(const char *d, size_t n, int *z)
{
    size_t k, i;
    *z = LK_MAIL_Z_NONE;
    if (n == 0)
        return NULL;
    for (k = 0; k < sizeof(sniff_magics) / sizeof(sniff_magics[0]); k++) {
        const sniff_magic *m = &sniff_magics[k];
        if (n < m->len || memcmp(d, m->bytes, m->len) != 0)
            continue;
        if (m->z >= 0)
            *z = m->z;
        return m->why;
    }
    if ((n >= 5 && memcmp(d, "From ", 5) == 0) || sniff_field(d, n)) {
        /* a NUL in the header (before its empty line) is binary data */
        for (i = 0; i < n && i < 4096; i++) {
            if (d[i] == '\0')
                return "not mail: binary data (a NUL byte in the header)";
            if (i > 0 && d[i] == '\n' && d[i - 1] == '\n')
                break;
        }
        return NULL;
    }
    for (i = 0; i < n && i < 512; i++)
        if (d[i] == '\0')
            return "not mail: binary data";
    return "not mail: no header field or From_ line at the start";
}

const char *lk_mail__z_name(int z)
{
    static const char *const names[] = {"plain", "gzip", "xz", "zstd"};
    return z >= 0 && z <= LK_MAIL_Z_ZSTD ? names[z] : "unknown";
}

/* ---- decoding ------------------------------------------------------------ */

/* zlib's and liblzma's allocations go through lk_ (failure injection). */
static voidpf stream_zalloc(voidpf opaque, uInt items, uInt size)
{
    return lk_calloc(items, size);
}

static void stream_zfree(voidpf opaque, voidpf p)
{
    lk_free(p);
}

static void *stream_xzalloc(void *opaque, size_t n, size_t size)
{
    return lk_calloc(n, size);
}

static void stream_xzfree(void *opaque, void *p)
{
    lk_free(p);
}

static const lzma_allocator stream_xz_allocator = {stream_xzalloc,
                                                   stream_xzfree, NULL};

/* Start the decoder of s->z. Returns 0, LK_ENOMEM or LK_ERROR. */
static int stream_decoder_new(lk_mail_stream *s)
{
    lzma_stream xz = LZMA_STREAM_INIT;
    lzma_ret xr;
    switch (s->z) {
    case LK_MAIL_Z_GZIP:
        s->gz.zalloc = stream_zalloc;
        s->gz.zfree = stream_zfree;
        /* 15 + 16: a gzip wrapper, the largest window */
        if (inflateInit2(&s->gz, 15 + 16) != Z_OK)
            return LK_ENOMEM;
        return 0;
    case LK_MAIL_Z_XZ:
        s->xz = xz;
        s->xz.allocator = &stream_xz_allocator;
        xr = lzma_stream_decoder(&s->xz, UINT64_MAX, LZMA_CONCATENATED);
        return xr == LZMA_OK ? 0 : xr == LZMA_MEM_ERROR ? LK_ENOMEM
                                                          : LK_ERROR;
    case LK_MAIL_Z_ZSTD:
        s->zs = ZSTD_createDStream();
        if (s->zs == NULL)
            return LK_ENOMEM;
        return ZSTD_isError(ZSTD_initDStream(s->zs)) ? LK_ERROR : 0;
    default:
        return 0;
    }
}

int lk_mail__stream_new(lk_mail_stream **out, int fd, const char *mem,
                        size_t len, int z, int hash)
{
    lk_mail_stream *s = lk_calloc(1, sizeof(*s));
    int error;
    if (s == NULL)
        return LK_ENOMEM;
    s->fd = fd;
    s->mem = mem;
    s->mem_len = len;
    s->z = z;
    s->in = lk_malloc(STREAM_IN);
    error = s->in == NULL ? LK_ENOMEM : 0;
    if (error == 0 && hash) {
        s->md = EVP_MD_CTX_new();
        if (s->md == NULL)
            error = LK_ENOMEM;
        else if (EVP_DigestInit_ex(s->md, lk_hash_sha256(), NULL) != 1)
            error = LK_ERROR;
    }
    if (error == 0)
        error = stream_decoder_new(s);
    if (error < 0) {
        lk_mail__stream_free(s);
        return error;
    }
    *out = s;
    return 0;
}

/* Refill s->in from the descriptor or buffer; sets s->eof at the end.
 * Returns 0, LK_EIO or LK_ERROR (digest). */
static int stream_fill(lk_mail_stream *s)
{
    ssize_t n;
    if (s->fd < 0) {
        size_t left = s->mem_len - (size_t)s->raw;
        n = (ssize_t)(left < STREAM_IN ? left : STREAM_IN);
        memcpy(s->in, s->mem + (size_t)s->raw, (size_t)n);
    } else {
        do
            n = read(s->fd, s->in, STREAM_IN);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            s->sys = errno;
            return LK_EIO;
        }
    }
    s->in_len = (size_t)n;
    s->in_pos = 0;
    s->raw += (unsigned long long)n;
    if (n == 0)
        s->eof = 1;
    if (n > 0 && s->md != NULL &&
        EVP_DigestUpdate(s->md, s->in, (size_t)n) != 1)
        return LK_ERROR;
    return 0;
}

/* One gzip step into "buf"; "*got" bytes out. Returns 0 or LK_EINVALID. */
static int stream_gzip(lk_mail_stream *s, char *buf, size_t cap,
                       size_t *got)
{
    int rc;
    s->gz.next_in = s->in + s->in_pos;
    s->gz.avail_in = (uInt)(s->in_len - s->in_pos);
    s->gz.next_out = (Bytef *)buf;
    s->gz.avail_out = (uInt)(cap > 1u << 30 ? 1u << 30 : cap);
    rc = inflate(&s->gz, Z_NO_FLUSH);
    *got = (size_t)((char *)s->gz.next_out - buf);
    s->in_pos = s->in_len - s->gz.avail_in;
    s->done = 0;
    if (rc == Z_STREAM_END) { /* another member may follow */
        s->done = 1;
        return inflateReset(&s->gz) == Z_OK ? 0 : LK_EINVALID;
    }
    /* Z_BUF_ERROR: no progress until more input comes */
    return rc == Z_OK || rc == Z_BUF_ERROR ? 0 : LK_EINVALID;
}

/* One xz step into "buf". Returns 0 or LK_EINVALID. */
static int stream_xz(lk_mail_stream *s, char *buf, size_t cap, size_t *got)
{
    lzma_ret rc;
    s->xz.next_in = s->in + s->in_pos;
    s->xz.avail_in = s->in_len - s->in_pos;
    s->xz.next_out = (uint8_t *)buf;
    s->xz.avail_out = cap;
    rc = lzma_code(&s->xz, s->eof ? LZMA_FINISH : LZMA_RUN);
    *got = cap - s->xz.avail_out;
    s->in_pos = s->in_len - s->xz.avail_in;
    if (rc == LZMA_STREAM_END)
        s->done = 1;
    return rc == LZMA_OK || rc == LZMA_STREAM_END || rc == LZMA_BUF_ERROR
               ? 0
               : LK_EINVALID;
}

/* One zstd step into "buf". Returns 0 or LK_EINVALID. */
static int stream_zstd(lk_mail_stream *s, char *buf, size_t cap,
                       size_t *got)
{
    ZSTD_inBuffer in = {s->in + s->in_pos, s->in_len - s->in_pos, 0};
    ZSTD_outBuffer o = {buf, cap, 0};
    size_t rc = ZSTD_decompressStream(s->zs, &o, &in);
    *got = o.pos;
    s->in_pos += in.pos;
    if (ZSTD_isError(rc))
        return LK_EINVALID;
    s->done = rc == 0; /* a frame ended and nothing is buffered */
    return 0;
}

/* Decode into "buf" until some bytes come out or the input ends.
 * Returns 0, LK_EIO, LK_EINVALID or LK_ERROR. */
static int stream_decode(lk_mail_stream *s, char *buf, size_t cap,
                         size_t *got)
{
    int error = 0;
    *got = 0;
    while (*got == 0 && error == 0) {
        if (s->in_pos == s->in_len && !s->eof)
            error = stream_fill(s);
        if (error != 0)
            break;
        if (s->eof && s->in_pos == s->in_len && s->z != LK_MAIL_Z_XZ)
            return s->done || s->raw == 0 ? 0 : LK_EINVALID; /* cut */
        if (s->z == LK_MAIL_Z_GZIP)
            error = stream_gzip(s, buf, cap, got);
        else if (s->z == LK_MAIL_Z_XZ)
            error = stream_xz(s, buf, cap, got);
        else
            error = stream_zstd(s, buf, cap, got);
        if (error == 0 && *got == 0 && s->eof && s->in_pos == s->in_len &&
            s->z == LK_MAIL_Z_XZ)
            return s->done ? 0 : LK_EINVALID;
    }
    return error;
}

int lk_mail__stream_read(lk_mail_stream *s, char *buf, size_t cap,
                         size_t *got, int *sys)
{
    int error = s->error;
    *got = 0;
    if (error == 0 && s->z != LK_MAIL_Z_NONE) {
        error = stream_decode(s, buf, cap, got);
    } else if (error == 0) {
        if (s->in_pos == s->in_len && !s->eof)
            error = stream_fill(s);
        if (error == 0) {
            size_t n = s->in_len - s->in_pos;
            *got = n < cap ? n : cap;
            memcpy(buf, s->in + s->in_pos, *got);
            s->in_pos += *got;
        }
    }
    s->error = error;
    *sys = s->sys;
    return error;
}

unsigned long long lk_mail__stream_raw(const lk_mail_stream *s)
{
    return s->raw;
}

int lk_mail__stream_sha256(lk_mail_stream *s, char hex[65])
{
    hex[0] = '\0';
    if (s->md == NULL)
        return 0;
    return lk_hash_final_hex(s->md, hex);
}

void lk_mail__stream_free(lk_mail_stream *s)
{
    if (s == NULL)
        return;
    if (s->z == LK_MAIL_Z_GZIP && s->gz.zalloc != NULL)
        inflateEnd(&s->gz);
    if (s->z == LK_MAIL_Z_XZ)
        lzma_end(&s->xz);
    ZSTD_freeDStream(s->zs);
    EVP_MD_CTX_free(s->md);
    lk_free(s->in);
    lk_free(s);
}
