/*
 * report_md.c: the Markdown memo. It reads like a legal adviser's memo:
 * question, short answer per lens, facts relied on with their sources,
 * analysis element by element with citations, what would change the
 * answer, precedents, caveats and the authorities cited. All legal text
 * comes from the law's data (rule texts, titles, caveats, sources).
 */
#include <stdio.h>
#include <string.h>

#include "report_int.h"

/* Text from a case or data file, made safe for one Markdown table cell
 * or line: no line breaks, '|' escaped. */
static void md_text(lk_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\n' || *s == '\r')
            lk_buf_put(b, " ", 1);
        else if (*s == '|')
            lk_buf_puts(b, "\\|");
        else
            lk_buf_put(b, s, 1);
    }
}

static const char *md_verdict_text(const char *v)
{
    if (!strcmp(v, "breach"))
        return "Breach";
    if (!strcmp(v, "likely-breach"))
        return "Likely breach";
    if (!strcmp(v, "unlikely-breach"))
        return "Breach unlikely";
    if (!strcmp(v, "no-breach"))
        return "No breach";
    return "Undetermined";
}

/* "[id]" references to legal sources, each once. */
static void md_cites(lk_buf *b, const char *const *cites)
{
    int first = 1;
    for (; cites && *cites; cites++) {
        lk_buf_printf(b, "%s[%s]", first ? "" : " ", *cites);
        first = 0;
    }
}

static void md_json_cites(lk_buf *b, json_t *cites, const char *open,
                          const char *close)
{
    size_t i;
    json_t *c;
    json_array_foreach(cites, i, c)
        lk_buf_printf(b, "%s%s%s", open, json_string_value(c), close);
}

static void md_facts_used(lk_buf *b, const lk_assessment *a,
                          const lk_rule *r)
{
    uint32_t base = 0;
    int f, first = 1;
    char val[512];
    for (f = 0; f < LK_F_COUNT; f++)
        if (r->facts & (1u << f))
            base |= lk_law__fact_deps(f);
    for (f = 0; f < LK_FACT_FIRST_DERIVED; f++) {
        if (!(base & (1u << f)))
            continue;
        lk_facts__format(&a->facts, f, val, sizeof(val));
        lk_buf_printf(b, "%s%s = %s", first ? "" : "; ",
                      lk_facts__def(f)->label, val);
        first = 0;
    }
    for (f = 0; f < a->law->ntargets; f++) {
        const char *lvl, *st;
        if (!(r->targets & ((uint64_t)1 << f)))
            continue;
        if (a->law->targets[f].kind == LK_TK_SCORE) {
            lk_buf_printf(b, "%s%s = %d", first ? "" : "; ",
                          a->law->targets[f].id, a->ev.t[f].smin);
            if (a->ev.t[f].smax != a->ev.t[f].smin)
                lk_buf_printf(b, " to %d", a->ev.t[f].smax);
        } else {
            st = lk_assess__status(a->law, &a->ev, f, &lvl);
            lk_buf_printf(b, "%s%s %s%s%s%s", first ? "" : "; ",
                          a->law->targets[f].id, st, lvl ? " (" : "",
                          lvl ? lvl : "", lvl ? ")" : "");
        }
        first = 0;
    }
    if (first)
        lk_buf_puts(b, "none (default rule)");
}

static void md_reasons(lk_buf *b, const lk_assessment *a, int t)
{
    int rules[128], st[128], n, i;
    const lk_tres *r = &a->ev.t[t];
    n = lk_report__because(a, t, rules, st, 128);
    for (i = 0; i < n; i++) {
        const lk_rule *rule = &a->law->rules[rules[i]];
        lk_buf_printf(b, "- %s `%s` (%s): ",
                      st[i] == 1 ? "Applies:" : "May apply:", rule->info.id,
                      rule->info.outcome);
        md_text(b, rule->info.text);
        lk_buf_puts(b, " Relies on: ");
        md_facts_used(b, a, rule);
        lk_buf_puts(b, ". Authority: ");
        md_cites(b, rule->cites);
        lk_buf_puts(b, ".\n");
    }
    if (r->conflict[0] >= 0)
        lk_buf_printf(b,
                      "- **Interpretive choice needed:** rules `%s` and `%s` "
                      "are of equal priority, both apply and disagree. "
                      "leaklaw does not choose between them; the adviser "
                      "must (or a profile must rank them).\n",
                      a->law->rules[r->conflict[0]].info.id,
                      a->law->rules[r->conflict[1]].info.id);
    if (LK_MANY(r->possible) && r->unknown) {
        int f, first = 1;
        lk_buf_puts(b, "- Open because these facts are unknown: ");
        for (f = 0; f < LK_FACT_FIRST_DERIVED; f++)
            if (r->unknown & (1u << f)) {
                lk_buf_printf(b, "%s`%s`", first ? "" : ", ",
                              lk_assess__fact_pointer(f));
                first = 0;
            }
        lk_buf_puts(b, ".\n");
    }
}

