/*
 * knowledge.c: loading the positions, propositions and State reactions
 * (knowledge_check.c validates each file as it is read) and reading
 * them through leaklaw/knowledge.h. The documents stay parsed; every
 * string handed out is borrowed from them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "array.h"
#include "dir.h"
#include "knowledge_int.h"

static const char *const knowledge_stance_names[] = {"unknown", "silent",
                                                     "affirmed", "denied"};

const char *lk_stance_name(lk_stance_value v)
{
    return (unsigned)v < 4 ? knowledge_stance_names[v] : "unknown";
}

/* Member "key" of "o" as a string, "" when absent or not a string. */
static const char *knowledge_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* *.json names other than propositions.json. */
static int knowledge_keep(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".json") &&
           strcmp(name, "propositions.json") != 0;
}

/* Load "path" and keep it in "k". */
static int knowledge_doc(lk_knowledge *k, const char *path, lk_doc **out,
                         lk_error *err)
{
    lk_doc **d;
    int error;
    if (k->ndocs >= LK_KNOWLEDGE_MAX_FILES)
        return lk_error_set(err, LK_ETOOBIG, "more than %d knowledge files",
                            LK_KNOWLEDGE_MAX_FILES);
    d = lk_realloc(k->docs, (k->ndocs + 1) * sizeof(*d));
    if (d == NULL)
        return lk_error_set_oom(err);
    k->docs = d;
    error = lk_doc__load(out, path, err);
    if (error < 0)
        return error;
    k->docs[k->ndocs++] = *out;
    if (!json_is_object((*out)->root))
        return lk_error_set_at(err, LK_EINVALID, (*out)->name, 1, 1, "",
                               "expected an object");
    return 0;
}

/* "a" + "/" + "b" in "buf"; LK_ETOOBIG when it does not fit. */
static int knowledge_path(char *buf, size_t size, const char *a,
                          const char *b, lk_error *err)
{
    int n = snprintf(buf, size, "%s/%s", a, b);
    if (n < 0 || (size_t)n >= size)
        return lk_error_set(err, LK_ETOOBIG, "path too long: %.200s/%.60s",
                            a, b);
    return 0;
}

/* Room for element "n" of "*arr". */
static int knowledge_grow(void **arr, size_t *cap, size_t n, size_t size,
                          lk_error *err)
{
    void *p = lk_array_grow(*arr, cap, n, size);
    if (p == NULL)
        return lk_error_set_oom(err);
    *arr = p;
    return 0;
}

/* The names of DIR's knowledge files; an absent DIR has none. */
static int knowledge_names(const char *dir, char ***names, size_t *n,
                           lk_error *err)
{
    struct stat st;
    *names = NULL;
    *n = 0;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return 0;
    return lk_dir_names(names, n, dir, knowledge_keep, LK_KNOWLEDGE_MAX_FILES,
                        "knowledge files", err);
}

/* Positions without the propositions file they are read against are an
 * error, not an empty folder. */
static int knowledge_no_props(const char *dir, lk_error *err)
{
    char **names;
    size_t n;
    int error = knowledge_names(dir, &names, &n, err);
    lk_dir_names_free(names, n);
    if (error == 0 && n > 0)
        error = lk_error_set_at(err, LK_EINVALID, dir, 0, 0, NULL,
                                "positions without propositions.json");
    return error;
}

static int knowledge_positions(lk_knowledge *k, const char *dir,
                               lk_error *err)
{
    char path[4096], **names;
    size_t i, n;
    lk_doc *doc;
    int error = knowledge_names(dir, &names, &n, err);
    for (i = 0; error == 0 && i < n; i++) {
        error = knowledge_path(path, sizeof(path), dir, names[i], err);
        if (error == 0)
            error = knowledge_doc(k, path, &doc, err);
        if (error == 0)
            error = knowledge_grow((void **)&k->pos, &k->cappos, k->npos,
                                   sizeof(*k->pos), err);
        if (error == 0)
            error = lk_knowledge__check_position(k, doc, &k->pos[k->npos],
                                                 err);
        k->npos += error == 0;
    }
    lk_dir_names_free(names, n);
    return error;
}

