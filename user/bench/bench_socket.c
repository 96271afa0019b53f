/* Benchmarks of sockets (AF_UNIX, the lecture's client and server on one
 * machine): 4 KiB moved over a stream from one process to another, and a
 * connect + accept + close cycle. */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "bench.h"

#define PATH "/tmp/bench.sock"
#define CHUNK 4096

static struct sockaddr_un addr;
static int lfd, cfd;
static char buf[CHUNK];

static int listener(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink(PATH);
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    strcpy(addr.sun_path, PATH);
    bind(fd, (struct sockaddr *)&addr, sizeof(addr));
    listen(fd, 16);
    return fd;
}

static int client(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(fd, (struct sockaddr *)&addr, sizeof(addr));
    return fd;
}

static void op_read_4kib(void)
{
    for (int n = CHUNK; n > 0;) {
        int got = read(cfd, buf, n);
        if (got <= 0)
            return;
        n -= got;
    }
}

static void op_accept_close(void) { close(accept(lfd, NULL, NULL)); }

/* Runs a client (sending, or connecting and hanging up, until it is
 * killed) while the row is timed on the server's side. */
static void row_with_client(const char *name, void (*op)(void), int sends)
{
    pid_t pid = fork();
    if (pid == 0) {
        for (;;) {
            int fd = client();
            if (sends)
                while (write(fd, buf, CHUNK) > 0)
                    ;
            close(fd);
        }
    }
    if (sends)
        cfd = accept(lfd, NULL, NULL);
    bench_row(name, op);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    if (sends)
        close(cfd);
}

int main(void)
{
    lfd = listener();
    row_with_client("unix_socket_4kib", op_read_4kib, 1);
    row_with_client("connect_accept_close", op_accept_close, 0);
    close(lfd);
    unlink(PATH);
    return 0;
}
