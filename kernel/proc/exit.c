/* The end of a process: exit().
 *
 * An exiting process gives back everything it can at once (memory, files,
 * cwd) and becomes a ZOMBIE: just a table slot holding its exit status,
 * until its parent collects it with wait() (proc/wait.c).  Its children
 * are handed to init (pid 1), which waits for orphans in a loop. */
#include <minnow/errno.h>
#include <minnow/wait.h>
#include "proc/task.h"
#include "proc/exit.h"
#include "proc/wait.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/fork.h"
#include "proc/pgrp.h"
#include "mm/mm.h"
#include "mm/uaccess.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "lib/printk.h"
#include "lib/cmdline.h"
#include "arch/power.h"
#include "drv/tty.h"

static struct task_struct *init_task(void)
{
    return find_task(1);
}

/* The orphans of t go to init; zombies among them wake init up. */
static void reparent_children(struct task_struct *t)
{
    struct task_struct *init = init_task();

    while (t->children) {
        struct task_struct *child = t->children;
        t->children = child->sibling;
        add_child(init, child);
        child->exit_signal = SIGCHLD;    /* what init waits for (as Linux) */
        if (child->state == TASK_ZOMBIE)
            wake_up(init);
    }
}

/* POSIX: a parent that sets SIGCHLD to SIG_IGN (or SA_NOCLDWAIT) wants no
 * zombies.  Its exited child goes to init, which reaps it; the parent's
 * wait() ends with ECHILD once it has no child left. */
static int parent_wants_no_zombies(struct task_struct *t)
{
    if (!t->parent || t->parent == init_task() || t->exit_signal != SIGCHLD)
        return 0;
    struct sigaction *sa = &t->parent->sigaction[SIGCHLD];
    return sa->sa_handler == SIG_IGN || (sa->sa_flags & SA_NOCLDWAIT);
}

static void give_zombie_to_init(struct task_struct *t)
{
    struct task_struct *parent = t->parent;

    unlink_child(parent, t);
    add_child(init_task(), t);
    wake_up(init_task());
    wake_up(parent);                 /* its wait() may now have no child */
}

void do_exit(int status)
{
    struct task_struct *t = current;

    if (t->pid == 1) {
        /* Without init nobody reaps orphans; Linux panics here.  Minnow
         * says what happened and stops the machine instead. */
        printk("init exited (status %#x): halting\n", status);
        qemu_exit(cmdline_get("test") ? QEMU_EXIT_FAILED : QEMU_EXIT_DONE);
    }
    leave_address_space(t, 1);       /* CLONE_CHILD_CLEARTID, a vfork parent */
    files_exit(t);
    inode_put(t->cwd);
    t->cwd = NULL;
    switch_pgdir(kernel_pgdir);      /* we are about to free the one in use */
    mm_release(&t->mm);
    t->alarm = 0;
    if (t->sid == t->pid)
        tty_session_ended(t->sid);   /* a login shell exits: SIGHUP */
    kill_orphaned_pgrps(t);          /* before its children go to init */
    reparent_children(t);
    t->exit_code = status;
    t->state = TASK_ZOMBIE;
    if (parent_wants_no_zombies(t))
        give_zombie_to_init(t);
    else
        notify_parent(t, status);
    schedule();
    panic("a zombie was scheduled");
}

long sys_exit(int code)
{
    do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
    do_exit((code & 0xff) << 8);
}
