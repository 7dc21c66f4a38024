/*
 * memo.c: the memo. It reads like a legal adviser's memo: question, short
 * answer per lens, facts relied on with their sources, analysis element by
 * element with citations, what would change the answer, precedents,
 * caveats and the authorities cited. All legal text comes from the law's
 * data; the document is written once, for Markdown and HTML alike.
 */
#include <stdio.h>
#include <string.h>

#include "report_int.h"

/* "[id]" references to legal sources, separated by "sep". */
static void memo_cites(lk_writer *w, const char *const *cites, size_t n,
                       const char *sep)
{
    size_t i;
    for (i = 0; i < n && cites[i]; i++)
        lk_writer_textf(w, "%s[%s]", i ? sep : "", cites[i]);
}

/* Number of entries of a NULL-terminated array. */
static size_t memo_count(const char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* "status (level)" of a target result. */
static void memo_status(lk_writer *w, const lk_target_result *r)
{
    lk_writer_text(w, r->status);
    if (r->level)
        lk_writer_textf(w, " (%s)", r->level);
}

/* What rule "rule" relies on: the case's facts and the targets it reads. */
static void memo_relies_on(lk_writer *w, const lk_assessment *a, size_t rule)
{
    const lk_law *law = lk_assessment_law(a);
    int facts[LK_EXPLAIN_MAX_FACTS];
    size_t targets[64], nf, nt, k, first = 1;
    nf = lk_explain_rule_facts(law, rule, facts, LK_EXPLAIN_MAX_FACTS);
    for (k = 0; k < nf; k++) {
        lk_fact_info fi;
        lk_fact_view fv;
        lk_explain_fact_info((size_t)facts[k], &fi);
        if (fi.derived)
            continue;
        lk_explain_fact(a, (size_t)facts[k], &fv);
        lk_writer_textf(w, "%s%s = ", first ? "" : "; ", fi.label);
        lk_writer_text(w, fv.value);
        first = 0;
    }
    nt = lk_explain_rule_targets(law, rule, targets, 64);
    for (k = 0; k < nt; k++) {
        const lk_target_info *ti = lk_law_target(law, targets[k]);
        lk_target_result r;
        lk_explain_target(a, targets[k], &r);
        lk_writer_textf(w, "%s%s ", first ? "" : "; ", ti->id);
        first = 0;
        if (ti->kind == LK_TARGET_SCORE) {
            lk_writer_textf(w, "= %d", r.score_min);
            if (r.score_max != r.score_min)
                lk_writer_textf(w, " to %d", r.score_max);
        } else {
            memo_status(w, &r);
        }
    }
    if (first)
        lk_writer_text(w, "none (default rule)");
}

/* The reasons for target "t", as list items. */
static void memo_reasons(lk_writer *w, const lk_assessment *a, size_t t)
{
    const lk_law *law = lk_assessment_law(a);
    lk_reason rs[LK_REPORT_MAX_REASONS];
    lk_target_result r;
    size_t n, i;
    n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS);
    lk_explain_target(a, t, &r);
    for (i = 0; i < n; i++) {
        const lk_rule_info *ri = lk_law_rule(law, rs[i].rule);
        lk_writer_item(w);
        lk_writer_text(w, rs[i].applies ? "Applies: " : "May apply: ");
        lk_writer_code(w, ri->id);
        lk_writer_textf(w, " (%s): ", ri->outcome);
        lk_writer_text(w, ri->text);
        lk_writer_text(w, " Relies on: ");
        memo_relies_on(w, a, rs[i].rule);
        lk_writer_text(w, ". Authority: ");
        memo_cites(w, ri->cites, memo_count(ri->cites), " ");
        lk_writer_text(w, ".");
    }
    if (r.choice[0] >= 0) {
        lk_writer_item(w);
        lk_writer_strong(w, 1);
        lk_writer_text(w, "Interpretive choice needed:");
        lk_writer_strong(w, 0);
        lk_writer_text(w, " rules ");
        lk_writer_code(w, lk_law_rule(law, (size_t)r.choice[0])->id);
        lk_writer_text(w, " and ");
        lk_writer_code(w, lk_law_rule(law, (size_t)r.choice[1])->id);
        lk_writer_text(w, " are of equal priority, both apply and disagree. "
                          "leaklaw does not choose between them; the "
                          "adviser must (or a profile must rank them).");
    }
    if (r.several && r.nunknown) {
        lk_writer_item(w);
        lk_writer_text(w, "Open because these facts are unknown: ");
        for (i = 0; i < r.nunknown; i++) {
            lk_fact_info fi;
            lk_explain_fact_info((size_t)r.unknown[i], &fi);
            lk_writer_text(w, i ? ", " : "");
            lk_writer_code(w, fi.pointer);
        }
        lk_writer_text(w, ".");
    }
}

