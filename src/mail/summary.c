/*
 * mail_report.c: what a run tells a newsroom: the Markdown and the
 * self-contained HTML summary (counts per verdict, per signing domain and
 * per key, the t= timeline per key, the messages that fail under a key
 * that verifies others, plain-language caveats), the chain-of-custody
 * manifest and the counts a case's evidence[] item carries.
 */
#include <string.h>

#include "mail_int.h"

/* ---- a table model rendered as Markdown or HTML -------------------------- */

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

static void rep_verdicts(rep *r, const lk_mail_run *run)
{
    static const char *const cols[] = {"verdict", "messages", "share"};
    int k;
    rep_h(r, 2, "Verdicts");
    rep_table(r, cols, 3);
    for (k = 0; k < LK_MAIL_V_COUNT; k++) {
        char n[32], pct[32];
        const char *cells[3];
        snprintf(n, sizeof(n), "%llu", run->verdicts[k]);
        snprintf(pct, sizeof(pct), "%.1f%%",
                 run->messages ? 100.0 * (double)run->verdicts[k] /
                                     (double)run->messages
                               : 0.0);
        cells[0] = lk_mail_verdict_names[k];
        cells[1] = n;
        cells[2] = pct;
        rep_row(r, cells, 3);
    }
    rep_table_end(r);
    if (r->html && run->messages > 0) { /* one stacked bar */
        static const char *const colours[] = {"#2e7d32", "#9ccc65",
                                              "#c62828", "#9e9e9e",
                                              "#e0e0e0"};
        double x = 0;
        lk_buf_puts(r->b, "<svg width=\"600\" height=\"24\" role=\"img\" "
                          "aria-label=\"verdicts\">");
        for (k = 0; k < LK_MAIL_V_COUNT; k++) {
            double w = 600.0 * (double)run->verdicts[k] /
                       (double)run->messages;
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

static void rep_domains(rep *r, const lk_mail_run *run)
{
    static const char *const cols[] = {
        "signing domain (d=)", "pass",         "fail-body", "fail-header",
        "nokey",               "key-revoked",  "key-mismatch", "permerror"};
    size_t i;
    rep_h(r, 2, "Signatures by signing domain");
    if (run->ndoms == 0) {
        rep_p(r, "No signatures.");
        return;
    }
    rep_table(r, cols, 8);
    for (i = 0; i < run->ndoms; i++)
        rep_results_row(r, run->doms[i].name[0] ? run->doms[i].name
                                                : "(unreadable d=)",
                        NULL, run->doms[i].r);
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

static void rep_keys(rep *r, const lk_mail_run *run)
{
    static const char *const cols[] = {
        "key",   "archive line", "pass",         "fail-body",
        "fail-header", "nokey",  "key-revoked", "key-mismatch",
        "permerror"};
    static const char *const tcols[] = {"key", "archive line", "first t=",
                                        "last t=", "signatures by month"};
    size_t i, m;
    rep_h(r, 2, "Signatures by key");
    if (run->nkeys == 0) {
        rep_p(r, "No signatures.");
        return;
    }
    rep_table(r, cols, 9);
    for (i = 0; i < run->nkeys; i++) {
        char line[32];
        snprintf(line, sizeof(line), "%u", run->keys[i].line);
        rep_results_row(r, run->keys[i].name[0] ? run->keys[i].name : "-",
                        run->keys[i].line ? line : "-", run->keys[i].r);
    }
    rep_table_end(r);
    rep_h(r, 2, "Timeline of signing times (t=) per key");
    rep_table(r, tcols, 5);
    for (i = 0; i < run->nkeys; i++) {
        const lk_mail_keystat *k = &run->keys[i];
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
        lk_buf_dispose(&months);
    }
    rep_table_end(r);
    if (r->html)
        for (i = 0; i < run->nkeys; i++)
            rep_timeline_svg(r, &run->keys[i]);
}

static const lk_mail_keystat *rep_keystat(const lk_mail_run *run,
                                          const char *name, unsigned line)
{
    size_t i;
    for (i = 0; i < run->nkeys; i++)
        if (run->keys[i].line == line && !strcmp(run->keys[i].name, name))
            return &run->keys[i];
    return NULL;
}

static void rep_tamper(rep *r, const lk_mail_run *run)
{
    static const char *const cols[] = {"file", "offset", "message-id",
                                       "key", "archive line", "result"};
    size_t i, shown = 0;
    rep_h(r, 2, "Strongest tamper signals");
    rep_p(r, "Messages whose signature fails under a key that verifies "
             "other messages of this corpus: the key is right, so the "
             "message changed after signing.");
    for (i = 0; i < run->ntamper; i++) {
        const lk_mail_tamper *t = &run->tamper[i];
        const lk_mail_keystat *k = rep_keystat(run, t->key, t->line);
        char off[32], line[32];
        const char *cells[6];
        if (k == NULL || k->r[LK_MAIL_R_PASS] == 0)
            continue;
        if (shown++ == 0)
            rep_table(r, cols, 6);
        snprintf(off, sizeof(off), "%lld", t->offset);
        snprintf(line, sizeof(line), "%u", t->line);
        cells[0] = run->files[t->file].path;
        cells[1] = t->offset >= 0 ? off : "-";
        cells[2] = t->message_id;
        cells[3] = t->key;
        cells[4] = line;
        cells[5] = lk_mail_result_names[t->result];
        rep_row(r, cells, 6);
    }
    if (shown)
        rep_table_end(r);
    else
        rep_p(r, "None.");
    if (run->tamper_dropped) {
        char msg[128];
        snprintf(msg, sizeof(msg),
                 "%llu further failing messages are not listed; see the "
                 "per-message records.",
                 run->tamper_dropped);
        rep_p(r, msg);
    }
}

static void rep_other(rep *r, const lk_mail_run *run)
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
        snprintf(n, sizeof(n), "%llu", run->transforms[k]);
        cells[0] = tnames[k];
        cells[1] = n;
        rep_row(r, cells, 2);
    }
    rep_table_end(r);
    for (k = 0; k < 4; k++)
        any |= run->limits[k] > 0;
    if (!any)
        return;
    rep_h(r, 2, "Limits reached");
    rep_table(r, lcols, 2);
    for (k = 0; k < 4; k++) {
        char n[32];
        const char *cells[2];
        if (!run->limits[k])
            continue;
        snprintf(n, sizeof(n), "%llu", run->limits[k]);
        cells[0] = lnames[k];
        cells[1] = n;
        rep_row(r, cells, 2);
    }
    rep_table_end(r);
}

static void rep_custody(rep *r, const lk_mail_run *run)
{
    static const char *const cols[] = {"input", "bytes", "messages",
                                       "sha256"};
    char at[32], buf[512];
    size_t i;
    rep_h(r, 2, "Chain of custody");
    lk_mail__time_format(run->o.at, at);
    snprintf(buf, sizeof(buf),
             "leaklaw %s; verification time %s; key archive %s (%zu "
             "records, sha256 %s); limits: %u signatures per message, %zu "
             "header bytes, %zu bytes per header line.",
             lk_version(), at, run->o.keys_path ? run->o.keys_path : "none",
             lk_mail_keys_count(run->o.keys),
             run->o.keys ? lk_mail_keys_sha256(run->o.keys) : "-",
             run->o.max_signatures, run->o.max_header_bytes,
             run->o.max_line_bytes);
    rep_p(r, buf);
    rep_table(r, cols, 4);
    for (i = 0; i < run->nfiles; i++) {
        char bytes[32], msgs[32];
        const char *cells[4];
        snprintf(bytes, sizeof(bytes), "%llu", run->files[i].bytes);
        snprintf(msgs, sizeof(msgs), "%llu", run->files[i].messages);
        cells[0] = run->files[i].path;
        cells[1] = bytes;
        cells[2] = msgs;
        cells[3] = run->files[i].sha256;
        rep_row(r, cells, 4);
    }
    rep_table_end(r);
}

static void rep_summary(lk_buf *b, const lk_mail_run *run, int html)
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
    lk_mail__time_format(run->o.at, at);
    snprintf(line, sizeof(line),
             "%llu messages in %zu files, verified at %s with %zu archived "
             "key records.",
             run->messages, run->nfiles, at,
             lk_mail_keys_count(run->o.keys));
    rep_p(&r, line);
    rep_verdicts(&r, run);
    rep_caveats(&r);
    rep_domains(&r, run);
    rep_keys(&r, run);
    rep_tamper(&r, run);
    rep_other(&r, run);
    rep_custody(&r, run);
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

static void rep_manifest(lk_buf *b, const lk_mail_run *run)
{
    char at[32];
    size_t i;
    lk_mail__time_format(run->o.at, at);
    lk_buf_printf(b,
                  "{\"format\":\"leaklaw/mail-manifest/1\","
                  "\"leaklaw\":\"%s\",\"verification_time\":\"%s\","
                  "\"at\":%lld,\"options\":{\"max_signatures\":%u,"
                  "\"max_header_bytes\":%zu,\"max_line_bytes\":%zu},"
                  "\"keys\":",
                  lk_version(), at, run->o.at, run->o.max_signatures,
                  run->o.max_header_bytes, run->o.max_line_bytes);
    if (run->o.keys != NULL) {
        lk_buf_puts(b, "{\"path\":");
        lk_mail__json_str(b, run->o.keys_path, strlen(run->o.keys_path));
        lk_buf_printf(b, ",\"records\":%zu,\"sha256\":\"%s\"}",
                      lk_mail_keys_count(run->o.keys),
                      lk_mail_keys_sha256(run->o.keys));
    } else {
        lk_buf_puts(b, "null");
    }
    lk_buf_puts(b, ",\"inputs\":[");
    for (i = 0; i < run->nfiles; i++) {
        const lk_mail_filestat *f = &run->files[i];
        lk_buf_puts(b, i ? ",{\"path\":" : "{\"path\":");
        lk_mail__json_str(b, f->path, strlen(f->path));
        lk_buf_printf(b, ",\"bytes\":%llu,\"messages\":%llu,\"sha256\":",
                      f->bytes, f->messages);
        if (f->sha256[0])
            lk_buf_printf(b, "\"%s\"}", f->sha256);
        else
            lk_buf_puts(b, "null}");
    }
    lk_buf_printf(b, "],\"dns\":%s", run->dns ? "[" : "false");
    if (run->dns != NULL) { /* the answers used, to rebuild an archive */
        const lk_mail_dnsname *names;
        size_t nn = lk_mail__dns_names(run->dns, &names), j, k, c = 0;
        for (j = 0; j < nn; j++) {
            for (k = 0; k < names[j].n; k++) {
                lk_buf_puts(b, c++ ? ",{\"name\":" : "{\"name\":");
                lk_mail__json_str(b, names[j].name, strlen(names[j].name));
                lk_buf_puts(b, ",\"record\":");
                lk_mail__json_str(b, names[j].keys[k].record,
                                  strlen(names[j].keys[k].record));
                lk_buf_puts(b, "}");
            }
        }
        lk_buf_puts(b, "]");
    }
    lk_buf_printf(b, ",\"messages\":%llu,\"verdicts\":", run->messages);
    rep_json_counts(b, lk_mail_verdict_names, run->verdicts,
                    LK_MAIL_V_COUNT);
    lk_buf_puts(b, "}\n");
}

static void rep_evidence(lk_buf *b, const lk_mail_run *run)
{
    lk_buf man;
    char sha[65], at[32];
    size_t i;
    lk_buf_init(&man, 0);
    rep_manifest(&man, run);
    lk_sha256_hex(man.ptr ? man.ptr : "", man.len, sha);
    lk_buf_dispose(&man);
    lk_mail__time_format(run->o.at, at);
    lk_buf_printf(b,
                  "{\"format\":\"leaklaw/mail-summary/1\","
                  "\"leaklaw\":\"%s\",\"verification_time\":\"%s\","
                  "\"manifest_sha256\":\"%s\",\"messages\":%llu,"
                  "\"verdicts\":",
                  lk_version(), at, sha, run->messages);
    rep_json_counts(b, lk_mail_verdict_names, run->verdicts,
                    LK_MAIL_V_COUNT);
    lk_buf_puts(b, ",\"signatures\":");
    rep_json_counts(b, lk_mail_result_names, run->results, LK_MAIL_R_COUNT);
    lk_buf_puts(b, ",\"domains\":{");
    for (i = 0; i < run->ndoms; i++) {
        if (i)
            lk_buf_puts(b, ",");
        lk_mail__json_str(b, run->doms[i].name, strlen(run->doms[i].name));
        lk_buf_puts(b, ":");
        rep_json_counts(b, lk_mail_result_names, run->doms[i].r,
                        LK_MAIL_R_COUNT);
    }
    lk_buf_printf(b, "},\"inputs\":%zu}\n", run->nfiles);
}

int lk_mail__render(lk_buf *b, const lk_mail_run *run,
                    lk_mail_summary_format format)
{
    switch (format) {
    case LK_MAIL_SUMMARY_MD:
        rep_summary(b, run, 0);
        break;
    case LK_MAIL_SUMMARY_HTML:
        rep_summary(b, run, 1);
        break;
    case LK_MAIL_SUMMARY_MANIFEST:
        rep_manifest(b, run);
        break;
    case LK_MAIL_SUMMARY_EVIDENCE:
        rep_evidence(b, run);
        break;
    default:
        return LK_EINVALID;
    }
    return b->error;
}
