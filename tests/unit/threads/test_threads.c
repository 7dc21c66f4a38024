/*
 * test_threads.c: one lk_law and one lk_library shared by four threads,
 * each loading and assessing every case of the library and of the
 * article's scenarios and rendering JSON (pretty and compact), Markdown
 * and HTML. Every byte must equal what one thread alone produces. Run
 * under ThreadSanitizer by `make test` (build-tsan, LK_TSAN).
 */
#include <pthread.h>

#include "helpers.h"

#define THREADS_WORKERS 4  /* threads assessing at once */
#define THREADS_MAX_CASES 64 /* cases of both libraries */
#define THREADS_FORMATS 4  /* JSON pretty, JSON compact, MD, HTML */

static const struct {
    lk_report_format format;
    unsigned flags;
} threads_formats[THREADS_FORMATS] = {
    {LK_REPORT_JSON, 0},
    {LK_REPORT_JSON, LK_REPORT_COMPACT},
    {LK_REPORT_MD, 0},
    {LK_REPORT_HTML, 0},
};

/* What every thread shares: read-only once the threads start. */
typedef struct {
    const lk_law *law;       /* the law, shared */
    const lk_library *lib;   /* precedents, shared */
    const char *paths[THREADS_MAX_CASES]; /* case files (borrowed) */
    size_t npaths;           /* number of case files */
} threads_shared;

/* One thread's results: a text per case and format, or a failure. */
typedef struct {
    const threads_shared *sh;                   /* shared inputs */
    char *text[THREADS_MAX_CASES][THREADS_FORMATS]; /* owned renderings */
    int status;                                 /* first failure, or 0 */
    char where[512];                            /* what failed */
} threads_result;

/* Load, assess and render case "i" into r->text[i]. */
static int threads_one(threads_result *r, size_t i)
{
    lk_assess_options opts = LK_ASSESS_OPTIONS_INIT;
    lk_case *c = NULL;
    lk_assessment *a = NULL;
    lk_error err;
    int f, rc;
    lk_error_clear(&err);
    opts.library = r->sh->lib;
    rc = lk_case_load(&c, r->sh->paths[i], NULL, NULL, &err);
    if (rc == 0)
        rc = lk_assess(&a, r->sh->law, c, &opts, &err);
    for (f = 0; rc == 0 && f < THREADS_FORMATS; f++)
        rc = lk_report_render(&r->text[i][f], NULL, a,
                              threads_formats[f].format,
                              threads_formats[f].flags, &err);
    if (rc != 0) {
        char line[400];
        lk_error_format(&err, line, sizeof(line));
        snprintf(r->where, sizeof(r->where), "%s: %s", r->sh->paths[i],
                 line);
    }
    lk_assessment_free(a);
    lk_case_free(c);
    return rc;
}

/* Thread body: every case, in order. */
static void *threads_run(void *arg)
{
    threads_result *r = arg;
    size_t i;
    for (i = 0; i < r->sh->npaths && r->status == 0; i++)
        r->status = threads_one(r, i);
    return NULL;
}

static void threads_result_free(threads_result *r)
{
    size_t i;
    int f;
    for (i = 0; i < THREADS_MAX_CASES; i++)
        for (f = 0; f < THREADS_FORMATS; f++)
            lk_report_free(r->text[i][f]);
}

/* Add the file of every case of "lib" to "sh". */
static void threads_add_paths(threads_shared *sh, const lk_library *lib)
{
    size_t i;
    for (i = 0; i < lk_library_count(lib); i++) {
        assert_true(sh->npaths < THREADS_MAX_CASES);
        sh->paths[sh->npaths++] = lk_case_path(lk_library_case(lib, i));
    }
}

static lk_library *threads_library(const lk_law *law, const char *dir)
{
    lk_library *lib = NULL;
    lk_error err;
    lk_error_clear(&err);
    assert_int_equal(lk_library_load(&lib, law, dir, &err), 0);
    assert_true(lk_library_count(lib) > 0);
    return lib;
}

static void test_shared_law_and_library(void **state)
{
    threads_shared sh;
    static threads_result ref, res[THREADS_WORKERS];
    pthread_t th[THREADS_WORKERS];
    lk_library *lib, *art;
    lk_law *law = test_law(NULL);
    char dir[512];
    size_t i;
    int w, f;
    (void)state;
    memset(&sh, 0, sizeof(sh));
    snprintf(dir, sizeof(dir), "%s/cases", test_data());
    lib = threads_library(law, dir);
    art = threads_library(law, test_res(dir, sizeof(dir), "cases/article"));
    sh.law = law;
    sh.lib = lib;
    threads_add_paths(&sh, lib);
    threads_add_paths(&sh, art);
    /* the reference: one thread alone */
    ref.sh = &sh;
    threads_run(&ref);
    if (ref.status != 0)
        fail_msg("one thread: %s", ref.where);
    for (w = 0; w < THREADS_WORKERS; w++) {
        res[w].sh = &sh;
        assert_int_equal(pthread_create(&th[w], NULL, threads_run, &res[w]),
                         0);
    }
    for (w = 0; w < THREADS_WORKERS; w++)
        assert_int_equal(pthread_join(th[w], NULL), 0);
    for (w = 0; w < THREADS_WORKERS; w++) {
        if (res[w].status != 0)
            fail_msg("thread %d: %s", w, res[w].where);
        for (i = 0; i < sh.npaths; i++)
            for (f = 0; f < THREADS_FORMATS; f++)
                if (strcmp(ref.text[i][f], res[w].text[i][f]) != 0)
                    fail_msg("thread %d, %s, format %d: output differs", w,
                             sh.paths[i], f);
    }
    for (w = 0; w < THREADS_WORKERS; w++)
        threads_result_free(&res[w]);
    threads_result_free(&ref);
    lk_library_free(art);
    lk_library_free(lib);
    lk_law_free(law);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_law_and_library),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