/* The title and the table of case, law and profile. */
static void memo_title(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_case *c = lk_assessment_case(a);
    char hash[80];
    lk_writer_heading(w, 1);
    lk_writer_text(w, "Memorandum: ");
    lk_writer_text(w, lk_case_title(c));
    lk_writer_table(w, 2);
    lk_writer_row(w);
    lk_writer_cell(w);
    lk_writer_cell(w);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Case");
    lk_writer_cell(w);
    lk_writer_code(w, lk_case_id(c));
    snprintf(hash, sizeof(hash), "%.16s\xe2\x80\xa6", lk_case_sha256(c));
    lk_writer_text(w, " (SHA-256 ");
    lk_writer_code(w, hash);
    lk_writer_text(w, ")");
    lk_writer_row(w);
    lk_writer_cell_text(w, "Law");
    lk_writer_cell(w);
    lk_writer_textf(w, "%s %s (SHA-256 ", lk_law_name(law),
                    lk_law_version(law));
    snprintf(hash, sizeof(hash), "%.16s\xe2\x80\xa6", lk_law_sha256(law));
    lk_writer_code(w, hash);
    lk_writer_text(w, ")");
    lk_writer_row(w);
    lk_writer_cell_text(w, "Profile");
    lk_writer_cell(w);
    lk_writer_code(w, lk_law_profile(law));
    lk_writer_text(w, ": ");
    lk_writer_text(w, lk_law_profile_title(law));
    lk_writer_row(w);
    lk_writer_cell_text(w, "Prepared with");
    lk_writer_cell(w);
    lk_writer_textf(w, "leaklaw %s", lk_version());
}

/* The question, the lenses and the case's summary. */
static void memo_question(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    static const char *const words[] = {"no", "one", "two", "three",
                                        "four", "five", "six", "seven",
                                        "eight"};
    const lk_case *c = lk_assessment_case(a);
    size_t lens[64], n = lk_report__lenses(law, lens, 64), t;
    char count[24];
    if (n < sizeof(words) / sizeof(words[0]))
        snprintf(count, sizeof(count), "%s", words[n]);
    else
        snprintf(count, sizeof(count), "%zu", n);
    lk_writer_heading(w, 2);
    lk_writer_text(w, "1. Question");
    lk_writer_para(w);
    lk_writer_textf(w, "Whether the operation described below is a "
                       "prohibited intervention in the internal affairs of "
                       "the victim State, assessed under %s lens%s that "
                       "are reported side by side and never merged:",
                    count, n == 1 ? "" : "es");
    for (t = 0; t < lk_law_target_count(law); t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        if (ti->kind != LK_TARGET_LENS)
            continue;
        lk_writer_item(w);
        lk_writer_strong(w, 1);
        lk_writer_text(w, ti->title);
        lk_writer_strong(w, 0);
        lk_writer_text(w, " (");
        lk_writer_code(w, ti->id);
        lk_writer_text(w, "): ");
        lk_writer_text(w, ti->question);
    }
    if (lk_case_summary(c) != NULL) {
        lk_writer_para(w);
        lk_writer_text(w, "The case: ");
        lk_writer_text(w, lk_case_summary(c));
    }
}

/* Elements read by the reasons "rs" (only those that apply if "applied"),
 * as a target bit set. */
static unsigned long long memo_used(const lk_law *law, const lk_reason *rs,
                                    size_t n, int applied)
{
    unsigned long long used = 0;
    size_t k, j, nt, targets[64];
    for (k = 0; k < n; k++) {
        if (applied && !rs[k].applies)
            continue;
        nt = lk_explain_rule_targets(law, rs[k].rule, targets, 64);
        for (j = 0; j < nt; j++)
            used |= 1ull << targets[j];
    }
    return used;
}

