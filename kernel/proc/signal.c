/* Signals, the way the lecture draws them.
 *
 * Sending a signal sets a bit in the target's `pending` set; that is all
 * (plus waking the target if it sleeps).  Receiving happens on EVERY return
 * to user mode, in do_signal(): it computes
 *
 *        pnb = pending & ~blocked
 *
 * and, while pnb is not 0, takes its lowest bit k and acts on signal k:
 * the default action (terminate, core, stop, continue, ignore), ignore, or
 * run the program's handler.  To run a handler the kernel builds a frame
 * on the user stack (the saved registers and the old mask) and changes the
 * saved eip to the handler; when the handler returns it lands in a small
 * stub that calls sigreturn(), which puts the saved registers back.  The
 * frames and sigreturn are in sigframe.c.
 * docs/signals.md follows one signal from kill() to sigreturn(). */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/wait.h>
#include "proc/signal.h"
#include "proc/sched.h"
#include "proc/exit.h"
#include "proc/wait.h"
#include "proc/pgrp.h"
#include "arch/idt.h"
#include "mm/uaccess.h"
#include "lib/printk.h"

#define STOP_SIGNALS (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))

enum default_action { ACT_TERM, ACT_CORE, ACT_IGNORE, ACT_STOP, ACT_CONT };

/* Linux's table of default actions (man 7 signal). */
static enum default_action default_action(int sig)
{
    switch (sig) {
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
    case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return ACT_CORE;
    case SIGCHLD: case SIGURG: case SIGWINCH:
        return ACT_IGNORE;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return ACT_STOP;
    case SIGCONT:
        return ACT_CONT;
    default:
        return ACT_TERM;
    }
}

/* Would delivering sig to t do nothing at all? Such a signal is dropped
 * when it is sent (unless it is blocked: the mask may change later). */
static int signal_ignored(struct task_struct *t, int sig)
{
    sighandler_t h = t->sigaction[sig].sa_handler;

    if (t->blocked & sigmask(sig))
        return 0;
    if (h == SIG_IGN)
        return 1;
    return h == SIG_DFL && default_action(sig) == ACT_IGNORE;
}

/* ---------------------------------------------------------------- sending */

/* t stopped or continued (status says which, as wait() would): SIGCHLD
 * for its parent, unless the parent asked not to hear of stops and
 * continues (SA_NOCLDSTOP); a wait() wakes anyway. */
static void notify_parent_stop_cont(struct task_struct *t, int status)
{
    struct task_struct *parent = t->parent;

    if (parent && !(parent->sigaction[SIGCHLD].sa_flags & SA_NOCLDSTOP))
        notify_parent(t, status);
    else if (parent)
        wake_up(parent);
}

/* What a signal from the kernel itself says of its sender: nothing. */
static const struct ksiginfo kernel_info = { .code = SI_KERNEL };

void send_signal(struct task_struct *t, int sig)
{
    send_signal_info(t, sig, &kernel_info);
}

/* Sends sig; info is what an SA_SIGINFO handler will be told about it. */
void send_signal_info(struct task_struct *t, int sig, const struct ksiginfo *info)
{
    if (t->state == TASK_ZOMBIE || t->state == TASK_UNUSED)
        return;
    /* init gets only the signals it has handlers for, so that no one can
     * kill it by accident */
    if (t->pid == 1 && t->sigaction[sig].sa_handler == SIG_DFL)
        return;
    if (sig == SIGCONT || sig == SIGKILL) {
        t->pending &= ~STOP_SIGNALS;
        if (t->state == TASK_STOPPED) {     /* SIGCONT resumes it */
            t->state = TASK_READY;
            if (sig == SIGCONT) {           /* (SIGKILL: its death is the news) */
                t->continued = 1;
                notify_parent_stop_cont(t, 0xffff);
            }
        }
    } else if (sigmask(sig) & STOP_SIGNALS) {
        t->pending &= ~sigmask(SIGCONT);
    }
    if (signal_ignored(t, sig))
        return;
    /* a signal is pending once, however often it is sent: the first
     * sender is the one a handler hears of (as Linux, for signals 1..31) */
    if (!(t->pending & sigmask(sig)))
        t->siginfo[sig] = *info;
    t->pending |= sigmask(sig);
    if (!(t->blocked & sigmask(sig)))
        wake_up_task(t);                    /* a blocking call returns EINTR */
}

