/* Signals.  Numbers, flags and struct sigaction are Linux's, shared with
 * the kernel in <minnow/signal.h>.  sigset_t is 64 bits: signal n is bit
 * (n - 1).  Every handler the C library installs returns through a small
 * stub that makes the sigreturn system call (lib/sigreturn.asm). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <minnow/signal.h>

typedef int sig_atomic_t;

/* An SA_SIGINFO handler's third argument: the interrupted context, in
 * Linux's layout (<minnow/signal.h>): uc_mcontext.eip, .esp, ... */
typedef struct ucontext ucontext_t;

/* BSD semantics: the handler stays installed, and interrupted system calls
 * are restarted (SA_RESTART). */
sighandler_t signal(int sig, sighandler_t handler);

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

int kill(pid_t pid, int sig);
int raise(int sig);
void psignal(int sig, const char *msg);
char *strsignal(int sig);

/* Signal names without "SIG" ("INT" for SIGINT), as kill -l prints them.
 * sig2str fills str (SIG2STR_MAX bytes); str2sig accepts "INT", "SIGINT"
 * or "2".  Both return 0, or -1 for an unknown signal (POSIX 2024). */
#define SIG2STR_MAX 16
int sig2str(int sig, char *str);
int str2sig(const char *str, int *sig);

#endif
