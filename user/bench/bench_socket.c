/* Benchmarks of sockets: AF_UNIX stream throughput between two processes,
 * and connect + accept + close cycles. */
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "bench.h"

#define PATH "/tmp/bench.sock"
#define MIB (1024 * 1024)

static int listener(struct sockaddr_un *addr)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink(PATH);
    memset(addr, 0, sizeof(*addr));
    addr->sun_family = AF_UNIX;
    strcpy(addr->sun_path, PATH);
    bind(fd, (struct sockaddr *)addr, sizeof(*addr));
    listen(fd, 16);
    return fd;
}

int main(void)
{
    enum { TOTAL = 8 * MIB, CHUNK = 4096, CYCLES = 300 };
    static char buf[CHUNK];
    struct sockaddr_un addr;
    int lfd = listener(&addr);

    pid_t pid = fork();
    if (pid == 0) {                       /* the client: sends, then connects often */
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        connect(fd, (struct sockaddr *)&addr, sizeof(addr));
        for (int sent = 0; sent < TOTAL; sent += CHUNK)
            write(fd, buf, CHUNK);
        close(fd);
        for (int i = 0; i < CYCLES; i++) {
            fd = socket(AF_UNIX, SOCK_STREAM, 0);
            connect(fd, (struct sockaddr *)&addr, sizeof(addr));
            close(fd);
        }
        _exit(0);
    }
    int cfd = accept(lfd, NULL, NULL);
    double start = bench_now();
    long got = 0, n;
    while ((n = read(cfd, buf, CHUNK)) > 0)
        got += n;
    bench_report("unix_socket_throughput", got / (bench_now() - start) / MIB, "MiB/s");
    close(cfd);
    start = bench_now();
    for (int i = 0; i < CYCLES; i++)
        close(accept(lfd, NULL, NULL));
    bench_report("connect_accept_close", (bench_now() - start) * 1e6 / CYCLES, "us/cycle");
    waitpid(pid, NULL, 0);
    close(lfd);
    unlink(PATH);
    return 0;
}
