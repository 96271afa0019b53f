/* The printf family.  The format language itself (%d, %-5s, %08x, ...) is
 * lib/format.c's vformat, shared with the kernel's printk: vformat hands
 * over one character at a time, and each function here decides where the
 * characters go: a stream, a file descriptor, or a string. */
#include <minnow/format.h>
#include <unistd.h>
#include "stdio_impl.h"

/* ---- to a stream or a descriptor: in chunks ----
 * Characters are collected in a small array and passed on a chunk at a
 * time, so that a message on unbuffered stderr is one write(), not one
 * write() per character. */
struct chunk {
    FILE *stream;               /* where the chunk goes: a stream... */
    int fd;                     /* ...or, if stream is NULL, a descriptor */
    int failed;
    size_t len;
    char buf[256];
};

static void send_chunk(struct chunk *c)
{
    if (c->len == 0)
        return;
    if (c->stream) {
        if (fwrite(c->buf, 1, c->len, c->stream) != c->len)
            c->failed = 1;
    } else if (__stdio_write_all(c->fd, c->buf, c->len) < 0) {
        c->failed = 1;
    }
    c->len = 0;
}

static void chunk_putc(char ch, void *arg)
{
    struct chunk *c = arg;

    c->buf[c->len++] = ch;
    if (c->len == sizeof(c->buf))
        send_chunk(c);
}

static int print_chunked(FILE *stream, int fd, const char *fmt, va_list ap)
{
    struct chunk c = { .stream = stream, .fd = fd };
    int count = vformat(chunk_putc, &c, fmt, ap);

    send_chunk(&c);
    return c.failed ? -1 : count;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    return print_chunked(f, -1, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return print_chunked(stdout, -1, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    return print_chunked(NULL, fd, fmt, ap);
}

/* ---- into a string: the engine's own string sink (lib/format.c) ---- */
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
    return vformat_string(s, n, fmt, ap);
}

/* sprintf trusts that s is big enough: prefer snprintf. */
int vsprintf(char *s, const char *fmt, va_list ap)
{
    return vsnprintf(s, (size_t)-1, fmt, ap);
}

/* ---- the variadic front ends ---- */
int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}

int sprintf(char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsprintf(s, fmt, ap);
    va_end(ap);
    return n;
}

int snprintf(char *s, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(s, n, fmt, ap);
    va_end(ap);
    return len;
}
