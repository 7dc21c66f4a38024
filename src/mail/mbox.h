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

#endif
