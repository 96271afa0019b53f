/* Benchmarks of processes: a trivial system call, fork + exit + wait of a
 * small process and of one with 16 MiB of memory in use, and fork + exec +
 * wait.  Each runs for about half a second.
 *
 * With copy-on-write, fork copies page tables, not pages: the 16 MiB row
 * shows what those cost (4096 entries to share, then to drop at exit),
 * next to the small process's row. */
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "bench.h"

#define BIG (16 * 1024 * 1024)

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

/* fork + exit + wait while this process has BIG bytes of its own, every
 * page touched (so present, not just promised); given back afterwards so
 * that the other rows measure a small process. */
static double rate_fork_big(void)
{
    char *big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (big == MAP_FAILED)
        return 0;
    memset(big, 1, BIG);
    double r = rate(do_fork);
    munmap(big, BIG);
    return r;
}

int main(void)
{
    double r = rate(do_getpid);
    bench_report("syscall_getpid", 1e9 / r, "ns/call");
    bench_report("fork_exit_wait", rate(do_fork), "per second");
    bench_report("fork_exit_wait_16mib", rate_fork_big(), "per second");
    bench_report("fork_exec_wait", rate(do_exec), "per second");
    return 0;
}
