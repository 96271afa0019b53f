/* open() and fcntl(): the flags and commands are Linux's, in the shared
 * <minnow/fcntl.h>. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <minnow/fcntl.h>

/* The mode (permission bits) is read only when flags has O_CREAT. */
int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
/* The third argument is read only by the commands that take one. */
int fcntl(int fd, int cmd, ...);

#endif