/* Keep every reaction of practice file "doc". */
static int knowledge_reactions(lk_knowledge *k, const lk_doc *doc,
                               lk_error *err)
{
    json_t *rs = json_object_get(doc->root, "reactions"), *r;
    const char *id = knowledge_str(doc->root, "case");
    size_t i;
    json_array_foreach(rs, i, r)
    {
        if (knowledge_grow((void **)&k->react, &k->capreact, k->nreact,
                           sizeof(*k->react), err) < 0)
            return LK_ENOMEM;
        k->react[k->nreact].case_id = id;
        k->react[k->nreact++].obj = r;
    }
    return 0;
}

static int knowledge_practice(lk_knowledge *k, const char *datadir,
                              lk_error *err)
{
    char dir[4096], cases[4096], path[4096], **names;
    size_t i, n;
    lk_doc *doc;
    int error;
    error = knowledge_path(dir, sizeof(dir), datadir, "practice", err);
    if (error == 0)
        error = knowledge_path(cases, sizeof(cases), datadir, "cases", err);
    if (error == 0)
        error = knowledge_names(dir, &names, &n, err);
    else
        names = NULL, n = 0;
    if (error == 0 && n > 0 && k->kinds == NULL) /* no vocabulary read */
        error = lk_error_set_at(err, LK_EINVALID, dir, 0, 0, NULL,
                                "State practice without "
                                "positions/propositions.json (its "
                                "vocabulary)");
    for (i = 0; error == 0 && i < n; i++) {
        error = knowledge_path(path, sizeof(path), dir, names[i], err);
        if (error == 0)
            error = knowledge_doc(k, path, &doc, err);
        if (error == 0)
            error = lk_knowledge__check_practice(k, doc, cases, err);
        if (error == 0)
            error = knowledge_reactions(k, doc, err);
    }
    lk_dir_names_free(names, n);
    return error;
}

/* Positions by date, then id. */
static int knowledge_pos_cmp(const void *a, const void *b)
{
    const lk_kpos *x = a, *y = b;
    int c = strcmp(knowledge_str(x->obj, "date"), knowledge_str(y->obj, "date"));
    return c ? c : strcmp(knowledge_str(x->obj, "id"),
                          knowledge_str(y->obj, "id"));
}

/* Reactions by date, case, then id. */
static int knowledge_react_cmp(const void *a, const void *b)
{
    const lk_kreact *x = a, *y = b;
    int c = strcmp(knowledge_str(x->obj, "date"), knowledge_str(y->obj, "date"));
    if (c == 0)
        c = strcmp(x->case_id, y->case_id);
    return c ? c : strcmp(knowledge_str(x->obj, "id"),
                          knowledge_str(y->obj, "id"));
}

int lk_knowledge_load(lk_knowledge **out, const char *datadir, lk_error *err)
{
    char dir[4096], path[4096];
    lk_knowledge *k = lk_calloc(1, sizeof(*k));
    struct stat st;
    lk_doc *doc;
    int error = 0;
    *out = NULL;
    if (k == NULL)
        return lk_error_set_oom(err);
    error = knowledge_path(dir, sizeof(dir), datadir, "positions", err);
    if (error == 0)
        error = knowledge_path(path, sizeof(path), dir, "propositions.json",
                               err);
    if (error == 0 && stat(path, &st) == 0) {
        error = knowledge_doc(k, path, &doc, err);
        if (error == 0)
            error = lk_knowledge__check_props(k, doc, err);
        if (error == 0)
            error = knowledge_positions(k, dir, err);
    } else if (error == 0) {
        error = knowledge_no_props(dir, err);
    }
    if (error == 0)
        error = knowledge_practice(k, datadir, err);
    if (error < 0) {
        lk_knowledge_free(k);
        return error;
    }
    if (k->npos > 1)
        qsort(k->pos, k->npos, sizeof(*k->pos), knowledge_pos_cmp);
    if (k->nreact > 1)
        qsort(k->react, k->nreact, sizeof(*k->react), knowledge_react_cmp);
    *out = k;
    return 0;
}

