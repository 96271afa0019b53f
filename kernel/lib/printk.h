#ifndef LIB_PRINTK_H
#define LIB_PRINTK_H

#include <stddef.h>
#include <stdarg.h>

struct pt_regs;

/* printf for the kernel: %d %i %u %x %X %o %c %s %p, width, zero-pad... */
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintk(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintk(char *buf, size_t size, const char *fmt, va_list ap);

/* Stops the kernel with a message, the registers of the trap (if any) and
 * a backtrace.  Reserved for kernel bugs: nothing a user program does may
 * lead here. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void panic_trap(struct pt_regs *regs, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
void print_backtrace(unsigned long ebp);

#endif
