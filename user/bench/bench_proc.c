/* Benchmarks of processes: a trivial system call, fork + exit + wait, and
 * fork + exec + wait.  Each runs for about half a second. */
#include <unistd.h>
#include <sys/wait.h>
#include "bench.h"

#define SECONDS 0.5

/* Calls fn repeatedly for SECONDS; returns calls per second. */
static double rate(void (*fn)(void))
{
    double start = bench_now(), now;
    long n = 0;

    do {
        for (int i = 0; i < 16; i++)
            fn();
        n += 16;
        now = bench_now();
    } while (now - start < SECONDS);
    return n / (now - start);
}

static void do_getpid(void) { getpid(); }

static void do_fork(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, NULL, 0);
}

static void do_exec(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { "true", NULL };
        execv("/bin/true", argv);
        _exit(1);
    }
    waitpid(pid, NULL, 0);
}

int main(void)
{
    double r = rate(do_getpid);
    bench_report("syscall_getpid", 1e9 / r, "ns/call");
    bench_report("fork_exit_wait", rate(do_fork), "per second");
    bench_report("fork_exec_wait", rate(do_exec), "per second");
    return 0;
}
