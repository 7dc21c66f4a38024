/*
 * summary.c: what a run tells a newsroom: the Markdown and the
 * self-contained HTML summary (counts per verdict, per signing domain and
 * per key, the t= timeline per key, the messages that fail under a key
 * that verifies others, plain-language caveats), the chain-of-custody
 * manifest and the counts a case's evidence[] item carries.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "hash.h"
#include "jsonw.h"
#include "run.h"
#include "stamp.h"

/* ---- a table model rendered as Markdown or HTML -------------------------- */

/* The plural ending of a count of "n". */
#define REP_S(n) ((n) == 1 ? "" : "s")

typedef struct rep {
    lk_buf *b;  /* output */
    int html;   /* 1: HTML, 0: Markdown */
} rep;

static void rep_text(rep *r, const char *s)
{
    for (; *s; s++) {
        const char *e = NULL;
        if (r->html) {
            if (*s == '&')
                e = "&amp;";
            else if (*s == '<')
                e = "&lt;";
            else if (*s == '>')
                e = "&gt;";
            else if (*s == '"')
                e = "&quot;";
        } else if (*s == '|') {
            e = "\\|";
        } else if (*s == '\n' || *s == '\r') {
            e = " ";
        } else if (*s == '*' || *s == '_' || *s == '`' || *s == '<' ||
                   *s == '[') {
            lk_buf_put(r->b, "\\", 1);
        }
        if (e)
            lk_buf_puts(r->b, e);
        else
            lk_buf_put(r->b, s, 1);
    }
}

static void rep_h(rep *r, int level, const char *title)
{
    if (r->html) {
        lk_buf_printf(r->b, "<h%d>", level);
        rep_text(r, title);
        lk_buf_printf(r->b, "</h%d>\n", level);
    } else {
        lk_buf_printf(r->b, "%.*s ", level, "####");
        rep_text(r, title);
        lk_buf_puts(r->b, "\n\n");
    }
}

/* A paragraph of trusted markup-free text. */
static void rep_p(rep *r, const char *text)
{
    lk_buf_puts(r->b, r->html ? "<p>" : "");
    rep_text(r, text);
    lk_buf_puts(r->b, r->html ? "</p>\n" : "\n\n");
}

/* A paragraph that opens with a warning in bold. */
static void rep_warn(rep *r, const char *strong, const char *text)
{
    lk_buf_puts(r->b, r->html ? "<p><strong>" : "**");
    rep_text(r, strong);
    lk_buf_puts(r->b, r->html ? "</strong>" : "**");
    rep_text(r, text);
    lk_buf_puts(r->b, r->html ? "</p>\n" : "\n\n");
}

static void rep_li(rep *r, const char *term, const char *text)
{
    if (r->html) {
        lk_buf_puts(r->b, "<li><b>");
        rep_text(r, term);
        lk_buf_puts(r->b, "</b>: ");
        rep_text(r, text);
        lk_buf_puts(r->b, "</li>\n");
    } else {
        lk_buf_puts(r->b, "- **");
        rep_text(r, term);
        lk_buf_puts(r->b, "**: ");
        rep_text(r, text);
        lk_buf_puts(r->b, "\n");
    }
}

static void rep_table(rep *r, const char *const *cols, int n)
{
    int i;
    if (r->html) {
        lk_buf_puts(r->b, "<table><tr>");
        for (i = 0; i < n; i++) {
            lk_buf_puts(r->b, "<th>");
            rep_text(r, cols[i]);
            lk_buf_puts(r->b, "</th>");
        }
        lk_buf_puts(r->b, "</tr>\n");
        return;
    }
    lk_buf_puts(r->b, "|");
    for (i = 0; i < n; i++) {
        lk_buf_puts(r->b, " ");
        rep_text(r, cols[i]);
        lk_buf_puts(r->b, " |");
    }
    lk_buf_puts(r->b, "\n|");
    for (i = 0; i < n; i++)
        lk_buf_puts(r->b, "---|");
    lk_buf_puts(r->b, "\n");
}

