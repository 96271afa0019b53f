/* The program break: the end of the data segment, which malloc moves up
 * to get memory from the kernel.
 *
 * The kernel's brk(addr) tries to move the break to addr and returns
 * where the break is afterwards: addr if it worked, the old break if not;
 * brk(0) just returns the current break.  POSIX's brk and sbrk are built
 * on that. */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

static uintptr_t current_break;   /* 0: not asked the kernel yet */

static uintptr_t kernel_brk(uintptr_t addr)
{
    return (uintptr_t)__syscall1(__NR_brk, (long)addr);
}

int brk(void *addr)
{
    uintptr_t got = kernel_brk((uintptr_t)addr);

    current_break = got;
    if (got != (uintptr_t)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

/* Moves the break by increment bytes and returns the old break: the start
 * of the new memory.  (void *)-1 and ENOMEM if the kernel said no. */
void *sbrk(intptr_t increment)
{
    if (current_break == 0)
        current_break = kernel_brk(0);
    uintptr_t old = current_break;
    if (increment == 0)
        return (void *)old;
    uintptr_t wanted = old + (uintptr_t)increment;
    if ((increment > 0 && wanted < old) || (increment < 0 && wanted > old)) {
        errno = ENOMEM;                       /* would wrap around */
        return (void *)-1;
    }
    if (brk((void *)wanted) < 0)
        return (void *)-1;
    return (void *)old;
}
