/* errno: why the last failing call failed.  A system call returns -E...;
 * the C library stores E... here and returns -1 (lib/syscall.c).  The
 * values are Linux's, in the shared <minnow/errno.h>. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <minnow/errno.h>

extern int errno;

#endif
