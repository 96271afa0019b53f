#ifndef PROC_SIGNAL_H
#define PROC_SIGNAL_H

#include "proc/task.h"

/* Kernel-internal, like ERESTARTSYS: restart the call if no handler runs
 * (after a stop and SIGCONT, or an ignored signal), else fail with EINTR. */
#define ERESTARTNOHAND 514

static inline sigset_t sigmask(int sig)
{
    return 1ull << (sig - 1);
}

/* A blocking system call that a signal interrupted returns
 *
 *         return request_restart(-ERESTARTSYS);      (or -ERESTARTNOHAND)
 *
 * and handle_restart() (signal.c) restarts it or makes it fail with EINTR.
 * The number alone cannot say so: signal() returns the old handler and
 * ssetmask() the old mask, values the program chose, and such a real
 * result may be -512 as well.  So the request is noted in the task too
 * (the dispatcher clears the note before every call), and only the two
 * together restart a call. */
static inline int request_restart(int code)
{
    current->restart_requested = 1;
    return code;
}

/* SIGKILL and SIGSTOP can never be blocked (or caught, or ignored). */
#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* Is a signal waiting that the task does not block? */
static inline int signal_pending(struct task_struct *t)
{
    return (t->pending & ~t->blocked) != 0;
}

/* Sending: the kernel "modifies the context of the target" by setting a
 * bit in its pending set (and waking it if it sleeps). */
void send_signal(struct task_struct *t, int sig);       /* from the kernel */
/* ... with what an SA_SIGINFO handler will be told of it (who sent it) */
void send_signal_info(struct task_struct *t, int sig, const struct ksiginfo *info);
int kill_pgrp(pid_t pgid, int sig);
/* A CPU exception in user mode: the signal cannot be blocked or ignored
 * away (a blocked or ignored SIGSEGV kills, as in Linux). */
void force_signal(int sig);
void force_signal_info(int sig, const struct ksiginfo *info);

/* sigsuspend, ppoll and pselect6 wait with a mask of their caller's
 * (proc/sigcalls.c); the old one comes back after the handler, or by
 * restore_saved_mask if the call ends without a signal. */
int set_temporary_mask(const sigset_t *umask, size_t setsize);
void restore_saved_mask(void);

/* Receiving: on every return to user mode. */
void do_signal(struct pt_regs *regs);
void signals_exec(struct task_struct *t);

/* The frame a handler runs on (proc/sigframe.c): the old one, or with
 * SA_SIGINFO Linux's rt frame; -EFAULT if the user stack cannot take it. */
int setup_signal_frame(int sig, struct sigaction *sa, struct pt_regs *regs, sigset_t old_mask);

#endif
