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
        lk_writer_text(w, "Open until these facts are established (unknown, "
                          "disputed or below the standard of proof): ");
        for (i = 0; i < r.nunknown; i++) {
            lk_fact_info fi;
            lk_explain_fact_info((size_t)r.unknown[i], &fi);
            lk_writer_text(w, i ? ", " : "");
            lk_writer_code(w, fi.pointer);
        }
        lk_writer_text(w, ".");
    }
}

/* The classification line, when the memo has one. */
static void memo_classification(lk_writer *w, const lk_report_options *opts)
{
    if (opts->classification == NULL)
        return;
    lk_writer_para(w);
    lk_writer_strong(w, 1);
    lk_writer_data(w, opts->classification);
    lk_writer_strong(w, 0);
}

/* The rows of the title's table for the memo's author and dates. */
static void memo_dates(lk_writer *w, const lk_case *c,
                       const lk_report_options *opts)
{
    const char *current = lk_case_facts_date(c);
    if (opts->author != NULL) {
        lk_writer_row(w);
        lk_writer_cell_text(w, "Author");
        lk_writer_cell_text(w, opts->author);
    }
    lk_writer_row(w);
    lk_writer_cell_text(w, "Date");
    lk_writer_cell_text(w, opts->date ? opts->date : "not stated");
    lk_writer_row(w);
    lk_writer_cell_text(w, "Facts current to");
    lk_writer_cell(w);
    if (current != NULL) {
        lk_writer_text(w, current);
        lk_writer_text(w, " (the latest date of the case's sources)");
    } else {
        lk_writer_text(w, "not stated (no source of the case is dated)");
    }
}

/* The title and the table of case, law and profile. */
static void memo_title(lk_writer *w, const lk_assessment *a,
                       const lk_report_options *opts)
{
    const lk_law *law = lk_assessment_law(a);
    const lk_case *c = lk_assessment_case(a);
    char hash[80];
    memo_classification(w, opts);
    lk_writer_heading(w, 1);
    lk_writer_text(w, "Memorandum: ");
    lk_writer_data(w, lk_case_title(c));
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
    memo_dates(w, c, opts);
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
        lk_writer_data(w, lk_case_summary(c));
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

/* The verdicts the case file expects, where it states them. */
static void memo_expected(lk_writer *w, const lk_assessment *a)
{
    const lk_law *law = lk_assessment_law(a);
    const char *why = lk_case_expected_why(lk_assessment_case(a));
    size_t i, n = lk_explain_expected_count(a), differ = 0;
    if (n == 0)
        return;
    lk_writer_heading(w, 3);
    lk_writer_text(w, "Verdicts the case file expects");
    for (i = 0; i < n; i++) {
        lk_expected_view ev;
        lk_explain_expected(a, i, &ev);
        lk_writer_item(w);
        lk_writer_code(w, ev.lens);
        lk_writer_textf(w, ": expected %s, ",
                        lk_report__label(law, LK_TARGET_LENS, ev.expected));
        if (ev.matches) {
            lk_writer_text(w, "as assessed.");
            continue;
        }
        differ++;
        lk_writer_strong(w, 1);
        lk_writer_textf(w, "assessed %s",
                        lk_report__label(law, LK_TARGET_LENS, ev.got));
        lk_writer_strong(w, 0);
        lk_writer_text(w, ".");
    }
    lk_writer_para(w);
    if (why != NULL) {
        lk_writer_text(w, "The case file's reason: ");
        lk_writer_data(w, why);
        lk_writer_text(w, " ");
    }
    if (differ)
        lk_writer_textf(w, "%zu of %zu expected verdicts differ from this "
                           "assessment: the case, its expectation or the law "
                           "needs a second look.",
                        differ, n);
    else
        lk_writer_text(w, "Every expected verdict is the one assessed.");
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
    memo_expected(w, a);
}

/* The sources of a fact, or that it has none. */
static void memo_fact_cites(lk_writer *w, const char *const *cites, size_t n)
{
    if (n) {
        memo_cites(w, cites, n, "");
        return;
    }
    lk_writer_em(w, 1);
    lk_writer_text(w, "no source cited");
    lk_writer_em(w, 0);
}

/* The note the case gives the fact at "pointer", or what stands for it. */
static void memo_fact_note(lk_writer *w, const lk_case *c, const char *ptr)
{
    int i = lk_case_fact_find(c, ptr);
    lk_case_fact_info info;
    lk_case_value_info v;
    if (i < 0)
        return;
    lk_case_fact(c, (size_t)i, &info);
    if (info.disputed) {
        lk_writer_text(w, "disputed: see below");
        return;
    }
    lk_case_fact_value(c, (size_t)i, 0, &v);
    if (v.note != NULL)
        lk_writer_data(w, v.note);
}

static void memo_value_cell(lk_writer *w, const lk_case *c, size_t i);

/* The competing values of the disputed fact at "ptr". */
static void memo_disputed_value(lk_writer *w, const lk_case *c,
                                const char *ptr)
{
    int i = lk_case_fact_find(c, ptr);
    if (i >= 0)
        memo_value_cell(w, c, (size_t)i);
}

/* One row of the facts table: a fact, its sources and its note. */
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
    lk_writer_cell(w);
    if (fv.disputed && !fv.known && !fi.derived)
        memo_disputed_value(w, lk_assessment_case(a), fi.pointer);
    else
        lk_writer_text(w, fv.value);
    if (fv.phrase != NULL) {
        /* an agency's words, and the level leaklaw reads them as */
        lk_writer_text(w, " (stated as \u201c");
        lk_writer_data(w, fv.phrase);
        lk_writer_text(w, "\u201d, ");
        lk_writer_data(w, fv.vocabulary);
        lk_writer_text(w, "; leaklaw's reading ");
        memo_cites(w, fv.vocabulary_cites, fv.nvocabulary_cites, "");
        lk_writer_text(w, ")");
    }
    lk_writer_cell(w);
    if (fi.derived)
        lk_writer_text(w, "derived");
    else
        memo_fact_cites(w, fv.cites, fv.ncites);
    lk_writer_cell(w);
    if (!fi.derived)
        memo_fact_note(w, lk_assessment_case(a), fi.pointer);
}

