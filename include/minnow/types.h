/* Types of the system call interface, shared by the kernel and the C
 * library.  Sizes are Linux i386's. */
#ifndef _MINNOW_TYPES_H
#define _MINNOW_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;
typedef int ssize_t;          /* size_t's signed twin: %zd, as in glibc */
typedef long off_t;
typedef unsigned int mode_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int dev_t;
typedef unsigned long ino_t;
typedef unsigned int nlink_t;
typedef long time_t;
typedef long clock_t;
typedef int clockid_t;        /* CLOCK_REALTIME... (minnow/time.h) */
typedef long suseconds_t;
typedef unsigned int socklen_t;
typedef unsigned long nfds_t;   /* poll()'s count of fds */
typedef unsigned long long sigset_t;     /* signals 1..64: bit (n - 1) */
typedef void (*sighandler_t)(int);

#endif
