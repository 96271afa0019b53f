/* ppoll, select and pselect: the system calls with the arguments POSIX
 * gives them.  (poll itself is generated from kernel/syscall.list.) */
#include <poll.h>
#include <sys/select.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

/* The kernel writes the time left into the timespec; POSIX's ppoll and
 * pselect take theirs as const, so they pass a copy. */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *mask)
{
    struct timespec t, *tp = NULL;

    if (timeout) {
        t = *timeout;
        tp = &t;
    }
    return (int)__syscall_ret(__syscall5(__NR_ppoll, (long)fds, (long)nfds, (long)tp, (long)mask,
                                         sizeof(sigset_t)));
}

int select(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout)
{
    return (int)__syscall_ret(__syscall5(__NR__newselect, n, (long)readfds, (long)writefds,
                                         (long)exceptfds, (long)timeout));
}

int pselect(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
            const struct timespec *timeout, const sigset_t *mask)
{
    struct timespec t, *tp = NULL;
    struct { const sigset_t *mask; size_t size; } sig = { mask, sizeof(sigset_t) };

    if (timeout) {
        t = *timeout;
        tp = &t;
    }
    return (int)__syscall_ret(__syscall6(__NR_pselect6, n, (long)readfds, (long)writefds,
                                         (long)exceptfds, (long)tp, (long)&sig));
}
