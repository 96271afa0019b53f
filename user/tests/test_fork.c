/* fork, exit and wait: "fork returns twice", exit statuses, many children,
 * waitpid's pid and WNOHANG arguments, and a full process table. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static int global = 1;

static void returns_twice(void)
{
    pid_t parent = getpid();
    pid_t pid = fork();

    if (pid == 0)                          /* the child: 0, and its parent is us */
        _exit(getppid() == parent && getpid() != parent ? 0 : 1);
    int status;
    pid_t got = waitpid(pid, &status, 0);
    check(pid > 0 && got == pid, "fork_returns_pid", "fork gave %d, waitpid %d", pid, got);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "fork_child_sees_zero",
          "child status %#x", status);
}

static void exit_status(void)
{
    pid_t pid = fork();

    if (pid == 0)
        exit(42);
    int status = 0;
    wait(&status);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 42, "wait_exit_status",
          "status %#x", status);
}

static void private_memory(void)
{
    pid_t pid = fork();

    if (pid == 0) {
        global = 99;                       /* the child's own copy */
        _exit(global == 99 ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    check(global == 1 && WEXITSTATUS(status) == 0, "fork_memory_private",
          "parent sees %d", global);
}

static void fifty_children(void)
{
    int sum = 0, reaped = 0, status;

    for (int i = 0; i < 50; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(i);
        if (pid < 0)
            break;
    }
    pid_t pid;
    while ((pid = wait(&status)) > 0) {
        reaped++;
        sum += WEXITSTATUS(status);
    }
    check(reaped == 50 && sum == 49 * 50 / 2, "fork_50_children", "reaped %d, sum %d", reaped, sum);
    check(pid == -1 && errno == ECHILD, "wait_echild", "wait gave %d, errno %d", pid, errno);
}

static void nohang_and_groups(void)
{
    pid_t a = fork();
    if (a == 0) {
        setpgid(0, 0);
        pause();
        _exit(0);
    }
    setpgid(a, a);
    int status;
    check(waitpid(a, &status, WNOHANG) == 0, "waitpid_wnohang", "a running child was reported");
    check(waitpid(-a, &status, WNOHANG) == 0, "waitpid_group_nohang", "wrong answer for group %d", a);
    check(waitpid(getpid() + 10000, &status, 0) == -1 && errno == ECHILD, "waitpid_not_child",
          "waiting for a stranger did not fail with ECHILD");
    kill(a, SIGKILL);
    pid_t got = waitpid(-a, &status, 0);   /* pid < -1: any child in group a */
    check(got == a && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "waitpid_group",
          "got %d status %#x", got, status);
}

/* Fork until the table is full: EAGAIN, and everything comes back. */
static void table_full(void)
{
    long before = free_pages();
    pid_t kids[160];
    int n = 0;

    for (;;) {
        pid_t pid = fork();
        if (pid == 0) {
            pause();
            _exit(0);
        }
        if (pid < 0)
            break;
        kids[n++] = pid;
        if (n == 160)
            break;
    }
    int err = errno;
    check(n < 160 && err == EAGAIN, "fork_table_full_eagain", "%d forks, then errno %d", n, err);
    for (int i = 0; i < n; i++)
        kill(kids[i], SIGKILL);
    while (wait(NULL) > 0)
        ;
    pid_t pid = fork();                    /* the system recovered */
    if (pid == 0)
        _exit(7);
    int status;
    waitpid(pid, &status, 0);
    check(pid > 0 && WEXITSTATUS(status) == 7, "fork_after_full", "fork gave %d", pid);
    check(free_pages() == before, "fork_table_full_no_leak", "%ld pages before, %ld after",
          before, free_pages());
}

int main(void)
{
    returns_twice();
    exit_status();
    private_memory();
    fifty_children();
    nohang_and_groups();
    table_full();
    return test_exit_code();
}
