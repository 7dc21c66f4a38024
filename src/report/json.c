/*
 * report.c: the JSON rendering of an assessment ("leaklaw/assessment/1")
 * and the helpers the memo and HTML renderers share.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"

int lk_report__because(const lk_assessment *a, int t, int *rules,
                       int *status, int max)
{
    const lk_law *law = a->law;
    const lk_target *tg = &law->targets[t];
    int i, n = 0, deciding = 0, prio = 0;
    for (i = 0; i < tg->nrules; i++) {
        int ri = tg->rules[i];
        if (a->ev.tv[ri] == LK_TV_TRUE) {
            deciding = 1;
            prio = law->rules[ri].info.priority;
            break;
        }
    }
    for (i = 0; i < tg->nrules && n < max; i++) {
        int ri = tg->rules[i];
        const lk_rule *r = &law->rules[ri];
        if (deciding && r->info.priority < prio)
            break;
        if (a->ev.tv[ri] == LK_TV_TRUE ||
            (a->ev.tv[ri] == LK_TV_UNKNOWN && tg->kind != LK_TK_SCORE &&
             LK_MANY(a->ev.t[t].possible))) {
            rules[n] = ri;
            status[n++] = a->ev.tv[ri] == LK_TV_TRUE ? 1 : 2;
        } else if (tg->kind == LK_TK_SCORE &&
                   a->ev.tv[ri] == LK_TV_UNKNOWN) {
            rules[n] = ri;
            status[n++] = 2;
        }
    }
    return n;
}

json_t *lk_report__fact_cites(const lk_assessment *a, int id,
                              json_t *merged)
{
    json_t *root = lk_case__json(a->c), *obj = root, *best;
    const char *p = lk_facts__def(id)->pointer;
    char seg[64];
    best = json_object_get(root, "cite");
    if (id == LK_F_DISC_AUTHENTICITY) {
        size_t item = 0;
        if (lk_case__mail_authenticity(a->c, &item) >= 0) {
            /* derived from the mail verification: cite that evidence */
            json_t *e = json_array_get(json_object_get(root, "evidence"),
                                       item);
            return json_object_get(e, "cite") ? json_object_get(e, "cite")
                                              : best;
        }
    }
    if (id == LK_F_ACCESS_METHOD) {
        json_t *item, *c;
        size_t i, j;
        json_array_foreach(json_object_get(root, "access"), i, item)
        {
            json_array_foreach(json_object_get(item, "cite"), j, c)
            {
                size_t k;
                json_t *x;
                int dup = 0;
                json_array_foreach(merged, k, x) dup |= json_equal(x, c);
                if (!dup)
                    json_array_append(merged, c);
            }
        }
        return json_array_size(merged) ? merged : best;
    }
    /* walk the pointer; the last object on the way with "cite" wins */
    while (*p == '/') {
        size_t k = 0;
        p++;
        while (*p && *p != '/' && k + 1 < sizeof(seg))
            seg[k++] = *p++;
        seg[k] = '\0';
        if (*p == '\0')
            break; /* the fact itself, not an object */
        obj = json_object_get(obj, seg);
        if (!json_is_object(obj))
            break;
        if (json_object_get(obj, "cite"))
            best = json_object_get(obj, "cite");
    }
    return best;
}

void lk_report__change_text(const lk_assessment *a, const lk_change *ch,
                            char *from, char *to, size_t size)
{
    lk_facts tmp = a->facts;
    lk_facts__format(&a->facts, ch->fact, from, size);
    tmp.f[ch->fact] = ch->to;
    lk_facts__format(&tmp, ch->fact, to, size);
}

static json_t *report_strings(const char *const *v)
{
    json_t *arr = json_array();
    for (; v && *v; v++)
        json_array_append_new(arr, json_string(*v));
    return arr;
}

static json_t *report_rule_facts(const lk_rule *r)
{
    json_t *arr = json_array();
    uint32_t base = 0;
    int f;
    for (f = 0; f < LK_F_COUNT; f++)
        if (r->facts & (1u << f))
            base |= lk_law__fact_deps(f);
    for (f = 0; f < LK_F_COUNT; f++)
        if (base & (1u << f))
            json_array_append_new(arr,
                                  json_string(lk_assess__fact_pointer(f)));
    return arr;
}

