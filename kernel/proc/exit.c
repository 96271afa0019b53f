/* The end of a process: exit() and the parent's wait().
 *
 * An exiting process gives back everything it can at once (memory, files,
 * cwd) and becomes a ZOMBIE: just a table slot holding its exit status,
 * until its parent collects it with wait().  Its children are handed to
 * init (pid 1), which waits for orphans in a loop. */
#include <minnow/errno.h>
#include <minnow/wait.h>
#include "proc/task.h"
#include "proc/exit.h"
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

static void unlink_child(struct task_struct *parent, struct task_struct *child)
{
    struct task_struct **pp = &parent->children;

    while (*pp != child)
        pp = &(*pp)->sibling;
    *pp = child->sibling;
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

/* A wait status as SIGCHLD's siginfo and waitid() tell it: si_code says
 * what happened, si_status the exit code or the signal. */
static void status_to_siginfo(int status, int *code, int *si_status)
{
    if (WIFEXITED(status)) {
        *code = CLD_EXITED;
        *si_status = WEXITSTATUS(status);
    } else if (WIFSTOPPED(status)) {
        *code = CLD_STOPPED;
        *si_status = WSTOPSIG(status);
    } else if (WIFCONTINUED(status)) {
        *code = CLD_CONTINUED;
        *si_status = SIGCONT;
    } else {
        *code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
        *si_status = WTERMSIG(status);
    }
}

/* A child stopped, continued or exited (status says which, as wait() will
 * tell it): the parent hears of it through a signal -- SIGCHLD, or at
 * exit the one clone() chose -- and, if it sleeps in wait(), by being
 * woken up. */
void notify_parent(struct task_struct *t, int status)
{
    struct task_struct *parent = t->parent;
    struct ksiginfo info = { .pid = t->pid };
    int sig = t->state == TASK_ZOMBIE ? t->exit_signal : SIGCHLD;

    if (!parent)
        return;
    status_to_siginfo(status, &info.code, &info.status);
    if (sig)
        send_signal_info(parent, sig, &info);
    wake_up(parent);
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

/* Does child match waitpid's pid argument? */
static int wait_matches(struct task_struct *child, pid_t pid)
{
    if (pid > 0)
        return child->pid == pid;
    if (pid == 0)
        return child->pgid == current->pgid;
    if (pid < -1)
        return child->pgid == -pid;
    return 1;                        /* -1: any child */
}

/* Looks once at the children.  Returns the pid of one to report (its
 * status in *status), 0 if some match but none has news, -ECHILD if none
 * match at all. */
static pid_t check_children(pid_t pid, int options, int *status)
{
    int found = 0;

    for (struct task_struct *c = current->children; c; c = c->sibling) {
        if (!wait_matches(c, pid))
            continue;
        found = 1;
        if (c->state == TASK_ZOMBIE) {
            pid_t child_pid = c->pid;
            *status = c->exit_code;
            current->ticks_children += c->ticks + c->ticks_children;
            unlink_child(current, c);
            free_task(c);            /* the zombie's last trace */
            return child_pid;
        }
        if (c->state == TASK_STOPPED && (options & WUNTRACED) && !c->stop_reported) {
            c->stop_reported = 1;
            *status = c->exit_code;
            return c->pid;
        }
        if (c->continued && (options & WCONTINUED)) {
            c->continued = 0;
            *status = 0xffff;
            return c->pid;
        }
    }
    return found ? 0 : -ECHILD;
}

long sys_waitpid(pid_t pid, int *ustatus, int options)
{
    int status = 0;

    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return -EINVAL;
    if (ustatus && verify_area(ustatus, sizeof(int), 1) < 0)
        return -EFAULT;
    for (;;) {
        pid_t r = check_children(pid, options, &status);
        if (r != 0 || (options & WNOHANG)) {
            if (r > 0 && ustatus)
                copy_to_user(ustatus, &status, sizeof(int));
            return r;
        }
        if (sleep_on(current) < 0)   /* a child wakes us via notify_parent */
            return request_restart(-ERESTARTSYS);
    }
}
