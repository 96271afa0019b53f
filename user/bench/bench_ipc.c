/* Benchmarks of communication: a one-byte pipe ping-pong between two
 * processes (two context switches a round), 4 KiB moved through a pipe
 * from one process to another, and a signal sent to oneself and caught. */
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include "bench.h"

#define CHUNK 4096

static int to_child[2], to_parent[2];
static char buf[CHUNK];

/* Reads exactly n bytes (a pipe may hand over less than was asked). */
static void read_full(int fd, char *p, int n)
{
    while (n > 0) {
        int got = read(fd, p, n);
        if (got <= 0)
            return;
        p += got;
        n -= got;
    }
}

static void op_pingpong(void)
{
    write(to_child[1], buf, 1);
    read(to_parent[0], buf, 1);
}

static void row_pingpong(void)
{
    pipe(to_child);
    pipe(to_parent);
    pid_t pid = fork();
    if (pid == 0) {                     /* echo every byte until EOF */
        close(to_child[1]);
        while (read(to_child[0], buf, 1) == 1)
            write(to_parent[1], buf, 1);
        _exit(0);
    }
    bench_row("pipe_pingpong", op_pingpong);
    close(to_child[1]);
    waitpid(pid, NULL, 0);
    close(to_child[0]);
    close(to_parent[0]);
    close(to_parent[1]);
}

static void op_pipe_4kib(void) { read_full(to_parent[0], buf, CHUNK); }

/* A child writes 4 KiB pieces as fast as the pipe takes them; a row's
 * operation is one 4 KiB piece read out, so its cycles include the
 * writer's share of the work. */
static void row_pipe_4kib(void)
{
    pipe(to_parent);
    pid_t pid = fork();
    if (pid == 0) {
        close(to_parent[0]);
        while (write(to_parent[1], buf, CHUNK) > 0)
            ;
        _exit(0);
    }
    close(to_parent[1]);
    bench_row("pipe_4kib", op_pipe_4kib);
    close(to_parent[0]);                /* the writer gets SIGPIPE */
    waitpid(pid, NULL, 0);
}

static volatile int caught;
static void on_usr1(int sig) { (void)sig; caught++; }
static void op_signal(void) { kill(getpid(), SIGUSR1); }

int main(void)
{
    row_pingpong();
    row_pipe_4kib();
    signal(SIGUSR1, on_usr1);
    bench_row("signal_to_self", op_signal);
    return 0;
}
