/* fork(), vfork() and clone(): a new process that is a copy of the caller.
 *
 * "fork returns twice": the parent gets the child's pid from sys_fork; the
 * child starts life in ret_from_fork (entry.asm) with a copy of the
 * parent's user registers, except eax = 0, and returns to user mode at the
 * same instruction as the parent.  docs/fork.md follows it step by step. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/sched.h>
#include "proc/fork.h"
#include "arch/tls.h"
#include "proc/signal.h"
#include "proc/resource.h"
#include "proc/sched.h"
/* LAB(scheduler) BEGIN */
#include "proc/stride.h"
/* LAB(scheduler) END */
#include "mm/mm.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/uaccess.h"

void ret_from_fork(void);             /* entry.asm */
void enter_user_mode(struct pt_regs *regs);   /* entry.asm */

/* Lays out a new task's kernel stack: room for its user registers at the
 * top, and below them what switch_context pops, so that the first switch
 * to the task "returns" into `entry`. */
static void prepare_kernel_stack(struct task_struct *t, void (*entry)(void))
{
    uint32_t *sp = (uint32_t *)kstack_top(t);

    sp -= sizeof(struct pt_regs) / 4;
    t->regs = (struct pt_regs *)sp;
    *--sp = (uint32_t)entry;              /* where switch_context's ret goes */
    *--sp = 0;                            /* ebp */
    *--sp = 0;                            /* ebx */
    *--sp = 0;                            /* esi */
    *--sp = 0;                            /* edi */
    t->kesp = (uint32_t)sp;
}

/* Makes child the youngest child of parent. */
void add_child(struct task_struct *parent, struct task_struct *child)
{
    child->parent = parent;
    child->sibling = parent->children;
    parent->children = child;
}

/* Takes child off parent's list of children. */
void unlink_child(struct task_struct *parent, struct task_struct *child)
{
    struct task_struct **pp = &parent->children;

    while (*pp != child)
        pp = &(*pp)->sibling;
    *pp = child->sibling;
}

/* A child with CLONE_CHILD_SETTID starts here instead of ret_from_fork:
 * its tid goes into its own memory, which only it can reach (Linux's
 * schedule_tail does the same).  A bad address is ignored, as in Linux. */
static void child_start_settid(void)
{
    pid_t tid = current->pid;

    copy_to_user((void *)current->set_child_tid, &tid, sizeof(tid));
    enter_user_mode(current->regs);
}

/* The flags clone() accepts.  Everything that would share something
 * between parent and child -- memory (CLONE_VM alone: a thread), files,
 * handlers, a thread group, namespaces -- needs more than Minnow's
 * processes have, and is EINVAL.  CLONE_VM with CLONE_VFORK is vfork(),
 * which Minnow gives with copied memory (see sys_vfork). */
#define CLONE_SUPPORTED (CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | \
                         CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED | \
                         CLONE_UNTRACED | CLONE_SETTLS)

static long check_clone_flags(unsigned long flags)
{
    if (flags & ~CLONE_SUPPORTED)
        return -EINVAL;
    if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
        return -EINVAL;                   /* a thread: it would share memory */
    if ((flags & CSIGNAL) >= NSIG)
        return -EINVAL;
    return 0;
}

/* vfork: the parent sleeps until the child has exec'd or exited
 * (leave_address_space wakes it).  Only SIGKILL and SIGSTOP end the sleep
 * early, as Linux's killable wait: every other signal stays pending
 * meanwhile and is delivered after it. */
static void wait_for_vfork_done(struct task_struct *child)
{
    sigset_t blocked = current->blocked;

    current->blocked = ~UNBLOCKABLE;
    /* the child's slot stays in the table even if it was reaped: the
     * test reads a field that exit cleared */
    while (child->vfork_parent == current && sleep_on(&child->vfork_parent) == 0)
        ;
    current->blocked = blocked;
}

/* The child that fork, vfork and clone make: a copy of the caller.
 * flags are clone()'s (fork: SIGCHLD); newsp, if not 0, is the child's
 * stack pointer. */
static long do_fork(unsigned long flags, uint32_t newsp, pid_t *parent_tid, pid_t *child_tid,
                    struct user_desc *tls)
{
    struct task_struct *parent = current;
    struct task_struct *child;
    uint64_t child_tls[3];
    long err = check_clone_flags(flags);

    if (err < 0)
        return err;
    /* the child's thread-local storage: the parent's, and with CLONE_SETTLS
     * one descriptor more, checked now, before anything is made */
    memcpy(child_tls, parent->tls, sizeof(child_tls));
    if ((flags & CLONE_SETTLS) && (err = tls_set_entry(child_tls, tls)) < 0)
        return err;
    if ((err = alloc_task(&child)) < 0)   /* table full: -EAGAIN */
        return err;
    if (mm_copy(&child->mm, &parent->mm) < 0) {
        free_task(child);
        return -ENOMEM;
    }
    memcpy(child->name, parent->name, sizeof(child->name));
    child->priority = parent->priority;
    /* LAB(scheduler) BEGIN */
    child->nice = parent->nice;
    child->tickets = parent->tickets;
    /* LAB(scheduler) END */
    /* LAB(syscall) BEGIN */
    child->trace_mask = parent->trace_mask;   /* its count of calls starts at 0 */
    /* LAB(syscall) END */
    child->counter = parent->counter;     /* share the rest of the slice... */
    parent->counter = (parent->counter + 1) / 2;
    child->counter -= parent->counter;    /* ...so forking cannot gain CPU */
    child->exit_signal = flags & CSIGNAL;
    child->pgid = parent->pgid;
    child->sid = parent->sid;
    /* the FPU registers as they are now (the parent's fpu_state may be
     * older than the registers it still holds) */
    fpu_flush(parent);
    memcpy(child->fpu_state, parent->fpu_state, FPU_STATE_SIZE);
    memcpy(child->tls, child_tls, sizeof(child->tls));

