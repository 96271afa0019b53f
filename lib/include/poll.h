/* poll(): wait until one of several fds can be read or written without
 * blocking (<minnow/poll.h> has the events: POLLIN, POLLOUT, POLLHUP...). */
#ifndef _POLL_H
#define _POLL_H

#include <sys/types.h>
#include <signal.h>
#include <minnow/poll.h>
#include <minnow/time.h>

/* timeout in milliseconds: 0 looks once, a negative one waits forever.
 * Returns how many fds have something in revents, 0 at the timeout. */
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
/* the same with a timespec (NULL: forever) and, if mask is not NULL, that
 * signal mask while it waits */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *mask);

#endif
