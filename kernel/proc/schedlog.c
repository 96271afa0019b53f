/* A record of the scheduler's decisions, for pictures of it: every
 * context switch leaves (time, from, to) in a ring of the last
 * SCHEDLOG_SIZE switches.  /bin/schedviz draws them as a timeline. */
#include <minnow/errno.h>
#include <minnow/sysinfo.h>
#include "proc/schedlog.h"
#include "arch/timer.h"
#include "mm/uaccess.h"

#define SCHEDLOG_SIZE 512

static struct sched_event ring[SCHEDLOG_SIZE];
static unsigned long count;      /* switches recorded since boot */

void schedlog_switch(int from, int to)
{
    ring[count % SCHEDLOG_SIZE] = (struct sched_event){ jiffies, from, to };
    count++;
}

/* getschedlog(buf, max): the last max switches (at most SCHEDLOG_SIZE),
 * oldest first.  Returns how many. */
long sys_getschedlog(struct sched_event *ubuf, int max)
{
    if (max < 0)
        return -EINVAL;
    if (max > SCHEDLOG_SIZE)
        max = SCHEDLOG_SIZE;
    if ((unsigned long)max > count)
        max = count;
    if (verify_area(ubuf, max * sizeof(struct sched_event), 1) < 0)
        return -EFAULT;
    for (int i = 0; i < max; i++)
        ubuf[i] = ring[(count - max + i) % SCHEDLOG_SIZE];
    return max;
}