static void rep_row(rep *r, const char *const *cells, int n)
{
    int i;
    lk_buf_puts(r->b, r->html ? "<tr>" : "|");
    for (i = 0; i < n; i++) {
        lk_buf_puts(r->b, r->html ? "<td>" : " ");
        rep_text(r, cells[i]);
        lk_buf_puts(r->b, r->html ? "</td>" : " |");
    }
    lk_buf_puts(r->b, r->html ? "</tr>\n" : "\n");
}

static void rep_table_end(rep *r)
{
    lk_buf_puts(r->b, r->html ? "</table>\n" : "\n");
}

/* ---- sections ------------------------------------------------------------ */

static void rep_caveats(rep *r)
{
    rep_h(r, 2, "How to read this");
    lk_buf_puts(r->b, r->html ? "<ul>\n" : "");
    rep_li(r, "verified",
           "a DKIM signature checks out over the whole body and the signed "
           "headers: the message is unchanged since the signing domain's "
           "server signed it. It does not show that what the message says "
           "is true, nor who typed it.");
    rep_li(r, "verified-partial",
           "a signature checks out, but part of the message is not covered "
           "(an l= body length leaves bytes unsigned, or a From, Subject, "
           "Date or To field that the signature does not cover was added).");
    rep_li(r, "altered",
           "a signature made with an archived key does not match: the body "
           "(fail-body) or the signed headers (fail-header) changed after "
           "signing. Innocent relays can cause this (footers, re-encoding); "
           "compare with messages under the same key.");
    rep_li(r, "unverifiable",
           "signed, but no usable key (missing, revoked, mismatched) or a "
           "malformed signature. Unknown, not fake.");
    rep_li(r, "unsigned",
           "no DKIM signature: nothing can be said either way.");
    lk_buf_puts(r->b, r->html ? "</ul>\n" : "\n");
    rep_p(r, "DKIM keys are rotated and old private keys are sometimes "
             "published; a signature proves control of the key at signing "
             "time, so check the key's history (the archive line of each "
             "record) before relying on it. For Ed25519 a wrong key cannot "
             "be told from altered headers; for RSA it can (key-mismatch).");
}

static void rep_verdicts(rep *r, const lk_mail_totals *t)
{
    static const char *const cols[] = {"verdict", "messages", "share"};
    int k;
    rep_h(r, 2, "Verdicts");
    rep_table(r, cols, 3);
    for (k = 0; k < LK_MAIL_V_COUNT; k++) {
        char n[32], pct[32];
        const char *cells[3];
        snprintf(n, sizeof(n), "%llu", t->verdicts[k]);
        snprintf(pct, sizeof(pct), "%.1f%%",
                 t->messages ? 100.0 * (double)t->verdicts[k] /
                                     (double)t->messages
                               : 0.0);
        cells[0] = lk_mail_verdict_names[k];
        cells[1] = n;
        cells[2] = pct;
        rep_row(r, cells, 3);
    }
    rep_table_end(r);
    if (r->html && t->messages > 0) { /* one stacked bar */
        static const char *const colours[] = {"#2e7d32", "#9ccc65",
                                              "#c62828", "#9e9e9e",
                                              "#e0e0e0"};
        double x = 0;
        lk_buf_puts(r->b, "<svg width=\"600\" height=\"24\" role=\"img\" "
                          "aria-label=\"verdicts\">");
        for (k = 0; k < LK_MAIL_V_COUNT; k++) {
            double w = 600.0 * (double)t->verdicts[k] /
                       (double)t->messages;
            if (w <= 0)
                continue;
            lk_buf_printf(r->b,
                          "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" "
                          "height=\"24\" fill=\"%s\"><title>%s</title>"
                          "</rect>",
                          x, w, colours[k], lk_mail_verdict_names[k]);
            x += w;
        }
        lk_buf_puts(r->b, "</svg>\n");
    }
}

static void rep_results_row(rep *r, const char *name, const char *extra,
                            const unsigned long long *res)
{
    char num[LK_MAIL_R_COUNT][32];
    const char *cells[LK_MAIL_R_COUNT + 2];
    int k, n = 0;
    cells[n++] = name;
    if (extra)
        cells[n++] = extra;
    for (k = 0; k < LK_MAIL_R_COUNT; k++) {
        snprintf(num[k], sizeof(num[k]), "%llu", res[k]);
        cells[n++] = num[k];
    }
    rep_row(r, cells, n);
}

