/* Giving up the CPU on purpose: sched_yield() and nanosleep(). */
#include <minnow/errno.h>
#include <minnow/time.h>
#include "proc/sched.h"
#include "proc/signal.h"
#include "arch/timer.h"
#include "mm/uaccess.h"

long sys_sched_yield(void)
{
    current->counter = 0;             /* the rest of the slice goes */
    schedule();
    return 0;
}

/* The longest sleep: jiffies compare by their signed difference
 * (time_after_eq), so the end must lie less than 2^31 ticks ahead; a longer
 * request sleeps about 248 days. */
#define MAX_SLEEP_TICKS (0x7fffffffUL - HZ)

static unsigned long timespec_ticks(const struct timespec *t)
{
    if ((unsigned long)t->tv_sec >= MAX_SLEEP_TICKS / HZ)
        return MAX_SLEEP_TICKS;
    return t->tv_sec * HZ + (t->tv_nsec + 9999999) / 10000000;
}

/* Sleeps for *req, rounded up to whole timer ticks (10 ms).  A signal
 * handler ends it early with EINTR and the time that was left in *rem; a
 * stop and SIGCONT (or an ignored signal) does not: the call is restarted
 * (ERESTARTNOHAND) and sleeps until the end it had, as in Linux. */
long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
    struct timespec req;
    unsigned long end;

    if (copy_from_user(&req, ureq, sizeof(req)) < 0)
        return -EFAULT;
    if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1000000000)
        return -EINVAL;
    if (current->restart_end) {               /* resumed: the same end as before */
        end = current->restart_end;
        current->restart_end = 0;
    } else {
        end = jiffies + timespec_ticks(&req);
    }
    while (!time_after_eq(jiffies, end)) {
        if (sleep_on_timeout(&current->timeout, end - jiffies) < 0) {
            if (urem) {
                unsigned long left = end - jiffies;
                struct timespec rem = { left / HZ, (left % HZ) * (1000000000 / HZ) };
                if (copy_to_user(urem, &rem, sizeof(rem)) < 0)
                    return -EFAULT;
            }
            current->restart_end = end;       /* handle_restart clears it for EINTR */
            return request_restart(-ERESTARTNOHAND);
        }
    }
    return 0;
}
