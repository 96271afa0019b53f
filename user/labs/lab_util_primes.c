/* Grader of the lab "Utilities with pipes" (docs/labs/util.md): primes,
 * the prime sieve made of processes.
 *
 * `primes [LIMIT]` prints, for each prime up to LIMIT (35 if not given),
 * in increasing order, one line "prime P (pid N)" from the process that
 * found it: a different process for every prime.  It must end by itself,
 * leave no process behind, and work with at most 8 open files per
 * process -- a stage needs 0, 1, 2, its input and its output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lab_run.h"

#define SECONDS 10
#define FD_LIMIT 8

static int is_prime(int n)
{
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return n >= 2;
}

/* Checks out against the primes up to limit.  Returns how many lines
 * were right before the first wrong one; a wrong line or a missing one is
 * described in why. */
static int read_primes(const char *out, int limit, char *why, size_t size)
{
    static int pids[256];
    int expected = 2, count = 0;
    const char *line = out;

    why[0] = '\0';
    while (*line) {
        int prime, pid, len = 0;
        while (expected <= limit && !is_prime(expected))
            expected++;
        if (sscanf(line, "prime %d (pid %d)%n", &prime, &pid, &len) != 2 || line[len] != '\n') {
            snprintf(why, size, "line %d is not \"prime P (pid N)\"", count + 1);
            return count;
        }
        if (prime != expected) {
            if (expected > limit)
                snprintf(why, size, "%d printed after the last prime", prime);
            else
                snprintf(why, size, "%d where %d should be", prime, expected);
            return count;
        }
        for (int i = 0; i < count; i++)
            if (pids[i] == pid) {
                snprintf(why, size, "prime %d from pid %d, which printed a prime already: "
                         "each prime is found by a process of its own", prime, pid);
                return count;
            }
        if (count < 256)
            pids[count] = pid;
        count++;
        expected++;
        line += len + 1;
    }
    while (expected <= limit && !is_prime(expected))
        expected++;
    if (expected <= limit)
        snprintf(why, size, "no line for prime %d", expected);
    return count;
}

/* primes LIMIT (no LIMIT if 0): whether the output is right; why not. */
static int output_right(int limit, struct run *r, char *why, size_t size)
{
    char arg[16];
    char *argv[] = { "primes", limit ? arg : NULL, NULL };

    snprintf(arg, sizeof(arg), "%d", limit);
    run_program(argv, NULL, SECONDS, 0, r);
    read_primes(r->out, limit ? limit : 35, why, size);
    return why[0] == '\0';
}

int main(void)
{
    static const char *const names[] = { "primes_output", "primes_ends", "primes_fds" };
    char why[160];
    struct run r;

    if (!program_exists("primes", "util", names, 3))
        return test_exit_code();

    /* the first run: its output, then how it ended */
    int right = output_right(0, &r, why, sizeof(why));
    int left = left_in_group(&r);
    clean_up(&r);
    if (r.timed_out) {
        check(0, "primes_output", "primes did not end by itself (see primes_ends); before it "
              "was killed it printed \"%s\"", one_line(r.out));
        right = 0;
    } else if (right) {
        struct run r12;
        right = output_right(12, &r12, why, sizeof(why));
        clean_up(&r12);
        if (!right)
            check(0, "primes_output", "primes 12: %s; it printed \"%s\"", why, one_line(r12.out));
    } else {
        check(0, "primes_output", "primes: %s; it printed \"%s\"", why, one_line(r.out));
    }
    if (right)
        check(1, "primes_output", "-");

    if (r.timed_out)
        check(0, "primes_ends", "primes was still running after %d s (killed): a read sees end "
              "of file only once every copy of the pipe's write end is closed, also the "
              "copies fork gave to later processes", SECONDS);
    else if (!exited_with(&r, 0))
        check(0, "primes_ends", "primes ended with %s, want exit status 0 (stderr \"%s\")",
              how_it_ended(&r, SECONDS), one_line(r.err));
    else
        check(left == 0, "primes_ends", "%d process(es) of the pipeline were still there when "
              "primes exited: each stage waits for the stage it started before it exits", left);

    /* with few open files: a leaked fd in every stage adds up */
    if (!right) {
        check(0, "primes_fds", "needs primes_output first");
        return test_exit_code();
    }
    char *argv[] = { "primes", "100", NULL };
    run_program(argv, NULL, SECONDS, FD_LIMIT, &r);
    clean_up(&r);
    int found = read_primes(r.out, 100, why, sizeof(why));
    if (why[0])
        check(0, "primes_fds", "%d open files at most (RLIMIT_NOFILE): primes 100 printed %d "
              "of 25 primes: every process must close the pipe ends it does not use, also "
              "inherited ones (stderr \"%.50s\")", FD_LIMIT, found, one_line(r.err));
    else
        check(exited_with(&r, 0), "primes_fds", "primes 100 printed the primes, but ended "
              "with %s", how_it_ended(&r, SECONDS));
    return test_exit_code();
}
