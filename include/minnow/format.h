/* The printf engine shared by the kernel's printk and the C library's
 * printf family: one implementation of the format language, with the
 * destination of each character left to the caller. */
#ifndef _MINNOW_FORMAT_H
#define _MINNOW_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Called once per output character; arg is whatever the caller passed. */
typedef void (*format_putc)(char c, void *arg);

/* Understands %d %i %u %o %x %X %c %s %p %%, the flags - 0 + space #,
 * width and precision (also as *), and the sizes hh h l ll z.
 * Returns the number of characters produced. */
int vformat(format_putc put, void *arg, const char *fmt, va_list ap);

/* vsnprintf: into buf, at most size - 1 characters and a '\0'; returns
 * the length the whole output would have had. */
int vformat_string(char *buf, size_t size, const char *fmt, va_list ap);

#endif
