/* A stream's buffer: when it is allocated, how big, when it is emptied.
 *
 * The three buffering modes of the lecture:
 *   _IOFBF  fully buffered: output goes to the kernel when the buffer is
 *           full (files and pipes; one write() per BUFSIZ bytes)
 *   _IOLBF  line buffered: also at every '\n' (a terminal: the user sees
 *           each line when it is complete)
 *   _IONBF  unbuffered: every call writes at once (stderr)
 * and, in every mode, at fflush, fclose and exit. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "stdio_impl.h"

/* The first read or write gives the stream its buffer.  Until then the
 * program may choose with setvbuf; if it did not, a terminal gets line
 * buffering and anything else (file, pipe) full buffering. */
static void setup_buffer(FILE *f)
{
    if (f->buf)
        return;
    if (f->bufmode < 0)
        f->bufmode = isatty(f->fd) ? _IOLBF : _IOFBF;
    if (f->bufmode != _IONBF) {
        if (f->size == 0)
            f->size = BUFSIZ;
        f->buf = malloc(f->size);
        if (f->buf)
            f->flags |= STREAM_OWN_BUF;
        else
            f->bufmode = _IONBF;    /* no memory: the stream still works, unbuffered */
    }
    if (f->bufmode == _IONBF) {
        f->buf = &f->onebyte;
        f->size = 1;
    }
}

void __stdio_free_buffer(FILE *f)
{
    if (f->flags & STREAM_OWN_BUF)
        free(f->buf);
    f->flags &= ~STREAM_OWN_BUF;
    f->buf = NULL;
    f->size = 0;
}

/* Writes buf[0..len) to the descriptor.  On failure the data is dropped
 * and the error flag set (ferror). */
int __stdio_flush(FILE *f)
{
    size_t n = f->len;

    f->len = 0;
    if (n > 0 && __stdio_write_all(f->fd, f->buf, n) < 0) {
        f->flags |= STREAM_ERROR;
        return EOF;
    }
    return 0;
}

/* The stream read ahead: the descriptor's offset is past what the program
 * has seen.  Move the offset back to the program's position and forget the
 * read-ahead.  A pipe, socket or terminal cannot seek: then -1, and the
 * read-ahead is still in the buffer. */
int __stdio_give_back_input(FILE *f)
{
    off_t unread = (off_t)(f->len - f->pos) + (f->ungot != EOF);

    if (unread > 0 && lseek(f->fd, -unread, SEEK_CUR) < 0)
        return -1;
    f->pos = f->len = 0;
    f->ungot = EOF;
    return 0;
}

/* Called before every read: output still in the buffer goes out first. */
int __stdio_begin_read(FILE *f)
{
    if (!(f->flags & STREAM_CAN_READ)) {
        f->flags |= STREAM_ERROR;
        errno = EBADF;
        return EOF;
    }
    if (f->state == STREAM_WRITING && __stdio_flush(f) < 0)
        return EOF;
    setup_buffer(f);
    f->state = STREAM_READING;
    return 0;
}

/* Called before every write: read-ahead is given back first, so that the
 * write lands where the program thinks it is.  (POSIX asks for an fseek or
 * fflush between reading and writing; on a pipe or socket, which cannot
 * seek, unread input is dropped here, as in glibc: use one stream for each
 * direction there, fdopen(fd, "r") and fdopen(dup(fd), "w").) */
int __stdio_begin_write(FILE *f)
{
    if (!(f->flags & STREAM_CAN_WRITE)) {
        f->flags |= STREAM_ERROR;
        errno = EBADF;
        return EOF;
    }
    if (f->state == STREAM_READING && __stdio_give_back_input(f) < 0) {
        f->pos = f->len = 0;
        f->ungot = EOF;
    }
    setup_buffer(f);
    f->state = STREAM_WRITING;
    return 0;
}

/* fflush(f): output in the buffer goes to the kernel now.  For an input
 * stream on a file, the read-ahead is given back (POSIX 2008), so that the
 * fd's offset is where the program is.  fflush(NULL) flushes every stream. */
int fflush(FILE *f)
{
    if (!f) {
        int result = 0;
        for (FILE *s = __stdio_streams; s; s = s->next)
            if (s->state == STREAM_WRITING && fflush(s) < 0)
                result = EOF;
        return result;
    }
    if (f->state == STREAM_WRITING)
        return __stdio_flush(f);
    if (f->state == STREAM_READING && __stdio_give_back_input(f) == 0)
        f->state = STREAM_IDLE;
    return 0;
}

/* Before a program waits for input, the prompt it printed must be visible:
 * like glibc, reading flushes every line-buffered output stream. */
void __stdio_flush_line_buffered(void)
{
    for (FILE *s = __stdio_streams; s; s = s->next)
        if (s->bufmode == _IOLBF && s->state == STREAM_WRITING && s->len > 0)
            __stdio_flush(s);
}

/* Chooses the buffering of a stream: buf (size bytes) or, if buf is NULL,
 * a buffer of that size allocated at the first read or write.  Meant to be
 * called before the stream is used; pending output is flushed first. */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
        errno = EINVAL;
        return -1;
    }
    if (fflush(f) < 0)
        return -1;
    __stdio_free_buffer(f);
    f->state = STREAM_IDLE;
    f->pos = f->len = 0;
    f->bufmode = mode;
    if (mode != _IONBF) {
        f->buf = (unsigned char *)buf;        /* NULL: setup_buffer allocates */
        f->size = size ? size : BUFSIZ;
    }
    return 0;
}

void setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE *f)
{
    setvbuf(f, NULL, _IOLBF, 0);
}