/* For an open verdict: which elements keep it open, and why. */
static void memo_open_elements(lk_writer *w, const lk_assessment *a,
                               unsigned long long used)
{
    const lk_law *law = lk_assessment_law(a);
    size_t e, f;
    int first = 1;
    for (e = 0; e < lk_law_target_count(law); e++) {
        lk_target_result r;
        if (!(used & (1ull << e)) ||
            lk_law_target(law, e)->kind != LK_TARGET_ELEMENT)
            continue;
        lk_explain_target(a, e, &r);
        if (!r.undetermined)
            continue;
        lk_writer_textf(w, "%s%s", first ? " Open: " : "; ",
                        lk_law_target(law, e)->id);
        first = 0;
        if (r.choice[0] >= 0)
            lk_writer_text(w, " (interpretive choice, see \xc2\xa7"
                              "4)");
        for (f = 0; f < r.nunknown; f++) {
            lk_fact_info fi;
            lk_explain_fact_info((size_t)r.unknown[f], &fi);
            lk_writer_text(w, f ? ", " : " (unknown: ");
            lk_writer_code(w, fi.pointer);
        }
        if (r.nunknown)
            lk_writer_text(w, ")");
    }
    if (!first)
        lk_writer_text(w, ".");
}

/* One lens of the short answer. */
static void memo_answer_lens(lk_writer *w, const lk_assessment *a, size_t t)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_target_info *ti = lk_law_target(law, t);
    lk_reason rs[LK_REPORT_MAX_REASONS];
    lk_target_result r;
    unsigned long long used;
    size_t n, e;
    int first = 1;
    lk_explain_target(a, t, &r);
    lk_writer_item(w);
    lk_writer_strong(w, 1);
    lk_writer_textf(w, "%s: %s.", ti->title,
                    lk_report__label(law, LK_TARGET_LENS, r.status));
    lk_writer_strong(w, 0);
    n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS);
    used = memo_used(law, rs, n, 1);
    for (e = 0; e < lk_law_target_count(law); e++) {
        lk_target_result er;
        if (!(used & (1ull << e)) ||
            lk_law_target(law, e)->kind != LK_TARGET_ELEMENT)
            continue;
        lk_explain_target(a, e, &er);
        lk_writer_textf(w, "%s %s ", first ? " Decisive:" : ";",
                        lk_law_target(law, e)->id);
        memo_status(w, &er);
        first = 0;
    }
    if (!first)
        lk_writer_text(w, ".");
    if (r.choice[0] >= 0)
        lk_writer_text(w, " Interpretive choice needed (see \xc2\xa7"
                          "4).");
    if (r.undetermined)
        memo_open_elements(w, a, memo_used(law, rs, n, 0));
}

static void memo_short_answer(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t t;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "2. Short answer");
    for (t = 0; t < lk_law_target_count(law); t++)
        if (lk_law_target(law, t)->kind == LK_TARGET_LENS)
            memo_answer_lens(w, a, t);
    for (t = 0; t < lk_law_target_count(law); t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        lk_target_result r;
        size_t ns = lk_law_status_count(law, LK_TARGET_FLAG);
        if (ti->kind != LK_TARGET_FLAG)
            continue;
        lk_explain_target(a, t, &r);
        /* flag statuses run from raised to not raised, the open one last:
         * a flag determined as the last closed status is not reported */
        if (!r.undetermined && ns >= 2 &&
            strcmp(r.status, lk_law_status(law, LK_TARGET_FLAG, ns - 2)->id) ==
                0)
            continue;
        lk_writer_item(w);
        lk_writer_textf(w, "Adjacent regime, %s: %s.", ti->title, r.status);
    }
}

/* One row of the facts table: a stated fact and its sources. */
static void memo_fact_row(lk_writer *w, const lk_assessment *a, size_t f)
{
    lk_fact_info fi;
    lk_fact_view fv;
    lk_explain_fact_info(f, &fi);
    lk_explain_fact(a, f, &fv);
    lk_writer_row(w);
    lk_writer_cell(w);
    lk_writer_textf(w, "%s (", fi.label);
    lk_writer_code(w, fi.pointer);
    lk_writer_text(w, ")");
    lk_writer_cell_text(w, fv.value);
    lk_writer_cell(w);
    if (fi.derived) {
        lk_writer_text(w, "derived");
    } else if (fv.ncites) {
        memo_cites(w, fv.cites, fv.ncites, "");
    } else {
        lk_writer_em(w, 1);
        lk_writer_text(w, "no source cited");
        lk_writer_em(w, 0);
    }
}