void lk_knowledge_free(lk_knowledge *k)
{
    size_t i;
    if (k == NULL)
        return;
    for (i = 0; i < k->ndocs; i++)
        lk_doc__free(k->docs[i]);
    lk_free(k->docs);
    lk_free(k->pos);
    lk_free(k->react);
    lk_free(k);
}

size_t lk_knowledge_position_count(const lk_knowledge *k)
{
    return k->npos;
}

size_t lk_knowledge_proposition_count(const lk_knowledge *k)
{
    return k->nprops;
}

size_t lk_knowledge_reaction_count(const lk_knowledge *k)
{
    return k->nreact;
}

void lk_knowledge_position(const lk_knowledge *k, size_t i,
                           lk_position_info *out)
{
    json_t *o = k->pos[i].obj;
    out->id = knowledge_str(o, "id");
    out->party = knowledge_str(o, "party");
    out->name = knowledge_str(o, "name");
    out->kind = knowledge_str(o, "kind");
    out->title = knowledge_str(o, "title");
    out->date = knowledge_str(o, "date");
    out->url = knowledge_str(o, "url");
    out->status = knowledge_str(o, "status");
    out->note = knowledge_str(o, "note");
    out->nquotes = json_array_size(k->pos[i].quotes);
    out->nconfirmed = k->pos[i].nconfirmed;
}

void lk_knowledge_quote(const lk_knowledge *k, size_t p, size_t q,
                        lk_quote_info *out)
{
    json_t *o = json_array_get(k->pos[p].quotes, q);
    json_t *t = json_object_get(o, "topics");
    size_t j;
    out->id = knowledge_str(o, "id");
    out->pinpoint = knowledge_str(o, "pinpoint");
    out->text = knowledge_str(o, "text");
    out->seen_at = knowledge_str(o, "seen_at");
    out->note = knowledge_str(o, "note");
    out->confirmed = !strcmp(knowledge_str(o, "status"), "confirmed");
    out->ntopics = 0;
    for (j = 0; j < json_array_size(t) && j < LK_KNOWLEDGE_MAX_TOPICS; j++)
        out->topics[out->ntopics++] = json_string_value(json_array_get(t, j));
}

void lk_knowledge_proposition(const lk_knowledge *k, size_t i,
                              lk_proposition_info *out)
{
    json_t *o = json_array_get(k->props, i);
    out->id = knowledge_str(o, "id");
    out->text = knowledge_str(o, "text");
}

void lk_knowledge_stance(const lk_knowledge *k, size_t p, size_t q,
                         lk_stance *out)
{
    *out = k->pos[p].stance[q];
}

void lk_knowledge_reaction(const lk_knowledge *k, size_t i,
                           lk_reaction_info *out)
{
    json_t *o = k->react[i].obj, *inv = json_object_get(o, "invokes");
    size_t j;
    out->case_id = k->react[i].case_id;
    out->id = knowledge_str(o, "id");
    out->party = knowledge_str(o, "party");
    out->date = knowledge_str(o, "date");
    out->kind = knowledge_str(o, "kind");
    out->against = knowledge_str(o, "against");
    out->title = knowledge_str(o, "title");
    out->summary = knowledge_str(o, "summary");
    out->quote = knowledge_str(o, "quote");
    out->invokes_quote = knowledge_str(o, "invokes_quote");
    out->url = knowledge_str(o, "url");
    out->seen_at = knowledge_str(o, "seen_at");
    out->confirmed = !strcmp(knowledge_str(o, "status"), "confirmed");
    out->quote_confirmed = !strcmp(knowledge_str(o, "quote_status"),
                                   "confirmed");
    out->ninvokes = 0;
    for (j = 0; j < json_array_size(inv) && j < LK_KNOWLEDGE_MAX_INVOKES; j++)
        out->invokes[out->ninvokes++] = json_string_value(json_array_get(inv, j));
}
