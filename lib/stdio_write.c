/* Writing to a stream.
 *
 * Bytes collect in the buffer; the buffer goes to the kernel in one
 * write() when it is full, or (line-buffered streams, i.e. a terminal)
 * when a '\n' was written.  An unbuffered stream's buffer holds one byte,
 * so everything is written straight away. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

/* write() may take less than it was given (a pipe, a signal): keep going. */
int __stdio_write_all(int fd, const void *data, size_t n)
{
    const char *p = data;

    while (n > 0) {
        ssize_t done = write(fd, p, n);
        if (done < 0)
            return -1;
        p += done;
        n -= (size_t)done;
    }
    return 0;
}

/* Puts n bytes into the stream; returns how many were accepted. */
size_t __stdio_write(FILE *f, const void *data, size_t n)
{
    const char *p = data;
    size_t done = 0;

    while (done < n) {
        if (f->len == 0 && n - done >= f->size) {
            /* More than a bufferful (always, when unbuffered): copying
             * it through the buffer would gain nothing. */
            if (__stdio_write_all(f->fd, p + done, n - done) < 0) {
                f->flags |= STREAM_ERROR;
                return done;
            }
            return n;
        }
        size_t room = f->size - f->len;
        size_t chunk = n - done < room ? n - done : room;
        memcpy(f->buf + f->len, p + done, chunk);
        f->len += chunk;
        done += chunk;
        if (f->len == f->size && __stdio_flush(f) < 0)
            return done - chunk;
    }
    if (f->bufmode == _IOLBF && memchr(data, '\n', n) && __stdio_flush(f) < 0)
        return 0;
    return n;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
    if (size == 0 || nmemb == 0)
        return 0;
    if (nmemb > (size_t)-1 / size) {
        errno = EINVAL;
        return 0;
    }
    if (__stdio_begin_write(f) < 0)
        return 0;
    return __stdio_write(f, ptr, size * nmemb) / size;
}

int fputc(int c, FILE *f)
{
    unsigned char byte = (unsigned char)c;

    /* Most calls end here: a stream already writing, with room left in
     * its buffer, and no line to end on a line-buffered one -- nothing
     * but the buffer changes.  (An unbuffered stream's buffer has no room
     * to leave: it always goes on below, to write().) */
    if (f->state == STREAM_WRITING && f->len + 1 < f->size &&
        (f->bufmode == _IOFBF || byte != '\n')) {
        f->buf[f->len++] = byte;
        return byte;
    }
    if (__stdio_begin_write(f) < 0 || __stdio_write(f, &byte, 1) != 1)
        return EOF;
    return byte;
}

int putc(int c, FILE *f)
{
    return fputc(c, f);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
    size_t n = strlen(s);

    if (n == 0)
        return 0;
    return fwrite(s, 1, n, f) == n ? 0 : EOF;
}

/* puts adds the newline (fputs does not). */
int puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 0;
}
