/* pread and pwrite: read or write at an offset, leaving the file's own
 * offset alone.  The system calls take a 64-bit offset in two registers,
 * low half first; off_t is 32 bits, so the high half is its sign. */
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
    return __syscall_ret(__syscall5(__NR_pread64, fd, (long)buf, (long)count, offset,
                                    offset < 0 ? -1 : 0));
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    return __syscall_ret(__syscall5(__NR_pwrite64, fd, (long)buf, (long)count, offset,
                                    offset < 0 ? -1 : 0));
}
