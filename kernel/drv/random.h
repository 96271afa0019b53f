#ifndef DRV_RANDOM_H
#define DRV_RANDOM_H

#include <stddef.h>

/* n random bytes for the kernel's own use (random.c: not cryptographic). */
void get_random_bytes(void *buf, size_t n);

#endif
