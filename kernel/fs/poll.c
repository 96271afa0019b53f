/* poll() and select(): waiting for any of several files at once -- a
 * server that reads from many clients, a shell that waits for a pipe or
 * the keyboard.
 *
 * Every kind of file says, through its `poll` operation, which of read and
 * write would not block now: POLLIN, POLLOUT, and POLLHUP/POLLERR for an
 * end that is gone (a pipe's in fs/pipe.c, a socket's in its protocol,
 * which fs/socket.c asks, the console's in drv/tty.c; a file without one
 * -- a RAM file, /dev/null -- is always ready).  The calls here look at
 * every file once (poll_once); if none has what the caller waits for,
 * they sleep and look again, until one has, the timeout passes, or a
 * signal comes.
 *
 * How they are woken: a poller waits for many files at once, and each
 * kind of file wakes its sleepers on a channel of its own (the pipe, the
 * socket, the console).  Rather than putting the poller on all of them,
 * it sleeps on one channel, poll_wait_chan, and every wake_up() of ANY
 * channel wakes it too (proc/sched.c).  That is one simple mechanism that
 * no file needs to know about.  The price: a poller also wakes for events
 * that are none of its business (another process's pipe, a child's
 * exit), looks at its files, and sleeps again -- a few microseconds per
 * wake-up, which is nothing with a few dozen processes.  Linux instead
 * puts the poller on the wait queue of each file it polls.
 *
 * The calls:
 *   poll(fds, nfds, ms)               the basic one: -1 ms waits forever
 *   ppoll(fds, nfds, ts, mask)        a timespec, and a signal mask while waiting
 *   select(n, in, out, ex, tv)        three bit sets (old: all in a struct)
 *   pselect6(n, in, out, ex, ts, ...) a timespec and a signal mask
 * select is poll underneath: its sets become poll entries, and back. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/poll.h>
#include "fs/file.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/clock.h"
#include "proc/sleep.h"
#include "arch/timer.h"
#include "mm/uaccess.h"

/* What select's sets mean as poll events (Linux's): a file is "readable"
 * also when it has hung up or failed, "writable" also when it failed. */
#define POLLIN_SET  (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define POLLEX_SET  POLLPRI

static unsigned int file_poll(struct file *f)
{
    if (f->ops->poll)
        return f->ops->poll(f);
    return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}

/* One look at every file: each entry's revents gets what its file has of
 * what the entry waits for (POLLNVAL if the fd is not open; a negative fd
 * is skipped).  Returns how many entries have something. */
static int poll_once(struct pollfd *fds, unsigned int n)
{
    int ready = 0;

    for (unsigned int i = 0; i < n; i++) {
        struct pollfd *p = &fds[i];
        p->revents = 0;
        if (p->fd < 0)
            continue;
        struct file *f = fget(p->fd);
        p->revents = f ? file_poll(f) & (unsigned short)p->events : POLLNVAL;
        ready += p->revents != 0;
    }
    return ready;
}

/* The wait the calls share: look until an entry has something, the
 * timeout passes, or a signal comes.  timeout NULL: no limit; zero: look
 * once.  Returns how many are ready (0: the time is up), or what a signal
 * makes of the call (sleep_interrupted: EINTR after a handler, else a
 * restart that keeps the end).  *timeout gets the time that was left. */
static long do_poll(struct pollfd *fds, unsigned int n, struct timespec *timeout)
{
    unsigned long end = timeout ? sleep_end(timeout) : 0;
    long ready;

    for (;;) {
        ready = poll_once(fds, n);
        if (ready || (timeout && time_after_eq(jiffies, end)))
            break;
        int err = timeout ? sleep_on_timeout(&poll_wait_chan, end - jiffies)
                          : sleep_on(&poll_wait_chan);
        if (err < 0) {
            ready = timeout ? sleep_interrupted(end) : request_restart(-ERESTARTNOHAND);
            break;
        }
    }
    if (timeout)
        time_left(end, timeout);
    return ready;
}

/* ---------------------------------------------------------------- ppoll, pselect6 */

/* ppoll and pselect6 are poll and select with two additions: the timeout
 * is a timespec (NULL: forever), written back with the time that was left
 * as Linux does; and a signal mask to wait with, as sigsuspend's -- the
 * old mask comes back when the call returns, or, if a signal ended the
 * wait, after its handler, so that the handler runs for a signal the old
 * mask blocks.  `wait` is the poll or select underneath, with its own
 * arguments in `args`. */