/* A stated value and its own sources and note, inline. */
static void memo_value_inline(lk_writer *w, const lk_case_value_info *v)
{
    lk_writer_data(w, v->string ? v->string : v->text);
    lk_writer_text(w, " ");
    memo_fact_cites(w, v->cites, v->ncites);
    if (v->note != NULL) {
        lk_writer_text(w, " (");
        lk_writer_data(w, v->note);
        lk_writer_text(w, ")");
    }
}

/* The disputed facts, each competing value with its sources and note. */
static void memo_disputes(lk_writer *w, const lk_case *c)
{
    size_t i, k, n = lk_case_fact_count(c);
    int first = 1;
    for (i = 0; i < n; i++) {
        lk_case_fact_info info;
        lk_case_fact(c, i, &info);
        if (!info.disputed)
            continue;
        if (first) {
            lk_writer_para(w);
            lk_writer_text(w, "Disputed facts (the assessment keeps every "
                              "competing value open):");
            first = 0;
        }
        lk_writer_item(w);
        lk_writer_code(w, info.pointer);
        lk_writer_text(w, ": ");
        for (k = 0; k < info.nvalues; k++) {
            lk_case_value_info v;
            lk_case_fact_value(c, i, k, &v);
            lk_writer_text(w, k == 0 ? "" : k + 1 < info.nvalues ? "; "
                                                                 : "; or ");
            memo_value_inline(w, &v);
        }
        lk_writer_text(w, ".");
    }
}

/* 1 if the stated fact at "ptr" has its row in the vocabulary table or
 * the access table. */
static int memo_fact_shown(const char *ptr)
{
    size_t f, nf = lk_explain_fact_count();
    if (strncmp(ptr, "/access/", 8) == 0)
        return 1;
    for (f = 0; f < nf; f++) {
        lk_fact_info fi;
        lk_explain_fact_info(f, &fi);
        if (strcmp(fi.pointer, ptr) == 0)
            return 1;
    }
    return 0;
}

