/* select(): poll() with three bit sets of fds (to read, to write,
 * exceptional), one bit per fd. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/types.h>
#include <signal.h>
#include <minnow/poll.h>             /* FD_SETSIZE */
#include <minnow/time.h>             /* struct timeval, struct timespec */

#define NFDBITS (8 * (int)sizeof(unsigned long))

typedef struct {
    unsigned long fds_bits[FD_SETSIZE / NFDBITS];
} fd_set;

/* POSIX makes these macros: clear a set, add, remove and test an fd. */
#define FD_ZERO(set)     ((void)__builtin_memset((set), 0, sizeof(fd_set)))
#define FD_SET(fd, set)  ((set)->fds_bits[(fd) / NFDBITS] |= 1UL << ((fd) % NFDBITS))
#define FD_CLR(fd, set)  ((set)->fds_bits[(fd) / NFDBITS] &= ~(1UL << ((fd) % NFDBITS)))
#define FD_ISSET(fd, set) (((set)->fds_bits[(fd) / NFDBITS] >> ((fd) % NFDBITS)) & 1)

/* n: one more than the highest fd in the sets.  The sets come back with
 * the bits of the ready fds; timeout (NULL: forever) with the time left.
 * Returns the number of bits set. */
int select(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);
int pselect(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
            const struct timespec *timeout, const sigset_t *mask);

#endif
