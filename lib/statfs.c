/* statfs64 and fstatfs64: Linux's calls take the struct's size as well, so
 * that a kernel can tell the layouts apart; the C library passes it. */
#include <sys/statfs.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

int statfs64(const char *path, struct statfs64 *buf)
{
    return (int)__syscall_ret(__syscall3(__NR_statfs64, (long)path, sizeof(*buf), (long)buf));
}

int fstatfs64(int fd, struct statfs64 *buf)
{
    return (int)__syscall_ret(__syscall3(__NR_fstatfs64, fd, sizeof(*buf), (long)buf));
}