static void md_header(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    json_t *summary = json_object_get(lk_case__json(a->c), "summary");
    lk_buf_puts(b, "# Memorandum: ");
    md_text(b, lk_case_title(a->c));
    lk_buf_puts(b, "\n\n| | |\n|---|---|\n");
    lk_buf_printf(b, "| Case | `%s` (SHA-256 `%.16s…`) |\n", lk_case_id(a->c),
                  lk_case_sha256(a->c));
    lk_buf_printf(b, "| Law | %s %s (SHA-256 `%.16s…`) |\n", law->name,
                  law->version, law->sha256);
    lk_buf_puts(b, "| Profile | `");
    md_text(b, law->profile);
    lk_buf_puts(b, "`: ");
    md_text(b, law->profile_title);
    lk_buf_printf(b, " |\n| Prepared with | leaklaw %s |\n\n",
                  lk_version());
    lk_buf_puts(b, "## 1. Question\n\nWhether the operation described "
                   "below is a prohibited intervention in the internal "
                   "affairs of the victim State, assessed under three "
                   "lenses that are reported side by side and never "
                   "merged:\n\n");
    {
        int t;
        for (t = 0; t < law->ntargets; t++) {
            if (law->targets[t].kind != LK_TK_LENS)
                continue;
            lk_buf_printf(b, "- **%s** (`%s`): ", law->targets[t].title,
                          law->targets[t].id);
            md_text(b, law->targets[t].question);
            lk_buf_puts(b, "\n");
        }
    }
    if (json_is_string(summary)) {
        lk_buf_puts(b, "\nThe case: ");
        md_text(b, json_string_value(summary));
        lk_buf_puts(b, "\n");
    }
}

/* For an open verdict: which elements keep it open, and why. */
static void md_open_elements(lk_buf *b, const lk_assessment *a,
                             const int *rules, const int *st, int n)
{
    const lk_law *law = a->law;
    uint64_t used = 0;
    int k, e, f, first = 1;
    for (k = 0; k < n; k++)
        used |= law->rules[rules[k]].targets;
    (void)st;
    for (e = 0; e < law->ntargets; e++) {
        const lk_tres *r = &a->ev.t[e];
        int ff = 1;
        if (!(used & ((uint64_t)1 << e)) ||
            law->targets[e].kind != LK_TK_ELEMENT ||
            strcmp(lk_assess__status(law, &a->ev, e, NULL), "undetermined"))
            continue;
        lk_buf_printf(b, "%s%s", first ? " Open: " : "; ",
                      law->targets[e].id);
        first = 0;
        if (r->conflict[0] >= 0)
            lk_buf_puts(b, " (interpretive choice, see §4)");
        for (f = 0; f < LK_FACT_FIRST_DERIVED; f++)
            if (r->unknown & (1u << f)) {
                lk_buf_printf(b, "%s`%s`", ff ? " (unknown: " : ", ",
                              lk_assess__fact_pointer(f));
                ff = 0;
            }
        if (!ff)
            lk_buf_puts(b, ")");
    }
    if (!first)
        lk_buf_puts(b, ".");
}