static int kill_pgrp_info(pid_t pgid, int sig, const struct ksiginfo *info)
{
    int found = 0;

    for (int i = 1; i < NR_TASKS; i++) {
        struct task_struct *t = &tasks[i];
        if (t->state != TASK_UNUSED && t->pgid == pgid) {
            found = 1;
            if (sig)
                send_signal_info(t, sig, info);
        }
    }
    return found ? 0 : -ESRCH;
}

int kill_pgrp(pid_t pgid, int sig)
{
    return kill_pgrp_info(pgid, sig, &kernel_info);
}

/* kill(pid, sig): pid > 0 that process; 0 the caller's process group;
 * -1 everyone but init and the caller; < -1 the process group -pid.
 * sig 0 sends nothing but still says whether the target exists. */
long sys_kill(pid_t pid, int sig)
{
    struct ksiginfo info = { .code = SI_USER, .pid = current->pid };

    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    if (pid > 0) {
        struct task_struct *t = find_task(pid);
        if (!t)
            return -ESRCH;
        if (sig)
            send_signal_info(t, sig, &info);
        return 0;
    }
    if (pid == 0)
        return kill_pgrp_info(current->pgid, sig, &info);
    if (pid < -1)
        return kill_pgrp_info(-pid, sig, &info);
    int found = 0;
    for (int i = 1; i < NR_TASKS; i++) {
        struct task_struct *t = &tasks[i];
        if (t->state != TASK_UNUSED && t != current && t->pid != 1) {
            found = 1;
            if (sig)
                send_signal_info(t, sig, &info);
        }
    }
    return found ? 0 : -ESRCH;
}

/* tkill(tid, sig) and tgkill(tgid, tid, sig): a signal to one thread
 * (glibc's raise() and abort() use tgkill).  A Minnow process has one
 * thread, whose tid is the pid; so tid names a process, and tgid must be
 * that same pid.  A handler sees si_code SI_TKILL. */
static long kill_thread(pid_t tgid, pid_t tid, int sig)
{
    struct ksiginfo info = { .code = SI_TKILL, .pid = current->pid };
    struct task_struct *t = find_task(tid);

    if (tid <= 0 || sig < 0 || sig >= NSIG)
        return -EINVAL;
    if (!t || t->state == TASK_ZOMBIE || (tgid && t->pid != tgid))
        return -ESRCH;
    if (sig)
        send_signal_info(t, sig, &info);
    return 0;
}

long sys_tkill(pid_t tid, int sig)
{
    return kill_thread(0, tid, sig);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
    if (tgid <= 0)
        return -EINVAL;
    return kill_thread(tgid, tid, sig);
}

void force_signal(int sig)
{
    force_signal_info(sig, &kernel_info);
}

void force_signal_info(int sig, const struct ksiginfo *info)
{
    struct sigaction *sa = &current->sigaction[sig];

    if (sa->sa_handler == SIG_IGN || (current->blocked & sigmask(sig))) {
        sa->sa_handler = SIG_DFL;           /* cannot be ignored away */
        current->blocked &= ~sigmask(sig);
    }
    if (current->pid == 1 && sa->sa_handler == SIG_DFL) {
        printk("init: fatal signal %d\n", sig);
        do_exit(sig);
    }
    if (!(current->pending & sigmask(sig)))
        current->siginfo[sig] = *info;
    current->pending |= sigmask(sig);
}

/* ---------------------------------------------------------------- receiving */

/* A system call interrupted by this signal: restart it, or make it fail
 * with EINTR.  Without a handler (the signal was ignored, or stopped and
 * continued the process) it always restarts; with one, SA_RESTART decides
 * for ERESTARTSYS, and ERESTARTNOHAND (pause, sigsuspend, nanosleep) always
 * fails with EINTR, as in Linux.  Only a call that asked for it
 * (request_restart) is touched: any other result in eax is a real one,
 * even if it reads -512 (the old handler signal() returns, or the eax that
 * sigreturn puts back). */
