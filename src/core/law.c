/*
 * law.c: loading the law from its data directory: which file is which,
 * the order in which the modules read them (catalogue, techniques, STIX
 * identity readings, model, intrusiveness, evidence, confidence
 * vocabularies, profile, rules, compiler), the digest, and the law's
 * public accessors. Nothing here decides a legal question.
 */
#include "law.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "case.h"
#include "catalog.h"
#include "dir.h"
#include "evidence.h"
#include "law_compile.h"
#include "lawfile.h"
#include "model.h"
#include "profile.h"
#include "rules.h"
#include "stix_identity.h"
#include "techniques.h"
#include "vocab.h"

/* ---- load ----------------------------------------------------------- */

static int law_is_rule_file(const char *name)
{
    size_t len = strlen(name);
    return len >= 6 && strcmp(name + len - 5, ".json") == 0 && name[0] != '.';
}

static int law_list_rules(const char *dir, char ***out, size_t *n,
                          lk_error *err)
{
    int error = lk_dir_names(out, n, dir, law_is_rule_file, LK_LAW_MAX_FILES,
                             "rule files", err);
    if (error == LK_EIO)
        lk_error_set_at(err, LK_EIO, dir, 0, 0, NULL,
                        "cannot open rules directory");
    else if (error == LK_ETOOBIG)
        lk_error_set(err, LK_ETOOBIG, "too many rule files");
    return error;
}

/* The data files of a law, by role (documents owned by the law). */
typedef struct {
    lk_doc *model;                   /* leaklaw/model/1 */
    lk_doc *intr;                    /* leaklaw/intrusiveness/1 */
    lk_doc *profile;                 /* the profile */
    lk_doc *evidence;                /* leaklaw/evidence/1, optional */
    lk_doc *confidence;              /* leaklaw/confidence/1, optional */
    lk_doc *rules[LK_LAW_MAX_FILES]; /* leaklaw/rules/1, name order */
    size_t nrules;                   /* number of rule files */
} law_files;

/* Sort the already loaded rules-directory file "doc" by its format. */
static int law_sort_file(law_files *lf, lk_doc *doc, lk_error *err)
{
    const char *format =
        json_string_value(json_object_get(doc->root, "format"));
    if (format && !strcmp(format, "leaklaw/model/1") && !lf->model)
        lf->model = doc;
    else if (format && !strcmp(format, "leaklaw/intrusiveness/1") && !lf->intr)
        lf->intr = doc;
    else if (format && !strcmp(format, "leaklaw/evidence/1") && !lf->evidence)
        lf->evidence = doc;
    else if (format && !strcmp(format, "leaklaw/confidence/1") &&
             !lf->confidence)
        lf->confidence = doc;
    else if (format && !strcmp(format, "leaklaw/rules/1"))
        lf->rules[lf->nrules++] = doc;
    else
        return lk_lawfile__fail(err, doc, "/format",
                                "expected \"leaklaw/rules/1\" (or one model, "
                                "one intrusiveness, one evidence and one "
                                "confidence file)");
    return 0;
}

/* Load every file of DATADIR/rules and sort them into "lf". */
static int law_load_rule_files(lk_law *law, law_files *lf, lk_error *err)
{
    char **names = NULL, path[4096];
    size_t nnames = 0, i;
    int error;

    snprintf(path, sizeof(path), "%s/rules", law->datadir);
    error = law_list_rules(path, &names, &nnames, err);
    for (i = 0; i < nnames && error == 0; i++) {
        lk_doc *doc = NULL;
        snprintf(path, sizeof(path), "%s/rules/%s", law->datadir, names[i]);
        error = lk_lawfile__load(law, path, &doc, err);
        if (error == 0)
            error = law_sort_file(lf, doc, err);
    }
    if (error == 0 && (lf->model == NULL || lf->intr == NULL))
        error = lk_error_set_at(err, LK_EINVALID, path, 0, 0, NULL,
                                "the rules directory needs a model and an "
                                "intrusiveness file");
    lk_dir_names_free(names, nnames);
    return error;
}