/* The sources of fact the case lists, and its unconfirmed points. Each
 * source: title (date), then what the case gives of its kind, publisher,
 * pinpoint, quotation, address, access date, archived copy and status. */
static void memo_case_sources(lk_writer *w, const lk_case *c)
{
    size_t i, n = lk_case_source_count(c);
    if (n) {
        lk_writer_para(w);
        lk_writer_text(w, "Sources of fact:");
    }
    for (i = 0; i < n; i++) {
        lk_case_source_info s;
        lk_case_source(c, i, &s);
        lk_writer_item(w);
        lk_writer_textf(w, "[%s] ", s.id);
        lk_writer_text(w, s.title ? s.title : "(untitled)");
        if (s.date)
            lk_writer_textf(w, " (%s)", s.date);
        if (s.kind)
            lk_writer_textf(w, ", %s", s.kind);
        if (s.publisher)
            lk_writer_textf(w, ", %s", s.publisher);
        if (s.pinpoint)
            lk_writer_textf(w, ", %s", s.pinpoint);
        if (s.quote)
            lk_writer_textf(w, ": \u201c%s\u201d", s.quote);
        if (s.url) {
            lk_writer_text(w, " ");
            lk_writer_link(w, s.url);
        }
        if (s.accessed)
            lk_writer_textf(w, ", accessed %s", s.accessed);
        if (s.archived) {
            lk_writer_text(w, ", archived at ");
            lk_writer_link(w, s.archived);
        }
        if (s.status && strcmp(s.status, "confirmed") == 0)
            lk_writer_text(w, " (confirmed)");
        else if (s.status) {
            lk_writer_text(w, " ");
            lk_writer_em(w, 1);
            lk_writer_text(w, "(unconfirmed)");
            lk_writer_em(w, 0);
        }
    }
    n = lk_case_unconfirmed_count(c);
    if (n) {
        lk_writer_para(w);
        lk_writer_text(w, "Points the case marks as unconfirmed: ");
    }
    for (i = 0; i < n; i++) {
        lk_writer_text(w, i ? ", " : "");
        lk_writer_code(w, lk_case_unconfirmed(c, i));
    }
    if (n)
        lk_writer_text(w, ".");
}

/* Where a fact comes from evidence rather than the case: say so. */
static void memo_evidence_note(lk_writer *w, const lk_assessment *a)
{
    size_t f, nf = lk_explain_fact_count();
    char ptr[64];
    for (f = 0; f < nf; f++) {
        lk_fact_view fv;
        lk_explain_fact(a, f, &fv);
        if (!fv.from_evidence)
            continue;
        snprintf(ptr, sizeof(ptr), "/evidence/%zu", fv.evidence);
        lk_writer_para(w);
        lk_writer_text(w, "The authenticity of the material is not stated "
                          "by the case: it is derived from the DKIM "
                          "verification in ");
        lk_writer_code(w, ptr);
        lk_writer_text(w, ". A verified signature shows a message unchanged "
                          "since it was signed, not that its content is "
                          "true; a failed one shows a change after signing, "
                          "which can be benign (forwarding, mailing-list "
                          "footers) and should be examined before it is "
                          "relied on.");
    }
}

/* The facts not stated, which stay unknown. */
static void memo_unknown(lk_writer *w, const lk_assessment *a)
{
    size_t f, nf = lk_explain_fact_count();
    int first = 1;
    for (f = 0; f < nf; f++) {
        lk_fact_info fi;
        lk_fact_view fv;
        lk_explain_fact_info(f, &fi);
        lk_explain_fact(a, f, &fv);
        if (fv.known || fi.derived)
            continue;
        if (first) {
            lk_writer_para(w);
            lk_writer_text(w, "Not stated, and therefore treated as ");
            lk_writer_strong(w, 1);
            lk_writer_text(w, "unknown");
            lk_writer_strong(w, 0);
            lk_writer_text(w, " (never assumed): ");
        }
        lk_writer_textf(w, "%s%s", first ? "" : ", ", fi.label);
        first = 0;
    }
    if (!first)
        lk_writer_text(w, ".");
}

