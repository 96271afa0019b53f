/* poll() and select(): Linux's events and structures. */
#ifndef _MINNOW_POLL_H
#define _MINNOW_POLL_H

#include <minnow/types.h>

#define POLLIN     0x0001        /* there is data to read (or end of file) */
#define POLLPRI    0x0002        /* urgent data (never, in Minnow) */
#define POLLOUT    0x0004        /* a write would not block */
#define POLLERR    0x0008        /* an error: a pipe with no reader left */
#define POLLHUP    0x0010        /* hung up: the other end is gone */
#define POLLNVAL   0x0020        /* the fd is not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200
#define POLLMSG    0x0400
#define POLLRDHUP  0x2000        /* the peer shut down its writing side */

struct pollfd {
    int fd;                      /* < 0: ignored */
    short events;                /* what the caller waits for */
    short revents;               /* what happened (the kernel fills it in) */
};

/* select()'s sets: one bit per fd (fd n is bit n % 32 of word n / 32). */
#define FD_SETSIZE 1024

#endif
