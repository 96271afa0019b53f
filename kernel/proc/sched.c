/* The scheduler: who gets the CPU next.
 *
 * Round-robin: schedule() looks at the task table starting after the
 * current task and takes the first one that is ready.  Each task runs for
 * a time slice of `priority` timer ticks; when the slice is spent the
 * timer sets need_resched and the task is switched out on its way back to
 * user mode (ret_to_user).  A task that blocks calls schedule() itself.
 * When no task is ready, the idle task (tasks[0]) halts the CPU until the
 * next interrupt.
 *
 * The kernel is not preemptible: a task in the kernel keeps the CPU until
 * it blocks or returns to user mode, and interrupts are off meanwhile, so
 * nothing here needs a lock. */
#include <string.h>
#include <minnow/errno.h>
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/schedlog.h"
/* LAB(signals) BEGIN */
#include "proc/sigalarm.h"
/* LAB(signals) END */
/* LAB(scheduler) BEGIN */
#include "proc/stride.h"
/* LAB(scheduler) END */
#include "arch/gdt.h"
#include "arch/irq.h"
#include "arch/tls.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "mm/paging.h"
#include "lib/printk.h"

struct task_struct tasks[NR_TASKS];
struct task_struct *current = &tasks[0];
static int need_resched;
static void wake_sleeper(struct task_struct *t);

extern char boot_stack[];                     /* boot/boot.asm */
void switch_context(uint32_t *prev_esp, uint32_t next_esp);  /* entry.asm */

void sched_init(void)
{
    struct task_struct *idle = &tasks[0];

    idle->pid = 0;
    strlcpy(idle->name, "idle", sizeof(idle->name));
    idle->state = TASK_RUNNING;
    idle->kstack = boot_stack;                /* kmain's stack becomes idle's */
    *(uint32_t *)boot_stack = STACK_MAGIC;
    idle->priority = DEFAULT_PRIORITY;
}

/* The next task to run: the first ready one after `current`, going round
 * the table; `current` itself comes last; the idle task if nobody is ready. */
static struct task_struct *pick_next_task(void)
{
    int start = current - tasks;

    /* LAB(scheduler) BEGIN */
    if (stride_active())
        return pick_next_stride();
    /* LAB(scheduler) END */
    for (int i = 1; i <= NR_TASKS; i++) {
        struct task_struct *t = &tasks[(start + i) % NR_TASKS];
        if (t != &tasks[0] && (t->state == TASK_READY || t->state == TASK_RUNNING))
            return t;
    }
    return &tasks[0];
}

static void switch_to(struct task_struct *next)
{
    struct task_struct *prev = current;

    if (*(uint32_t *)prev->kstack != STACK_MAGIC)
        panic("kernel stack overflow in pid %d (%s)", prev->pid, prev->name);
    if (prev->state == TASK_RUNNING)
        prev->state = TASK_READY;
    next->state = TASK_RUNNING;
    schedlog_switch(prev->pid, next->pid);
    current = next;
    tss_set_kernel_stack(kstack_top(next));   /* where its next trap lands */
    tls_switch(prev, next);
    switch_pgdir(next->mm.pgdir ? next->mm.pgdir : kernel_pgdir);
    fpu_switch(next);                   /* lazily: arch/fpu.c */
    switch_context(&prev->kesp, next->kesp);
    /* ...and much later, when someone switches back to prev, here we are. */
}

/* The heart of the lecture's "a process appears to own the CPU": pick the
 * next task and switch to it.  A good first breakpoint. */
void schedule(void)
{
    struct task_struct *next = pick_next_task();

    need_resched = 0;
    if (next->counter <= 0)
        next->counter = next->priority;       /* a fresh time slice */
    if (next != current)
        switch_to(next);
}

/* LAB(scheduler) BEGIN */
/* nice(inc): a process makes itself nicer (never less nice: EPERM), up to
 * 19, and so shortens its time slice, as in Linux 0.11: 5 ticks at nice 0
 * to 3, down to 1 tick at 16 to 19.  The new slice starts with the next
 * one.  Returns the new nice value. */
long sys_nice(int inc)
{
    if (inc < 0)
        return -EPERM;
    if (inc > 19 - current->nice)            /* no overflow, however big */
        inc = 19 - current->nice;
    current->nice += inc;
    current->priority = DEFAULT_PRIORITY - current->nice / 4;
    return current->nice;
}
/* LAB(scheduler) END */

void resched_if_needed(void)
{
    if (need_resched)
        schedule();
}

/* The same, but from the middle of a long job in the kernel (a megabyte
 * written to the console): the kernel is not preemptible, so without this
 * such a job would keep the CPU until it returns to user mode, long after
 * its time slice is spent.  Call it only where nothing is half-changed,
 * between two pieces of the work.  The task stays runnable: switch_to()
 * makes it TASK_READY and it runs again at its next turn.  A task that has
 * already made itself TASK_INTERRUPTIBLE (about to sleep) is left alone:
 * schedule() would put it to sleep with nobody to wake it. */
void cond_resched(void)
{
    if (need_resched && current->state == TASK_RUNNING && !current->atomic)
        schedule();
}

/* tasks[0] ends up here after boot: wait for work, forever. */
void cpu_idle(void)
{
    for (;;) {
        schedule();
        sti();
        hlt();                                /* until the next interrupt */
        cli();
    }
}

struct cpu_times cpu_times;

/* Every timer tick: charge the running task (and the CPU's user, system
 * or idle time), and wake the sleepers whose time has come. */