static void rep_domains(rep *r, const lk_mail_totals *t)
{
    static const char *const cols[] = {
        "signing domain (d=)", "pass",         "fail-body", "fail-header",
        "nokey",               "key-revoked",  "key-mismatch", "permerror"};
    size_t i;
    rep_h(r, 2, "Signatures by signing domain");
    if (t->ndoms == 0) {
        rep_p(r, "No signatures.");
        return;
    }
    rep_table(r, cols, 8);
    for (i = 0; i < t->ndoms; i++)
        rep_results_row(r, t->doms[i].name[0] ? t->doms[i].name
                                                : "(unreadable d=)",
                        NULL, t->doms[i].r);
    rep_table_end(r);
}

static int rep_month_index(int ym)
{
    return (ym / 100) * 12 + ym % 100 - 1;
}

/* One bar per month from the key's first to its last t= (HTML only). */
static void rep_timeline_svg(rep *r, const lk_mail_keystat *k)
{
    int first, span, m;
    unsigned long long top = 0;
    size_t i;
    if (k->nmonths == 0)
        return;
    first = rep_month_index(k->months[0].ym);
    span = rep_month_index(k->months[k->nmonths - 1].ym) - first + 1;
    for (i = 0; i < k->nmonths; i++)
        if (k->months[i].n > top)
            top = k->months[i].n;
    lk_buf_puts(r->b, "<p>");
    rep_text(r, k->name);
    lk_buf_printf(r->b, " (line %u)<br><svg width=\"600\" height=\"40\" "
                        "role=\"img\" aria-label=\"t= per month\">",
                  k->line);
    for (i = 0; i < k->nmonths; i++) {
        double w = 600.0 / span, h;
        m = rep_month_index(k->months[i].ym) - first;
        h = 38.0 * (double)k->months[i].n / (double)top;
        lk_buf_printf(r->b,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                      "height=\"%.1f\" fill=\"#1565c0\"><title>%04d-%02d: "
                      "%llu</title></rect>",
                      w * m, 40.0 - h, w > 2 ? w - 1 : w, h,
                      k->months[i].ym / 100, k->months[i].ym % 100,
                      k->months[i].n);
    }
    lk_buf_puts(r->b, "</svg></p>\n");
}

static void rep_keys(rep *r, const lk_mail_totals *t)
{
    static const char *const cols[] = {
        "key",   "archive line", "pass",         "fail-body",
        "fail-header", "nokey",  "key-revoked", "key-mismatch",
        "permerror"};
    static const char *const tcols[] = {"key", "archive line", "first t=",
                                        "last t=", "signatures by month"};
    size_t i, m;
    rep_h(r, 2, "Signatures by key");
    if (t->nkeys == 0) {
        rep_p(r, "No signatures.");
        return;
    }
    rep_table(r, cols, 9);
    for (i = 0; i < t->nkeys; i++) {
        char line[32];
        snprintf(line, sizeof(line), "%u", t->keys[i].line);
        rep_results_row(r, t->keys[i].name[0] ? t->keys[i].name : "-",
                        t->keys[i].line ? line : "-", t->keys[i].r);
    }
    rep_table_end(r);
    rep_h(r, 2, "Timeline of signing times (t=) per key");
    rep_table(r, tcols, 5);
    for (i = 0; i < t->nkeys; i++) {
        const lk_mail_keystat *k = &t->keys[i];
        char line[32], t0[32], t1[32];
        const char *cells[5];
        lk_buf months;
        if (k->tmin < 0)
            continue;
        lk_buf_init(&months, 1 << 16);
        for (m = 0; m < k->nmonths; m++)
            lk_buf_printf(&months, "%s%04d-%02d: %llu", m ? ", " : "",
                          k->months[m].ym / 100, k->months[m].ym % 100,
                          k->months[m].n);
        snprintf(line, sizeof(line), "%u", k->line);
        lk_mail__time_format(k->tmin, t0);
        lk_mail__time_format(k->tmax, t1);
        cells[0] = k->name;
        cells[1] = k->line ? line : "-";
        cells[2] = t0;
        cells[3] = t1;
        cells[4] = months.ptr ? months.ptr : "";
        rep_row(r, cells, 5);
        if (months.error && r->b->error == 0)
            r->b->error = months.error; /* never a silently empty cell */
        lk_buf_dispose(&months);
    }
    rep_table_end(r);
    if (r->html)
        for (i = 0; i < t->nkeys; i++)
            rep_timeline_svg(r, &t->keys[i]);
}

