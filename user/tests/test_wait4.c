/* wait4, waitid and getrusage: Linux's other ways to wait.  wait4 is
 * waitpid with the child's resource usage (its CPU time); waitid reports
 * as siginfo (SIGCHLD, CLD_EXITED/KILLED/DUMPED/STOPPED/CONTINUED, the
 * pid and the status), chooses children by P_PID/P_PGID/P_ALL and news by
 * WEXITED/WSTOPPED/WCONTINUED, and can leave a child waitable (WNOWAIT).
 * Each call's errors are Linux's. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

/* Uses the CPU for about `ticks` timer ticks (10 ms each). */
static void burn(long ticks)
{
    struct tms t;
    clock_t start = times(&t), used0 = t.tms_utime;

    (void)start;
    do
        times(&t);
    while (t.tms_utime - used0 < ticks);
}

static pid_t child_exiting(int code)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(code);
    return pid;
}

static pid_t child_pausing(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    return pid;
}

static long tv_ms(struct timeval tv)
{
    return tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void wait4_rusage(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        burn(20);
        _exit(5);
    }
    struct rusage ru;
    int status;
    memset(&ru, 0xff, sizeof(ru));
    pid_t r = wait4(pid, &status, 0, &ru);
    check(r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5, "wait4_status",
          "wait4 %d status %#x", r, status);
    check(tv_ms(ru.ru_utime) >= 200 && tv_ms(ru.ru_utime) < 2000 && ru.ru_stime.tv_sec == 0 &&
          ru.ru_nswap == 0, "wait4_rusage_child_cpu_time", "utime %ld ms", tv_ms(ru.ru_utime));

    struct rusage self, children;
    burn(3);
    check(getrusage(RUSAGE_SELF, &self) == 0 && tv_ms(self.ru_utime) >= 30 && self.ru_minflt > 0,
          "getrusage_self", "utime %ld ms, minflt %ld", tv_ms(self.ru_utime), self.ru_minflt);
    check(getrusage(RUSAGE_CHILDREN, &children) == 0 && tv_ms(children.ru_utime) >= 200,
          "getrusage_children", "utime %ld ms", tv_ms(children.ru_utime));
    check(getrusage(5, &self) < 0 && errno == EINVAL, "getrusage_bad_who_einval", "errno %d", errno);
    check(getrusage(RUSAGE_SELF, (void *)0xC0000000) < 0 && errno == EFAULT, "getrusage_efault",
          "errno %d", errno);
}

static void wait4_options(void)
{
    pid_t pid = child_pausing();
    int status;
    check(wait4(pid, &status, WNOHANG, NULL) == 0, "wait4_wnohang_running", "not 0");
    kill(pid, SIGSTOP);
    pid_t r = wait4(pid, &status, WUNTRACED, NULL);
    check(r == pid && WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP, "wait4_wuntraced",
          "wait4 %d status %#x", r, status);
    kill(pid, SIGCONT);
    r = wait4(pid, &status, WCONTINUED, NULL);
    check(r == pid && WIFCONTINUED(status), "wait4_wcontinued", "wait4 %d status %#x", r, status);

    /* a bad pointer is EFAULT before anything is taken: the child stays */
    kill(pid, SIGTERM);
    struct timespec t = { 0, 50000000 };
    nanosleep(&t, NULL);
    r = wait4(pid, (int *)0xC0000000, 0, NULL);
    check(r < 0 && errno == EFAULT, "wait4_bad_status_efault", "wait4 %d errno %d", r, errno);
    r = wait4(pid, &status, 0, (struct rusage *)1);
    check(r < 0 && errno == EFAULT, "wait4_bad_rusage_efault", "wait4 %d errno %d", r, errno);
    r = wait4(pid, &status, __WALL | __WNOTHREAD, NULL);
    check(r == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "wait4_child_kept",
          "wait4 %d status %#x", r, status);

    check(wait4(-1, &status, 0x100, NULL) < 0 && errno == EINVAL, "wait4_bad_options_einval",
          "errno %d", errno);
    check(wait4(-1, &status, WEXITED, NULL) < 0 && errno == EINVAL, "wait4_wexited_einval",
          "errno %d", errno);
    check(wait4(INT_MIN, &status, 0, NULL) < 0 && errno == ESRCH, "wait4_int_min_esrch",
          "errno %d", errno);
    check(wait4(-1, &status, 0, NULL) < 0 && errno == ECHILD, "wait4_no_child_echild",
          "errno %d", errno);
    pid = child_exiting(1);
    check(wait3(&status, 0, NULL) == pid && WEXITSTATUS(status) == 1, "wait3", "status %#x", status);
}

static void junk_info(siginfo_t *si)
{
    memset(si, 0x5a, sizeof(*si));
}

