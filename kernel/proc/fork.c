/* fork(): a new process that is a copy of the caller.
 *
 * "fork returns twice": the parent gets the child's pid from sys_fork; the
 * child starts life in ret_from_fork (entry.asm) with a copy of the
 * parent's user registers, except eax = 0, and returns to user mode at the
 * same instruction as the parent.  docs/fork.md follows it step by step. */
#include <string.h>
#include <minnow/errno.h>
#include "proc/fork.h"
#include "proc/sched.h"
#include "mm/mm.h"
#include "fs/file.h"
#include "fs/inode.h"

void ret_from_fork(void);             /* entry.asm */

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

long sys_fork(void)
{
    struct task_struct *parent = current;
    struct task_struct *child;
    int err = alloc_task(&child);         /* table full: -EAGAIN */

    if (err < 0)
        return err;
    if (mm_copy(&child->mm, &parent->mm) < 0) {
        free_task(child);
        return -ENOMEM;
    }
    memcpy(child->name, parent->name, sizeof(child->name));
    child->priority = parent->priority;
    child->counter = parent->counter;     /* share the rest of the slice... */
    parent->counter = (parent->counter + 1) / 2;
    child->counter -= parent->counter;    /* ...so forking cannot gain CPU */
    child->exit_signal = SIGCHLD;
    child->pgid = parent->pgid;
    child->sid = parent->sid;
    /* the x87 registers as they are now (parent->fpu_state is only saved
     * at a switch, so it may be old); fnsave resets them, frstor puts them back */
    __asm__ volatile("fnsave %0\n\tfrstor %0" : "+m"(child->fpu_state));

    files_fork(child, parent);            /* same open files, shared offsets */
    child->cwd = inode_get(parent->cwd);
    child->umask = parent->umask;

    /* Signals: the same dispositions and mask; nothing pending. */
    memcpy(child->sigaction, parent->sigaction, sizeof(child->sigaction));
    child->blocked = parent->blocked;

    prepare_kernel_stack(child, ret_from_fork);
    *child->regs = *parent->regs;         /* the same user registers... */
    child->regs->eax = 0;                 /* fork returns 0 in the child */
    add_child(parent, child);
    child->state = TASK_READY;
    return child->pid;                    /* ...and the child's pid in the parent */
}

/* Starts a task that runs fn in the kernel, for init's first exec. */
struct task_struct *kernel_thread(void (*fn)(void))
{
    struct task_struct *t;

    if (alloc_task(&t) < 0)
        return NULL;
    prepare_kernel_stack(t, fn);
    t->priority = DEFAULT_PRIORITY;
    t->umask = 022;
    t->state = TASK_READY;
    return t;
}
