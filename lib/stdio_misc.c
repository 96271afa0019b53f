/* A stream's end-of-file and error flags, perror, remove. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

int feof(FILE *f)
{
    return (f->flags & STREAM_EOF) != 0;
}

int ferror(FILE *f)
{
    return (f->flags & STREAM_ERROR) != 0;
}

void clearerr(FILE *f)
{
    f->flags &= ~(STREAM_EOF | STREAM_ERROR);
}

/* "msg: No such file or directory" on stderr, for the current errno. */
void perror(const char *msg)
{
    const char *why = strerror(errno);

    if (msg && *msg)
        fprintf(stderr, "%s: %s\n", msg, why);
    else
        fprintf(stderr, "%s\n", why);
}

/* remove: unlink for a file, rmdir for a directory. */
int remove(const char *path)
{
    if (unlink(path) == 0)
        return 0;
    if (errno == EISDIR || errno == EPERM)
        return rmdir(path);
    return -1;
}
