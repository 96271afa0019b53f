/* How the C library enters the kernel: int $0x80 with the number in eax
 * and the arguments in ebx, ecx, edx, esi, edi, ebp (Linux i386).  The
 * kernel answers in eax: a result, or -errno. */
#ifndef LIB_SYSCALL_RAW_H
#define LIB_SYSCALL_RAW_H

long __syscall6(long nr, long a, long b, long c, long d, long e, long f);

static inline long __syscall0(long nr) { return __syscall6(nr, 0, 0, 0, 0, 0, 0); }
static inline long __syscall1(long nr, long a) { return __syscall6(nr, a, 0, 0, 0, 0, 0); }
static inline long __syscall2(long nr, long a, long b) { return __syscall6(nr, a, b, 0, 0, 0, 0); }
static inline long __syscall3(long nr, long a, long b, long c) { return __syscall6(nr, a, b, c, 0, 0, 0); }
static inline long __syscall4(long nr, long a, long b, long c, long d) { return __syscall6(nr, a, b, c, d, 0, 0); }
static inline long __syscall5(long nr, long a, long b, long c, long d, long e) { return __syscall6(nr, a, b, c, d, e, 0); }

/* -errno -> errno and -1; anything else is returned as it is. */
long __syscall_ret(long r);

#endif
