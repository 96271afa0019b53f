#ifndef LIB_RANDOM_H
#define LIB_RANDOM_H

#include <stddef.h>

/* Random bytes for programs: the 16 of AT_RANDOM at every exec (glibc
 * seeds its stack protector and pointer guard with them) and getrandom().
 * Unpredictable enough for that, not for cryptography. */
void get_random_bytes(void *buf, size_t n);

#endif
