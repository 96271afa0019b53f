/* The one place where the C library traps into the kernel. */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall_raw.h"

int errno;

long __syscall6(long nr, long a, long b, long c, long d, long e)
{
    long ret;

    __asm__ volatile("int $0x80"
                     : "=a"(ret)
                     : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return ret;
}

long __syscall_ret(long r)
{
    if (r < 0 && r > -4096) {
        errno = -r;
        return -1;
    }
    return r;
}

/* syscall(2): any system call by number, for calls the library has no
 * wrapper for yet (a lab's new call, say). */
long syscall(long nr, ...)
{
    va_list ap;
    long a[5];

    va_start(ap, nr);
    for (int i = 0; i < 5; i++)
        a[i] = va_arg(ap, long);
    va_end(ap);
    return __syscall_ret(__syscall6(nr, a[0], a[1], a[2], a[3], a[4]));
}
