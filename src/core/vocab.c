/*
 * vocab.c: the confidence vocabularies as data (rules/confidence.json):
 * agencies' phrases ("highly likely", "moderate confidence") and the
 * level each maps to. The mapping is the data's; the code only
 * normalises words, looks them up and fills the confidence fact.
 */
#include "vocab.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "catalog.h"
#include "lawfile.h"

/* "in" lower-cased (ASCII), trimmed, each run of white space one space,
 * into "out". -1 when it does not fit. */
static int vocab_norm(const char *in, char *out, size_t n)
{
    size_t k = 0;
    int space = 0;
    for (; *in; in++) {
        unsigned char ch = (unsigned char)*in;
        if (isspace(ch)) {
            space = k > 0;
            continue;
        }
        if (k + (size_t)space + 2 > n)
            return -1;
        if (space)
            out[k++] = ' ';
        space = 0;
        out[k++] = (char)tolower(ch);
    }
    out[k] = '\0';
    return 0;
}

/* The phrase "norm" of "v", or NULL. */
static lk_vocab_phrase *vocab_find(const lk_vocab_set *v, const char *norm)
{
    int i;
    for (i = 0; v != NULL && i < v->nphrases; i++)
        if (strcmp(v->phrases[i].norm, norm) == 0)
            return (lk_vocab_phrase *)&v->phrases[i];
    return NULL;
}

/* One phrase {phrase, level} of vocabulary "vi". */
static int vocab_load_phrase(lk_vocab_set *v, int vi, const lk_doc *doc,
                             const char *ptr, json_t *j, lk_error *err)
{
    static const char *const keys[] = {"phrase", "level", NULL};
    const char *words, *level;
    char norm[LK_PHRASE_MAX];
    lk_vocab_phrase *p;
    int error = lk_lawfile__keys(err, doc, ptr, j, keys), idx;
    if (error < 0)
        return error;
    words = lk_lawfile__str(err, doc, ptr, j, "phrase", 1);
    level = lk_lawfile__str(err, doc, ptr, j, "level", 1);
    if (!words || !level)
        return LK_EINVALID;
    idx = lk_facts__value_index(LK_F_ATTR_CONFIDENCE, level);
    if (idx < 0)
        return lk_lawfile__fail(err, doc, ptr,
                                "'%.100s' is not a confidence level", level);
    if (vocab_norm(words, norm, sizeof(norm)) < 0 || norm[0] == '\0')
        return lk_lawfile__fail(err, doc, ptr,
                                "a phrase has 1 to %d characters",
                                LK_PHRASE_MAX - 1);
    if (!strcmp(norm, "unknown") ||
        lk_facts__value_index(LK_F_ATTR_CONFIDENCE, norm) >= 0)
        return lk_lawfile__fail(err, doc, ptr,
                                "'%.100s' is a level of the case format",
                                words);
    p = vocab_find(v, norm);
    if (p != NULL && p->level != idx)
        return lk_lawfile__fail(err, doc, ptr,
                                "'%.100s' maps to %s in another vocabulary",
                                words, lk_enum_confidence[p->level]);
    if (p == NULL) {
        if (v->nphrases >= LK_MAX_PHRASES)
            return lk_lawfile__fail(err, doc, ptr, "more than %d phrases",
                                    LK_MAX_PHRASES);
        p = &v->phrases[v->nphrases++];
        memcpy(p->norm, norm, sizeof(norm));
        p->level = idx;
    }
    p->vocabs |= 1u << vi;
    return 0;
}

