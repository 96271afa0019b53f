/* Shared by the benchmark programs (make bench).
 *
 * One source, built twice: with Minnow's C library for Minnow, and with
 * glibc for Linux (tools/bench.sh boots both in the same QEMU), so both
 * kernels run the same loops.  Only POSIX calls, nothing of Minnow's own.
 *
 * A row is one operation, timed in the CPU's cycles (rdtsc).  Under QEMU's
 * software emulation the guest's rdtsc reads the host's counter, so it is
 * the same clock in both guests.  The operation runs in BATCHES batches of
 * about BATCH_CYCLES each; the row is the median batch's cycles per
 * operation, so a batch that something on the host slowed down does not
 * move it.  Each row prints "bench NAME CYCLES cycles". */
#ifndef BENCH_H
#define BENCH_H

#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

#define BATCHES 11
#define BATCH_CYCLES 20000000ULL        /* about 7 ms on a 3 GHz host */
#define BATCH_MIN_OPS 4

static inline unsigned long long bench_cycles(void)
{
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long long)hi << 32) | lo;
}

/* Cycles for n calls of op(); the clock is read only around the loop,
 * so a cheap operation is not drowned by the cost of reading it. */
static inline unsigned long long bench_batch(void (*op)(void), unsigned long n)
{
    unsigned long long start = bench_cycles();
    for (unsigned long i = 0; i < n; i++)
        op();
    return bench_cycles() - start;
}

static inline void bench_report(const char *name, unsigned long long tenths)
{
    printf("bench %-22s %10llu.%llu cycles\n", name, tenths / 10, tenths % 10);
    fflush(stdout);
}

/* Times op() and prints its row.  A first run, not counted, finds how
 * many calls fill a batch; it also warms the caches and brings in the
 * pages the loop touches. */
static inline void bench_row(const char *name, void (*op)(void))
{
    unsigned long n = 1;
    unsigned long long spent, batch[BATCHES];

    while ((spent = bench_batch(op, n)) < BATCH_CYCLES / 4)
        n *= 2;
    n = n * BATCH_CYCLES / spent + 1;
    if (n < BATCH_MIN_OPS)
        n = BATCH_MIN_OPS;
    for (int i = 0; i < BATCHES; i++) {
        unsigned long long t = bench_batch(op, n) * 10 / n;
        int j = i;
        for (; j > 0 && batch[j - 1] > t; j--)  /* insertion sort */
            batch[j] = batch[j - 1];
        batch[j] = t;
    }
    bench_report(name, batch[BATCHES / 2]);
}

/* One fork + exec of /bin/true + wait (bench_proc, bench_churn). */
static inline void bench_fork_exec_true(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { "true", NULL };
        execv("/bin/true", argv);
        _exit(1);
    }
    waitpid(pid, NULL, 0);
}

#endif
