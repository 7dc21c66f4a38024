/*
 * bench_assess.c: in-process timings of the library: loading the law,
 * assessing a case with and without the what-if search. Prints the median
 * of repeated runs in microseconds. Usage: bench_assess DATADIR CASE [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "leaklaw/leaklaw.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    lk_law *law = NULL;
    lk_case *c = NULL;
    lk_error err;
    lk_assess_options plain = LK_ASSESS_OPTIONS_INIT;
    lk_assess_options whatif = LK_ASSESS_OPTIONS_INIT;
    int n = argc > 3 ? atoi(argv[3]) : 1000, i, k;
    double *t, start;
    static const char *const label[] = {"law load", "assess (no what-if)",
                                        "assess (with what-if)"};

    if (argc < 3) {
        fprintf(stderr, "usage: bench_assess DATADIR CASE [N]\n");
        return 2;
    }
    t = malloc(sizeof(double) * (size_t)n);
    plain.flags = LK_ASSESS_NO_WHATIF | LK_ASSESS_NO_PRECEDENTS;
    whatif.flags = LK_ASSESS_NO_PRECEDENTS;
    if (lk_case_load(&c, argv[2], NULL, NULL, &err) < 0)
        return 1;
    for (k = 0; k < 3; k++) {
        int reps = k == 0 ? (n < 200 ? n : 200) : n;
        for (i = 0; i < reps; i++) {
            lk_assessment *a = NULL;
            lk_law *l2 = NULL;
            start = now_us();
            if (k == 0) {
                if (lk_law_load(&l2, argv[1], NULL, &err) < 0)
                    return 1;
            } else if (lk_assess(&a, law, c, k == 1 ? &plain : &whatif,
                                 &err) < 0) {
                return 1;
            }
            t[i] = now_us() - start;
            lk_assessment_free(a);
            if (k == 0 && law == NULL)
                law = l2;
            else
                lk_law_free(l2);
        }
        qsort(t, (size_t)reps, sizeof(double), cmp);
        printf("%-24s median %9.1f us  p90 %9.1f us  (%d runs)\n", label[k],
               t[reps / 2], t[reps * 9 / 10], reps);
    }
    lk_case_free(c);
    lk_law_free(law);
    free(t);
    return 0;
}