/* The value(s) of a stated fact in a cell: disputed ones joined by "or". */
static void memo_value_cell(lk_writer *w, const lk_case *c, size_t i)
{
    lk_case_fact_info info;
    size_t k;
    lk_case_fact(c, i, &info);
    if (info.disputed)
        lk_writer_text(w, "disputed: ");
    for (k = 0; k < info.nvalues; k++) {
        lk_case_value_info v;
        lk_case_fact_value(c, i, k, &v);
        lk_writer_text(w, k ? " or " : "");
        lk_writer_data(w, v.string ? v.string : v.text);
    }
}

/* The sources of stated fact "i": of each of its values, each once. */
static void memo_value_sources(lk_writer *w, const lk_case *c, size_t i,
                               const char **seen, size_t *nseen)
{
    lk_case_fact_info info;
    size_t k, j, d;
    lk_case_fact(c, i, &info);
    for (k = 0; k < info.nvalues; k++) {
        lk_case_value_info v;
        lk_case_fact_value(c, i, k, &v);
        for (j = 0; j < v.ncites; j++) {
            int dup = 0;
            for (d = 0; d < *nseen && !dup; d++)
                dup = strcmp(seen[d], v.cites[j]) == 0;
            if (!dup && *nseen < LK_EXPLAIN_MAX_FACT_CITES)
                seen[(*nseen)++] = v.cites[j];
        }
    }
}

/* The other facts the case states (names, statement, volume...). */
static void memo_other_facts(lk_writer *w, const lk_case *c)
{
    size_t i, n = lk_case_fact_count(c);
    int first = 1;
    for (i = 0; i < n; i++) {
        lk_case_fact_info info;
        lk_case_value_info v;
        const char *cites[LK_EXPLAIN_MAX_FACT_CITES];
        size_t ncites = 0;
        lk_case_fact(c, i, &info);
        if (memo_fact_shown(info.pointer))
            continue;
        if (first) {
            lk_writer_para(w);
            lk_writer_text(w, "Also stated by the case:");
            lk_writer_table(w, 4);
            lk_writer_row(w);
            lk_writer_cell_text(w, "Fact");
            lk_writer_cell_text(w, "Value");
            lk_writer_cell_text(w, "Sources");
            lk_writer_cell_text(w, "Note");
            first = 0;
        }
        lk_writer_row(w);
        lk_writer_cell(w);
        lk_writer_code(w, info.pointer);
        lk_writer_cell(w);
        memo_value_cell(w, c, i);
        lk_writer_cell(w);
        memo_value_sources(w, c, i, cites, &ncites);
        memo_fact_cites(w, cites, ncites);
        lk_writer_cell(w);
        lk_case_fact_value(c, i, 0, &v);
        if (info.disputed)
            lk_writer_text(w, "disputed: see below");
        else if (v.note != NULL)
            lk_writer_data(w, v.note);
    }
}

/* One cell of the access table: the value of field "key" of entry "e". */
static void memo_access_cell(lk_writer *w, const lk_assessment *a, size_t e,
                             const char *key, const char **seen,
                             size_t *nseen)
{
    const lk_case *c = lk_assessment_case(a);
    char ptr[LK_CASE_POINTER_MAX];
    int i;
    snprintf(ptr, sizeof(ptr), "/access/%zu/%s", e, key);
    i = lk_case_fact_find(c, ptr);
    lk_writer_cell(w);
    if (i < 0)
        return;
    memo_value_sources(w, c, (size_t)i, seen, nseen);
    if (strcmp(key, "attack") == 0) {
        lk_case_value_info v;
        const char *name;
        lk_case_fact_value(c, (size_t)i, 0, &v);
        lk_writer_code(w, v.string ? v.string : v.text);
        name = lk_law_technique_name(lk_assessment_law(a),
                                     v.string ? v.string : "");
        if (name != NULL) {
            lk_writer_text(w, " ");
            lk_writer_text(w, name);
        }
        return;
    }
    memo_value_cell(w, c, (size_t)i);
}