static const lk_mail_keystat *rep_keystat(const lk_mail_totals *t,
                                          const char *name, unsigned line)
{
    size_t i;
    for (i = 0; i < t->nkeys; i++)
        if (t->keys[i].line == line && !strcmp(t->keys[i].name, name))
            return &t->keys[i];
    return NULL;
}

static void rep_tamper(rep *r, const lk_mail_totals *t)
{
    static const char *const cols[] = {"file", "offset", "message-id",
                                       "key", "archive line", "result"};
    size_t i, shown = 0;
    rep_h(r, 2, "Strongest tamper signals");
    rep_p(r, "Messages whose signature fails under a key that verifies "
             "other messages of this corpus: the key is right, so the "
             "message changed after signing.");
    for (i = 0; i < t->ntamper; i++) {
        const lk_mail_tamper *tp = &t->tamper[i];
        const lk_mail_keystat *k = rep_keystat(t, tp->key, tp->line);
        char off[32], line[32];
        const char *cells[6];
        if (k == NULL || k->r[LK_MAIL_R_PASS] == 0)
            continue;
        if (shown++ == 0)
            rep_table(r, cols, 6);
        snprintf(off, sizeof(off), "%lld", tp->offset);
        snprintf(line, sizeof(line), "%u", tp->line);
        cells[0] = t->files[tp->file].path;
        cells[1] = tp->offset >= 0 ? off : "-";
        cells[2] = tp->message_id;
        cells[3] = tp->key;
        cells[4] = line;
        cells[5] = lk_mail_result_names[tp->result];
        rep_row(r, cells, 6);
    }
    if (shown)
        rep_table_end(r);
    else
        rep_p(r, "None.");
    if (t->tamper_dropped) {
        char msg[128];
        snprintf(msg, sizeof(msg),
                 "%llu further failing message%s not listed; see the "
                 "per-message records.",
                 t->tamper_dropped,
                 t->tamper_dropped == 1 ? " is" : "s are");
        rep_p(r, msg);
    }
}

static void rep_other(rep *r, const lk_mail_totals *t)
{
    static const char *const tnames[] = {"none (as found)", "lf-to-crlf",
                                         "mboxrd-unquote",
                                         "lf-to-crlf+mboxrd-unquote"};
    static const char *const lnames[] = {"header-bytes", "line-length",
                                         "signatures", "header-fields"};
    static const char *const tcols[] = {"transformation", "messages"};
    static const char *const lcols[] = {"limit reached", "messages"};
    int k, any = 0;
    rep_h(r, 2, "Transformations");
    rep_p(r, "Bytes as found in the corpus are hashed and reported; a "
             "message that only verifies after a transformation records it "
             "(mbox files store LF line ends; mboxrd quotes From lines).");
    rep_table(r, tcols, 2);
    for (k = 0; k < 4; k++) {
        char n[32];
        const char *cells[2];
        snprintf(n, sizeof(n), "%llu", t->transforms[k]);
        cells[0] = tnames[k];
        cells[1] = n;
        rep_row(r, cells, 2);
    }
    rep_table_end(r);
    for (k = 0; k < 4; k++)
        any |= t->limits[k] > 0;
    if (!any)
        return;
    rep_h(r, 2, "Limits reached");
    rep_table(r, lcols, 2);
    for (k = 0; k < 4; k++) {
        char n[32];
        const char *cells[2];
        if (!t->limits[k])
            continue;
        snprintf(n, sizeof(n), "%llu", t->limits[k]);
        cells[0] = lnames[k];
        cells[1] = n;
        rep_row(r, cells, 2);
    }
    rep_table_end(r);
}

/* What the desk must know before reading the counts: no keys, inputs
 * skipped. */