static void md_short_answer(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    int t;
    lk_buf_puts(b, "\n## 2. Short answer\n\n");
    for (t = 0; t < law->ntargets; t++) {
        const lk_target *tg = &law->targets[t];
        const char *v;
        int rules[128], st[128], n, k, e;
        uint64_t used = 0;
        if (tg->kind != LK_TK_LENS)
            continue;
        v = lk_assess__status(law, &a->ev, t, NULL);
        lk_buf_printf(b, "- **%s: %s.**", tg->title, md_verdict_text(v));
        n = lk_report__because(a, t, rules, st, 128);
        for (k = 0; k < n; k++)
            if (st[k] == 1)
                used |= law->rules[rules[k]].targets;
        if (used) {
            int first = 1;
            lk_buf_puts(b, " Decisive:");
            for (e = 0; e < law->ntargets; e++) {
                const char *lvl, *s;
                if (!(used & ((uint64_t)1 << e)) ||
                    law->targets[e].kind != LK_TK_ELEMENT)
                    continue;
                s = lk_assess__status(law, &a->ev, e, &lvl);
                lk_buf_printf(b, "%s %s %s%s%s%s", first ? "" : ";",
                              law->targets[e].id, s, lvl ? " (" : "",
                              lvl ? lvl : "", lvl ? ")" : "");
                first = 0;
            }
            lk_buf_puts(b, ".");
        }
        if (a->ev.t[t].conflict[0] >= 0)
            lk_buf_puts(b, " Interpretive choice needed (see §4).");
        if (!strcmp(v, "undetermined"))
            md_open_elements(b, a, rules, st, n);
        lk_buf_puts(b, "\n");
    }
    for (t = 0; t < law->ntargets; t++) {
        const char *s;
        if (law->targets[t].kind != LK_TK_FLAG)
            continue;
        s = lk_assess__status(law, &a->ev, t, NULL);
        if (strcmp(s, "not-raised") != 0)
            lk_buf_printf(b, "- Adjacent regime, %s: %s.\n",
                          law->targets[t].title,
                          !strcmp(s, "raised") ? "raised" : "undetermined");
    }
}

static const char *md_case_source_title(json_t *root, const char *id,
                                        const char **url, const char **date)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(root, "sources"), i, s)
    {
        if (!strcmp(json_string_value(json_object_get(s, "id")), id)) {
            *url = json_string_value(json_object_get(s, "url"));
            *date = json_string_value(json_object_get(s, "date"));
            return json_string_value(json_object_get(s, "title"));
        }
    }
    *url = *date = NULL;
    return NULL;
}

static void md_facts(lk_buf *b, const lk_assessment *a)
{
    json_t *root = lk_case__json(a->c), *s;
    int f, unknown = 0;
    size_t i;
    char val[512];
    lk_buf_puts(b, "\n## 3. Facts relied on\n\n| Fact | Value | Sources |\n"
                   "|---|---|---|\n");
    for (f = 0; f < LK_FACT_FIRST_DERIVED; f++) {
        json_t *merged, *cites;
        if (!a->facts.f[f].known) {
            unknown++;
            continue;
        }
        merged = json_array();
        cites = lk_report__fact_cites(a, f, merged);
        lk_facts__format(&a->facts, f, val, sizeof(val));
        lk_buf_printf(b, "| %s (`%s`) | ", lk_facts__def(f)->label,
                      lk_assess__fact_pointer(f));
        md_text(b, val);
        lk_buf_puts(b, " | ");
        if (json_array_size(cites))
            md_json_cites(b, cites, "[", "]");
        else
            lk_buf_puts(b, "*no source cited*");
        lk_buf_puts(b, " |\n");
        json_decref(merged);
    }
    for (f = LK_FACT_FIRST_DERIVED; f < LK_F_COUNT; f++) {
        if (!a->facts.f[f].known)
            continue;
        lk_facts__format(&a->facts, f, val, sizeof(val));
        lk_buf_printf(b, "| %s (`%s`) | %s | derived |\n",
                      lk_facts__def(f)->label, lk_facts__def(f)->pointer, val);
    }
    {
        size_t item = 0;
        if (lk_case__mail_authenticity(a->c, &item) >= 0)
            lk_buf_printf(b,
                          "\nThe authenticity of the material is not stated "
                          "by the case: it is derived from the DKIM "
                          "verification in `/evidence/%zu`. A verified "
                          "signature shows a message unchanged since it was "
                          "signed, not that its content is true; a failed "
                          "one shows a change after signing, which can be "
                          "benign (forwarding, mailing-list footers) and "
                          "should be examined before it is relied on.\n",
                          item);
    }
    if (unknown) {
        int first = 1;
        lk_buf_puts(b, "\nNot stated, and therefore treated as **unknown** "
                       "(never assumed): ");
        for (f = 0; f < LK_FACT_FIRST_DERIVED; f++) {
            if (a->facts.f[f].known)
                continue;
            lk_buf_printf(b, "%s%s", first ? "" : ", ",
                          lk_facts__def(f)->label);
            first = 0;
        }
        lk_buf_puts(b, ".\n");
    }
    if (json_array_size(json_object_get(root, "sources"))) {
        lk_buf_puts(b, "\nSources of fact:\n\n");
        json_array_foreach(json_object_get(root, "sources"), i, s)
        {
            const char *url, *date, *id;
            const char *title;
            id = json_string_value(json_object_get(s, "id"));
            title = md_case_source_title(root, id, &url, &date);
            lk_buf_printf(b, "- [%s] ", id);
            md_text(b, title ? title : "(untitled)");
            if (date)
                lk_buf_printf(b, " (%s)", date);
            if (url) {
                lk_buf_puts(b, " <");
                md_text(b, url);
                lk_buf_puts(b, ">");
            }
            lk_buf_puts(b, "\n");
        }
    }
    {
        json_t *unc = json_object_get(root, "x-unconfirmed"), *u;
        if (json_array_size(unc)) {
            lk_buf_puts(b, "\nPoints the case marks as unconfirmed: ");
            json_array_foreach(unc, i, u)
            {
                lk_buf_printf(b, "%s`", i ? ", " : "");
                md_text(b, json_is_string(u) ? json_string_value(u) : "?");
                lk_buf_puts(b, "`");
            }
            lk_buf_puts(b, ".\n");
        }
    }
}

