/* LAB(util) FILE */
/* primes [LIMIT]: the primes up to LIMIT (35 if not given), found by a
 * pipeline of processes.
 *
 *     $ primes 12
 *     prime 2 (pid 9)
 *     prime 3 (pid 10)
 *     prime 5 (pid 11)
 *     prime 7 (pid 12)
 *     prime 11 (pid 13)
 *
 * The first process writes 2, 3, ..., LIMIT into a pipe.  Every process
 * of the pipeline reads numbers from its left neighbour: the first one
 * it reads is a prime (nothing smaller divided it), which it prints; the
 * numbers after it that its prime does not divide go on, through a new
 * pipe, to a new process on its right, which does the same.
 *
 * Two rules make the pipeline end.  A process sees end of file only when
 * every write end of its pipe is closed -- every copy, in every process:
 * so each process closes, right after fork, the ends it does not use.
 * And each process waits for its right neighbour before it exits, so
 * that when the first one has exited, the whole pipeline has. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void die(const char *what)
{
    fprintf(stderr, "primes: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* One number from fd; 0 at end of file. */
static int receive(int fd, int *n)
{
    ssize_t r = read(fd, n, sizeof(*n));

    if (r < 0)
        die("read");
    return r == sizeof(*n);
}

static void send(int fd, int n)
{
    if (write(fd, &n, sizeof(n)) != sizeof(n))
        die("write");
}

/* Starts a process that runs sieve() on the read end of a new pipe;
 * returns the write end, which only the caller holds.  *pid: the new
 * process.  The caller's own input, `left` (-1: none), is no business of
 * the new process: it closes its copy, or every stage would carry the
 * read ends of all the stages before it. */
static void sieve(int left);

static int start_right(int left, pid_t *pid)
{
    int p[2];

    if (pipe(p) < 0)
        die("pipe");
    fflush(stdout);                     /* nothing buffered goes out twice */
    *pid = fork();
    if (*pid < 0)
        die("fork");
    if (*pid == 0) {
        close(p[1]);                    /* or its own read never ends */
        if (left >= 0)
            close(left);
        sieve(p[0]);
        exit(0);
    }
    close(p[0]);
    return p[1];
}

static void wait_for(pid_t pid)
{
    while (waitpid(pid, NULL, 0) < 0)
        if (errno != EINTR)
            die("waitpid");
}

/* One stage: the first number is its prime; the rest, filtered, go on to
 * the next stage, started only when a number needs it. */
static void sieve(int left)
{
    int prime, n, right = -1;
    pid_t pid = 0;

    if (!receive(left, &prime))
        return;
    printf("prime %d (pid %d)\n", prime, getpid());
    while (receive(left, &n)) {
        if (n % prime == 0)
            continue;
        if (right < 0)
            right = start_right(left, &pid);
        send(right, n);
    }
    close(left);
    if (right >= 0) {
        close(right);                   /* end of file for the next stage */
        wait_for(pid);
    }
}

int main(int argc, char *argv[])
{
    int limit = argc > 1 ? atoi(argv[1]) : 35;
    pid_t pid;

    if (argc > 2 || limit < 2) {
        fprintf(stderr, "usage: primes [LIMIT]   (LIMIT >= 2)\n");
        return 2;
    }
    int right = start_right(-1, &pid);
    for (int n = 2; n <= limit; n++)
        send(right, n);
    close(right);
    wait_for(pid);
    return 0;
}