static void rep_warnings(rep *r, const lk_mail_totals *t,
                         const lk_mail_options *o)
{
    char buf[256];
    if (o->keys == NULL && !(o->flags & LK_MAIL_DNS))
        rep_warn(r, "Warning: no keys given",
                 " (--keys or --dns): no signature could be checked, so "
                 "every signed message is unverifiable.");
    if (t->nskipped > 0) {
        snprintf(buf, sizeof(buf),
                 " (not mail or unreadable): %zu input%s not verified, "
                 "listed under Skipped inputs.",
                 t->nskipped, REP_S(t->nskipped));
        rep_warn(r, t->nskipped == 1 ? "1 input skipped"
                                     : "Inputs skipped", buf);
    }
}

/* The inputs skipped and why, when there are any. */
static void rep_skipped(rep *r, const lk_mail_totals *t)
{
    static const char *const cols[] = {"input", "reason"};
    size_t i;
    if (t->nskipped == 0)
        return;
    rep_h(r, 2, "Skipped inputs");
    rep_p(r, "Files and directory entries that were not verified: they "
             "are not mail, could not be read or loop back on themselves. "
             "No message of theirs is counted above.");
    rep_table(r, cols, 2);
    for (i = 0; i < t->nskipped; i++) {
        const char *cells[2];
        cells[0] = t->skipped[i].path;
        cells[1] = t->skipped[i].reason;
        rep_row(r, cells, 2);
    }
    rep_table_end(r);
}

static void rep_custody(rep *r, const lk_mail_totals *t,
                        const lk_mail_options *o)
{
    static const char *const cols[] = {"input", "bytes", "messages",
                                       "sha256"};
    char at[32], buf[512];
    size_t i;
    rep_h(r, 2, "Chain of custody");
    lk_mail__time_format(o->at, at);
    snprintf(buf, sizeof(buf),
             "leaklaw %s; verification time %s; key archive %s (%zu "
             "record%s, sha256 %s); limits: %u signature%s per message, "
             "%zu header bytes, %zu bytes per header line.",
             lk_version(), at, o->keys_path ? o->keys_path : "none",
             lk_mail_keys_count(o->keys), REP_S(lk_mail_keys_count(o->keys)),
             o->keys ? lk_mail_keys_sha256(o->keys) : "-",
             o->max_signatures, REP_S(o->max_signatures),
             o->max_header_bytes,
             o->max_line_bytes);
    rep_p(r, buf);
    rep_table(r, cols, 4);
    for (i = 0; i < t->nfiles; i++) {
        char bytes[32], msgs[32];
        const char *cells[4];
        snprintf(bytes, sizeof(bytes), "%llu", t->files[i].bytes);
        snprintf(msgs, sizeof(msgs), "%llu", t->files[i].messages);
        cells[0] = t->files[i].path;
        cells[1] = bytes;
        cells[2] = msgs;
        cells[3] = t->files[i].sha256;
        rep_row(r, cells, 4);
    }
    rep_table_end(r);
}

static void rep_summary(lk_buf *b, const lk_mail_totals *t,
                        const lk_mail_options *o, int html)
{
    rep r;
    char line[256], at[32];
    r.b = b;
    r.html = html;
    if (html)
        lk_buf_puts(b,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head>"
                    "<meta charset=\"utf-8\"><title>DKIM verification"
                    "</title><style>body{font-family:sans-serif;"
                    "max-width:60em;margin:2em auto;padding:0 1em;"
                    "color:#222}table{border-collapse:collapse;"
                    "margin:1em 0}td,th{border:1px solid #ccc;padding:"
                    ".2em .5em;text-align:left;font-size:.9em}"
                    "th{background:#f4f4f4}</style></head><body>\n");
    rep_h(&r, 1, "DKIM verification of an e-mail corpus");
    lk_mail__time_format(o->at, at);
    snprintf(line, sizeof(line),
             "%llu message%s in %zu file%s, verified at %s with %zu "
             "archived key record%s.",
             t->messages, REP_S(t->messages), t->nfiles, REP_S(t->nfiles),
             at, lk_mail_keys_count(o->keys),
             REP_S(lk_mail_keys_count(o->keys)));
    rep_p(&r, line);
    rep_warnings(&r, t, o);
    rep_verdicts(&r, t);
    rep_caveats(&r);
    rep_domains(&r, t);
    rep_keys(&r, t);
    rep_tamper(&r, t);
    rep_other(&r, t);
    rep_skipped(&r, t);
    rep_custody(&r, t, o);
    if (html)
        lk_buf_puts(b, "</body></html>\n");
}

