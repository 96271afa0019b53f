/* The position in a stream: fseek, ftell, rewind.
 *
 * The program's position differs from the descriptor's offset by what is
 * in the buffer: read-ahead not yet consumed (the fd is ahead), or output
 * not yet written (the fd is behind).  fseek settles that and empties the
 * buffer; ftell computes the program's position without moving anything. */
#include <errno.h>
#include <unistd.h>
#include "stdio_impl.h"

int fseek(FILE *f, long offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
        errno = EINVAL;
        return -1;
    }
    if (f->state == STREAM_WRITING && __stdio_flush(f) < 0)
        return -1;
    if (f->state == STREAM_READING && whence == SEEK_CUR)
        offset -= (long)(f->len - f->pos) + (f->ungot != EOF);
    if (lseek(f->fd, offset, whence) < 0)
        return -1;
    f->pos = f->len = 0;
    f->ungot = EOF;
    f->state = STREAM_IDLE;
    f->flags &= ~STREAM_EOF;
    return 0;
}

long ftell(FILE *f)
{
    /* In append mode the buffered output will land at the end, wherever
     * the offset is now: write it out to know. */
    if (f->state == STREAM_WRITING && (f->flags & STREAM_APPEND) &&
        __stdio_flush(f) < 0)
        return -1;
    long where = lseek(f->fd, 0, SEEK_CUR);
    if (where < 0)
        return -1;
    if (f->state == STREAM_READING)
        where -= (long)(f->len - f->pos) + (f->ungot != EOF);
    else if (f->state == STREAM_WRITING)
        where += (long)f->len;
    return where;
}

void rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    f->flags &= ~STREAM_ERROR;
}