/* Read the rules of every rule file, then the profile's own. */
static int law_read_rules(lk_law *law, const law_files *lf, lk_error *err)
{
    static const char *const keys[] = {"format", "indicators", "rules", NULL};
    json_t *disable = json_object_get(lf->profile->root, "disable");
    size_t i;
    int error = 0;

    law->rules = lk_calloc(LK_LAW_MAX_RULES, sizeof(lk_rule));
    if (law->rules == NULL)
        return lk_error_set_oom(err);
    for (i = 0; i < lf->nrules && error == 0; i++) {
        error =
            lk_lawfile__keys(err, lf->rules[i], "", lf->rules[i]->root, keys);
        if (error == 0)
            error = lk_rules__read(law, lf->rules[i], disable, err);
    }
    if (error == 0)
        error = lk_rules__read(law, lf->profile, NULL, err);
    if (error == 0)
        error =
            lk_rules__check_disabled(lf->profile, lf->rules, lf->nrules, err);
    return error;
}

/* The digest of every file read, in load order, into law->sha256. */
static int law_digest(lk_law *law, lk_error *err)
{
    lk_buf all;
    size_t i;
    int error = 0;

    lk_buf_init(&all, (size_t)64 << 20);
    for (i = 0; i < law->ndocs && error == 0; i++) {
        error = lk_buf_puts(&all, law->docs[i]->name + strlen(law->datadir));
        if (error == 0)
            error = lk_buf_put(&all, law->docs[i]->text, law->docs[i]->len);
    }
    if (error == LK_ENOMEM)
        lk_error_set_oom(err);
    else if (error < 0)
        lk_error_set(err, error, "data files too large");
    else
        lk_sha256_hex(all.ptr ? all.ptr : "", all.len, law->sha256);
    lk_buf_dispose(&all);
    return error;
}

/* Read and check everything, in dependency order. */
static int law_read(lk_law *law, const char *profile_name, lk_error *err)
{
    law_files lf;
    int error;

    memset(&lf, 0, sizeof(lf));
    error = lk_catalog__load(law, err);
    if (error == 0)
        error = lk_techniques__load(law, err);
    if (error == 0)
        error = lk_stix_identity__load(law, err);
    if (error == 0)
        error = law_load_rule_files(law, &lf, err);
    if (error == 0)
        error = lk_model__load(law, lf.model, err);
    if (error == 0)
        error = lk_techniques__load_intrusiveness(law, lf.intr, err);
    if (error == 0 && lf.evidence != NULL)
        error = lk_evidence__load(law, lf.evidence, err);
    if (error == 0 && lf.confidence != NULL)
        error = lk_vocab__load(law, lf.confidence, err);
    if (error == 0)
        error = lk_profile__load(law, profile_name, &lf.profile, err);
    if (error == 0)
        error = law_read_rules(law, &lf, err);
    if (error == 0)
        error = lk_law_compile__rules(law, err);
    if (error == 0)
        error = law_digest(law, err);
    return error;
}

int lk_law_load(lk_law **out, const char *datadir, const lk_law_options *opts,
                lk_error *err)
{
    lk_law *law = NULL;
    int error = 0;
    const char *profile_name =
        opts && opts->profile ? opts->profile : "default";

    lk_alloc__init();
    law = lk_calloc(1, sizeof(*law));
    if (law == NULL)
        return lk_error_set_oom(err);
    law->datadir = lk_strdup(datadir);
    if (law->datadir == NULL) {
        error = lk_error_set_oom(err);
        goto out;
    }
    error = law_read(law, profile_name, err);
    if (error < 0)
        goto out;
    *out = law;
    law = NULL;
out:
    lk_law_free(law);
    return error;
}

void lk_law_free(lk_law *law)
{
    size_t i;
    int t;
    if (law == NULL)
        return;
    for (i = 0; i < law->nrules; i++) {
        lk_rule *r = &law->rules[i];
        lk_free(r->owned[0]);
        lk_free(r->owned[1]); /* from json_dumps: jansson's allocator */
        lk_free(r->defeaters);
        lk_free((void *)r->excs);
        lk_free((void *)r->cites);
    }
    for (t = 0; t < law->ntargets; t++) {
        lk_free(law->targets[t].rules);
        lk_free((void *)law->targets[t].cite_ids);
    }
    for (i = 0; i < law->ndocs; i++)
        lk_doc__free(law->docs[i]);
    lk_free(law->docs);
    lk_free(law->rules);
    lk_free(law->conds);
    lk_free(law->kids);
    lk_free(law->sources);
    lk_free(law->attack);
    lk_techniques__free(law);
    lk_stix_identity__free(law);
    lk_vocab__free(law->vocab);
    lk_free(law->name);
    lk_free(law->version);
    lk_free(law->datadir);
    lk_free(law);
}

