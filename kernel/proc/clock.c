/* Clocks: what time it is (time, gettimeofday, clock_gettime) and how
 * fine the answer is (clock_getres).
 *
 * There is one source: the time since boot, to the microsecond
 * (timer_uptime: the jiffies and how far the PIT has counted into the
 * current tick).  The date is that plus the time the RTC said at boot.
 * So CLOCK_REALTIME, CLOCK_MONOTONIC and the variants Linux has of them
 * (_RAW, _COARSE, BOOTTIME: Minnow never adjusts its clock nor suspends,
 * so they agree) read the same counter, and gettimeofday and time() are
 * CLOCK_REALTIME.  The CPU-time clocks count the timer ticks charged to
 * the process (proc/sched.c), 10 ms each.  Every other clock is EINVAL:
 * the alarm clocks, CLOCK_TAI, and the CPU clocks of other processes
 * (negative ids). */
#include <minnow/errno.h>
#include "proc/clock.h"
#include "proc/task.h"
#include "arch/timer.h"
#include "drv/rtc.h"
#include "mm/uaccess.h"

#define NSEC_PER_SEC 1000000000L

static void uptime(struct timespec *ts)
{
    unsigned long sec, usec;

    timer_uptime(&sec, &usec);
    ts->tv_sec = sec;
    ts->tv_nsec = usec * 1000;
}

static void ticks_to_timespec(unsigned long ticks, struct timespec *ts)
{
    ts->tv_sec = ticks / HZ;
    ts->tv_nsec = (ticks % HZ) * (NSEC_PER_SEC / HZ);
}

int read_clock(clockid_t id, struct timespec *ts)
{
    switch (id) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
        uptime(ts);
        ts->tv_sec += boot_time_seconds();
        return 0;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
        uptime(ts);
        return 0;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
        ticks_to_timespec(current->ticks, ts);
        return 0;
    default:
        return -EINVAL;
    }
}

/* How fine each clock reads: a microsecond, or a tick for CPU time. */
static int clock_resolution(clockid_t id, struct timespec *ts)
{
    struct timespec now;
    int err = read_clock(id, &now);

    if (err < 0)
        return err;
    ts->tv_sec = 0;
    ts->tv_nsec = id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID
                  ? NSEC_PER_SEC / HZ : 1000;
    return 0;
}

/* ---------------------------------------------------------------- timespecs */

int get_timespec(struct timespec *ts, const void *uts, int is64)
{
    struct timespec64 t64;

    if (!is64)
        return copy_from_user(ts, uts, sizeof(*ts));
    if (copy_from_user(&t64, uts, sizeof(t64)) < 0)
        return -EFAULT;
    if (t64.tv_sec < 0)
        ts->tv_sec = -1;                         /* stays invalid */
    else
        ts->tv_sec = t64.tv_sec > 0x7fffffff ? 0x7fffffff : (time_t)t64.tv_sec;
    ts->tv_nsec = (long)t64.tv_nsec;             /* its low 32 bits, as Linux i386 */
    return 0;
}

int put_timespec(void *uts, const struct timespec *ts, int is64)
{
    struct timespec64 t64 = { ts->tv_sec, ts->tv_nsec };

    if (!is64)
        return copy_to_user(uts, ts, sizeof(*ts));
    return copy_to_user(uts, &t64, sizeof(t64));
}

int timespec_valid(const struct timespec *ts)
{
    return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

unsigned long timespec_to_ticks(const struct timespec *ts)
{
    if ((unsigned long)ts->tv_sec >= MAX_SLEEP_TICKS / HZ)
        return MAX_SLEEP_TICKS;
    return ts->tv_sec * HZ + (ts->tv_nsec + NSEC_PER_SEC / HZ - 1) / (NSEC_PER_SEC / HZ);
}

/* ---------------------------------------------------------------- the calls */

static long clock_gettime(clockid_t id, void *uts, int is64)
{
    struct timespec ts;
    int err = read_clock(id, &ts);

    return err < 0 ? err : put_timespec(uts, &ts, is64);
}

static long clock_getres(clockid_t id, void *uts, int is64)
{
    struct timespec ts;
    int err = clock_resolution(id, &ts);

    if (err < 0 || !uts)                         /* NULL: "is there such a clock?" */
        return err;
    return put_timespec(uts, &ts, is64);
}

long sys_clock_gettime(clockid_t id, struct timespec *uts)
{
    return clock_gettime(id, uts, 0);
}

long sys_clock_gettime64(clockid_t id, struct timespec64 *uts)
{
    return clock_gettime(id, uts, 1);
}

long sys_clock_getres(clockid_t id, struct timespec *uts)
{
    return clock_getres(id, uts, 0);
}

long sys_clock_getres_time64(clockid_t id, struct timespec64 *uts)
{
    return clock_getres(id, uts, 1);
}

long sys_gettimeofday(struct timeval *utv, struct timezone *utz)
{
    struct timespec ts;
    struct timezone tz = { 0, 0 };               /* UTC, no summer time */

    read_clock(CLOCK_REALTIME, &ts);
    struct timeval tv = { ts.tv_sec, ts.tv_nsec / 1000 };
    if (utv && copy_to_user(utv, &tv, sizeof(tv)) < 0)
        return -EFAULT;
    if (utz && copy_to_user(utz, &tz, sizeof(tz)) < 0)
        return -EFAULT;
    return 0;
}

long sys_time(time_t *ut)
{
    struct timespec ts;

    read_clock(CLOCK_REALTIME, &ts);
    if (ut && copy_to_user(ut, &ts.tv_sec, sizeof(time_t)) < 0)
        return -EFAULT;
    return ts.tv_sec;
}