/* ---- JSON ---------------------------------------------------------------- */

static void rep_json_counts(lk_buf *b, const char *const *names,
                            const unsigned long long *v, int n)
{
    int k;
    lk_buf_puts(b, "{");
    for (k = 0; k < n; k++)
        lk_buf_printf(b, "%s\"%s\":%llu", k ? "," : "", names[k], v[k]);
    lk_buf_puts(b, "}");
}

/* The manifest's list of skipped inputs, when there are any. */
static void rep_json_skipped(lk_buf *b, const lk_mail_totals *t)
{
    size_t i;
    if (t->nskipped == 0)
        return;
    lk_buf_puts(b, ",\"skipped\":[");
    for (i = 0; i < t->nskipped; i++) {
        const lk_mail_skip *s = &t->skipped[i];
        lk_buf_puts(b, i ? ",{\"path\":" : "{\"path\":");
        lk_jsonw_str(b, s->path, strlen(s->path));
        lk_buf_puts(b, ",\"reason\":");
        lk_jsonw_str(b, s->reason, strlen(s->reason));
        lk_buf_puts(b, "}");
    }
    lk_buf_puts(b, "]");
}

static void rep_manifest(lk_buf *b, const lk_mail_totals *t,
                         const lk_mail_options *o, lk_mail_dns *dns)
{
    char at[32];
    size_t i;
    lk_mail__time_format(o->at, at);
    lk_buf_printf(b,
                  "{\"format\":\"leaklaw/mail-manifest/1\","
                  "\"leaklaw\":\"%s\",\"verification_time\":\"%s\","
                  "\"at\":%lld,\"options\":{\"max_signatures\":%u,"
                  "\"max_header_bytes\":%zu,\"max_line_bytes\":%zu},"
                  "\"keys\":",
                  lk_version(), at, o->at, o->max_signatures,
                  o->max_header_bytes, o->max_line_bytes);
    if (o->keys != NULL) {
        lk_buf_puts(b, "{\"path\":");
        lk_jsonw_str(b, o->keys_path, strlen(o->keys_path));
        lk_buf_printf(b, ",\"records\":%zu,\"sha256\":\"%s\"}",
                      lk_mail_keys_count(o->keys),
                      lk_mail_keys_sha256(o->keys));
    } else {
        lk_buf_puts(b, "null");
    }
    lk_buf_puts(b, ",\"inputs\":[");
    for (i = 0; i < t->nfiles; i++) {
        const lk_mail_filestat *f = &t->files[i];
        lk_buf_puts(b, i ? ",{\"path\":" : "{\"path\":");
        lk_jsonw_str(b, f->path, strlen(f->path));
        lk_buf_printf(b, ",\"bytes\":%llu,\"messages\":%llu,\"sha256\":",
                      f->bytes, f->messages);
        if (f->sha256[0])
            lk_buf_printf(b, "\"%s\"}", f->sha256);
        else
            lk_buf_puts(b, "null}");
    }
    lk_buf_puts(b, "]");
    rep_json_skipped(b, t);
    lk_buf_printf(b, ",\"dns\":%s", dns ? "[" : "false");
    if (dns != NULL) { /* the answers used, to rebuild an archive */
        const lk_mail_dnsname *names;
        size_t nn = lk_mail__dns_names(dns, &names), j, k, c = 0;
        for (j = 0; j < nn; j++) {
            for (k = 0; k < names[j].n; k++) {
                lk_buf_puts(b, c++ ? ",{\"name\":" : "{\"name\":");
                lk_jsonw_str(b, names[j].name, strlen(names[j].name));
                lk_buf_puts(b, ",\"record\":");
                lk_jsonw_str(b, names[j].keys[k].record,
                                  strlen(names[j].keys[k].record));
                lk_buf_puts(b, "}");
            }
        }
        lk_buf_puts(b, "]");
    }
    lk_buf_printf(b, ",\"messages\":%llu,\"verdicts\":", t->messages);
    rep_json_counts(b, lk_mail_verdict_names, t->verdicts,
                    LK_MAIL_V_COUNT);
    lk_buf_puts(b, "}\n");
}

