/* getrandom(): random bytes from the kernel (not cryptographic in Minnow:
 * kernel/drv/random.c). */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>
#include <minnow/random.h>

ssize_t getrandom(void *buf, size_t count, unsigned int flags);

#endif