static void memo_facts(lk_writer *w, const lk_assessment *a)
{
    size_t f, nf = lk_explain_fact_count();
    int derived;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "3. Facts relied on");
    lk_writer_table(w, 3);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Fact");
    lk_writer_cell_text(w, "Value");
    lk_writer_cell_text(w, "Sources");
    /* stated facts first, then derived ones */
    for (derived = 0; derived <= 1; derived++) {
        for (f = 0; f < nf; f++) {
            lk_fact_info fi;
            lk_fact_view fv;
            lk_explain_fact_info(f, &fi);
            lk_explain_fact(a, f, &fv);
            if (fv.known && fi.derived == derived)
                memo_fact_row(w, a, f);
        }
    }
    memo_evidence_note(w, a);
    memo_unknown(w, a);
    memo_case_sources(w, lk_assessment_case(a));
}

/* The indicators of score "t" as a table. */
static void memo_score(lk_writer *w, const lk_assessment *a, size_t t,
                       int n)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_target_info *ti = lk_law_target(law, t);
    size_t rules[LK_REPORT_MAX_REASONS], k, nr;
    lk_target_result r;
    lk_explain_target(a, t, &r);
    lk_writer_heading(w, 3);
    lk_writer_textf(w, "4.%d %s: score %d", n, ti->title, r.score_min);
    if (r.score_max != r.score_min)
        lk_writer_textf(w, " to %d (depends on unknown facts)", r.score_max);
    lk_writer_para(w);
    lk_writer_text(w, ti->question);
    lk_writer_table(w, 4);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Indicator");
    lk_writer_cell_text(w, "Weight");
    lk_writer_cell_text(w, "Applies");
    lk_writer_cell_text(w, "Authority");
    nr = lk_explain_target_rules(law, t, rules, LK_REPORT_MAX_REASONS);
    for (k = 0; k < nr; k++) {
        const lk_rule_info *ri = lk_law_rule(law, rules[k]);
        int st = lk_explain_rule_state(a, rules[k]);
        lk_writer_row(w);
        lk_writer_cell(w);
        lk_writer_code(w, ri->id);
        lk_writer_text(w, ": ");
        lk_writer_text(w, ri->text);
        lk_writer_cell(w);
        lk_writer_textf(w, "%+d", lk_explain_rule_weight(law, rules[k]));
        lk_writer_cell_text(w, st == 1 ? "yes" : st == 0 ? "no" : "unknown");
        lk_writer_cell(w);
        memo_cites(w, ri->cites, memo_count(ri->cites), " ");
    }
}

static void memo_analysis(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t t, nt = lk_law_target_count(law);
    int n = 0;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "4. Analysis");
    for (t = 0; t < nt; t++) {
        const lk_target_info *ti = lk_law_target(law, t);
        lk_target_kind prev = t ? lk_law_target(law, t - 1)->kind : ti->kind;
        lk_target_result r;
        if (ti->kind == LK_TARGET_SCORE) {
            memo_score(w, a, t, ++n);
            continue;
        }
        if (t > 0 && prev != ti->kind && ti->kind == LK_TARGET_LENS) {
            lk_writer_heading(w, 3);
            lk_writer_text(w, "The lenses");
        }
        if (t > 0 && prev != ti->kind && ti->kind == LK_TARGET_FLAG) {
            lk_writer_heading(w, 3);
            lk_writer_text(w, "Adjacent regimes (flags)");
        }
        lk_explain_target(a, t, &r);
        lk_writer_heading(w, 3);
        lk_writer_textf(w, "4.%d %s: ", ++n, ti->title);
        lk_writer_text(w, ti->kind == LK_TARGET_LENS
                              ? lk_report__label(law, ti->kind, r.status)
                              : r.status);
        if (r.level)
            lk_writer_textf(w, " (%s)", r.level);
        lk_writer_para(w);
        lk_writer_text(w, ti->question);
        memo_reasons(w, a, t);
    }
}

