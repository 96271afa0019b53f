/* mmap and mremap: the two calls the library does not just pass on.
 * (munmap, mprotect, msync, madvise, mincore and getvmas are generated
 * from kernel/syscall.list.) */
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

#define PAGE_SIZE 4096

/* Linux i386's mmap2 takes the offset in pages, so that a 32-bit
 * argument reaches files past 4 GiB; an offset that is not a whole number
 * of pages is an error, as in POSIX. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
    if (offset % PAGE_SIZE) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    return (void *)__syscall_ret(__syscall6(__NR_mmap2, (long)addr, (long)len, prot, flags,
                                            fd, (unsigned long)offset / PAGE_SIZE));
}

/* mremap(old, old_len, new_len, flags [, new_addr]): new_addr is there
 * only with MREMAP_FIXED. */
void *mremap(void *old_addr, size_t old_len, size_t new_len, int flags, ...)
{
    void *new_addr = NULL;

    if (flags & MREMAP_FIXED) {
        va_list ap;
        va_start(ap, flags);
        new_addr = va_arg(ap, void *);
        va_end(ap);
    }
    return (void *)__syscall_ret(__syscall5(__NR_mremap, (long)old_addr, (long)old_len,
                                            (long)new_len, flags, (long)new_addr));
}
