/*
 * verify.c: one message from bytes to record. The bytes as found are
 * hashed and tried first; a message that fails is tried again with a bare
 * LF as line end and with mboxrd unquoting, and the first attempt that
 * verifies is reported (else the first attempt), naming its
 * transformation.
 */
#include <string.h>

#include "alloc.h"
#include "dkim.h"
#include "msg.h"
#include "verify.h"

struct lk_mail_worker {
    lk_mail_dkim *dkim;       /* digests and verification scratch */
    lk_mail_msg msg;          /* fields of the current attempt */
    lk_mail_eval ev[2];       /* first attempt, current attempt */
};

/* How a message's lines end, to choose the attempts. */
typedef struct verify_ends {
    int crlf;    /* some line ends with CRLF */
    int bare;    /* some line ends with a bare LF */
    int quoted;  /* an mbox message has a ">From " line */
} verify_ends;

int lk_mail__worker_new(lk_mail_worker **out, lk_mail_dns *dns)
{
    lk_mail_worker *w = lk_calloc(1, sizeof(*w));
    int error;
    if (w == NULL)
        return LK_ENOMEM;
    error = lk_mail__dkim_new(&w->dkim, dns);
    if (error < 0) {
        lk_free(w);
        return error;
    }
    *out = w;
    return 0;
}

void lk_mail__worker_free(lk_mail_worker *w)
{
    if (w == NULL)
        return;
    lk_mail__dkim_free(w->dkim);
    lk_mail__msg_dispose(&w->msg);
    lk_free(w->ev[0].sig);
    lk_free(w->ev[1].sig);
    lk_free(w);
}

/* Room for "want" signatures in both attempts. Returns 0 or LK_ENOMEM. */
static int verify_reserve(lk_mail_worker *w, unsigned want)
{
    int k;
    for (k = 0; k < 2; k++) {
        lk_mail_sig *s;
        if (w->ev[k].cap >= want)
            continue;
        s = lk_realloc(w->ev[k].sig, want * sizeof(*s));
        if (s == NULL)
            return LK_ENOMEM;
        w->ev[k].sig = s;
        w->ev[k].cap = want;
    }
    return 0;
}

/* Scan the line ends of "data" (and, for an mbox, quoted From_ lines),
 * stopping once everything that matters was seen. */
static void verify_scan(const char *data, size_t len, int mbox,
                        verify_ends *e)
{
    const char *nl;
    size_t p = 0;
    memset(e, 0, sizeof(*e));
    while (p < len && (nl = memchr(data + p, '\n', len - p)) != NULL) {
        size_t at = (size_t)(nl - data);
        if (at > 0 && data[at - 1] == '\r')
            e->crlf = 1;
        else
            e->bare = 1;
        if (mbox && at + 2 < len && data[at + 1] == '>' &&
            lk_mail__quoted_from(data, at + 1, len))
            e->quoted = 1;
        p = at + 1;
        if (e->crlf && e->bare && (e->quoted || !mbox))
            break;
    }
}

/* Did attempt "ev" verify the message? */
static int verify_passes(const lk_mail_eval *ev)
{
    return ev->verdict == LK_MAIL_V_VERIFIED ||
           ev->verdict == LK_MAIL_V_PARTIAL;
}

/*
 * Try the attempts on w->msg: as found, then LF as line end, then mboxrd
 * unquoting; the first that verifies goes to "*best" (0 or 1 in w->ev),
 * else the first attempt (0). Leaves w->msg parsed as the reported
 * attempt. Returns 0, LK_ENOMEM or LK_ERROR.
 */
static int verify_attempts(lk_mail_worker *w, const lk_mail_options *o,
                           const verify_ends *e, int *best)
{
    int modes[2], nmodes = 0, k, error, cur = 0;
    if (!e->bare || e->crlf)
        modes[nmodes++] = 0;
    if (e->bare)
        modes[nmodes++] = 1;
    *best = 0;
    for (k = 0; k < nmodes + e->quoted; k++) {
        lk_mail_eval *ev = &w->ev[cur];
        w->msg.lf = k < nmodes ? modes[k] : modes[nmodes - 1];
        w->msg.unquote = k >= nmodes;
        error = lk_mail__dkim_eval(w->dkim, o, &w->msg, ev);
        if (error < 0)
            return error;
        ev->transform = (w->msg.lf ? LK_MAIL_T_LF : 0) |
                        (w->msg.unquote ? LK_MAIL_T_UNQUOTE : 0);
        if (verify_passes(ev)) {
            *best = cur;
            return 0;
        }
        if (k == 0 && ev->nsig == 0)
            return 0; /* unsigned: nothing to retry */
        cur = 1;      /* ev[0] keeps the first attempt */
    }
    /* the fields of the reported attempt, for the record */
    w->msg.lf = modes[0];
    w->msg.unquote = 0;
    return lk_mail__header_parse(&w->msg, o->max_header_bytes,
                                 o->max_line_bytes);
}

int lk_mail__verify(lk_mail_worker *w, const lk_mail_options *o,
                    const lk_mail_source *src, const char *data, size_t len,
                    lk_buf *rec, lk_mail_outcome *oc)
{
    char sha[65];
    verify_ends e;
    int error, best = 0;

    error = verify_reserve(w, o->max_signatures ? o->max_signatures : 1);
    if (error < 0)
        return error;
    /* the message as found; the worker's fetched SHA-256 is faster than
     * an implicit fetch */
    error = lk_mail__dkim_sha256(w->dkim, data, len, sha);
    if (error < 0)
        return error;
    verify_scan(data, len, src->mbox, &e);
    w->msg.data = data;
    w->msg.len = len;
    error = verify_attempts(w, o, &e, &best);
    if (error < 0)
        return error;
    lk_mail__record_write(rec, o, src, sha, &w->msg, &w->ev[best]);
    lk_mail__record_outcome(oc, &w->msg, &w->ev[best]);
    return rec->error;
}
