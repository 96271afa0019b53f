/* Signals: sending (kill to a pid, a group, pid 0, sig 0), the mask
 * (pending & ~blocked), delivery order, handlers, inheritance across fork
 * and exec, and the default actions. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static volatile int order[8], norder;
static volatile int in_handler, nested_blocked;

static void record(int sig)
{
    if (norder < 8)
        order[norder++] = sig;
}

static void check_own_blocked(int sig)
{
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    nested_blocked = sigismember(&now, sig);
    in_handler++;
}

static pid_t pausing_child(int new_group)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (new_group)
            setpgid(0, 0);
        for (;;)
            pause();
    }
    if (new_group)
        setpgid(pid, pid);
    return pid;
}

static int reap(pid_t pid)
{
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

static void kill_targets(void)
{
    pid_t pid = pausing_child(0);
    check(kill(pid, 0) == 0, "kill_sig0_live", "errno %d", errno);
    kill(pid, SIGTERM);
    int status = reap(pid);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "kill_sigterm", "status %#x", status);
    check(kill(pid, 0) == -1 && errno == ESRCH, "kill_sig0_dead_esrch", "errno %d", errno);
    check(kill(getpid(), 65) == -1 && errno == EINVAL, "kill_bad_signal_einval", "errno %d", errno);

    pid_t a = pausing_child(1);
    pid_t b = fork();
    if (b == 0) {
        setpgid(0, a);                       /* join a's group */
        for (;;)
            pause();
    }
    setpgid(b, a);
    usleep(20000);
    check(kill(-a, SIGUSR1) == 0, "kill_group", "errno %d", errno);
    int sa = reap(a), sb = reap(b);
    check(WTERMSIG(sa) == SIGUSR1 && WTERMSIG(sb) == SIGUSR1, "kill_group_reaches_all",
          "statuses %#x %#x", sa, sb);

    /* pid 0: the caller's own group -- do it in a child that leads a group */
    pid_t leader = fork();
    if (leader == 0) {
        setpgid(0, 0);
        pid_t member = fork();
        if (member == 0)
            for (;;)
                pause();
        signal(SIGUSR2, SIG_IGN);            /* the leader survives its own kill */
        usleep(20000);
        kill(0, SIGUSR2);
        int st = 0;
        waitpid(member, &st, 0);
        _exit(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2 ? 0 : 1);
    }
    check(WEXITSTATUS(reap(leader)) == 0, "kill_pid0_own_group", "member not killed");
}

static void mask_and_order(void)
{
    sigset_t block, pending, old;
    /* record() must not fault: a page fault is a way into the kernel, and
     * on the way out the next signal would be delivered inside the
     * handler (as an interrupt could) */
    norder = 0;
    order[0] = 0;
    signal(SIGUSR1, record);
    signal(SIGUSR2, record);
    signal(SIGHUP, record);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    kill(getpid(), SIGUSR2);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGHUP);
    sigpending(&pending);
    check(norder == 0 && sigismember(&pending, SIGUSR1) && sigismember(&pending, SIGUSR2),
          "blocked_stays_pending", "delivered %d", norder);
    sigprocmask(SIG_SETMASK, &old, NULL);    /* all three arrive right here */
    check(norder == 3, "unblock_delivers", "delivered %d", norder);
    check(order[0] == SIGHUP && order[1] == SIGUSR1 && order[2] == SIGUSR2, "lowest_number_first",
          "order %d %d %d", order[0], order[1], order[2]);

    signal(SIGUSR1, check_own_blocked);
    kill(getpid(), SIGUSR1);
    check(in_handler == 1 && nested_blocked, "handler_blocks_own_signal", "blocked %d", nested_blocked);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
}

static void uncatchable(void)
{
    struct sigaction sa = { .sa_handler = SIG_IGN };
    check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL, "sigkill_cannot_be_ignored",
          "errno %d", errno);
    check(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL, "sigstop_cannot_be_caught",
          "errno %d", errno);
    sigset_t all;
    sigfillset(&all);
    pid_t pid = fork();
    if (pid == 0) {
        sigprocmask(SIG_BLOCK, &all, NULL);  /* tries to block everything */
        for (int i = 1; i < 32; i++)
            if (i != SIGKILL && i != SIGSTOP)
                signal(i, SIG_IGN);
        for (;;)
            pause();
    }
    usleep(20000);
    kill(pid, SIGKILL);
    int status = reap(pid);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "sigkill_kills_anyway", "status %#x", status);
}

static void fork_and_exec(void)
{
    signal(SIGUSR1, SIG_IGN);
    signal(SIGUSR2, record);
    pid_t pid = fork();
    if (pid == 0) {
        struct sigaction sa;
        sigaction(SIGUSR1, NULL, &sa);
        _exit(sa.sa_handler == SIG_IGN ? 0 : 1);
    }
    check(WEXITSTATUS(reap(pid)) == 0, "sig_ign_survives_fork", "child lost SIG_IGN");

    pid = fork();
    if (pid == 0) {
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGTERM);
        sigprocmask(SIG_BLOCK, &s, NULL);
        kill(getpid(), SIGTERM);             /* pending across the exec */
        char *argv[] = { "helper_sigcheck", NULL };
        execv("/usr/libexec/minnow/helper_sigcheck", argv);
        _exit(100);
    }
    int status = reap(pid);
    int r = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    check(r >= 0 && (r & 1), "sig_ign_survives_exec", "helper said %d", r);
    check(r >= 0 && (r & 2), "handler_reset_by_exec", "helper said %d", r);
    check(r >= 0 && (r & 4) && (r & 8), "mask_and_pending_survive_exec", "helper said %d", r);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

int main(void)
{
    kill_targets();
    mask_and_order();
    uncatchable();
    fork_and_exec();
    return test_exit_code();
}