static void waitid_reports(void)
{
    siginfo_t si;

    pid_t pid = child_exiting(9);
    junk_info(&si);
    int r = waitid(P_PID, pid, &si, WEXITED);
    check(r == 0 && si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_pid == pid &&
          si.si_status == 9 && si.si_uid == 0 && si.si_errno == 0, "waitid_exited",
          "r %d signo %d code %d pid %d status %d", r, si.si_signo, si.si_code, si.si_pid,
          si.si_status);

    pid = child_pausing();
    kill(pid, SIGKILL);
    junk_info(&si);
    r = waitid(P_ALL, 0, &si, WEXITED);
    check(r == 0 && si.si_code == CLD_KILLED && si.si_pid == pid && si.si_status == SIGKILL,
          "waitid_killed", "code %d status %d", si.si_code, si.si_status);

    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        signal(SIGSEGV, SIG_DFL);
        *(volatile int *)0 = 1;
        _exit(0);
    }
    r = waitid(P_PID, pid, &si, WEXITED);
    check(r == 0 && si.si_code == CLD_DUMPED && si.si_status == SIGSEGV, "waitid_dumped",
          "code %d status %d", si.si_code, si.si_status);

    pid = child_pausing();
    kill(pid, SIGSTOP);
    r = waitid(P_PID, pid, &si, WSTOPPED);
    check(r == 0 && si.si_code == CLD_STOPPED && si.si_status == SIGSTOP && si.si_pid == pid,
          "waitid_stopped", "code %d status %d", si.si_code, si.si_status);
    kill(pid, SIGCONT);
    r = waitid(P_PID, pid, &si, WCONTINUED);
    check(r == 0 && si.si_code == CLD_CONTINUED && si.si_status == SIGCONT, "waitid_continued",
          "code %d status %d", si.si_code, si.si_status);

    /* WNOHANG with nothing to tell: 0, and si_pid 0 */
    junk_info(&si);
    r = waitid(P_PID, pid, &si, WEXITED | WNOHANG);
    check(r == 0 && si.si_pid == 0 && si.si_signo == 0, "waitid_wnohang_nothing_zeroes",
          "r %d si_pid %d", r, si.si_pid);
    /* WNOWAIT: told, and still there to be told again */
    kill(pid, SIGTERM);
    r = waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
    int status;
    pid_t w = waitpid(pid, &status, 0);
    check(r == 0 && si.si_code == CLD_KILLED && w == pid && WTERMSIG(status) == SIGTERM,
          "waitid_wnowait_leaves_child", "waitid %d, then waitpid %d status %#x", r, w, status);

    /* the raw call's fifth argument: the child's rusage */
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        burn(10);
        _exit(0);
    }
    struct rusage ru;
    long lr = syscall(__NR_waitid, P_PID, pid, &si, WEXITED, &ru);
    check(lr == 0 && tv_ms(ru.ru_utime) >= 100, "waitid_rusage", "r %ld utime %ld ms", lr,
          tv_ms(ru.ru_utime));
}

static void waitid_groups(void)
{
    siginfo_t si;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        for (;;)
            pause();
    }
    setpgid(pid, pid);
    int r = waitid(P_PGID, 0, &si, WEXITED | WNOHANG);
    check(r < 0 && errno == ECHILD, "waitid_pgid_0_is_ours", "r %d errno %d", r, errno);
    kill(pid, SIGKILL);
    r = waitid(P_PGID, pid, &si, WEXITED);
    check(r == 0 && si.si_pid == pid, "waitid_pgid", "r %d si_pid %d", r, si.si_pid);
}

static void waitid_errors(void)
{
    siginfo_t si;
    pid_t pid = child_exiting(0);

    check(waitid(P_ALL, 0, &si, 0) < 0 && errno == EINVAL, "waitid_no_event_einval", "errno %d", errno);
    check(waitid(P_ALL, 0, &si, WEXITED | 0x100) < 0 && errno == EINVAL, "waitid_bad_option_einval",
          "errno %d", errno);
    check(waitid(P_PID, 0, &si, WEXITED) < 0 && errno == EINVAL, "waitid_pid_0_einval", "errno %d", errno);
    check(waitid(P_PIDFD, 3, &si, WEXITED) < 0 && errno == EINVAL, "waitid_pidfd_einval", "errno %d", errno);
    check(waitid(99, 0, &si, WEXITED) < 0 && errno == EINVAL, "waitid_bad_idtype_einval", "errno %d", errno);
    check(waitid(P_PID, pid, (siginfo_t *)0xC0000000, WEXITED) < 0 && errno == EFAULT,
          "waitid_bad_info_efault", "errno %d", errno);
    check(waitid(P_PID, pid, NULL, WEXITED) == 0, "waitid_null_info", "errno %d", errno);
    check(waitid(P_ALL, 0, &si, WEXITED) < 0 && errno == ECHILD, "waitid_no_child_echild",
          "errno %d", errno);
}

int main(void)
{
    wait4_rusage();
    wait4_options();
    waitid_reports();
    waitid_groups();
    waitid_errors();
    return test_exit_code();
}
