/* printk: the kernel's printf, built on the format engine it shares with
 * the C library (lib/format.c).  Output is buffered per call so that a line
 * reaches the console in one piece. */
#include <minnow/format.h>
#include "lib/printk.h"
#include "drv/console.h"

struct buffer {
    char *buf;
    size_t size, len;
};

static void put_in_buffer(char c, void *arg)
{
    struct buffer *b = arg;

    if (b->len + 1 < b->size)
        b->buf[b->len] = c;
    b->len++;
}

int vsnprintk(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buffer b = { buf, size, 0 };

    vformat(put_in_buffer, &b, fmt, ap);
    if (size)
        buf[b.len < size ? b.len : size - 1] = '\0';
    return b.len;
}

int snprintk(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintk(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int printk(const char *fmt, ...)
{
    char line[256];
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintk(line, sizeof(line), fmt, ap);
    va_end(ap);
    console_write(line, n < (int)sizeof(line) ? n : (int)sizeof(line) - 1);
    return n;
}
