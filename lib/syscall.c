/* The one place where the C library traps into the kernel. */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall_raw.h"

int errno;

/* The sixth argument goes in ebp, which may be the compiler's frame
 * pointer and cannot be named in an inline asm: ebx points at a and f,
 * and the asm loads both itself, saving ebp around the trap. */
long __syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
    long ret, ebx_and_ebp[2] = { a, f }, clobbered;

    __asm__ volatile("push %%ebp\n\t"
                     "mov 4(%%ebx), %%ebp\n\t"
                     "mov (%%ebx), %%ebx\n\t"
                     "int $0x80\n\t"
                     "pop %%ebp"
                     : "=a"(ret), "=b"(clobbered)
                     : "a"(nr), "b"(ebx_and_ebp), "c"(b), "d"(c), "S"(d), "D"(e)
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
    long a[6];

    va_start(ap, nr);
    for (int i = 0; i < 6; i++)
        a[i] = va_arg(ap, long);
    va_end(ap);
    return __syscall_ret(__syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}