/* One vocabulary {id, title, cites, phrases}. */
static int vocab_load_one(lk_law *law, lk_vocab_set *v, const lk_doc *doc,
                          const char *ptr, json_t *j, lk_error *err)
{
    static const char *const keys[] = {"id", "title", "cites", "phrases",
                                       NULL};
    lk_vocab *voc = &v->vocabs[v->nvocabs];
    json_t *phrases = json_object_get(j, "phrases"), *p;
    char pp[LK_ERROR_POINTER_MAX];
    size_t i;
    int error = lk_lawfile__keys(err, doc, ptr, j, keys);
    if (error < 0)
        return error;
    voc->id = lk_lawfile__str(err, doc, ptr, j, "id", 1);
    voc->title = lk_lawfile__str(err, doc, ptr, j, "title", 1);
    if (!voc->id || !voc->title)
        return LK_EINVALID;
    voc->cites = json_object_get(j, "cites");
    error = lk_catalog__check_cites(law, err, doc, ptr, voc->cites, 1);
    if (error < 0)
        return error;
    if (!json_is_array(phrases) || json_array_size(phrases) == 0)
        return lk_lawfile__fail(err, doc, ptr,
                                "'phrases' is a non-empty list");
    json_array_foreach(phrases, i, p)
    {
        snprintf(pp, sizeof(pp), "%s/phrases/%zu", ptr, i);
        error = vocab_load_phrase(v, v->nvocabs, doc, pp, p, err);
        if (error < 0)
            return error;
    }
    v->nvocabs++;
    return 0;
}

/* The titles of the vocabularies of every phrase, " / "-joined. */
static int vocab_titles(lk_vocab_set *v, lk_error *err)
{
    char buf[512];
    int i, k;
    for (i = 0; i < v->nphrases; i++) {
        size_t used = 0;
        buf[0] = '\0';
        for (k = 0; k < v->nvocabs; k++)
            if (v->phrases[i].vocabs & (1u << k) && used < sizeof(buf))
                used += (size_t)snprintf(buf + used, sizeof(buf) - used,
                                         "%s%s", used ? " / " : "",
                                         v->vocabs[k].title);
        v->phrases[i].titles = lk_strdup(buf);
        if (v->phrases[i].titles == NULL)
            return lk_error_set_oom(err);
    }
    return 0;
}

int lk_vocab__load(lk_law *law, const lk_doc *doc, lk_error *err)
{
    static const char *const keys[] = {"format", "text", "cites",
                                       "vocabularies", NULL};
    json_t *arr = json_object_get(doc->root, "vocabularies"), *item;
    lk_vocab_set *v;
    char ptr[64];
    size_t i;
    int error = lk_lawfile__keys(err, doc, "", doc->root, keys);
    if (error < 0)
        return error;
    v = lk_calloc(1, sizeof(*v));
    if (v == NULL)
        return lk_error_set_oom(err);
    law->vocab = v;
    v->text = lk_lawfile__str(err, doc, "", doc->root, "text", 1);
    if (v->text == NULL)
        return LK_EINVALID;
    v->cites = json_object_get(doc->root, "cites");
    error = lk_catalog__check_cites(law, err, doc, "", v->cites, 1);
    if (error < 0)
        return error;
    if (!json_is_array(arr) || json_array_size(arr) > LK_MAX_VOCABS)
        return lk_lawfile__fail(err, doc, "",
                                "'vocabularies' is a list of at most %d",
                                LK_MAX_VOCABS);
    json_array_foreach(arr, i, item)
    {
        snprintf(ptr, sizeof(ptr), "/vocabularies/%zu", i);
        error = vocab_load_one(law, v, doc, ptr, item, err);
        if (error < 0)
            return error;
    }
    return vocab_titles(v, err);
}

void lk_vocab__free(lk_vocab_set *v)
{
    int i;
    if (v == NULL)
        return;
    for (i = 0; i < v->nphrases; i++)
        lk_free(v->phrases[i].titles);
    lk_free(v);
}

int lk_vocab__level(const lk_law *law, const char *words,
                    const lk_vocab_phrase **phrase)
{
    char norm[LK_PHRASE_MAX];
    const lk_vocab_phrase *p;
    int idx;
    if (phrase != NULL)
        *phrase = NULL;
    if (words == NULL || vocab_norm(words, norm, sizeof(norm)) < 0)
        return LK_VOCAB_BAD;
    if (strcmp(norm, "unknown") == 0)
        return LK_VOCAB_UNKNOWN;
    idx = lk_facts__value_index(LK_F_ATTR_CONFIDENCE, norm);
    if (idx >= 0)
        return idx;
    p = vocab_find(law->vocab, norm);
    if (p == NULL)
        return LK_VOCAB_BAD;
    if (phrase != NULL)
        *phrase = p;
    return p->level;
}