const char *lk_law_name(const lk_law *law)
{
    return law->name;
}

const char *lk_law_version(const lk_law *law)
{
    return law->version;
}

const char *lk_law_sha256(const lk_law *law)
{
    return law->sha256;
}

const char *lk_law_profile(const lk_law *law)
{
    return law->profile;
}

const char *lk_law_datadir(const lk_law *law)
{
    return law->datadir;
}

/* "value" as the list of lens statuses named in a diagnostic. */
static void law_status_list(const lk_law *law, char *list, size_t n)
{
    size_t used = 0, i, count = lk_law_status_count(law, LK_TARGET_LENS);
    list[0] = '\0';
    for (i = 0; i < count && used < n - 40; i++)
        used += (size_t)snprintf(list + used, n - used, "%s%s", i ? ", " : "",
                                 lk_law_status(law, LK_TARGET_LENS, i)->id);
}

/* Every key of the case's "expected" but "why" (and "x-" keys) must be a
 * lens of the model, with one of its statuses (or the open one). */
static int law_check_expected(const lk_law *law, const lk_case *c,
                              lk_diag_cb cb, void *payload, lk_error *err,
                              int n)
{
    json_t *exp = json_object_get(lk_case__json(c), "expected"), *v;
    const char *key;
    char ptr[LK_ERROR_POINTER_MAX], list[600];

    json_object_foreach(exp, key, v)
    {
        int t = lk_law__target_find(law, key);
        if (!strcmp(key, "why") || !strncmp(key, "x-", 2) || json_is_null(v))
            continue;
        snprintf(ptr, sizeof(ptr), "/expected");
        lk_doc__ptr_push(ptr, sizeof(ptr), key);
        if (t < 0 || law->targets[t].kind != LK_TK_LENS) {
            lk_case__diag(c, cb, payload, n++ ? NULL : err, ptr,
                          "unknown key '%.100s'", key);
            continue;
        }
        if (lk_law_status_find(law, LK_TARGET_LENS, json_string_value(v)))
            continue;
        law_status_list(law, list, sizeof(list));
        lk_case__diag(c, cb, payload, n++ ? NULL : err, ptr,
                      "'%.100s' is not one of: %s", json_string_value(v), list);
    }
    return n ? LK_EINVALID : 0;
}

int lk_law_check_case(const lk_law *law, const lk_case *c, lk_diag_cb cb,
                      void *payload, lk_error *err)
{
    lk_facts facts;
    int error, error2, n;
    lk_case__base_facts(c, &facts);
    error = lk_law__map_access(law, lk_case__json(c), &facts, c->doc, cb,
                               payload, err);
    n = error < 0;
    n += lk_vocab__check_case(law, c, cb, payload, err, n);
    n += lk_evidence__check_case(law, c, cb, payload, err, n);
    error2 = law_check_expected(law, c, cb, payload, err, n);
    return error < 0 ? error : error2;
}

/* *.json names of the profiles folder. */
static int law_profile_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".json");
}

int lk_law_load_all(lk_law **laws, size_t max, size_t *n,
                    const char *datadir, lk_error *err)
{
    char dir[4096], **names = NULL;
    size_t count = 0, i;
    lk_law_options o = LK_LAW_OPTIONS_INIT;
    int error;
    *n = 0;
    if (max == 0)
        return lk_error_set(err, LK_ETOOBIG, "no room for a law");
    error = lk_law_load(&laws[0], datadir, NULL, err);
    *n += error == 0;
    snprintf(dir, sizeof(dir), "%s/profiles", datadir);
    if (error == 0)
        error = lk_dir_names(&names, &count, dir, law_profile_name, max - 1,
                             "profiles", err);
    for (i = 0; error == 0 && i < count; i++) {
        names[i][strlen(names[i]) - 5] = '\0';
        if (!strcmp(names[i], "default"))
            continue;
        if (*n == max) {
            error = lk_error_set(err, LK_ETOOBIG, "more than %zu profiles",
                                 max);
            break;
        }
        o.profile = names[i];
        error = lk_law_load(&laws[*n], datadir, &o, err);
        *n += error == 0;
    }
    lk_dir_names_free(names, count);
    return error;
}