static long timed_masked_wait(long (*wait)(void *args, struct timespec *timeout), void *args,
                              void *uts, int is64, const sigset_t *umask, size_t setsize)
{
    struct timespec ts;

    if (uts && get_timespec(&ts, uts, is64) < 0)
        return -EFAULT;
    if (uts && !timespec_valid(&ts))
        return -EINVAL;
    if (umask) {
        int err = set_temporary_mask(umask, setsize);
        if (err < 0)
            return err;
    }
    long ready = wait(args, uts ? &ts : NULL);
    if (umask && ready != -ERESTARTNOHAND)  /* no signal to deliver first */
        restore_saved_mask();
    if (uts)
        put_timespec(uts, &ts, is64);        /* a read-only timespec is ignored, as in Linux */
    return ready;
}

/* ---------------------------------------------------------------- poll */

/* The entries come in and their revents go back; there may be no more of
 * them than fds the process may open (RLIMIT_NOFILE), as in Linux. */
static long poll_fds(struct pollfd *ufds, nfds_t nfds, struct timespec *timeout)
{
    struct pollfd fds[NR_OPEN];

    if (nfds > NR_OPEN || nfds > current->rlim[RLIMIT_NOFILE].rlim_cur)
        return -EINVAL;
    if (verify_area(ufds, nfds * sizeof(*fds), 1) < 0 ||
        copy_from_user(fds, ufds, nfds * sizeof(*fds)) < 0)
        return -EFAULT;
    for (unsigned int i = 0; i < nfds; i++)
        fds[i].events |= POLLERR | POLLHUP;  /* reported whether asked for or not */
    long ready = do_poll(fds, nfds, timeout);
    if (ready < 0)
        return ready;
    /* only revents go back: events stay the caller's (and the memory is
     * checked again: while we slept, it may have gone) */
    for (unsigned int i = 0; i < nfds; i++)
        if (copy_to_user(&ufds[i].revents, &fds[i].revents, sizeof(short)) < 0)
            return -EFAULT;
    return ready;
}

/* poll(fds, nfds, timeout): timeout in milliseconds; negative: forever. */
long sys_poll(struct pollfd *ufds, nfds_t nfds, int timeout_ms)
{
    struct timespec ts = { timeout_ms / 1000, (timeout_ms % 1000) * 1000000L };

    return poll_fds(ufds, nfds, timeout_ms < 0 ? NULL : &ts);
}

/* ppoll(fds, nfds, timeout, mask, masksize) */
struct poll_args {
    struct pollfd *ufds;
    nfds_t nfds;
};

static long poll_with_args(void *args, struct timespec *timeout)
{
    struct poll_args *a = args;

    return poll_fds(a->ufds, a->nfds, timeout);
}

static long ppoll(struct pollfd *ufds, nfds_t nfds, void *uts, const sigset_t *umask,
                  size_t setsize, int is64)
{
    struct poll_args a = { ufds, nfds };

    return timed_masked_wait(poll_with_args, &a, uts, is64, umask, setsize);
}

long sys_ppoll(struct pollfd *ufds, nfds_t nfds, struct timespec *uts, const sigset_t *umask,
               size_t setsize)
{
    return ppoll(ufds, nfds, uts, umask, setsize, 0);
}

long sys_ppoll_time64(struct pollfd *ufds, nfds_t nfds, struct timespec64 *uts,
                      const sigset_t *umask, size_t setsize)
{
    return ppoll(ufds, nfds, uts, umask, setsize, 1);
}

/* ---------------------------------------------------------------- select */

#define SET_WORDS ((NR_OPEN + 31) / 32)      /* one bit per fd, 32 a word */

/* select's three sets as the kernel holds them: in, out, except. */
struct fd_sets {
    unsigned long bits[3][SET_WORDS];
};

static const unsigned int set_events[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };

static int test_fd(const unsigned long *set, int fd)
{
    return (set[fd / 32] >> (fd % 32)) & 1;
}

static long get_fd_sets(int n, unsigned long *const usets[3], struct fd_sets *s)
{
    memset(s, 0, sizeof(*s));
    for (int k = 0; k < 3; k++)
        if (usets[k] && copy_from_user(s->bits[k], usets[k], (n + 31) / 32 * 4) < 0)
            return -EFAULT;
    return 0;
}

/* The sets become poll entries: one per fd in any set, waiting for the
 * events its sets mean.  A set bit for an fd that is not open is EBADF. */
static long sets_to_pollfds(int n, const struct fd_sets *s, struct pollfd *fds)
{
    int count = 0;

    for (int fd = 0; fd < n; fd++) {
        short events = 0;
        for (int k = 0; k < 3; k++)
            if (test_fd(s->bits[k], fd))
                events |= set_events[k];
        if (!events)
            continue;
        if (!fget(fd))
            return -EBADF;
        fds[count++] = (struct pollfd){ fd, events, 0 };
    }
    return count;
}

