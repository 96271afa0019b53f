/* UDP and ping sockets against a careless program: a child makes 20,000
 * calls at random -- socket, bind, connect (AF_UNSPEC too), sendto,
 * sendmsg, recvfrom, recvmsg with every flag, poll, shutdown, SO_RCVBUF,
 * close -- on a handful of non-blocking sockets, to addresses of this
 * host (127.0.0.1, 127.0.0.2, 10.0.2.15, 0.0.0.0) and a few ports, so
 * that datagrams are queued, cut, peeked, refused with ICMP and dropped
 * on full queues.  Nothing leaves the machine, so once the child is gone
 * every page must be back at once; then a fresh socket must still work. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define CALLS 20000
#define NFD 6

static unsigned seed = 1768;
static int fds[NFD];
static char data[2000];

static unsigned rnd(unsigned n)
{
    seed = seed * 1103515245 + 12345;
    return (seed >> 8) % n;
}

static struct sockaddr_in random_address(void)
{
    static const char *const hosts[] = { "127.0.0.1", "127.0.0.2", "10.0.2.15", "0.0.0.0" };
    struct sockaddr_in a = { .sin_family = rnd(10) ? AF_INET : AF_UNSPEC };
    a.sin_addr.s_addr = inet_addr(hosts[rnd(4)]);
    a.sin_port = htons(rnd(8) ? 6000 + rnd(4) : 0);
    return a;
}

static void one_call(void)
{
    int i = rnd(NFD), fd = fds[i];
    struct sockaddr_in a = random_address(), from;
    socklen_t len = rnd(3) ? sizeof(a) : rnd(20);
    static const int flags[] = { 0, MSG_PEEK, MSG_TRUNC, MSG_PEEK | MSG_TRUNC, MSG_OOB, MSG_NOSIGNAL };
    struct iovec iov[2] = { { data, rnd(1500) }, { data + 1500, rnd(400) } };
    struct msghdr m = { .msg_name = rnd(2) ? &a : NULL, .msg_namelen = len, .msg_iov = iov,
                        .msg_iovlen = rnd(3) };

    switch (rnd(12)) {
    case 0:
        close(fd);
        fds[i] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, rnd(4) ? 0 : IPPROTO_ICMP);
        break;
    case 1: bind(fd, (struct sockaddr *)&a, len); break;
    case 2: connect(fd, (struct sockaddr *)&a, len); break;
    case 3: case 4:
        sendto(fd, data, rnd(2000), flags[rnd(6)], rnd(4) ? (struct sockaddr *)&a : NULL, len);
        break;
    case 5: sendmsg(fd, &m, flags[rnd(6)]); break;
    case 6: len = sizeof(from);
        recvfrom(fd, data, rnd(100), flags[rnd(6)], (struct sockaddr *)&from, &len);
        break;
    case 7: m.msg_name = &from; m.msg_namelen = rnd(20); recvmsg(fd, &m, flags[rnd(6)]); break;
    case 8: shutdown(fd, rnd(4)); break;
    case 9: { int v = rnd(3) ? 1 : 1 << rnd(20);
        setsockopt(fd, SOL_SOCKET, rnd(2) ? SO_RCVBUF : SO_REUSEADDR, &v, sizeof(v)); break; }
    case 10: { struct pollfd p = { fd, POLLIN | POLLOUT, 0 }; poll(&p, 1, 0); break; }
    default: getsockname(fd, (struct sockaddr *)&from, &len); break;
    }
}

/* /proc/net/snmp's Udp: numbers: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors. */
static void udp_counters(long v[5])
{
    static char text[4096];
    memset(v, 0, 5 * sizeof(long));
    if (read_file("/proc/net/snmp", text, sizeof(text)) <= 0)
        return;
    char *line = strstr(text, "Udp: ");
    line = line ? strstr(line + 1, "Udp: ") : NULL;
    if (line)
        sscanf(line, "Udp: %ld %ld %ld %ld %ld", &v[0], &v[1], &v[2], &v[3], &v[4]);
}

static void fuzz(void)
{
    for (int i = 0; i < NFD; i++)
        fds[i] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, i == 0 ? IPPROTO_ICMP : 0);
    for (int i = 0; i < CALLS; i++)
        one_call();
}

int main(void)
{
    long before = free_pages(), c0[5], c1[5];
    signal(SIGPIPE, SIG_IGN);
    udp_counters(c0);
    int status = child_status(fuzz);
    udp_counters(c1);
    /* the calls reached every path: delivered, refused, dropped on a full queue */
    check(c1[0] > c0[0] && c1[1] > c0[1] && c1[4] > c0[4] && c1[3] > c0[3],
          "udp_fuzz_reached_the_stack", "InDatagrams +%ld, NoPorts +%ld, RcvbufErrors +%ld, "
          "OutDatagrams +%ld", c1[0] - c0[0], c1[1] - c0[1], c1[4] - c0[4], c1[3] - c0[3]);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "udp_fuzz_child_ended", "status %#x",
          status);
    long after = free_pages();
    check(after == before, "udp_fuzz_no_page_leak", "%ld pages free before, %ld after", before,
          after);

    int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in at = { .sin_family = AF_INET, .sin_port = htons(6000),
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    char buf[8];
    int ok = bind(a, (struct sockaddr *)&at, sizeof(at)) == 0 &&
             sendto(b, "alive", 5, 0, (struct sockaddr *)&at, sizeof(at)) == 5 &&
             recv(a, buf, sizeof(buf), MSG_DONTWAIT) == 5;
    check(ok, "udp_fuzz_still_works", "errno %d", errno);
    return test_exit_code();
}
