/*
 * output.c: all-or-nothing output sinks (see output.h), and the refusal
 * of an output that would overwrite an input of the same run.
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define OUTPUT_MAX_LINKS 40 /* symbolic links followed, like the kernel */

int cli_output_refuse(const char *output, const char *const *inputs,
                      size_t n)
{
    struct stat so, si;
    size_t i;
    if (output == NULL || strcmp(output, "-") == 0 || stat(output, &so) != 0)
        return 0; /* a new file cannot be an input */
    for (i = 0; i < n; i++) {
        if (inputs[i] == NULL || strcmp(inputs[i], "-") == 0 ||
            stat(inputs[i], &si) != 0)
            continue;
        if (so.st_dev == si.st_dev && so.st_ino == si.st_ino) {
            fprintf(stderr,
                    "leaklaw: the output %s is the input %s of this run: "
                    "refusing to overwrite it\n",
                    output, inputs[i]);
            return LK_EXIT_USAGE;
        }
    }
    return 0;
}

/* Resolve the symbolic links of "path" into "out": the file a rename
 * must replace. -1 with errno set on a loop or an overlong path. */
static int output_resolve(const char *path, char *out, size_t size)
{
    char link[CLI_PATH_MAX], next[CLI_PATH_MAX];
    struct stat st;
    int k;
    if ((size_t)snprintf(out, size, "%s", path) >= size)
        return errno = ENAMETOOLONG, -1;
    for (k = 0; k < OUTPUT_MAX_LINKS; k++) {
        ssize_t n;
        const char *slash;
        if (lstat(out, &st) != 0 || !S_ISLNK(st.st_mode))
            return 0;
        n = readlink(out, link, sizeof(link) - 1);
        if (n < 0)
            return -1;
        link[n] = '\0';
        slash = strrchr(out, '/');
        if (link[0] == '/' || slash == NULL)
            n = snprintf(next, sizeof(next), "%s", link);
        else
            n = snprintf(next, sizeof(next), "%.*s/%s", (int)(slash - out),
                         out, link);
        if (n < 0 || (size_t)n >= sizeof(next) || (size_t)n >= size)
            return errno = ENAMETOOLONG, -1;
        memcpy(out, next, (size_t)n + 1);
    }
    return errno = ELOOP, -1;
}

/* The mode of a new file: rw for all, less the umask. */
static mode_t output_new_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return (mode_t)0666 & ~mask;
}

/* Prepare "s" to replace the regular file (or new file) at "path". */
static int output_open_file(cli_sink *s, const char *path)
{
    struct stat st;
    int fd;
    if (output_resolve(path, s->target, sizeof(s->target)) != 0)
        return -1;
    s->existed = stat(s->target, &st) == 0;
    s->mode = s->existed ? st.st_mode & 07777 : output_new_mode();
    s->uid = s->existed ? st.st_uid : 0;
    s->gid = s->existed ? st.st_gid : 0;
    if ((size_t)snprintf(s->tmp, sizeof(s->tmp), "%s.tmp-XXXXXX",
                         s->target) >= sizeof(s->tmp))
        return errno = ENAMETOOLONG, -1;
    fd = mkstemp(s->tmp);
    if (fd < 0) {
        s->tmp[0] = '\0';
        return -1;
    }
    s->f = fdopen(fd, "w+");
    if (s->f == NULL)
        close(fd);
    return s->f ? 0 : -1;
}

int cli_sink_open(cli_sink *s, const char *path)
{
    struct stat st;
    int error;
    memset(s, 0, sizeof(*s));
    if (path != NULL && strcmp(path, "-") != 0)
        s->path = path;
    /* anything but a regular file (a FIFO, a terminal, /dev/null,
     * /dev/stdout) is written into, never renamed over */
    s->direct = s->path == NULL ||
                (stat(s->path, &st) == 0 && !S_ISREG(st.st_mode));
    if (s->direct) {
        s->f = tmpfile();
        error = s->f ? 0 : -1;
    } else {
        error = output_open_file(s, s->path);
    }
    if (error != 0) {
        fprintf(stderr, "leaklaw: %s: %s\n", path ? path : "(temporary file)",
                strerror(errno));
        if (s->tmp[0])
            unlink(s->tmp);
        if (s->f)
            fclose(s->f);
        s->f = NULL;
        return -1;
    }
    return 0;
}

void cli_sink_write(cli_sink *s, const char *data, size_t len)
{
    if (len && fwrite(data, 1, len, s->f) != len && !s->failed)
        s->failed = errno ? errno : EIO;
}

void cli_sink_abort(cli_sink *s)
{
    if (s->f != NULL)
        fclose(s->f);
    if (s->tmp[0])
        unlink(s->tmp);
    s->f = NULL;
    s->tmp[0] = '\0';
}

/* Rename the finished temporary file over the target, with the target's
 * mode and owner (or the new-file mode). */
static int output_rename(cli_sink *s)
{
    int fd = fileno(s->f);
    if (fchmod(fd, s->mode) != 0 ||
        (s->existed && fchown(fd, s->uid, s->gid) != 0 && errno != EPERM) ||
        fsync(fd) != 0)
        return -1;
    if (fclose(s->f) != 0) {
        s->f = NULL;
        return -1;
    }
    s->f = NULL;
    if (rename(s->tmp, s->target) != 0)
        return -1;
    s->tmp[0] = '\0';
    return 0;
}

/* Copy the temporary file into standard output or the named non-regular
 * file (a FIFO, a device). */
static int output_copy(cli_sink *s)
{
    char buf[65536];
    size_t n;
    FILE *out = stdout;
    int error = 0;
    if (s->path != NULL) {
        int fd = open(s->path, O_WRONLY);
        out = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (out == NULL) {
            if (fd >= 0)
                close(fd);
            return -1;
        }
    }
    rewind(s->f);
    while (error == 0 && (n = fread(buf, 1, sizeof(buf), s->f)) > 0)
        error = fwrite(buf, 1, n, out) != n ? -1 : 0;
    if (error == 0 && (ferror(s->f) || fflush(out) != 0 || ferror(out)))
        error = -1;
    if (s->path != NULL && fclose(out) != 0)
        error = -1;
    return error;
}

int cli_sink_commit(cli_sink *s)
{
    int error;
    if (!s->failed && fflush(s->f) != 0)
        s->failed = errno;
    if (!s->failed) {
        error = s->direct ? output_copy(s) : output_rename(s);
        if (error != 0)
            s->failed = errno ? errno : EIO;
    }
    if (s->failed) {
        fprintf(stderr, "leaklaw: %s: %s\n",
                s->path ? s->path : "standard output", strerror(s->failed));
        cli_sink_abort(s);
        return LK_EXIT_RUNTIME;
    }
    cli_sink_abort(s); /* closes the temporary file of a direct sink */
    return LK_EXIT_OK;
}
