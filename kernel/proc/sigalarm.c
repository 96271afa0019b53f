/* LAB(signals) FILE */
/* sigalarm(ticks, handler): every `ticks` timer ticks of CPU time that the
 * process uses, the kernel diverts it to handler(); the handler ends with
 * sigalarm_return(), and the interrupted code goes on where it was, every
 * register as it was (docs/labs/signals.md).
 *
 * It works as a signal does (proc/signal.c), on the same road:
 *   - the timer charges the tick (do_timer) and, when the count runs out,
 *     only notes that the handler is due;
 *   - the diversion happens on the way back to user mode (ret_to_user),
 *     the one place where the kernel may change the user's registers: it
 *     keeps a copy of them and points eip at the handler;
 *   - sigalarm_return() puts the copy back, as sigreturn does with a frame.
 * The copy stays in the kernel, not on the user stack as a signal frame
 * does: the program cannot damage it, and there is one at a time, since
 * the handler is never entered again while it runs (its own time does not
 * count).  The x87/SSE registers are not saved: the handler must not
 * compute with floating point (a signal frame saves them; see sigframe.c). */
#include <minnow/errno.h>
#include "proc/sigalarm.h"
#include "mm/uaccess.h"

long sys_sigalarm(int ticks, void (*handler)(void))
{
    if (ticks < 0)
        return -EINVAL;
    current->sigalarm_ticks = ticks;
    current->sigalarm_left = ticks;
    current->sigalarm_handler = (uint32_t)handler;
    current->sigalarm_due = 0;
    return 0;
}

void sigalarm_tick(struct task_struct *t)
{
    if (!t->sigalarm_ticks || t->sigalarm_running || t->sigalarm_due)
        return;
    if (--t->sigalarm_left == 0) {
        t->sigalarm_left = t->sigalarm_ticks;
        t->sigalarm_due = 1;
    }
}

/* The handler starts as if the interrupted code had called it: on a stack
 * aligned as after a call, with a return address of 0 -- a handler that
 * returns instead of calling sigalarm_return() faults, and says so. */
void sigalarm_deliver(struct pt_regs *regs)
{
    uint32_t sp = ((regs->esp - 4) & ~15u) - 4;
    uint32_t no_return = 0;

    if (!current->sigalarm_due || current->sigalarm_running)
        return;
    current->sigalarm_due = 0;
    if (copy_to_user((void *)sp, &no_return, sizeof(no_return)) < 0)
        return;                              /* no stack: try at the next tick */
    current->sigalarm_regs = *regs;
    current->sigalarm_running = 1;
    regs->esp = sp;
    regs->eip = current->sigalarm_handler;
    regs->eflags &= ~(EFLAGS_TF | EFLAGS_DF);    /* as at any call */
}

/* Back to the interrupted code.  The result is the eax it had, which the
 * dispatcher puts back in eax: nothing changed. */
long sys_sigalarm_return(void)
{
    struct pt_regs *regs = current->regs;
    uint32_t trapno = regs->trapno, err = regs->err;

    if (!current->sigalarm_running)
        return -EINVAL;
    *regs = current->sigalarm_regs;
    regs->trapno = trapno;                   /* this trap's, for the way out */
    regs->err = err;
    current->sigalarm_running = 0;
    return regs->eax;
}

void sigalarm_exec(struct task_struct *t)
{
    t->sigalarm_ticks = 0;
    t->sigalarm_due = 0;
    t->sigalarm_running = 0;
}