static json_t *report_because(const lk_assessment *a, int t, json_t *cites)
{
    json_t *arr = json_array();
    int rules[128], status[128], n, i;
    n = lk_report__because(a, t, rules, status, 128);
    for (i = 0; i < n; i++) {
        const lk_rule *r = &a->law->rules[rules[i]];
        json_t *o = json_object();
        const char *const *c;
        json_object_set_new(o, "rule", json_string(r->info.id));
        json_object_set_new(o, "applies",
                            status[i] == 1 ? json_true()
                                           : json_string("unknown"));
        json_object_set_new(o, "facts", report_rule_facts(r));
        json_object_set_new(o, "cites", report_strings(r->cites));
        json_array_append_new(arr, o);
        for (c = r->cites; cites && c && *c; c++) {
            size_t k;
            json_t *x;
            int dup = 0;
            json_array_foreach(cites, k, x)
                dup |= strcmp(json_string_value(x), *c) == 0;
            if (!dup)
                json_array_append_new(cites, json_string(*c));
        }
    }
    return arr;
}

static void report_choice(const lk_assessment *a, int t, json_t *o)
{
    const lk_tres *r = &a->ev.t[t];
    json_t *c;
    if (r->conflict[0] < 0)
        return;
    c = json_object();
    json_object_set_new(c, "note",
                        json_string("interpretive choice needed"));
    json_object_set_new(
        c, "rules",
        json_pack("[ss]", a->law->rules[r->conflict[0]].info.id,
                  a->law->rules[r->conflict[1]].info.id));
    json_object_set_new(o, "choice", c);
}

static json_t *report_json(const lk_assessment *a)
{
    const lk_law *law = a->law;
    json_t *root = json_object(), *elements = json_object(),
           *lenses = json_object(), *flags = json_object(),
           *scores = json_object(), *missing = json_array(),
           *whatif = json_array(), *prec = json_array();
    int t, f;
    size_t i;

    json_object_set_new(root, "format", json_string("leaklaw/assessment/1"));
    json_object_set_new(root, "case",
                        json_pack("{s:s, s:s, s:s}", "id", lk_case_id(a->c),
                                  "title", lk_case_title(a->c), "sha256",
                                  lk_case_sha256(a->c)));
    json_object_set_new(root, "rules",
                        json_pack("{s:s, s:s, s:s}", "name", law->name,
                                  "version", law->version, "sha256",
                                  law->sha256));
    json_object_set_new(root, "profile", json_string(law->profile));
    for (t = 0; t < law->ntargets; t++) {
        const lk_target *tg = &law->targets[t];
        const char *level, *status = lk_assess__status(law, &a->ev, t, &level);
        json_t *o = json_object();
        if (tg->kind == LK_TK_SCORE) {
            int k;
            json_t *ind = json_array();
            json_object_set_new(o, "min", json_integer(a->ev.t[t].smin));
            json_object_set_new(o, "max", json_integer(a->ev.t[t].smax));
            for (k = 0; k < tg->nrules; k++) {
                int ri = tg->rules[k];
                if (a->ev.tv[ri] == LK_TV_FALSE)
                    continue;
                json_array_append_new(
                    ind, json_pack("{s:s, s:i, s:o, s:o}", "rule",
                                   law->rules[ri].info.id, "weight",
                                   law->rules[ri].weight, "applies",
                                   a->ev.tv[ri] == LK_TV_TRUE
                                       ? json_true()
                                       : json_string("unknown"),
                                   "cites",
                                   report_strings(law->rules[ri].cites)));
            }
            json_object_set_new(o, "indicators", ind);
            json_object_set_new(scores, tg->id, o);
            continue;
        }
        if (tg->kind == LK_TK_LENS) {
            json_t *cites = json_array(), *decisive = json_array();
            int rules[128], st[128], n, k, e;
            uint64_t used = 0;
            json_object_set_new(o, "verdict", json_string(status));
            json_object_set_new(o, "title", json_string(tg->title));
            n = lk_report__because(a, t, rules, st, 128);
            for (k = 0; k < n; k++)
                if (st[k] == 1 ||
                    LK_MANY(a->ev.t[t].possible))
                    used |= law->rules[rules[k]].targets;
            for (e = 0; e < law->ntargets; e++)
                if ((used & ((uint64_t)1 << e)) &&
                    law->targets[e].kind == LK_TK_ELEMENT)
                    json_array_append_new(decisive,
                                          json_string(law->targets[e].id));
            json_object_set_new(o, "decisive", decisive);
            json_object_set_new(o, "because", report_because(a, t, cites));
            json_object_set_new(o, "cites", cites);
            report_choice(a, t, o);
            json_object_set_new(lenses, tg->id, o);
            continue;
        }
        json_object_set_new(o, "status", json_string(status));
        if (tg->kind == LK_TK_ELEMENT)
            json_object_set_new(o, "level",
                                level ? json_string(level) : json_null());
        json_object_set_new(o, "because", report_because(a, t, NULL));
        report_choice(a, t, o);
        json_object_set_new(tg->kind == LK_TK_ELEMENT ? elements : flags,
                            tg->id, o);
    }
    json_object_set_new(root, "elements", elements);
    json_object_set_new(root, "scores", scores);
    json_object_set_new(root, "lenses", lenses);
    json_object_set_new(root, "flags", flags);
    for (f = 0; f < LK_FACT_FIRST_DERIVED; f++) {
        json_t *affects = json_array();
        for (t = 0; t < law->ntargets; t++) {
            if (law->targets[t].kind != LK_TK_LENS ||
                !LK_MANY(a->ev.t[t].possible))
                continue;
            if (a->ev.t[t].unknown & (1u << f))
                json_array_append_new(affects,
                                      json_string(law->targets[t].id));
        }
        if (json_array_size(affects))
            json_array_append_new(
                missing, json_pack("{s:s, s:o}", "fact",
                                   lk_assess__fact_pointer(f), "affects",
                                   affects));
        else
            json_decref(affects);
    }
    json_object_set_new(root, "missing", missing);
    for (i = 0; i < a->nwi; i++) {
        const lk_whatif *w = &a->wi[i];
        json_t *changes = json_array();
        int k;
        for (k = 0; k < w->n; k++) {
            char from[512], to[512];
            lk_report__change_text(a, &w->ch[k], from, to, sizeof(from));
            json_array_append_new(
                changes, json_pack("{s:s, s:s, s:s}", "fact",
                                   lk_assess__fact_pointer(w->ch[k].fact),
                                   "from", from, "to", to));
        }
        json_array_append_new(
            whatif,
            json_pack("{s:s, s:s, s:o}", "lens", law->targets[w->lens].id,
                      "verdict",
                      lk_assess__status_of(law, w->lens, w->possible, NULL),
                      "changes", changes));
    }
    json_object_set_new(root, "what_if", whatif);
    for (f = 0; f < a->nprec; f++) {
        const lk_assessment *pa = a->lib->as[a->prec[f].index];
        json_t *verdicts = json_object();
        for (t = 0; t < law->ntargets; t++)
            if (law->targets[t].kind == LK_TK_LENS)
                json_object_set_new(
                    verdicts, law->targets[t].id,
                    json_string(lk_assess__status(law, &pa->ev, t, NULL)));
        json_array_append_new(
            prec, json_pack("{s:s, s:s, s:f, s:o}", "case",
                            lk_case_id(pa->c), "title", lk_case_title(pa->c),
                            "similarity", a->prec[f].similarity / 1000.0,
                            "verdicts", verdicts));
    }
    json_object_set_new(root, "precedents", prec);
    return root;
}

