/* Giving up the CPU on purpose: sched_yield() and nanosleep(). */
#include <minnow/errno.h>
#include <minnow/time.h>
#include "proc/sched.h"
#include "arch/timer.h"
#include "mm/uaccess.h"

long sys_sched_yield(void)
{
    current->counter = 0;             /* the rest of the slice goes */
    schedule();
    return 0;
}

/* Sleeps for *req, rounded up to whole timer ticks (10 ms).  A signal
 * ends it early with EINTR and the time that was left in *rem. */
long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
    struct timespec req;

    if (copy_from_user(&req, ureq, sizeof(req)) < 0)
        return -EFAULT;
    if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1000000000)
        return -EINVAL;
    unsigned long ticks = req.tv_sec * HZ + (req.tv_nsec + 9999999) / 10000000;
    unsigned long end = jiffies + ticks;

    while (!time_after_eq(jiffies, end)) {
        if (sleep_on_timeout(&current->timeout, end - jiffies) < 0) {
            if (urem) {
                unsigned long left = end - jiffies;
                struct timespec rem = { left / HZ, (left % HZ) * (1000000000 / HZ) };
                if (copy_to_user(urem, &rem, sizeof(rem)) < 0)
                    return -EFAULT;
            }
            return -EINTR;
        }
    }
    return 0;
}