static void md_analysis(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    int t, n = 0, k;
    lk_buf_puts(b, "\n## 4. Analysis\n");
    for (t = 0; t < law->ntargets; t++) {
        const lk_target *tg = &law->targets[t];
        const char *lvl, *s;
        if (tg->kind == LK_TK_SCORE) {
            lk_buf_printf(b, "\n### 4.%d %s: score %d", ++n, tg->title,
                          a->ev.t[t].smin);
            if (a->ev.t[t].smax != a->ev.t[t].smin)
                lk_buf_printf(b, " to %d (depends on unknown facts)",
                              a->ev.t[t].smax);
            lk_buf_puts(b, "\n\n");
            md_text(b, tg->question);
            lk_buf_puts(b, "\n\n| Indicator | Weight | Applies | Authority "
                           "|\n|---|---|---|---|\n");
            for (k = 0; k < tg->nrules; k++) {
                int ri = tg->rules[k];
                const lk_rule *r = &law->rules[ri];
                lk_buf_printf(b, "| `%s`: ", r->info.id);
                md_text(b, r->info.text);
                lk_buf_printf(b, " | %+d | %s | ", r->weight,
                              a->ev.tv[ri] == LK_TV_TRUE     ? "yes"
                              : a->ev.tv[ri] == LK_TV_FALSE ? "no"
                                                            : "unknown");
                md_cites(b, r->cites);
                lk_buf_puts(b, " |\n");
            }
            continue;
        }
        if (tg->kind == LK_TK_LENS && n < 100) {
            if (t > 0 && law->targets[t - 1].kind != LK_TK_LENS)
                lk_buf_puts(b, "\n### The lenses\n");
        }
        if (tg->kind == LK_TK_FLAG && t > 0 &&
            law->targets[t - 1].kind != LK_TK_FLAG)
            lk_buf_puts(b, "\n### Adjacent regimes (flags)\n");
        s = lk_assess__status(law, &a->ev, t, &lvl);
        lk_buf_printf(b, "\n### 4.%d %s: %s%s%s%s\n\n", ++n, tg->title,
                      tg->kind == LK_TK_LENS ? md_verdict_text(s) : s,
                      lvl ? " (" : "", lvl ? lvl : "", lvl ? ")" : "");
        md_text(b, tg->question);
        lk_buf_puts(b, "\n\n");
        md_reasons(b, a, t);
    }
}