/* The facts whose being unknown keeps a lens open, as list items. */
static void memo_missing(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t f, t, k, nt = lk_law_target_count(law);
    int any = 0;
    for (f = 0; f < LK_EXPLAIN_MAX_FACTS; f++) {
        int first = 1;
        for (t = 0; t < nt; t++) {
            lk_target_result r;
            int hit = 0;
            if (lk_law_target(law, t)->kind != LK_TARGET_LENS)
                continue;
            lk_explain_target(a, t, &r);
            for (k = 0; k < r.nunknown; k++)
                hit |= r.unknown[k] == (int)f;
            if (!hit)
                continue;
            if (!any) {
                lk_writer_para(w);
                lk_writer_text(w, "Missing facts that keep a verdict open:");
            }
            if (first) {
                lk_fact_info fi;
                lk_explain_fact_info(f, &fi);
                lk_writer_item(w);
                lk_writer_code(w, fi.pointer);
                lk_writer_textf(w, " (%s): affects ", fi.label);
            }
            lk_writer_textf(w, "%s%s", first ? "" : ", ",
                            lk_law_target(law, t)->id);
            first = 0;
            any = 1;
        }
    }
}

static void memo_whatif(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t i, n = lk_explain_whatif_count(a), k;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "5. What would change the answer");
    memo_missing(w, a);
    lk_writer_para(w);
    if (!lk_explain_whatif_done(a)) {
        lk_writer_text(w, "The what-if search was not run.");
        return;
    }
    if (n == 0) {
        lk_writer_text(w, "No change of one or two facts changes any "
                          "verdict.");
        return;
    }
    lk_writer_text(w, "The smallest changes of fact that change a verdict "
                      "(single facts first, then pairs; at most a few per "
                      "lens):");
    lk_writer_table(w, 3);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Lens");
    lk_writer_cell_text(w, "If");
    lk_writer_cell_text(w, "Verdict becomes");
    for (i = 0; i < n; i++) {
        lk_whatif_view wv;
        lk_explain_whatif(a, i, &wv);
        lk_writer_row(w);
        lk_writer_cell_text(w, lk_law_target(law, wv.lens)->id);
        lk_writer_cell(w);
        for (k = 0; k < wv.nchanges; k++) {
            lk_fact_info fi;
            lk_explain_fact_info((size_t)wv.change[k].fact, &fi);
            lk_writer_textf(w, "%s%s were ", k ? " and " : "", fi.label);
            lk_writer_text(w, wv.change[k].to);
            lk_writer_text(w, " (now ");
            lk_writer_text(w, wv.change[k].from);
            lk_writer_text(w, ")");
        }
        lk_writer_cell_text(w,
                            lk_report__label(law, LK_TARGET_LENS, wv.verdict));
    }
    if (lk_explain_whatif_more(a) > 0) {
        lk_writer_para(w);
        lk_writer_textf(w,
                        "More changes than these change a verdict: %zu "
                        "further change%s of other facts, not listed.",
                        lk_explain_whatif_more(a),
                        lk_explain_whatif_more(a) == 1 ? "" : "s");
    }
}

/* The decisive elements "pts" as a cell: ids, with both statuses when
 * "both" (the elements on which case and precedent differ). */
static void memo_points(lk_writer *w, const lk_law *law,
                        const lk_precedent_point *pts, size_t n, int both)
{
    size_t k;
    lk_writer_cell(w);
    if (n == 0)
        lk_writer_text(w, "-");
    for (k = 0; k < n; k++) {
        lk_writer_textf(w, "%s%s", k ? ", " : "",
                        lk_law_target(law, pts[k].element)->id);
        if (both)
            lk_writer_textf(w, " (%s here, %s there)", pts[k].status,
                            pts[k].precedent);
    }
}

