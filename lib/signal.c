/* Signals: installing handlers, blocking, waiting.
 *
 * The kernel keeps, per process, a set of pending signals, a set of
 * blocked signals and one action per signal.  sigset_t is 64 bits:
 * signal n is bit (n - 1).  The rt_ system calls (174..179) take the
 * size of the set, 8 bytes.
 *
 * Every handler returns to __sigreturn_stub (lib/sigreturn.asm), which
 * makes the sigreturn system call, or an SA_SIGINFO handler to
 * __rt_sigreturn_stub (rt_sigreturn); sigaction sets that up. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

#define SETSIZE sizeof(sigset_t)       /* 8 */

void __sigreturn_stub(void);
void __rt_sigreturn_stub(void);

/* ---- sets of signals ---- */
static int valid(int sig)
{
    if (sig < 1 || sig >= NSIG) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

static sigset_t bit(int sig)
{
    return (sigset_t)1 << (sig - 1);
}

int sigemptyset(sigset_t *set)
{
    *set = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    *set = ~(sigset_t)0;
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (!valid(sig))
        return -1;
    *set |= bit(sig);
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (!valid(sig))
        return -1;
    *set &= ~bit(sig);
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (!valid(sig))
        return -1;
    return (*set & bit(sig)) != 0;
}

/* ---- actions ---- */

/* The handler returns through our stub: sigreturn's, or for an
 * SA_SIGINFO handler (three arguments, Linux's rt frame) rt_sigreturn's. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    struct sigaction k;

    if (act) {
        k = *act;
        k.sa_flags |= SA_RESTORER;
        k.sa_restorer = act->sa_flags & SA_SIGINFO ? __rt_sigreturn_stub : __sigreturn_stub;
    }
    return (int)__syscall_ret(__syscall4(__NR_rt_sigaction, sig,
                                         (long)(act ? &k : NULL), (long)old, SETSIZE));
}

/* signal() with BSD semantics: the handler stays installed after it runs
 * (no SA_RESETHAND), the signal is blocked while its handler runs, and
 * a slow system call (read from a terminal, wait) that the signal
 * interrupted is restarted (SA_RESTART). */
sighandler_t signal(int sig, sighandler_t handler)
{
    struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART };
    struct sigaction old;

    sigemptyset(&act.sa_mask);
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

/* ---- the blocked set, pending signals, waiting ---- */
int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    return (int)__syscall_ret(__syscall4(__NR_rt_sigprocmask, how, (long)set,
                                         (long)old, SETSIZE));
}

int sigpending(sigset_t *set)
{
    return (int)__syscall_ret(__syscall2(__NR_rt_sigpending, (long)set, SETSIZE));
}

/* Replaces the blocked set by mask and sleeps until a signal is handled;
 * always returns -1 with errno EINTR. */
int sigsuspend(const sigset_t *mask)
{
    return (int)__syscall_ret(__syscall2(__NR_rt_sigsuspend, (long)mask, SETSIZE));
}

int raise(int sig)
{
    return kill(getpid(), sig);
}
