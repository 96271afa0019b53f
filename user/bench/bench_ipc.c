/* Benchmarks of communication: pipe throughput between two processes, a
 * one-byte pipe ping-pong (two context switches a round), and signals
 * delivered to a handler. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include "bench.h"

#define MIB (1024 * 1024)

static void pipe_throughput(void)
{
    enum { TOTAL = 8 * MIB, CHUNK = 4096 };
    static char buf[CHUNK];
    int p[2];
    pipe(p);
    double start = bench_now();
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        for (int sent = 0; sent < TOTAL; sent += CHUNK)
            write(p[1], buf, CHUNK);
        _exit(0);
    }
    close(p[1]);
    long got = 0, n;
    while ((n = read(p[0], buf, CHUNK)) > 0)
        got += n;
    waitpid(pid, NULL, 0);
    close(p[0]);
    bench_report("pipe_throughput", got / (bench_now() - start) / MIB, "MiB/s");
}

static void pipe_pingpong(void)
{
    enum { ROUNDS = 2000 };
    int to_child[2], to_parent[2];
    char c = 'x';
    pipe(to_child);
    pipe(to_parent);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < ROUNDS; i++) {
            read(to_child[0], &c, 1);
            write(to_parent[1], &c, 1);
        }
        _exit(0);
    }
    double start = bench_now();
    for (int i = 0; i < ROUNDS; i++) {
        write(to_child[1], &c, 1);
        read(to_parent[0], &c, 1);
    }
    double secs = bench_now() - start;
    waitpid(pid, NULL, 0);
    bench_report("pipe_roundtrip", secs * 1e6 / ROUNDS, "us/round trip");
}

static volatile int caught;
static void on_usr1(int sig) { (void)sig; caught++; }

static void signal_rate(void)
{
    enum { N = 5000 };
    signal(SIGUSR1, on_usr1);
    double start = bench_now();
    for (int i = 0; i < N; i++)
        kill(getpid(), SIGUSR1);
    double secs = bench_now() - start;
    bench_report("signal_to_handler", secs * 1e6 / N, "us/signal");
}

int main(void)
{
    pipe_throughput();
    pipe_pingpong();
    signal_rate();
    return 0;
}
