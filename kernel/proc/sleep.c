/* Giving up the CPU on purpose: sched_yield(), nanosleep() and
 * clock_nanosleep(). */
#include <minnow/errno.h>
#include <minnow/time.h>
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/clock.h"
#include "proc/sleep.h"
#include "arch/timer.h"
#include "mm/uaccess.h"

long sys_sched_yield(void)
{
    current->counter = 0;             /* the rest of the slice goes */
    schedule();
    return 0;
}

/* A timed sleep's end, in jiffies: at least *ts from now, and so one
 * tick more than *ts rounded up to ticks (the current tick is partly over
 * already; old Linux's rule).  A call restarted after a stop and SIGCONT
 * keeps the end it had (restart_end, noted by sleep_interrupted). */
unsigned long sleep_end(const struct timespec *ts)
{
    unsigned long end = jiffies + timespec_to_ticks(ts) + (ts->tv_sec || ts->tv_nsec);

    if (current->restart_end)
        end = current->restart_end;
    current->restart_end = 0;
    return end;
}

/* A signal ended a timed sleep: a handler makes the call fail with EINTR;
 * without one (a stop and SIGCONT, an ignored signal) it is restarted and
 * sleeps on until the same end (ERESTARTNOHAND, handle_restart). */
long sleep_interrupted(unsigned long end)
{
    current->restart_end = end;               /* handle_restart clears it for EINTR */
    return request_restart(-ERESTARTNOHAND);
}

/* The time from now until end, as a timespec (0 once it has passed). */
void time_left(unsigned long end, struct timespec *ts)
{
    unsigned long left = time_after_eq(jiffies, end) ? 0 : end - jiffies;

    ts->tv_sec = left / HZ;
    ts->tv_nsec = (left % HZ) * (1000000000 / HZ);
}

/* Sleeps for *req (relative).  A signal handler ends it early with EINTR
 * and the time that was left in *urem (if not NULL, in the 32- or 64-bit
 * layout); a stop and SIGCONT (or an ignored signal) does not. */
static long sleep_for(const struct timespec *req, void *urem, int is64)
{
    unsigned long end = sleep_end(req);

    while (!time_after_eq(jiffies, end)) {
        if (sleep_on_timeout(&current->timeout, end - jiffies) < 0) {
            struct timespec rem;
            time_left(end, &rem);
            if (urem && put_timespec(urem, &rem, is64) < 0)
                return -EFAULT;
            return sleep_interrupted(end);
        }
    }
    return 0;
}

long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
    struct timespec req;

    if (copy_from_user(&req, ureq, sizeof(req)) < 0)
        return -EFAULT;
    if (!timespec_valid(&req))
        return -EINVAL;
    return sleep_for(&req, urem, 0);
}

/* clock_nanosleep(clock, flags, req, rem): nanosleep on a clock, or with
 * TIMER_ABSTIME until the clock reads *req (then *rem is never written;
 * a restart after a stop sleeps until the same time).  Minnow sleeps in
 * timer ticks on one counter, so the clocks it can sleep on are those
 * that run with it: REALTIME, MONOTONIC, BOOTTIME.  The others it has are
 * EOPNOTSUPP (the CPU-time clocks among them; Linux can sleep on the
 * process's), unknown ones EINVAL. */
static long clock_nanosleep(clockid_t id, int flags, const void *ureq, void *urem, int is64)
{
    struct timespec req, now;
    int err = read_clock(id, &now);

    if (err < 0)
        return err;
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC && id != CLOCK_BOOTTIME)
        return -EOPNOTSUPP;
    if (get_timespec(&req, ureq, is64) < 0)
        return -EFAULT;
    if (!timespec_valid(&req))
        return -EINVAL;
    if (!(flags & TIMER_ABSTIME))
        return sleep_for(&req, urem, is64);
    /* absolute: sleep for what is left from now to then */
    if (req.tv_sec < now.tv_sec || (req.tv_sec == now.tv_sec && req.tv_nsec <= now.tv_nsec))
        return 0;
    req.tv_sec -= now.tv_sec;
    req.tv_nsec -= now.tv_nsec;
    if (req.tv_nsec < 0) {
        req.tv_sec--;
        req.tv_nsec += 1000000000;
    }
    current->restart_end = 0;                 /* a restart computes anew */
    long r = sleep_for(&req, NULL, is64);
    current->restart_end = 0;
    return r;
}

long sys_clock_nanosleep(clockid_t id, int flags, const struct timespec *ureq,
                         struct timespec *urem)
{
    return clock_nanosleep(id, flags, ureq, urem, 0);
}

long sys_clock_nanosleep_time64(clockid_t id, int flags, const struct timespec64 *ureq,
                                struct timespec64 *urem)
{
    return clock_nanosleep(id, flags, ureq, urem, 1);
}