int lk_report_render(char **out, size_t *len, const lk_assessment *a,
                     lk_report_format format, unsigned flags, lk_error *err)
{
    lk_buf buf;
    int error = 0;
    lk_buf_init(&buf, 0);
    if (format == LK_REPORT_JSON) {
        json_t *root = report_json(a);
        char *text;
        if (root == NULL)
            return lk_error_set_oom(err);
        text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3) |
                                    ((flags & LK_REPORT_COMPACT)
                                         ? JSON_COMPACT
                                         : JSON_INDENT(2)));
        json_decref(root);
        if (text == NULL)
            return lk_error_set_oom(err);
        error = lk_buf_puts(&buf, text);
        if (error == 0)
            error = lk_buf_put(&buf, "\n", 1);
        lk_free(text);
    } else if (format == LK_REPORT_MD) {
        error = lk_report__md(&buf, a);
    } else {
        error = lk_report__html(&buf, a);
    }
    if (error < 0) {
        lk_buf_dispose(&buf);
        return error == LK_ENOMEM ? lk_error_set_oom(err)
                                  : lk_error_set(err, error,
                                                 "report larger than %zu "
                                                 "bytes",
                                                 buf.max);
    }
    *out = lk_buf_detach(&buf, len);
    if (*out == NULL)
        return lk_error_set_oom(err);
    return 0;
}

void lk_report_free(char *text)
{
    lk_free(text);
}

int lk_report_format_parse(lk_report_format *out, const char *name)
{
    if (strcmp(name, "json") == 0)
        *out = LK_REPORT_JSON;
    else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
        *out = LK_REPORT_MD;
    else if (strcmp(name, "html") == 0)
        *out = LK_REPORT_HTML;
    else
        return LK_ENOTFOUND;
    return 0;
}