static void md_whatif(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    size_t i;
    int f, any = 0, t;
    lk_buf_puts(b, "\n## 5. What would change the answer\n\n");
    for (f = 0; f < LK_FACT_FIRST_DERIVED; f++) {
        int first = 1;
        for (t = 0; t < law->ntargets; t++) {
            if (law->targets[t].kind != LK_TK_LENS ||
                !LK_MANY(a->ev.t[t].possible) ||
                !(a->ev.t[t].unknown & (1u << f)))
                continue;
            if (!any)
                lk_buf_puts(b, "Missing facts that keep a verdict open:\n\n");
            if (first)
                lk_buf_printf(b, "- `%s` (%s): affects ",
                              lk_assess__fact_pointer(f),
                              lk_facts__def(f)->label);
            lk_buf_printf(b, "%s%s", first ? "" : ", ", law->targets[t].id);
            first = 0;
            any = 1;
        }
        if (!first)
            lk_buf_puts(b, "\n");
    }
    if (any)
        lk_buf_puts(b, "\n");
    if (!a->whatif_done) {
        lk_buf_puts(b, "The what-if search was not run.\n");
        return;
    }
    if (a->nwi == 0) {
        lk_buf_puts(b, "No change of one or two facts changes any verdict.\n");
        return;
    }
    lk_buf_puts(b, "The smallest changes of fact that change a verdict "
                   "(single facts first, then pairs; at most a few per "
                   "lens):\n\n| Lens | If | Verdict becomes |\n"
                   "|---|---|---|\n");
    for (i = 0; i < a->nwi; i++) {
        const lk_whatif *w = &a->wi[i];
        int k;
        lk_buf_printf(b, "| %s | ", law->targets[w->lens].id);
        for (k = 0; k < w->n; k++) {
            char from[512], to[512];
            lk_report__change_text(a, &w->ch[k], from, to, sizeof(from));
            lk_buf_printf(b, "%s%s were ", k ? " and " : "",
                          lk_facts__def(w->ch[k].fact)->label);
            md_text(b, to);
            lk_buf_puts(b, " (now ");
            md_text(b, from);
            lk_buf_puts(b, ")");
        }
        lk_buf_printf(b, " | %s |\n",
                      md_verdict_text(lk_assess__status_of(
                          law, w->lens, w->possible, NULL)));
    }
}

static void md_precedents(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    int i, t;
    lk_buf_puts(b, "\n## 6. Nearest precedents\n\n");
    if (a->nprec == 0) {
        lk_buf_puts(b, "No case library was consulted.\n");
        return;
    }
    lk_buf_puts(b, "By agreement of element values with the library's "
                   "real incidents:\n\n| Case | Similarity |");
    for (t = 0; t < law->ntargets; t++)
        if (law->targets[t].kind == LK_TK_LENS)
            lk_buf_printf(b, " %s |", law->targets[t].id);
    lk_buf_puts(b, "\n|---|---|");
    for (t = 0; t < law->ntargets; t++)
        if (law->targets[t].kind == LK_TK_LENS)
            lk_buf_puts(b, "---|");
    lk_buf_puts(b, "\n");
    for (i = 0; i < a->nprec; i++) {
        const lk_assessment *p = a->lib->as[a->prec[i].index];
        lk_buf_printf(b, "| `%s`: ", lk_case_id(p->c));
        md_text(b, lk_case_title(p->c));
        lk_buf_printf(b, " | %d%% |", a->prec[i].similarity / 10);
        for (t = 0; t < law->ntargets; t++)
            if (law->targets[t].kind == LK_TK_LENS)
                lk_buf_printf(b, " %s |",
                              lk_assess__status(law, &p->ev, t, NULL));
        lk_buf_puts(b, "\n");
    }
}

