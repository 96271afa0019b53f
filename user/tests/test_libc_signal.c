/* Signals through the C library: signal sets, signal() with BSD
 * semantics, sigaction, blocking and pending signals, raise, abort,
 * alarm and pause, and the names and descriptions. */
#include <errno.h>
#include <minnow/test.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void sets(void)
{
    sigset_t s;

    sigemptyset(&s);
    sigaddset(&s, 1);
    check(s == 1, "sigset_bit0", "SIGHUP should be bit 0: 0x%llx", s);
    sigaddset(&s, 64);
    check(s == (1ULL | (1ULL << 63)), "sigset_bit63", "0x%llx", s);
    check(sigismember(&s, 64) == 1 && sigismember(&s, 2) == 0, "sigismember", "wrong");
    sigdelset(&s, 1);
    check(s == 1ULL << 63, "sigdelset", "0x%llx", s);
    sigfillset(&s);
    check(s == ~0ULL, "sigfillset", "0x%llx", s);
    errno = 0;
    check(sigaddset(&s, 0) == -1 && errno == EINVAL && sigaddset(&s, 65) == -1,
          "sigset_invalid", "signal 0 or 65 accepted");
}

static volatile sig_atomic_t caught, last_sig;

static void handler(int sig)
{
    caught++;
    last_sig = sig;
}

static void handlers(void)
{
    caught = 0;
    check(signal(SIGUSR1, handler) == SIG_DFL, "signal_old_default", "not SIG_DFL");
    raise(SIGUSR1);
    check(caught == 1 && last_sig == SIGUSR1, "signal_handler", "caught %d", caught);
    raise(SIGUSR1);                           /* BSD: the handler is still there */
    check(caught == 2, "signal_stays", "caught %d", caught);

    struct sigaction old;
    sigaction(SIGUSR1, NULL, &old);
    check(old.sa_handler == handler && (old.sa_flags & SA_RESTART) &&
          (old.sa_flags & SA_RESTORER) && old.sa_restorer != NULL, "signal_flags",
          "flags 0x%lx", old.sa_flags);
    check(signal(SIGUSR1, SIG_IGN) == handler, "signal_returns_old", "wrong old handler");
    raise(SIGUSR1);
    check(caught == 2, "signal_ignore", "caught %d", caught);
    signal(SIGUSR1, SIG_DFL);
    check(signal(SIGKILL, handler) == SIG_ERR && errno == EINVAL, "signal_sigkill",
          "SIGKILL can be caught?");
}

static void blocking(void)
{
    sigset_t block, old, pending;

    caught = 0;
    signal(SIGUSR2, handler);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, &old);
    kill(getpid(), SIGUSR2);
    sigpending(&pending);
    check(caught == 0 && sigismember(&pending, SIGUSR2) == 1, "sigprocmask_block",
          "caught %d, pending %d", caught, sigismember(&pending, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);     /* delivered now */
    sigpending(&pending);
    check(caught == 1 && sigismember(&pending, SIGUSR2) == 0, "sigprocmask_unblock",
          "caught %d", caught);
    signal(SIGUSR2, SIG_DFL);
}

/* alarm delivers SIGALRM a second later; pause returns after the handler. */
static void alarm_pause(void)
{
    caught = 0;
    signal(SIGALRM, handler);
    alarm(1);
    int r = pause();
    check(r == -1 && errno == EINTR && caught == 1 && last_sig == SIGALRM, "alarm_pause",
          "r=%d errno=%d caught=%d", r, errno, caught);
    signal(SIGALRM, SIG_DFL);
}

/* sigsuspend: wait for a blocked signal with it unblocked. */
static void suspend(void)
{
    sigset_t block, old, wait_mask;

    caught = 0;
    signal(SIGUSR1, handler);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    raise(SIGUSR1);                           /* pending */
    sigemptyset(&wait_mask);
    int r = sigsuspend(&wait_mask);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    check(r == -1 && errno == EINTR && caught == 1 && sigismember(&now, SIGUSR1) == 1,
          "sigsuspend", "r=%d caught=%d", r, caught);
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGUSR1, SIG_DFL);
}

/* abort() kills with SIGABRT, even if the program ignores it. */
static void aborting(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGABRT, SIG_IGN);
        abort();
    }
    int status = 0;
    waitpid(pid, &status, 0);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "abort", "status 0x%x", status);
}

static void names(void)
{
    char name[SIG2STR_MAX];
    int sig = 0;

    check(sig2str(SIGINT, name) == 0 && !strcmp(name, "INT"), "sig2str", "got %s", name);
    check(sig2str(SIGRTMIN + 1, name) == 0 && !strcmp(name, "RTMIN+1"), "sig2str_rt",
          "got %s", name);
    check(str2sig("TERM", &sig) == 0 && sig == SIGTERM && str2sig("SIGCHLD", &sig) == 0 &&
          sig == SIGCHLD && str2sig("9", &sig) == 0 && sig == 9 && str2sig("NOPE", &sig) == -1,
          "str2sig", "sig %d", sig);
    check(!strcmp(strsignal(SIGKILL), "Killed") && !strcmp(strsignal(SIGTSTP), "Stopped"),
          "strsignal_names", "%s", strsignal(SIGKILL));
}

int main(void)
{
    sets();
    handlers();
    blocking();
    suspend();
    alarm_pause();
    aborting();
    names();
    return test_exit_code();
}
