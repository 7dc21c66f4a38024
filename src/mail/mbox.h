/*
 * mbox.h: splitting an mbox (mboxo or mboxrd, LF or CRLF) into messages
 * without copying.
 */
#ifndef LK_MAIL_MBOX_H
#define LK_MAIL_MBOX_H

#include <stddef.h>

/* Receives one message of an mbox: bytes and the offset of its From_. */
typedef int (*lk_mail_msg_cb)(const char *data, size_t len,
                              long long from_offset, void *payload);

/*
 * Split an mbox of "len" bytes into messages (a "From " line at the start
 * or after an empty line begins one; the From_ line and the empty line
 * before the next one are not part of a message). Returns 0 or the first
 * non-zero value of "cb".
 */
int lk_mail__mbox_split(const char *data, size_t len, lk_mail_msg_cb cb,
                        void *payload);

/*
 * As lk_mail__mbox_split, for a part of an mbox read piece by piece: with
 * "more", a separator "From " line follows the "len" bytes (the part was
 * cut there by lk_mail__mbox_cut), so its last message ends as any other
 * before a separator. The part starts with its From_ line (or is the
 * whole input).
 */
int lk_mail__mbox_split_part(const char *data, size_t len, int more,
                             lk_mail_msg_cb cb, void *payload);

/*
 * The offset of the last separator "From " line (after an empty line)
 * wholly inside the "len" bytes of "data", or 0 when there is none: an
 * mbox read piece by piece can be cut there.
 */
size_t lk_mail__mbox_cut(const char *data, size_t len);

#endif