static void memo_precedents(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t lens[64], nl = lk_report__lenses(law, lens, 64), i, k;
    size_t n = lk_explain_precedent_count(a);
    lk_writer_heading(w, 2);
    lk_writer_text(w, "6. Nearest precedents");
    lk_writer_para(w);
    if (n == 0) {
        lk_writer_text(w, "No case library was consulted.");
        return;
    }
    lk_writer_text(w, "By agreement with the library's real incidents on "
                      "the decisive elements this case has decided and the "
                      "key facts it states; what a precedent leaves open "
                      "or unknown earns no credit:");
    lk_writer_table(w, 4 + (int)nl);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Case");
    lk_writer_cell_text(w, "Similarity");
    for (k = 0; k < nl; k++)
        lk_writer_cell_text(w, lk_law_target(law, lens[k])->id);
    lk_writer_cell_text(w, "Agrees on");
    lk_writer_cell_text(w, "Differs on");
    for (i = 0; i < n; i++) {
        lk_precedent_view pv;
        lk_explain_precedent(a, i, &pv);
        lk_writer_row(w);
        lk_writer_cell(w);
        lk_writer_code(w, lk_case_id(pv.c));
        lk_writer_text(w, ": ");
        lk_writer_text(w, lk_case_title(pv.c));
        lk_writer_cell(w);
        lk_writer_textf(w, "%d%%", pv.similarity / 10);
        for (k = 0; k < nl; k++) {
            lk_target_result r;
            lk_explain_target(pv.assessment, lens[k], &r);
            lk_writer_cell_text(w, r.status);
        }
        memo_points(w, law, pv.agrees, pv.nagrees, 0);
        memo_points(w, law, pv.differs, pv.ndiffers, 1);
    }
}

/* Mark in "cited" (one byte per source of the catalogue) the sources
 * cited by "cites". */
static void memo_mark(const lk_law *law, char *cited,
                      const char *const *cites, size_t n)
{
    size_t i, s, ns = lk_law_source_count(law);
    for (i = 0; i < n && cites[i]; i++)
        for (s = 0; s < ns; s++)
            cited[s] |= !strcmp(lk_law_source(law, s)->id, cites[i]);
}

/* The sources the memo cites: every score indicator, the reasons of the
 * other targets, the caveats and the profile. */
static void memo_collect(const lk_assessment *a, char *cited)
{
    const lk_law *law = lk_assessment_law(a);
    size_t t, k, n, rules[LK_REPORT_MAX_REASONS];
    lk_reason rs[LK_REPORT_MAX_REASONS];
    lk_note_view nv;
    for (t = 0; t < lk_law_target_count(law); t++) {
        if (lk_law_target(law, t)->kind == LK_TARGET_SCORE) {
            n = lk_explain_target_rules(law, t, rules, LK_REPORT_MAX_REASONS);
            for (k = 0; k < n; k++) {
                const lk_rule_info *ri = lk_law_rule(law, rules[k]);
                memo_mark(law, cited, ri->cites, memo_count(ri->cites));
            }
            continue;
        }
        n = lk_explain_reasons(a, t, rs, LK_REPORT_MAX_REASONS);
        for (k = 0; k < n; k++) {
            const lk_rule_info *ri = lk_law_rule(law, rs[k].rule);
            memo_mark(law, cited, ri->cites, memo_count(ri->cites));
        }
    }
    for (k = 0; k < lk_explain_caveat_count(law); k++) {
        lk_explain_caveat(law, k, &nv);
        memo_mark(law, cited, nv.cites, nv.ncites);
    }
    lk_explain_profile(law, &nv);
    memo_mark(law, cited, nv.cites, nv.ncites);
}

static void memo_caveats(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    lk_note_view nv;
    size_t k;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "7. Caveats");
    for (k = 0; k < lk_explain_caveat_count(law); k++) {
        lk_explain_caveat(law, k, &nv);
        lk_writer_item(w);
        lk_writer_text(w, nv.text);
        lk_writer_text(w, " ");
        memo_cites(w, nv.cites, nv.ncites, "");
    }
    for (k = 0; k < lk_explain_standard_count(law); k++) {
        lk_explain_standard(law, k, &nv);
        lk_writer_item(w);
        lk_writer_textf(w, "Standard of proof for %s under profile ",
                        nv.subject);
        lk_writer_code(w, lk_law_profile(law));
        lk_writer_text(w, ": ");
        lk_writer_text(w, nv.name);
        lk_writer_text(w, ". ");
        lk_writer_text(w, nv.text);
        lk_writer_text(w, " ");
        memo_cites(w, nv.cites, nv.ncites, "");
    }
}

/* An OSCOLA citation, its *text* in emphasis (the catalogue pairs the
 * marks). */
static void memo_oscola(lk_writer *w, const char *s)
{
    const char *star;
    int em = 0;
    while ((star = strchr(s, '*')) != NULL) {
        if (star > s)
            lk_writer_textf(w, "%.*s", (int)(star - s), s);
        em = !em;
        lk_writer_em(w, em);
        s = star + 1;
    }
    lk_writer_text(w, s);
    if (em)
        lk_writer_em(w, 0);
}

