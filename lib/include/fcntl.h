/* open() and fcntl(): the flags and commands are Linux's, in the shared
 * <minnow/fcntl.h>, as are the AT_ flags of the *at calls. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <minnow/fcntl.h>

/* The mode (permission bits) is read only when flags has O_CREAT. */
int open(const char *path, int flags, ...);
/* open, with a relative path starting at the directory open as dirfd
 * (AT_FDCWD: the working directory). */
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
/* The third argument is read only by the commands that take one. */
int fcntl(int fd, int cmd, ...);

#endif
