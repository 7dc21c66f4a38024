/*
 * leaklaw/errors.h: status codes and the caller-owned error record.
 * Every fallible public function returns 0 or a negative lk_status and
 * fills an lk_error (which may be NULL) at the point of failure.
 */
#ifndef LEAKLAW_ERRORS_H
#define LEAKLAW_ERRORS_H

#include "common.h"

LK_BEGIN_DECL

/** Status codes returned by fallible functions. */
typedef enum lk_status {
    LK_OK = 0,         /* success */
    LK_ERROR = -1,     /* generic failure */
    LK_ENOMEM = -2,    /* out of memory */
    LK_ENOTFOUND = -3, /* a named thing does not exist */
    LK_EINVALID = -4,  /* input violates its format (exit status 65) */
    LK_ETOOBIG = -5,   /* a buffer or input limit was reached */
    LK_EEXISTS = -6,   /* already exists */
    LK_ECONFLICT = -7, /* two pieces of data disagree */
    LK_EIO = -8        /* the operating system refused a read or write */
} lk_status;

#define LK_ERROR_FILE_MAX 256
#define LK_ERROR_POINTER_MAX 256
#define LK_ERROR_MESSAGE_MAX 512

/**
 * Where and why something failed. Caller-owned; a plain struct that can
 * live on the stack. line and column are 1-based, 0 when not known.
 */
typedef struct lk_error {
    int code;                           /* an lk_status, 0 when clear */
    char file[LK_ERROR_FILE_MAX];       /* input file name, "" if none */
    unsigned line;                      /* 1-based line, 0 if unknown */
    unsigned column;                    /* 1-based column, 0 if unknown */
    char pointer[LK_ERROR_POINTER_MAX]; /* RFC 6901 JSON pointer or "" */
    char message[LK_ERROR_MESSAGE_MAX]; /* one line of plain English */
} lk_error;

/**
 * METHOD: reset "err" to the clear state. Cannot fail; NULL is allowed.
 */
LK_EXTERN(void) lk_error_clear(lk_error *err);

/**
 * METHOD: format "err" as one line, "FILE:LINE:COL: /pointer: message",
 * leaving out the parts that are empty. Always NUL-terminates "buf" when
 * "size" > 0 and truncates silently.
 *
 * @param err  the error to format
 * @param buf  [out] destination
 * @param size size of buf in bytes
 * @return the length of the formatted line (before truncation).
 */
LK_EXTERN(size_t) lk_error_format(const lk_error *err, char *buf,
                                  size_t size);

/**
 * Map a status code to the command-line exit status: 0 for LK_OK, 65 for
 * LK_EINVALID and LK_ETOOBIG (bad input), 1 for everything else.
 */
LK_EXTERN(int) lk_status_exit_code(int status);

/**
 * Callback receiving one diagnostic at a time, for validators that report
 * every problem they find rather than the first.
 *
 * @param diag    the diagnostic; borrowed for the duration of the call
 * @param payload the caller's pointer, passed through unchanged
 */
typedef void (*lk_diag_cb)(const lk_error *diag, void *payload);

LK_END_DECL

#endif
