/* Reading from a stream.
 *
 * The program takes bytes from the buffer; when the buffer is empty, one
 * read() fills it with as much as the kernel gives, up to its size.  So
 * fread(buf, 1, 10, f) on a file reads BUFSIZ bytes from the kernel, not
 * 10 (the surprise of user/lecture/fread_read_mix.c).
 *
 * Once a read hits the end of the file, the stream remembers it (feof):
 * further reads return EOF without asking the kernel, until clearerr,
 * fseek or ungetc. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

/* The one place where a stream calls read(). */
ssize_t __stdio_read_fd(FILE *f, void *dst, size_t n)
{
    /* A program that printed a prompt and now waits for the answer: the
     * prompt must be on the screen first. */
    if (f == stdin || f->bufmode != _IOFBF)
        __stdio_flush_line_buffered();
    ssize_t got = read(f->fd, dst, n);
    if (got < 0)
        f->flags |= STREAM_ERROR;
    else if (got == 0)
        f->flags |= STREAM_EOF;
    return got;
}

/* Refills the empty buffer.  Returns 1 if there is data now, else 0. */
static int fill(FILE *f)
{
    if (f->flags & STREAM_EOF)
        return 0;
    ssize_t got = __stdio_read_fd(f, f->buf, f->size);
    if (got <= 0)
        return 0;
    f->pos = 0;
    f->len = (size_t)got;
    return 1;
}

int fgetc(FILE *f)
{
    /* Most calls end here: the byte is already in the buffer, and taking
     * it touches nothing else -- the point of buffering. */
    if (f->state == STREAM_READING && f->pos < f->len && f->ungot == EOF)
        return f->buf[f->pos++];
    if (__stdio_begin_read(f) < 0)
        return EOF;
    if (f->ungot != EOF) {
        int c = f->ungot;
        f->ungot = EOF;
        return c;
    }
    if (f->pos == f->len && !fill(f))
        return EOF;
    return f->buf[f->pos++];
}

int getc(FILE *f)
{
    return fgetc(f);
}

int getchar(void)
{
    return fgetc(stdin);
}

/* Gives one character back: the next read returns it.  One is always
 * possible (POSIX promises no more). */
int ungetc(int c, FILE *f)
{
    if (c == EOF || __stdio_begin_read(f) < 0 || f->ungot != EOF)
        return EOF;
    f->ungot = (unsigned char)c;
    f->flags &= ~STREAM_EOF;
    return (unsigned char)c;
}

/* Reads a line, with its '\n', into s (at most size - 1 characters).
 * NULL if nothing at all could be read. */
char *fgets(char *s, int size, FILE *f)
{
    int n = 0;

    if (size <= 0)
        return NULL;
    while (n < size - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[n++] = (char)c;
        if (c == '\n')
            break;
    }
    if (n == 0)
        return NULL;
    s[n] = '\0';
    return s;
}

size_t fread(void *ptr, size_t size, size_t nmemb, FILE *f)
{
    unsigned char *out = ptr;
    size_t want, done = 0;

    if (size == 0 || nmemb == 0)
        return 0;
    if (nmemb > (size_t)-1 / size) {
        errno = EINVAL;
        return 0;
    }
    want = size * nmemb;
    if (__stdio_begin_read(f) < 0)
        return 0;
    if (f->ungot != EOF) {
        out[done++] = (unsigned char)f->ungot;
        f->ungot = EOF;
    }
    while (done < want) {
        if (f->pos < f->len) {                /* first what the buffer holds */
            size_t n = f->len - f->pos;
            if (n > want - done)
                n = want - done;
            memcpy(out + done, f->buf + f->pos, n);
            f->pos += n;
            done += n;
        } else if (want - done >= f->size) {  /* a big read: straight into ptr */
            if (f->flags & STREAM_EOF)
                break;
            ssize_t got = __stdio_read_fd(f, out + done, want - done);
            if (got <= 0)
                break;
            done += (size_t)got;
        } else if (!fill(f)) {
            break;
        }
    }
    return done / size;
}

/* Reads up to and including delim into *line, growing it with realloc as
 * needed.  Returns the length, or -1 at end of file or on error. */
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    size_t n = 0;

    if (!line || !cap) {
        errno = EINVAL;
        return -1;
    }
    for (;;) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        if (n + 2 > *cap || !*line) {         /* room for c and the '\0' */
            size_t bigger = *cap < 64 ? 128 : *cap * 2;
            char *p = realloc(*line, bigger);
            if (!p)
                return -1;
            *line = p;
            *cap = bigger;
        }
        (*line)[n++] = (char)c;
        if (c == delim)
            break;
    }
    if (n == 0)
        return -1;
    (*line)[n] = '\0';
    return (ssize_t)n;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
    return getdelim(line, cap, '\n', f);
}
