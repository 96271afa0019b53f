/* printk: the kernel's printf, built on the format engine it shares with
 * the C library (lib/format.c).  Output is buffered per call so that a line
 * reaches the console in one piece. */
#include <minnow/format.h>
#include "lib/printk.h"
#include "drv/console.h"

int vsnprintk(char *buf, size_t size, const char *fmt, va_list ap)
{
    return vformat_string(buf, size, fmt, ap);
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
