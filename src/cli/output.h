/*
 * output.h: where a command's data goes. A sink collects the output in a
 * temporary file and only commits it (renamed over the target, or copied
 * to standard output) when the whole run succeeded, so a failed run never
 * leaves half an output behind, whatever its size.
 */
#ifndef LK_CLI_OUTPUT_H
#define LK_CLI_OUTPUT_H

#include <stdio.h>

typedef struct cli_sink {
    FILE *f;          /* the temporary file being written */
    char tmp[4096];   /* its path when writing beside a target, or "" */
    const char *path; /* the target, NULL for standard output */
    int failed;       /* a write failed */
} cli_sink;

/* Open a sink for "path" (NULL or "-": standard output). 0 or -1. */
int cli_sink_open(cli_sink *s, const char *path);
/* Append "len" bytes. */
void cli_sink_write(cli_sink *s, const char *data, size_t len);
/* Commit the output: rename into place or copy to stdout. Exit status. */
int cli_sink_commit(cli_sink *s);
/* Discard everything written. Cannot fail. */
void cli_sink_abort(cli_sink *s);

#endif
