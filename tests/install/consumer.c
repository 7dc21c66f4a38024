/*
 * consumer.c: a program outside the project, built against an installed
 * libleaklaw with pkg-config (tests/install/install_test.sh): prints the
 * library's version and the name of the rule set in DATADIR.
 */
#include <stdio.h>

#include <leaklaw/leaklaw.h>

/* Usage: consumer DATADIR. Exit 0 and two lines, or 1 and the error. */
int main(int argc, char **argv)
{
    lk_law *law = NULL;
    lk_error err;
    char line[1024];

    if (argc != 2) {
        fputs("usage: consumer DATADIR\n", stderr);
        return 2;
    }
    lk_error_clear(&err);
    printf("version %s\n", lk_version());
    if (lk_law_load(&law, argv[1], NULL, &err) < 0) {
        lk_error_format(&err, line, sizeof(line));
        fprintf(stderr, "consumer: %s\n", line);
        return 1;
    }
    printf("rules %s %s\n", lk_law_name(law), lk_law_version(law));
    lk_law_free(law);
    return 0;
}
