/* The system calls whose C interface is variadic: open, openat, fcntl, ioctl.
 * The wrappers read the optional argument and pass it on; the kernel
 * always takes three. */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

/* The mode (the new file's permissions) is there only when O_CREAT asks
 * to create the file. */
static mode_t mode_arg(int flags, va_list ap)
{
    return flags & O_CREAT ? va_arg(ap, mode_t) : 0;
}

/* openat(dirfd, path, flags[, mode]): open, from the directory open as
 * dirfd when path is relative. */
int openat(int dirfd, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return (int)__syscall_ret(__syscall4(__NR_openat, dirfd, (long)path, flags, (long)mode));
}

/* open(path, flags) or open(path, flags, mode): openat from the working
 * directory. */
int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return openat(AT_FDCWD, path, flags, mode);
}

/* fcntl(fd, cmd) or fcntl(fd, cmd, arg): F_DUPFD, F_SETFD and F_SETFL take
 * an int; reading one for the others does no harm on i386. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = va_arg(ap, long);
    va_end(ap);
    return (int)__syscall_ret(__syscall3(__NR_fcntl, fd, cmd, arg));
}

/* ioctl(fd, request, pointer): what the pointer points to depends on the
 * request (struct termios for TCGETS, a pid_t for TIOCGPGRP, ...). */
int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return (int)__syscall_ret(__syscall3(__NR_ioctl, fd, (long)request, (long)arg));
}