void do_timer(int user)
{
    if (current != &tasks[0]) {
        current->ticks++;
        if (!user)
            current->stime++;
        if (user)
            cpu_times.user++;
        else
            cpu_times.system++;
        if (--current->counter <= 0)
            need_resched = 1;
        /* LAB(signals) BEGIN */
        sigalarm_tick(current);
        /* LAB(signals) END */
        /* LAB(scheduler) BEGIN */
        if (stride_active()) {
            stride_charge(current);
            need_resched = 1;                 /* choose again at every tick */
        }
        /* LAB(scheduler) END */
    } else {
        cpu_times.idle++;
    }
    calc_load();
    for (int i = 1; i < NR_TASKS; i++) {
        struct task_struct *t = &tasks[i];
        if (t->state == TASK_UNUSED)
            continue;
        if (t->timeout && time_after_eq(jiffies, t->timeout)) {
            t->timeout = 0;
            wake_sleeper(t);
        }
        if (t->alarm && time_after_eq(jiffies, t->alarm)) {
            t->alarm = 0;
            send_signal(t, SIGALRM);
        }
    }
}

/* A signal came for t: it wakes only from an interruptible sleep. */
void wake_up_task(struct task_struct *t)
{
    if (t->state == TASK_INTERRUPTIBLE) {
        t->state = TASK_READY;
        need_resched = 1;        /* let it run soon, e.g. a shell after a key */
    }
}

static int is_asleep(struct task_struct *t)
{
    return t->state == TASK_INTERRUPTIBLE || t->state == TASK_UNINTERRUPTIBLE;
}

/* What t waited for came (its channel was woken, or its time is up): it
 * wakes from either kind of sleep. */
static void wake_sleeper(struct task_struct *t)
{
    if (is_asleep(t)) {
        t->state = TASK_READY;
        need_resched = 1;
    }
}

/* The channel poll() and select() sleep on (fs/poll.c).  They wait for
 * any of several files, so every wake_up of any channel wakes them too,
 * and they look at their files again. */
int poll_wait_chan;

/* What each task sleeps on, by its slot in tasks[] (in gdb: p
 * sleeping_on[current - tasks]).  wake_up looks through this one small
 * array, not through every task_struct -- a whole table of those spans
 * dozens of pages, and under QEMU each page touched costs a lookup in its
 * software TLB.  Only a match touches the task. */
static void *sleeping_on[NR_TASKS];

static inline int waits_for(int i, void *chan)
{
    return (sleeping_on[i] == chan || sleeping_on[i] == &poll_wait_chan) &&
           is_asleep(&tasks[i]);
}

void wake_up(void *chan)
{
    for (int i = 1; i < NR_TASKS; i++)
        if (sleeping_on[i] && waits_for(i, chan))
            wake_sleeper(&tasks[i]);
}

/* Wakes the sleepers on chan without asking for a switch: they run when
 * the caller blocks or its time slice ends.  For a producer that will
 * soon block or go on producing (a pipe's writer filling the pipe): were
 * every write to hand the CPU to the reader, each would cost two context
 * switches, where letting the writer fill the pipe first costs two per
 * pipeful.  (Linux's wake_up_interruptible_sync.) */
void wake_up_sync(void *chan)
{
    for (int i = 1; i < NR_TASKS; i++)
        if (sleeping_on[i] && waits_for(i, chan))
            tasks[i].state = TASK_READY;
}

void atomic_enter(void)
{
    current->atomic++;
}

void atomic_leave(void)
{
    current->atomic--;
}

int in_atomic(void)
{
    return in_interrupt() || current->atomic > 0;
}

/* A sleep in an atomic section is a bug of the caller's: whatever it was
 * in the middle of is open to the tasks that run meanwhile.  The sleep
 * goes on (refusing it would leave the caller stuck), but the console
 * says who. */
static void check_may_sleep(void)
{
    if (current->atomic > 0)
        printk("BUG: pid %d (%s) sleeps in an atomic section\n", current->pid, current->name);
}

int sleep_on(void *chan)
{
    if (signal_pending(current))
        return -EINTR;
    check_may_sleep();
    sleeping_on[current - tasks] = chan;
    current->state = TASK_INTERRUPTIBLE;
    schedule();
    sleeping_on[current - tasks] = NULL;
    return signal_pending(current) ? -EINTR : 0;
}

/* Like sleep_on, but wakes up by itself after `ticks` timer ticks. */
int sleep_on_timeout(void *chan, unsigned long ticks)
{
    current->timeout = jiffies + (ticks ? ticks : 1);
    int ret = sleep_on(chan);
    current->timeout = 0;
    return ret;
}

/* A sleep that a signal does not end: for a wait that must not be left
 * half-way, such as a disk transfer into a buffer the kernel will use
 * (Linux's TASK_UNINTERRUPTIBLE, the D state of ps).  Only wake_up(chan)
 * or the timeout (0: none) ends it; the caller checks whether what it
 * waits for has happened and sleeps again if not.  A signal sent meanwhile
 * stays pending until the task is back on its way to user mode. */
void uninterruptible_sleep_on_timeout(void *chan, unsigned long ticks)
{
    check_may_sleep();
    current->timeout = ticks ? jiffies + ticks : 0;
    sleeping_on[current - tasks] = chan;
    current->state = TASK_UNINTERRUPTIBLE;
    schedule();
    sleeping_on[current - tasks] = NULL;
    current->timeout = 0;
}

void uninterruptible_sleep_on(void *chan)
{
    uninterruptible_sleep_on_timeout(chan, 0);
}

void print_current_task(void)
{
    printk("current task: pid %d (%s)\n", current->pid, current->name);
}