/* The SHA-256 of "len" bytes of "data" as hex into "hex". Returns 0,
 * LK_ENOMEM or LK_ERROR. */
static int rep_sha256(const char *data, size_t len, char hex[65])
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int error;
    if (ctx == NULL)
        return LK_ENOMEM;
    error = lk_hash_sha256_hex(ctx, lk_hash_sha256(), data, len, hex);
    EVP_MD_CTX_free(ctx);
    return error;
}

static void rep_evidence(lk_buf *b, const lk_mail_totals *t,
                         const lk_mail_options *o, lk_mail_dns *dns)
{
    lk_buf man;
    char sha[65], at[32];
    size_t i;
    int error;
    lk_buf_init(&man, 0);
    rep_manifest(&man, t, o, dns);
    error = man.error;
    if (error == 0)
        error = rep_sha256(man.ptr ? man.ptr : "", man.len, sha);
    lk_buf_dispose(&man);
    if (error < 0) { /* the evidence would not name its manifest */
        if (b->error == 0)
            b->error = error;
        return;
    }
    lk_mail__time_format(o->at, at);
    lk_buf_printf(b,
                  "{\"format\":\"leaklaw/mail-summary/1\","
                  "\"leaklaw\":\"%s\",\"verification_time\":\"%s\","
                  "\"manifest_sha256\":\"%s\",\"messages\":%llu,"
                  "\"verdicts\":",
                  lk_version(), at, sha, t->messages);
    rep_json_counts(b, lk_mail_verdict_names, t->verdicts,
                    LK_MAIL_V_COUNT);
    lk_buf_puts(b, ",\"signatures\":");
    rep_json_counts(b, lk_mail_result_names, t->results, LK_MAIL_R_COUNT);
    lk_buf_puts(b, ",\"domains\":{");
    for (i = 0; i < t->ndoms; i++) {
        if (i)
            lk_buf_puts(b, ",");
        lk_jsonw_str(b, t->doms[i].name, strlen(t->doms[i].name));
        lk_buf_puts(b, ":");
        rep_json_counts(b, lk_mail_result_names, t->doms[i].r,
                        LK_MAIL_R_COUNT);
    }
    lk_buf_printf(b, "},\"inputs\":%zu}\n", t->nfiles);
}

/* Render "format" of "run" into "b". Returns 0, LK_EINVALID (unknown
 * format), LK_ENOMEM or LK_ETOOBIG. */
static int rep_render(lk_buf *b, const lk_mail_run *run,
                      lk_mail_summary_format format)
{
    const lk_mail_totals *t = lk_mail__run_totals(run);
    const lk_mail_options *o = lk_mail__run_options(run);
    lk_mail_dns *dns = lk_mail__run_dns(run);
    switch (format) {
    case LK_MAIL_SUMMARY_MD:
        rep_summary(b, t, o, 0);
        break;
    case LK_MAIL_SUMMARY_HTML:
        rep_summary(b, t, o, 1);
        break;
    case LK_MAIL_SUMMARY_MANIFEST:
        rep_manifest(b, t, o, dns);
        break;
    case LK_MAIL_SUMMARY_EVIDENCE:
        rep_evidence(b, t, o, dns);
        break;
    default:
        return LK_EINVALID;
    }
    return b->error;
}

int lk_mail_run_render(char **out, size_t *len_out, const lk_mail_run *run,
                       lk_mail_summary_format format, lk_error *err)
{
    lk_buf b;
    int error;
    lk_buf_init(&b, 0);
    error = rep_render(&b, run, format);
    if (error < 0) {
        lk_buf_dispose(&b);
        if (error == LK_ENOMEM)
            return lk_error_set_oom(err);
        if (error == LK_EINVALID)
            return lk_error_set(err, error, "unknown summary format");
        if (error == LK_ETOOBIG)
            return lk_error_set(err, error, "summary too large");
        return lk_error_set(err, error, "cannot compute a SHA-256");
    }
    if (b.ptr == NULL)
        lk_buf_puts(&b, "");
    *out = lk_buf_detach(&b, len_out);
    if (*out == NULL)
        return lk_error_set_oom(err);
    return 0;
}

void lk_mail_text_free(char *text)
{
    lk_free(text);
}
