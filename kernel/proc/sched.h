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

/* Atomic sections: a task in one must not sleep nor give up the CPU,
 * because it is in the middle of changing something that others share
 * (TCP's connections, while tcp_lock is held).  The kernel is not
 * preemptible, so only a sleep could let another task in; code that could
 * sleep asks in_atomic() first and takes another way (dev_queue_xmit
 * drops the frame), and a sleep there anyway is reported on the console.
 * Sections nest; in_atomic() is also true in an interrupt handler. */
void atomic_enter(void);
void atomic_leave(void);
int in_atomic(void);

void print_current_task(void);

#endif
