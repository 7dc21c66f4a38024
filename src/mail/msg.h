/*
 * msg.h: one message's header split into fields, without copying, as
 * seen under one transformation (bare LF as line end, mboxrd unquoting),
 * and the line and field helpers canonicalization and records share.
 */
#ifndef LK_MAIL_MSG_H
#define LK_MAIL_MSG_H

#include <stddef.h>

typedef struct lk_mail_field {
    size_t start;    /* offset of the field's first byte */
    size_t end;      /* offset after its last line, terminator excluded */
    size_t name_len; /* bytes of the name, trailing blanks excluded */
    size_t colon;    /* offset of ':' or end when there is none */
} lk_mail_field;

/* One message as seen under one transformation. */
typedef struct lk_mail_msg {
    const char *data; /* the raw bytes */
    size_t len;       /* bytes of data */
    int lf;           /* 1: a bare LF ends a line (lf-to-crlf) */
    int unquote;      /* 1: ">From " lines lose one '>' (mboxrd) */
    lk_mail_field *fields; /* header fields in order */
    size_t nfields;        /* number of fields */
    size_t cap;            /* allocated fields */
    size_t body;           /* offset of the body, len if none */
    int limit;             /* LK_MAIL_LIMIT_* bits hit while parsing */
} lk_mail_msg;

enum {
    LK_MAIL_LIMIT_HEADER = 1, /* header block larger than the limit */
    LK_MAIL_LIMIT_LINE = 2,   /* a header line longer than the limit */
    LK_MAIL_LIMIT_SIGS = 4,   /* more signatures than the limit */
    LK_MAIL_LIMIT_FIELDS = 8  /* more header fields than the limit */
};

/* The limits that keep some signature of a message from being checked:
 * the message is then unverifiable, whatever the others found. */
#define LK_MAIL_LIMIT_UNCHECKED                                            \
    (LK_MAIL_LIMIT_HEADER | LK_MAIL_LIMIT_SIGS | LK_MAIL_LIMIT_FIELDS)

#define LK_MAIL_MAX_FIELDS 2000 /* header fields parsed per message */

/*
 * Split the header of "m" (data, len, lf set) into fields. Stops at the
 * limits given, recording them in m->limit. Returns 0 or LK_ENOMEM.
 */
int lk_mail__header_parse(lk_mail_msg *m, size_t max_header,
                          size_t max_line);

/* Free the field array of "m". Cannot fail. */
void lk_mail__msg_dispose(lk_mail_msg *m);

/*
 * The line starting at "pos" of "d" before "end": its content ends at
 * "*le"; returns the position after its terminator (CRLF, or also a bare
 * LF in "lf" mode, where a CR before the LF belongs to the terminator).
 */
size_t lk_mail__line(const char *d, size_t pos, size_t end, int lf,
                     size_t *le);

/* Is the line [a, b) of "d" a mboxrd-quoted From_ line (">+From ")? */
int lk_mail__quoted_from(const char *d, size_t a, size_t b);

/* Is field "f" of "m" named "name" of "n" bytes (any case)? */
int lk_mail__field_is(const lk_mail_msg *m, const lk_mail_field *f,
                      const char *name, size_t n);

/*
 * Copy the value of the first field named "name" unfolded (line breaks
 * dropped, tabs and blank runs as one space) and trimmed into "out" of
 * "cap" bytes, NUL-terminated and truncated to fit; returns its length.
 */
size_t lk_mail__field_value(const lk_mail_msg *m, const char *name,
                            char *out, size_t cap);

#endif
