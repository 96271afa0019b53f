#ifndef WRITE_ALL_H
#define WRITE_ALL_H

#include <stddef.h>

/* All n bytes of buf to fd: write() may take fewer than asked (a pipe,
 * a terminal) or be interrupted by a signal.  0, or -1 with errno. */
int write_all(int fd, const void *buf, size_t n);

#endif