/* Append the strings of "cites" to "out" (n used of max), each once. */
static size_t vocab_add_cites(json_t *cites, const char **out, size_t n,
                              size_t max)
{
    size_t i, k;
    json_t *c;
    json_array_foreach(cites, i, c)
    {
        const char *s = json_string_value(c);
        int dup = 0;
        for (k = 0; k < n && s != NULL && !dup; k++)
            dup = strcmp(out[k], s) == 0;
        if (s != NULL && !dup && n < max)
            out[n++] = s;
    }
    return n;
}

size_t lk_vocab__cites(const lk_law *law, const lk_vocab_phrase *p,
                       const char **out, size_t max)
{
    const lk_vocab_set *v = law->vocab;
    size_t n = 0;
    int k;
    if (v == NULL || p == NULL)
        return 0;
    for (k = 0; k < v->nvocabs; k++)
        if (p->vocabs & (1u << k))
            n = vocab_add_cites(v->vocabs[k].cites, out, n, max);
    return vocab_add_cites(v->cites, out, n, max);
}

/* /actor/attribution/confidence of the case's tree, as written. */
static json_t *vocab_json(json_t *case_json)
{
    return json_object_get(
        json_object_get(json_object_get(case_json, "actor"), "attribution"),
        "confidence");
}

const char *lk_vocab__stated(json_t *case_json)
{
    return json_string_value(lk_case__value(vocab_json(case_json)));
}

void lk_law__confidence_facts(const lk_law *law, json_t *case_json,
                              lk_facts *facts)
{
    lk_fval *fv = &facts->f[LK_F_ATTR_CONFIDENCE];
    json_t *v = vocab_json(case_json), *alts, *alt;
    uint32_t mask = 0;
    size_t i;
    int level;

    if (fv->known || fv->disputed || v == NULL)
        return; /* a level the case format reads itself, or nothing */
    alts = json_is_object(v) ? json_object_get(v, "disputed") : NULL;
    if (alts == NULL) {
        level = lk_vocab__level(law, lk_vocab__stated(case_json), NULL);
        if (level >= 0) {
            fv->known = 1;
            fv->v = level;
        }
        return;
    }
    json_array_foreach(alts, i, alt)
    {
        level = lk_vocab__level(
            law, json_string_value(json_object_get(alt, "value")), NULL);
        if (level < 0)
            return; /* an unknown among the alternatives: all open */
        mask |= 1u << level;
    }
    if (mask == 0)
        return;
    if ((mask & (mask - 1)) == 0) { /* the sources agree after all */
        fv->known = 1;
        fv->v = __builtin_ctz(mask);
        return;
    }
    fv->disputed = 1;
    fv->mask = mask;
}

/* Report "v" at "ptr" unless it is a level, "unknown" or a phrase. */
static int vocab_check_one(const lk_law *law, const lk_case *c, json_t *v,
                           const char *ptr, lk_diag_cb cb, void *payload,
                           lk_error *err, int n)
{
    if (!json_is_string(v) ||
        lk_vocab__level(law, json_string_value(v), NULL) != LK_VOCAB_BAD)
        return 0;
    lk_case__diag(c, cb, payload, n ? NULL : err, ptr,
                  "'%.100s' is not a confidence level or a phrase of a "
                  "known vocabulary (see data/rules/confidence.json)",
                  json_string_value(v));
    return 1;
}

int lk_vocab__check_case(const lk_law *law, const lk_case *c, lk_diag_cb cb,
                         void *payload, lk_error *err, int n)
{
    static const char base[] = "/actor/attribution/confidence";
    json_t *v = vocab_json(lk_case__json(c)), *alts, *alt;
    char ptr[LK_ERROR_POINTER_MAX];
    size_t i;
    int found = 0;

    if (!json_is_object(v))
        return vocab_check_one(law, c, v, base, cb, payload, err, n);
    alts = json_object_get(v, "disputed");
    if (alts == NULL) {
        snprintf(ptr, sizeof(ptr), "%s/value", base);
        return vocab_check_one(law, c, json_object_get(v, "value"), ptr, cb,
                               payload, err, n);
    }
    json_array_foreach(alts, i, alt)
    {
        snprintf(ptr, sizeof(ptr), "%s/disputed/%zu/value", base, i);
        found += vocab_check_one(law, c, json_object_get(alt, "value"), ptr,
                                 cb, payload, err, n + found);
    }
    return found;
}