static void handle_restart(struct pt_regs *regs, struct sigaction *sa)
{
    int restart;

    if (regs->trapno != T_SYSCALL || !current->restart_requested)
        return;
    current->restart_requested = 0;         /* decided, once */
    if (regs->eax == (uint32_t)-ERESTARTSYS)
        restart = !sa || (sa->sa_flags & SA_RESTART);
    else if (regs->eax == (uint32_t)-ERESTARTNOHAND)
        restart = !sa;
    else
        return;
    if (restart) {
        regs->eax = current->syscall_nr;
        regs->eip -= 2;                     /* back onto the "int $0x80" */
    } else {
        regs->eax = -EINTR;
        current->restart_end = 0;           /* nanosleep is over, not resumed */
    }
}

static void stop_current(int sig)
{
    current->state = TASK_STOPPED;
    current->exit_code = (sig << 8) | 0x7f;
    current->stop_reported = 0;
    current->continued = 0;                 /* an old SIGCONT is news no more */
    notify_parent_stop_cont(current, current->exit_code);
    schedule();                             /* until SIGCONT */
}

/* The default action; returns only if the process goes on. */
static void do_default(int sig)
{
    switch (default_action(sig)) {
    case ACT_TERM:
        do_exit(sig);
    case ACT_CORE:
        do_exit(sig | 0x80);                /* WCOREDUMP: "core dumped" */
    case ACT_STOP:
        /* POSIX: Ctrl-Z does not stop an orphaned group, which no shell
         * would ever continue.  (SIGTTIN/SIGTTOU still stop: the tty
         * retries a background read after them, so it must fail with EIO
         * itself for such a group; SIGSTOP always stops.) */
        if (sig != SIGTSTP || !pgrp_orphaned(current->pgid, NULL))
            stop_current(sig);
        break;
    case ACT_IGNORE:
    case ACT_CONT:
        break;
    }
}

static int lowest_signal(sigset_t set)
{
    int sig = 1;

    while (!(set & 1)) {
        set >>= 1;
        sig++;
    }
    return sig;
}

void do_signal(struct pt_regs *regs)
{
    sigset_t pnb;

    while ((pnb = current->pending & ~current->blocked) != 0) {
        int sig = lowest_signal(pnb);
        struct sigaction *sa = &current->sigaction[sig];

        current->pending &= ~sigmask(sig);
        if (sa->sa_handler == SIG_IGN)
            continue;
        if (sa->sa_handler == SIG_DFL) {
            do_default(sig);
            continue;
        }
        /* Run the handler, with sig (unless SA_NODEFER) and sa_mask blocked. */
        handle_restart(regs, sa);
        sigset_t old_mask = current->restore_mask ? current->saved_mask : current->blocked;
        if (setup_signal_frame(sig, sa, regs, old_mask) < 0) {
            printk("pid %d (%s): no room on the stack for a signal frame\n",
                   current->pid, current->name);
            do_exit(SIGSEGV);
        }
        current->restore_mask = 0;
        current->blocked |= sa->sa_mask;
        if (!(sa->sa_flags & SA_NODEFER))
            current->blocked |= sigmask(sig);
        current->blocked &= ~UNBLOCKABLE;
        if (sa->sa_flags & SA_RESETHAND)
            sa->sa_handler = SIG_DFL;
        return;                             /* the next one after sigreturn */
    }
    handle_restart(regs, NULL);
    if (current->restore_mask) {            /* sigsuspend ran no handler */
        current->blocked = current->saved_mask;
        current->restore_mask = 0;
    }
}

/* exec: handlers belong to the old program, so caught signals go back to
 * SIG_DFL; ignored ones stay ignored; the mask and pending set stay. */
void signals_exec(struct task_struct *t)
{
    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction *sa = &t->sigaction[sig];
        if (sa->sa_handler != SIG_IGN)
            sa->sa_handler = SIG_DFL;
        sa->sa_flags = 0;
        sa->sa_mask = 0;
        sa->sa_restorer = NULL;
    }
}
