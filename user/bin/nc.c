/* nc HOST PORT, nc -l PORT: a TCP connection between standard input and
 * output and another program -- as a client that connects, or as a
 * server that waits for one client (-l).  What is typed (or piped in) is
 * sent; what comes is printed.  End of file on standard input sends FIN
 * (shutdown(SHUT_WR)) and nc goes on printing until the other side
 * closes too: so `nc host port < request` gets the whole answer; and the
 * other way round, a peer that has closed still gets the rest of stdin.
 *
 *     nc -l 7000 > file &          a one-shot server that saves what it gets
 *     nc 127.0.0.1 7000 < data     a client that sends a file
 *
 * Two inputs, and either may have something first: poll() waits for
 * both, as chat does.  HOST is a dotted address (10.0.2.2 is QEMU's
 * gateway, the host machine itself). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int usage(void)
{
    fprintf(stderr, "usage: nc HOST PORT\n       nc -l PORT\n");
    return 2;
}

static int parse_port(const char *s)
{
    char *end;
    long p = strtol(s, &end, 10);

    return *s && !*end && p > 0 && p < 65536 ? (int)p : -1;
}

static int client(const char *host, int port)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (inet_aton(host, &a.sin_addr) == 0) {
        fprintf(stderr, "nc: %s: not an address like 10.0.2.2\n", host);
        return -1;
    }
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
        fprintf(stderr, "nc: %s port %d: %s\n", host, port, strerror(errno));
        return -1;
    }
    return fd;
}

static int server(int port)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;

    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 1) < 0) {
        fprintf(stderr, "nc: port %d: %s\n", port, strerror(errno));
        return -1;
    }
    int c = accept(l, NULL, NULL);
    if (c < 0)
        fprintf(stderr, "nc: accept: %s\n", strerror(errno));
    close(l);                          /* one client only */
    return c;
}

static int write_all(int fd, const char *buf, ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0)
            return -1;
        buf += w;
        n -= w;
    }
    return 0;
}

/* Copies both ways until both have said end of file: the peer (its FIN)
 * and standard input (ours, sent as FIN).  Either may come first: a
 * server that answers and closes, a client that sends and half-closes. */
static int relay(int sock)
{
    struct pollfd p[2] = { { 0, POLLIN, 0 }, { sock, POLLIN, 0 } };
    char buf[4096];

    while (p[0].fd >= 0 || p[1].fd >= 0) {
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(0, buf, sizeof(buf));
            if (n <= 0) {
                shutdown(sock, SHUT_WR);       /* our end of file: FIN */
                p[0].fd = -1;                  /* poll leaves it be */
            } else if (write_all(sock, buf, n) < 0) {
                fprintf(stderr, "nc: %s\n", strerror(errno));
                return 1;
            }
        }
        if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(sock, buf, sizeof(buf));
            if (n < 0) {
                fprintf(stderr, "nc: %s\n", strerror(errno));
                return 1;
            }
            if (n == 0)
                p[1].fd = -1;                  /* the peer is done talking */
            else if (write_all(1, buf, n) < 0)
                return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int sock;

    signal(SIGPIPE, SIG_IGN);          /* a closed peer is an error message, not death */
    if (argc == 3 && strcmp(argv[1], "-l") == 0) {
        int port = parse_port(argv[2]);
        if (port < 0)
            return usage();
        sock = server(port);
    } else if (argc == 3) {
        int port = parse_port(argv[2]);
        if (port < 0)
            return usage();
        sock = client(argv[1], port);
    } else {
        return usage();
    }
    if (sock < 0)
        return 1;
    int r = relay(sock);
    close(sock);
    return r;
}
