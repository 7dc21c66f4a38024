/*
 * stream.h: corpus bytes that cannot be mapped: standard input, pipes,
 * FIFOs and files compressed with gzip, xz or zstd (read through zlib,
 * liblzma and libzstd); and the sniffing that tells mail from what is not
 * (binary data, images, archives) before a single message is counted.
 */
#ifndef LK_MAIL_STREAM_H
#define LK_MAIL_STREAM_H

#include <stddef.h>

/* How a stream's bytes are encoded. */
enum {
    LK_MAIL_Z_NONE = 0, /* plain bytes */
    LK_MAIL_Z_GZIP,     /* gzip (RFC 1952), members concatenated */
    LK_MAIL_Z_XZ,       /* xz, streams concatenated */
    LK_MAIL_Z_ZSTD      /* Zstandard frames */
};

/*
 * Look at the first "n" bytes of an input (n may be short of the whole):
 * returns NULL when they may be mail (an mbox, a message or nothing),
 * else a static reason it is not ("not mail: PNG image"). "*z" receives
 * the compression the bytes start with (LK_MAIL_Z_*; reason NULL then).
 * Cannot fail.
 */
const char *lk_mail__sniff(const char *d, size_t n, int *z);

/* The name of compression "z" ("gzip", "xz", "zstd"). Borrowed: static. */
const char *lk_mail__z_name(int z);

/* A byte stream read from a file descriptor, decompressed. */
typedef struct lk_mail_stream lk_mail_stream;

/*
 * Read descriptor "fd" (not closed by the stream) or, when "fd" is -1,
 * the "len" bytes of "mem" (borrowed), decompressing "z" (LK_MAIL_Z_*).
 * "hash": keep the SHA-256 of the bytes read (compressed, as stored).
 * Returns 0, LK_ENOMEM or LK_ERROR (a library cannot start).
 * Owned by caller: release with lk_mail__stream_free.
 */
int lk_mail__stream_new(lk_mail_stream **out, int fd, const char *mem,
                        size_t len, int z, int hash);

/*
 * Read up to "cap" decoded bytes into "buf"; "*got" is 0 at the end.
 * Returns 0, LK_EIO (read error, errno kept in "*sys") or LK_EINVALID
 * (corrupt or truncated compressed data). After an error, reading again
 * gives the same error.
 */
int lk_mail__stream_read(lk_mail_stream *s, char *buf, size_t cap,
                         size_t *got, int *sys);

/* Bytes read from the descriptor or buffer so far (compressed). */
unsigned long long lk_mail__stream_raw(const lk_mail_stream *s);

/*
 * The SHA-256 of the bytes read so far as hex into "hex" ("" when the
 * stream does not hash). Returns 0 or LK_ERROR. Call once, at the end.
 */
int lk_mail__stream_sha256(lk_mail_stream *s, char hex[65]);

/* Free "s"; NULL is allowed. */
void lk_mail__stream_free(lk_mail_stream *s);

#endif