/* After the note of access entry "e": the notes of its wrapped values. */
static void memo_access_notes(lk_writer *w, const lk_case *c, size_t e)
{
    static const char *const keys[] = {"method", "attack", "date"};
    char ptr[LK_CASE_POINTER_MAX];
    size_t k;
    int first;
    snprintf(ptr, sizeof(ptr), "/access/%zu/note", e);
    first = lk_case_fact_find(c, ptr) < 0;
    for (k = 0; k < 3; k++) {
        lk_case_fact_info info;
        lk_case_value_info v;
        int i;
        snprintf(ptr, sizeof(ptr), "/access/%zu/%s", e, keys[k]);
        i = lk_case_fact_find(c, ptr);
        if (i < 0)
            continue;
        lk_case_fact(c, (size_t)i, &info);
        lk_case_fact_value(c, (size_t)i, 0, &v);
        if (info.disputed || v.note == NULL)
            continue;
        lk_writer_textf(w, "%s(%s: ", first ? "" : " ", keys[k]);
        first = 0;
        lk_writer_data(w, v.note);
        lk_writer_text(w, ")");
    }
}

/* The access entries: method, ATT&CK technique, date, note, sources. */
static void memo_access(lk_writer *w, const lk_assessment *a)
{
    static const char *const keys[] = {"method", "attack", "date", "note"};
    const lk_case *c = lk_assessment_case(a);
    char ptr[LK_CASE_POINTER_MAX];
    size_t e, k;
    for (e = 0;; e++) {
        const char *cites[LK_EXPLAIN_MAX_FACT_CITES];
        size_t ncites = 0;
        int any = 0;
        for (k = 0; k < 4; k++) {
            snprintf(ptr, sizeof(ptr), "/access/%zu/%s", e, keys[k]);
            any |= lk_case_fact_find(c, ptr) >= 0;
        }
        if (!any)
            break;
        if (e == 0) {
            lk_writer_para(w);
            lk_writer_text(w, "Access to the material, entry by entry:");
            lk_writer_table(w, 6);
            lk_writer_row(w);
            lk_writer_cell_text(w, "Entry");
            lk_writer_cell_text(w, "Method");
            lk_writer_cell_text(w, "ATT&CK technique");
            lk_writer_cell_text(w, "Date");
            lk_writer_cell_text(w, "Note");
            lk_writer_cell_text(w, "Sources");
        }
        lk_writer_row(w);
        snprintf(ptr, sizeof(ptr), "/access/%zu", e);
        lk_writer_cell(w);
        lk_writer_code(w, ptr);
        for (k = 0; k < 4; k++)
            memo_access_cell(w, a, e, keys[k], cites, &ncites);
        memo_access_notes(w, c, e);
        lk_writer_cell(w);
        memo_fact_cites(w, cites, ncites);
    }
}

/* The case's evidence items: kind, what was examined, summary counts. */
static void memo_evidence(lk_writer *w, const lk_case *c)
{
    size_t i, k, n = lk_case_evidence_count(c);
    char ptr[64];
    if (n) {
        lk_writer_para(w);
        lk_writer_text(w, "Evidence attached to the case:");
    }
    for (i = 0; i < n; i++) {
        lk_case_evidence_info e;
        lk_case_evidence(c, i, &e);
        snprintf(ptr, sizeof(ptr), "/evidence/%zu", i);
        lk_writer_item(w);
        lk_writer_code(w, ptr);
        lk_writer_text(w, ": ");
        lk_writer_data(w, e.kind ? e.kind : "evidence");
        if (e.ref != NULL) {
            lk_writer_text(w, " of ");
            lk_writer_code(w, e.ref);
        }
        for (k = 0; k < e.ncounts; k++) {
            lk_writer_text(w, k ? ", " : "; ");
            lk_writer_data(w, e.count_name[k]);
            lk_writer_textf(w, " %lld", e.count[k]);
        }
        if (e.ncites) {
            lk_writer_text(w, " ");
            memo_cites(w, e.cites, e.ncites, "");
        }
    }
}