    files_fork(child, parent);            /* same open files, shared offsets */
    child->cwd = inode_get(parent->cwd);
    child->umask = parent->umask;
    memcpy(child->rlim, parent->rlim, sizeof(child->rlim));

    /* Signals: the same dispositions and mask; nothing pending. */
    memcpy(child->sigaction, parent->sigaction, sizeof(child->sigaction));
    child->blocked = parent->blocked;

    if (flags & CLONE_CHILD_SETTID)
        child->set_child_tid = (uint32_t)child_tid;
    if (flags & CLONE_CHILD_CLEARTID)
        child->clear_child_tid = (uint32_t)child_tid;
    prepare_kernel_stack(child, child->set_child_tid ? child_start_settid : ret_from_fork);
    *child->regs = *parent->regs;         /* the same user registers... */
    child->regs->eax = 0;                 /* fork returns 0 in the child */
    if (newsp)
        child->regs->esp = newsp;         /* clone: the child's own stack */
    add_child(parent, child);
    child->state = TASK_READY;
    if (flags & CLONE_PARENT_SETTID)      /* a bad address is ignored, as in Linux */
        copy_to_user(parent_tid, &child->pid, sizeof(pid_t));
    if (flags & CLONE_VFORK) {
        child->vfork_parent = parent;
        pid_t pid = child->pid;           /* the child may be gone when we wake */
        wait_for_vfork_done(child);
        return pid;
    }
    return child->pid;                    /* ...and the child's pid in the parent */
}

long sys_fork(void)
{
    return do_fork(SIGCHLD, 0, NULL, NULL, NULL);
}

/* vfork(): a child for exec, the parent asleep until the child has
 * exec'd or exited.  On Linux the child borrows the parent's memory
 * meanwhile (so vfork costs no page tables); Minnow copies it, as fork
 * does: what the child writes before exec, the parent never sees.  A
 * program written for vfork (which may only exec or _exit) cannot tell. */
long sys_vfork(void)
{
    return do_fork(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL, NULL);
}

/* clone(flags, newsp, parent_tid, tls, child_tid), Linux i386's order.
 * Minnow takes what fork and vfork are made of (glibc's fork() is
 * clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, NULL,
 * NULL, &tid)); CLONE_VM without CLONE_VFORK (threads) and every flag
 * that shares something is EINVAL (check_clone_flags). */
long sys_clone(unsigned long flags, void *newsp, pid_t *parent_tid, void *tls, pid_t *child_tid)
{
    return do_fork(flags, (uint32_t)newsp, parent_tid, child_tid, tls);
}

/* set_tid_address(tidptr): at exit, 0 goes to *tidptr (as with
 * CLONE_CHILD_CLEARTID).  Returns the caller's tid: Minnow's processes
 * have one thread each, so it is the pid.  glibc calls it at start-up. */
long sys_set_tid_address(pid_t *tidptr)
{
    current->clear_child_tid = (uint32_t)tidptr;
    return current->pid;
}

/* t lets go of its address space: it exits, or exec replaces it.  Two
 * things wait for that moment (Linux's mm_release): at exit, the word
 * that CLONE_CHILD_CLEARTID or set_tid_address named becomes 0 (a thread
 * library's join waits for it; with memory that is never shared, only
 * the dying process itself could see it); and a parent asleep in vfork()
 * wakes up.  Called while t's memory is still the current one. */
void leave_address_space(struct task_struct *t, int exiting)
{
    if (t->clear_child_tid && exiting) {
        pid_t zero = 0;
        copy_to_user((void *)t->clear_child_tid, &zero, sizeof(zero));
    }
    t->clear_child_tid = 0;
    t->set_child_tid = 0;
    if (t->vfork_parent) {
        t->vfork_parent = NULL;
        wake_up(&t->vfork_parent);
    }
}

/* Starts a task that runs fn in the kernel, for init's first exec. */
struct task_struct *kernel_thread(void (*fn)(void))
{
    struct task_struct *t;

    if (alloc_task(&t) < 0)
        return NULL;
    prepare_kernel_stack(t, fn);
    t->priority = DEFAULT_PRIORITY;
    /* LAB(scheduler) BEGIN */
    t->tickets = DEFAULT_TICKETS;
    /* LAB(scheduler) END */
    rlimits_init(t);
    t->umask = 022;
    t->state = TASK_READY;
    return t;
}