/* 1 if addresses "a" and "b" are the same but for http/https. */
static int memo_same_url(const char *a, const char *b)
{
    if (strncmp(a, "https://", 8) == 0)
        a += 8;
    else if (strncmp(a, "http://", 7) == 0)
        a += 7;
    if (strncmp(b, "https://", 8) == 0)
        b += 8;
    else if (strncmp(b, "http://", 7) == 0)
        b += 7;
    return strcmp(a, b) == 0;
}

/* The copy in which the text of "src" was read when it was not read at
 * its official home: its first "seen_at" entry, or NULL. */
static const char *memo_read_at(const lk_source_info *src)
{
    size_t i;
    for (i = 0; i < src->nseen_at; i++)
        if (src->url[0] && memo_same_url(src->seen_at[i].url, src->url))
            return NULL;
    return src->nseen_at ? src->seen_at[0].url : NULL;
}

/* One authority of the list: "[id] OSCOLA <official address> (kind);
 * read at: <copy>", and the unconfirmed marker. */
static void memo_authority(lk_writer *w, const lk_source_info *src)
{
    const char *copy = memo_read_at(src);
    lk_writer_item(w);
    lk_writer_textf(w, "[%s] ", src->id);
    memo_oscola(w, src->oscola);
    if (src->url[0]) {
        lk_writer_text(w, " ");
        lk_writer_link(w, src->url);
        lk_writer_textf(w, " (%s)", src->kind);
    } else {
        lk_writer_textf(w, " (%s; official address not known)", src->kind);
    }
    if (copy != NULL) {
        lk_writer_text(w, "; read at: ");
        lk_writer_link(w, copy);
    }
    if (strcmp(src->status, "confirmed") != 0) {
        lk_writer_text(w, " ");
        lk_writer_em(w, 1);
        lk_writer_text(w, "(unconfirmed: not verified against the text)");
        lk_writer_em(w, 0);
    }
}

static void memo_authorities(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    char cited[4096];
    size_t s, ns = lk_law_source_count(law), unconfirmed = 0;
    memset(cited, 0, sizeof(cited));
    if (ns > sizeof(cited))
        return;
    memo_collect(a, cited);
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Authorities cited");
    for (s = 0; s < ns; s++) {
        const lk_source_info *src = lk_law_source(law, s);
        if (!cited[s])
            continue;
        memo_authority(w, src);
        unconfirmed += strcmp(src->status, "confirmed") != 0;
    }
    if (unconfirmed) {
        lk_writer_para(w);
        lk_writer_textf(w, "%zu of the authorities above could not be "
                           "verified against their text; check them before "
                           "relying on this memo.",
                        unconfirmed);
    }
}

/* The block the reviewing adviser fills in. */
static void memo_signoff(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    size_t lens[64], nl = lk_report__lenses(law, lens, 64), k;
    lk_writer_heading(w, 2);
    lk_writer_text(w, "Sign-off");
    lk_writer_table(w, 2);
    lk_writer_row(w);
    lk_writer_cell(w);
    lk_writer_cell(w);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Reviewed by");
    lk_writer_cell(w);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Date");
    lk_writer_cell(w);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Facts verified against sources");
    lk_writer_cell_text(w, "yes / no");
    lk_writer_row(w);
    lk_writer_cell_text(w, "Conclusions adopted");
    lk_writer_cell(w);
    for (k = 0; k < nl; k++)
        lk_writer_textf(w, "%s%s:", k ? " / " : "",
                        lk_law_target(law, lens[k])->id);
}

int lk_report__memo(lk_writer *w, const lk_assessment *a,
                    lk_memo_hook after_answer)
{
    int error = 0;
    memo_title(w, a);
    memo_question(w, a);
    memo_short_answer(w, a);
    if (after_answer != NULL) {
        lk_writer_close(w);
        error = after_answer(w, a);
    }
    memo_facts(w, a);
    memo_analysis(w, a);
    memo_whatif(w, a);
    memo_precedents(w, a);
    memo_caveats(w, a);
    memo_authorities(w, a);
    memo_signoff(w, a);
    lk_writer_close(w);
    return error < 0 ? error : w->b->error;
}