/* The case's notes on its facts ("x-notes"). */
static void memo_notes(lk_writer *w, const lk_case *c)
{
    size_t i, n = lk_case_note_count(c);
    if (n) {
        lk_writer_para(w);
        lk_writer_text(w, "The case's notes on its facts:");
    }
    for (i = 0; i < n; i++) {
        const char *ptr, *text = lk_case_note(c, i, &ptr);
        lk_writer_item(w);
        lk_writer_code(w, ptr);
        lk_writer_text(w, ": ");
        lk_writer_data(w, text);
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
        lk_writer_data(w, s.title ? s.title : "(untitled)");
        if (s.date)
            lk_writer_textf(w, " (%s)", s.date);
        if (s.kind)
            lk_writer_textf(w, ", %s", s.kind);
        if (s.publisher) {
            lk_writer_text(w, ", ");
            lk_writer_data(w, s.publisher);
        }
        if (s.pinpoint) {
            lk_writer_text(w, ", ");
            lk_writer_data(w, s.pinpoint);
        }
        if (s.quote) {
            lk_writer_text(w, ": \u201c");
            lk_writer_data(w, s.quote);
            lk_writer_text(w, "\u201d");
        }
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

/* What the law's evidence rules read into the case's evidence (e.g. a
 * DKIM verification): the rule's own text and authorities, and whether it
 * gave a fact its value or left it unknown. */
static void memo_evidence_note(lk_writer *w, const lk_assessment *a)
{
    size_t f, nf = lk_explain_fact_count();
    char ptr[64];
    for (f = 0; f < nf; f++) {
        lk_fact_info fi;
        lk_fact_view fv;
        lk_explain_fact(a, f, &fv);
        if (fv.evidence_text == NULL)
            continue;
        lk_explain_fact_info(f, &fi);
        snprintf(ptr, sizeof(ptr), "/evidence/%zu", fv.evidence);
        lk_writer_para(w);
        lk_writer_textf(w, "The %s ", fi.label);
        lk_writer_text(w, fv.from_evidence ? "is not stated by the case: it "
                                             "is derived from the evidence "
                                             "in "
                                           : "is left unknown by the "
                                             "evidence in ");
        lk_writer_code(w, ptr);
        lk_writer_text(w, " (rule ");
        lk_writer_code(w, fv.evidence_rule);
        lk_writer_text(w, "): ");
        lk_writer_text(w, fv.evidence_text);
        lk_writer_text(w, " ");
        memo_cites(w, fv.evidence_cites, fv.nevidence_cites, "");
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
        if (fv.known || fv.disputed || fi.derived)
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
    lk_writer_table(w, 4);
    lk_writer_row(w);
    lk_writer_cell_text(w, "Fact");
    lk_writer_cell_text(w, "Value");
    lk_writer_cell_text(w, "Sources");
    lk_writer_cell_text(w, "Note");
    /* stated facts first, then derived ones */
    for (derived = 0; derived <= 1; derived++) {
        for (f = 0; f < nf; f++) {
            lk_fact_info fi;
            lk_fact_view fv;
            lk_explain_fact_info(f, &fi);
            lk_explain_fact(a, f, &fv);
            if ((fv.known || fv.disputed) && fi.derived == derived)
                memo_fact_row(w, a, f);
        }
    }
    memo_disputes(w, lk_assessment_case(a));
    memo_other_facts(w, lk_assessment_case(a));
    memo_access(w, a);
    memo_evidence(w, lk_assessment_case(a));
    memo_evidence_note(w, a);
    memo_unknown(w, a);
    memo_notes(w, lk_assessment_case(a));
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
        lk_writer_data(w, lk_case_title(pv.c));
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
    for (k = 0; k < lk_explain_fact_count(); k++) {
        lk_fact_view fv;
        lk_explain_fact(a, k, &fv);
        memo_mark(law, cited, fv.vocabulary_cites, fv.nvocabulary_cites);
        memo_mark(law, cited, fv.evidence_cites, fv.nevidence_cites);
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
                    lk_memo_hook after_answer, const lk_report_options *opts)
{
    static const lk_report_options defaults = LK_REPORT_OPTIONS_INIT;
    int error = 0;
    if (opts == NULL)
        opts = &defaults;
    memo_title(w, a, opts);
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
    memo_classification(w, opts);
    lk_writer_close(w);
    return error < 0 ? error : w->b->error;
}
