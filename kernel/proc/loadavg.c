/* The load averages that uptime and top show: how many processes wanted
 * the CPU, averaged over the last 1, 5 and 15 minutes.  Every 5 seconds
 * the number of runnable tasks is folded into three exponentially decaying
 * averages, in fixed point (FIXED_1 is 1.0), the way Linux computes them:
 *     avg = avg * e + n * (1 - e),   e = exp(-5 s / 1, 5 or 15 min).  */
#include "proc/sched.h"
#include "arch/timer.h"

#define LOAD_FREQ (5 * HZ)
/* FIXED_1 * exp(-5/60), exp(-5/300), exp(-5/900) */
static const unsigned long decay[3] = { 1884, 2014, 2037 };
static unsigned long avenrun[3];
static unsigned long next_sample = LOAD_FREQ;

/* Called every tick; does its work once every LOAD_FREQ ticks. */
void calc_load(void)
{
    if (!time_after_eq(jiffies, next_sample))
        return;
    next_sample += LOAD_FREQ;
    unsigned long active = (unsigned long)count_tasks(1) * FIXED_1;
    for (int i = 0; i < 3; i++)
        avenrun[i] = (avenrun[i] * decay[i] + active * (FIXED_1 - decay[i]) + FIXED_1 / 2) >> FSHIFT;
}

void get_loadavg(unsigned long avg[3])
{
    for (int i = 0; i < 3; i++)
        avg[i] = avenrun[i];
}
