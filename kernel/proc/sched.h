#ifndef PROC_SCHED_H
#define PROC_SCHED_H

#include "proc/task.h"

#define DEFAULT_PRIORITY 5       /* ticks in a time slice: 50 ms at HZ=100 */

void sched_init(void);
void schedule(void);
void cpu_idle(void) __attribute__((noreturn));
void do_timer(int user);         /* from the timer interrupt, every tick;
                                    user: it interrupted user mode */

/* Where the CPU's ticks went since boot (/proc/stat), and the load
 * averages of the last 1, 5 and 15 minutes (loadavg.c, /proc/loadavg). */
struct cpu_times {
    unsigned long user, system, idle;
};
extern struct cpu_times cpu_times;
void calc_load(void);
void get_loadavg(unsigned long avg[3]);    /* fixed point: FIXED_1 is 1.0 */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
void resched_if_needed(void);    /* on the way back to user mode */
void cond_resched(void);         /* in a long job in the kernel: give up the
                                    CPU here if the time slice is used up */

/* Wait queues, as in the lecture's "blocked" state: a task sleeps on a
 * channel (any address that names what it waits for) until someone calls
 * wake_up() on that channel.  sleep_on returns -EINTR if a signal came. */
int sleep_on(void *chan);
int sleep_on_timeout(void *chan, unsigned long ticks);
/* The same without -EINTR: a signal does not end these sleeps (sched.c). */
void uninterruptible_sleep_on(void *chan);
void uninterruptible_sleep_on_timeout(void *chan, unsigned long ticks);
void wake_up(void *chan);
void wake_up_sync(void *chan);   /* the same, but the caller keeps the CPU */
void wake_up_task(struct task_struct *t);
/* poll() and select() sleep here: every wake_up() wakes them as well. */
extern int poll_wait_chan;

void print_current_task(void);

#endif