/* Mark each source as cited when rule "r" of a reported target cites it. */
static void md_collect(const lk_assessment *a, char *cited)
{
    const lk_law *law = a->law;
    size_t s;
    int t, k, n, rules[128], st[128];
    for (t = 0; t < law->ntargets; t++) {
        if (law->targets[t].kind == LK_TK_SCORE) {
            for (k = 0; k < law->targets[t].nrules; k++) {
                const char *const *c =
                    law->rules[law->targets[t].rules[k]].cites;
                for (; *c; c++)
                    for (s = 0; s < law->nsources; s++)
                        cited[s] |= !strcmp(law->sources[s].id, *c);
            }
            continue;
        }
        n = lk_report__because(a, t, rules, st, 128);
        for (k = 0; k < n; k++) {
            const char *const *c = law->rules[rules[k]].cites;
            for (; *c; c++)
                for (s = 0; s < law->nsources; s++)
                    cited[s] |= !strcmp(law->sources[s].id, *c);
        }
    }
    {
        size_t i;
        json_t *cv, *c;
        json_array_foreach(law->caveats, i, cv)
        {
            size_t j;
            json_array_foreach(json_object_get(cv, "cites"), j, c)
                for (s = 0; s < law->nsources; s++)
                    cited[s] |= !strcmp(law->sources[s].id,
                                        json_string_value(c));
        }
        json_array_foreach(law->profile_cites, i, c)
            for (s = 0; s < law->nsources; s++)
                cited[s] |= !strcmp(law->sources[s].id, json_string_value(c));
    }
}

static void md_caveats(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    size_t i;
    json_t *cv;
    int k;
    lk_buf_puts(b, "\n## 7. Caveats\n\n");
    json_array_foreach(law->caveats, i, cv)
    {
        lk_buf_puts(b, "- ");
        md_text(b, json_string_value(json_object_get(cv, "text")));
        lk_buf_puts(b, " ");
        md_json_cites(b, json_object_get(cv, "cites"), "[", "]");
        lk_buf_puts(b, "\n");
    }
    for (k = 0; k < law->nstandards; k++) {
        lk_buf_printf(b, "- Standard of proof for %s under profile `%s`: ",
                      law->standards[k].element, law->profile);
        md_text(b, law->standards[k].name);
        lk_buf_puts(b, ". ");
        md_text(b, law->standards[k].text);
        lk_buf_puts(b, " ");
        md_json_cites(b, law->standards[k].cites, "[", "]");
        lk_buf_puts(b, "\n");
    }
}

static void md_authorities(lk_buf *b, const lk_assessment *a)
{
    const lk_law *law = a->law;
    char cited[4096];
    size_t s, unconfirmed = 0;
    memset(cited, 0, sizeof(cited));
    if (law->nsources > sizeof(cited))
        return;
    md_collect(a, cited);
    lk_buf_puts(b, "\n## Authorities cited\n\n");
    for (s = 0; s < law->nsources; s++) {
        const lk_source_info *src = &law->sources[s];
        if (!cited[s])
            continue;
        lk_buf_printf(b, "- [%s] ", src->id);
        md_text(b, src->title);
        if (src->pinpoint[0]) {
            lk_buf_puts(b, ", ");
            md_text(b, src->pinpoint);
        }
        if (src->date[0])
            lk_buf_printf(b, " (%s)", src->date);
        if (src->url[0]) {
            lk_buf_puts(b, " <");
            md_text(b, src->url);
            lk_buf_puts(b, ">");
        }
        if (strcmp(src->status, "confirmed") != 0) {
            lk_buf_puts(b, " *(unconfirmed: not verified against the "
                           "text)*");
            unconfirmed++;
        }
        lk_buf_puts(b, "\n");
    }
    if (unconfirmed)
        lk_buf_printf(b, "\n%zu of the authorities above could not be "
                         "verified against their text; check them before "
                         "relying on this memo.\n",
                      unconfirmed);
}

int lk_report__md(lk_buf *b, const lk_assessment *a)
{
    md_header(b, a);
    md_short_answer(b, a);
    md_facts(b, a);
    md_analysis(b, a);
    md_whatif(b, a);
    md_precedents(b, a);
    md_caveats(b, a);
    md_authorities(b, a);
    lk_buf_puts(b, "\n## Sign-off\n\n| | |\n|---|---|\n| Reviewed by | |\n"
                   "| Date | |\n| Facts verified against sources | yes / no |\n"
                   "| Conclusions adopted | classic: / intervention2: / "
                   "leak-norm: |\n");
    return b->error;
}
