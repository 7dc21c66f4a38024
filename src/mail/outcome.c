/*
 * outcome.c: the names verdicts, results and transformations carry in
 * records and summaries (DESIGN §3.3).
 */
#include <stddef.h>

#include "outcome.h"

const char *const lk_mail_verdict_names[LK_MAIL_V_COUNT] = {
    "verified", "verified-partial", "altered", "unverifiable", "unsigned"};
const char *const lk_mail_result_names[LK_MAIL_R_COUNT] = {
    "pass",         "fail-body",    "fail-header", "nokey",
    "key-revoked",  "key-mismatch", "permerror"};

const char *lk_mail__transform_name(int t)
{
    if (t == (LK_MAIL_T_LF | LK_MAIL_T_UNQUOTE))
        return "lf-to-crlf+mboxrd-unquote";
    if (t == LK_MAIL_T_LF)
        return "lf-to-crlf";
    if (t == LK_MAIL_T_UNQUOTE)
        return "mboxrd-unquote";
    return NULL;
}
