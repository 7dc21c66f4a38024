/*
 * output.c: all-or-nothing output sinks (see output.h).
 */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

int cli_sink_open(cli_sink *s, const char *path)
{
    int fd;
    memset(s, 0, sizeof(*s));
    if (path == NULL || strcmp(path, "-") == 0) {
        s->f = tmpfile();
    } else {
        s->path = path;
        if ((size_t)snprintf(s->tmp, sizeof(s->tmp), "%s.tmp-XXXXXX",
                             path) >= sizeof(s->tmp)) {
            fprintf(stderr, "leaklaw: %s: path too long\n", path);
            return -1;
        }
        fd = mkstemp(s->tmp);
        s->f = fd >= 0 ? fdopen(fd, "w+") : NULL;
        if (fd >= 0 && s->f == NULL)
            close(fd);
    }
    if (s->f == NULL) {
        fprintf(stderr, "leaklaw: %s: %s\n", path ? path : "(temporary file)",
                strerror(errno));
        if (s->tmp[0])
            unlink(s->tmp);
        return -1;
    }
    return 0;
}

void cli_sink_write(cli_sink *s, const char *data, size_t len)
{
    if (len && fwrite(data, 1, len, s->f) != len)
        s->failed = errno ? errno : EIO;
}

void cli_sink_abort(cli_sink *s)
{
    if (s->f != NULL)
        fclose(s->f);
    if (s->tmp[0])
        unlink(s->tmp);
    s->f = NULL;
}

int cli_sink_commit(cli_sink *s)
{
    char buf[65536];
    size_t n;
    if (!s->failed && fflush(s->f) != 0)
        s->failed = errno;
    if (s->failed)
        goto fail;
    if (s->path != NULL) {
        if (fchmod(fileno(s->f), 0644) != 0 || fsync(fileno(s->f)) != 0 ||
            fclose(s->f) != 0) {
            s->f = NULL;
            s->failed = errno;
            goto fail;
        }
        s->f = NULL;
        if (rename(s->tmp, s->path) != 0) {
            s->failed = errno;
            goto fail;
        }
        return LK_EXIT_OK;
    }
    rewind(s->f);
    while ((n = fread(buf, 1, sizeof(buf), s->f)) > 0)
        if (fwrite(buf, 1, n, stdout) != n)
            break;
    fclose(s->f);
    s->f = NULL;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "leaklaw: cannot write to standard output\n");
        return LK_EXIT_RUNTIME;
    }
    return LK_EXIT_OK;
fail:
    fprintf(stderr, "leaklaw: %s: %s\n", s->path ? s->path : "(output)",
            strerror(s->failed));
    cli_sink_abort(s);
    return LK_EXIT_RUNTIME;
}
