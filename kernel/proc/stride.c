/* LAB(scheduler) FILE */
/* Stride scheduling: the CPU shared in proportion to tickets
 * (docs/labs/scheduler.md, part 2; Waldspurger and Weihl, 1995).
 *
 * Every task holds tickets.  Its stride is STRIDE1 / tickets: the more
 * tickets, the shorter the stride.  Its pass is the sum of the strides it
 * has been charged, one for every timer tick it ran.  The task with the
 * lowest pass runs next, for one tick, and the timer asks for a new choice
 * at every tick.  So a task with twice the tickets advances half as fast
 * and runs twice as often: lottery scheduling's shares, without its
 * randomness.  At every moment each task is within about one tick of its
 * exact share, which is what the grader checks in the scheduler's log.
 *
 * A task that was not ready (asleep, stopped, or just forked) has fallen
 * behind; were its pass kept, it would take the CPU for as long as it took
 * to catch up.  Instead the pass of every ready task is raised to the
 * pass of the last choice when it is looked at: it competes from now on. */
#include <minnow/errno.h>
#include <minnow/sched.h>
#include "proc/stride.h"
#include "proc/sched.h"

#define STRIDE1     (1 << 20)    /* the stride of a task with one ticket */
#define MAX_TICKETS 1000

static int policy = SCHED_ROUND_ROBIN;
static uint64_t last_pass;       /* the pass of the task chosen last */

int stride_active(void)
{
    return policy == SCHED_STRIDE;
}

/* The ready task with the lowest pass (the first in the table of equals). */
struct task_struct *pick_next_stride(void)
{
    struct task_struct *best = NULL;

    for (int i = 1; i < NR_TASKS; i++) {
        struct task_struct *t = &tasks[i];
        if (t->state != TASK_READY && t->state != TASK_RUNNING)
            continue;
        if (t->pass < last_pass)
            t->pass = last_pass;             /* no credit for time away */
        if (!best || t->pass < best->pass)
            best = t;
    }
    if (!best)
        return &tasks[0];
    last_pass = best->pass;
    return best;
}

void stride_charge(struct task_struct *t)
{
    t->pass += STRIDE1 / t->tickets;
}

/* settickets(n): the caller's tickets, 1 to MAX_TICKETS; returns the old
 * number.  Children inherit them.  They count only under SCHED_STRIDE. */
long sys_settickets(int tickets)
{
    int old = current->tickets;

    if (tickets < 1 || tickets > MAX_TICKETS)
        return -EINVAL;
    current->tickets = tickets;
    return old;
}

/* sched_policy(p): the whole system's policy from now on; returns the old
 * one.  Stride starts everyone from the same pass. */
long sys_sched_policy(int new_policy)
{
    int old = policy;

    if (new_policy != SCHED_ROUND_ROBIN && new_policy != SCHED_STRIDE)
        return -EINVAL;
    if (new_policy == SCHED_STRIDE && old != SCHED_STRIDE) {
        for (int i = 0; i < NR_TASKS; i++)
            tasks[i].pass = 0;
        last_pass = 0;
    }
    policy = new_policy;
    return old;
}
