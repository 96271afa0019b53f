/* Benchmarks of processes: the cheapest system call, fork + exit + wait of
 * a small process and of one with 16 MiB of memory in use, and fork + exec
 * + wait.
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

/* getppid: nothing to look up but one pointer, so the row is the cost of
 * entering and leaving the kernel (getpid may be cached by a C library). */
static void op_getppid(void) { getppid(); }

static void op_fork(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, NULL, 0);
}

/* fork + exit + wait while this process has BIG bytes of its own, every
 * page touched (so present, not just promised); given back afterwards so
 * that the other rows measure a small process. */
static void row_fork_big(void)
{
    char *big = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (big == MAP_FAILED)
        return;
    memset(big, 1, BIG);
    bench_row("fork_exit_wait_16mib", op_fork);
    munmap(big, BIG);
}

int main(void)
{
    bench_row("syscall_getppid", op_getppid);
    bench_row("fork_exit_wait", op_fork);
    row_fork_big();
    bench_row("fork_exec_wait", bench_fork_exec_true);
    return 0;
}
