/*
 * output.h: where a command's data goes. A sink collects the output in a
 * temporary file and only commits it when the whole run succeeded, so a
 * failed run never leaves half an output behind, whatever its size. A
 * regular file is replaced by a rename (through a symbolic link: its
 * target, keeping the link; keeping an existing file's mode and owner;
 * a new file's mode follows the umask); anything else (standard output, a
 * FIFO, a terminal, a device) is written directly at commit.
 */
#ifndef LK_CLI_OUTPUT_H
#define LK_CLI_OUTPUT_H

#include <stdio.h>
#include <sys/types.h>

#define CLI_PATH_MAX 4096 /* longest output path handled */

typedef struct cli_sink {
    FILE *f;                 /* the temporary file being written */
    char tmp[CLI_PATH_MAX];  /* its path when writing beside a target */
    char target[CLI_PATH_MAX]; /* the file renamed over (links resolved) */
    const char *path;        /* the output as named, NULL: standard output */
    int direct;              /* 1: copied into "path" at commit, no rename */
    int existed;             /* 1: "target" existed (mode, owner kept) */
    mode_t mode;             /* mode of the existing target, or new mode */
    uid_t uid;               /* owner of the existing target */
    gid_t gid;               /* group of the existing target */
    int failed;              /* errno of a failed write, or 0 */
} cli_sink;

/*
 * Refuse an output that names an input of the same run: "output" (NULL
 * or "-": none) is compared by device and inode, through symbolic links,
 * with each of the "n" "inputs" ("-" and NULL skipped). Prints one line
 * naming both and returns LK_EXIT_USAGE; 0 when they differ.
 */
int cli_output_refuse(const char *output, const char *const *inputs,
                      size_t n);

/* Open a sink for "path" (NULL or "-": standard output). 0 or -1. */
int cli_sink_open(cli_sink *s, const char *path);
/* Append "len" bytes. */
void cli_sink_write(cli_sink *s, const char *data, size_t len);
/* Commit the output: rename into place or copy out. Exit status. */
int cli_sink_commit(cli_sink *s);
/* Discard everything written. Cannot fail. */
void cli_sink_abort(cli_sink *s);

#endif