/* ...and back: a bit stays set where its fd has what the set means.
 * Returns the number of bits set, in all three sets together. */
static int pollfds_to_sets(const struct pollfd *fds, int count, struct fd_sets *s)
{
    struct fd_sets asked = *s;
    int bits = 0;

    memset(s, 0, sizeof(*s));
    for (int i = 0; i < count; i++) {
        int fd = fds[i].fd;
        for (int k = 0; k < 3; k++) {
            if (test_fd(asked.bits[k], fd) && (fds[i].revents & set_events[k])) {
                s->bits[k][fd / 32] |= 1ul << (fd % 32);
                bits++;
            }
        }
    }
    return bits;
}

/* The select the three calls share.  n: one more than the highest fd to
 * look at (no further than the fd table, as in Linux). */
static long do_select(int n, unsigned long *const usets[3], struct timespec *timeout)
{
    struct fd_sets s;
    struct pollfd fds[NR_OPEN];

    if (n < 0)
        return -EINVAL;
    if (n > NR_OPEN)
        n = NR_OPEN;
    if (get_fd_sets(n, usets, &s) < 0)
        return -EFAULT;
    long count = sets_to_pollfds(n, &s, fds);
    if (count < 0)
        return count;
    long ready = do_poll(fds, count, timeout);
    if (ready < 0)
        return ready;
    ready = pollfds_to_sets(fds, count, &s);
    for (int k = 0; k < 3; k++)
        if (usets[k] && copy_to_user(usets[k], s.bits[k], (n + 31) / 32 * 4) < 0)
            return -EFAULT;
    return ready;
}

/* select(n, in, out, ex, timeout): a timeval (NULL: forever), written
 * back with the time that was left, as Linux does. */
long sys__newselect(int n, unsigned long *uin, unsigned long *uout, unsigned long *uex,
                    struct timeval *utv)
{
    unsigned long *usets[3] = { uin, uout, uex };
    struct timeval tv;
    struct timespec ts;

    if (utv) {
        if (copy_from_user(&tv, utv, sizeof(tv)) < 0)
            return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0)
            return -EINVAL;
        /* (microseconds past a second carry over, as in Linux; the longest
         * wait is about 248 days anyway) */
        ts.tv_sec = tv.tv_sec > 0x7fff0000 ? 0x7fff0000 : tv.tv_sec + tv.tv_usec / 1000000;
        ts.tv_nsec = tv.tv_usec % 1000000 * 1000;
    }
    long ready = do_select(n, usets, utv ? &ts : NULL);
    if (utv) {
        tv = (struct timeval){ ts.tv_sec, ts.tv_nsec / 1000 };
        copy_to_user(utv, &tv, sizeof(tv));  /* a read-only timeval is ignored */
    }
    return ready;
}

/* The old select (82): its five arguments in a struct. */
struct sel_arg_struct {
    unsigned long n;
    unsigned long *inp, *outp, *exp;
    struct timeval *tvp;
};

long sys_select(struct sel_arg_struct *uargs)
{
    struct sel_arg_struct a;

    if (copy_from_user(&a, uargs, sizeof(a)) < 0)
        return -EFAULT;
    return sys__newselect(a.n, a.inp, a.outp, a.exp, a.tvp);
}

/* pselect6(n, in, out, ex, timeout, sig): sig points at { const sigset_t
 * *mask; size_t size } (NULL, or a NULL mask: none). */
struct select_args {
    int n;
    unsigned long *const *usets;
};

static long select_with_args(void *args, struct timespec *timeout)
{
    struct select_args *a = args;

    return do_select(a->n, a->usets, timeout);
}

static long pselect6(int n, unsigned long *const usets[3], void *uts, void *usig, int is64)
{
    struct { const sigset_t *mask; size_t size; } sig = { NULL, 0 };
    struct select_args a = { n, usets };

    if (usig && copy_from_user(&sig, usig, sizeof(sig)) < 0)
        return -EFAULT;
    return timed_masked_wait(select_with_args, &a, uts, is64, sig.mask, sig.size);
}

long sys_pselect6(int n, unsigned long *uin, unsigned long *uout, unsigned long *uex,
                  struct timespec *uts, void *usig)
{
    unsigned long *usets[3] = { uin, uout, uex };

    return pselect6(n, usets, uts, usig, 0);
}

long sys_pselect6_time64(int n, unsigned long *uin, unsigned long *uout, unsigned long *uex,
                         struct timespec64 *uts, void *usig)
{
    unsigned long *usets[3] = { uin, uout, uex };

    return pselect6(n, usets, uts, usig, 1);
}
