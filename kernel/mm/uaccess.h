/* Touching user memory from the kernel.  Every pointer a program passes
 * is checked here before the kernel reads or writes through it: it must lie
 * below USER_TOP and be mapped (and writable, for a write).  A bad one gives
 * -EFAULT, never a kernel page fault. */
#ifndef MM_UACCESS_H
#define MM_UACCESS_H

#include <stddef.h>
#include <stdint.h>

int verify_area(const void *uptr, size_t len, int write);
int copy_from_user(void *dst, const void *usrc, size_t len);
int copy_to_user(void *udst, const void *src, size_t len);
/* Copies a user string of at most max-1 characters; returns its length,
 * -EFAULT, or -ENAMETOOLONG if it does not end within max bytes. */
long strncpy_from_user(char *dst, const char *usrc, size_t max);

#endif
