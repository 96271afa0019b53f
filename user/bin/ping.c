/* ping: send ICMP echo requests to a host and report its replies, as
 * iputils' ping prints them.
 *
 * It uses a ping socket -- socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP),
 * Linux's unprivileged way (icmp(7)): the program writes the echo request
 * (type 8, its sequence number, 56 bytes of data that begin with the time
 * it was sent), the kernel fills in the identifier and the checksum and
 * gives back only the replies to this socket.  The reply's data holds the
 * sending time, so each round trip is measured from the reply alone; its
 * TTL comes as a control message (IP_RECVTTL), as iputils' does. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define DATA_LEN 56              /* ping's default: 64 bytes with the ICMP header */

struct echo {
    unsigned char type, code;
    unsigned short checksum, id, seq;
    struct timespec sent;        /* the first bytes of the data */
    unsigned char pad[DATA_LEN - sizeof(struct timespec)];
};

static volatile sig_atomic_t interrupted;
static long sent, received;
/* round trips in microseconds (Minnow's printf has no %f: whole numbers) */
static unsigned long t_min = ~0ul, t_max;
static unsigned long long t_sum, t_sum2;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static long long now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

/* The whole square root of x (Newton's method, on integers). */
static unsigned long isqrt(unsigned long long x)
{
    unsigned long long r = x, next = (x + 1) / 2;
    while (next < r) {
        r = next;
        next = (r + x / r) / 2;
    }
    return (unsigned long)r;
}

/* us microseconds as milliseconds with three decimals: "0.512". */
static char *ms(unsigned long us, char *buf)
{
    sprintf(buf, "%lu.%03lu", us / 1000, us % 1000);
    return buf;
}

static int usage(void)
{
    fprintf(stderr, "usage: ping [-c count] [-i interval] [-W timeout] host\n");
    return 2;
}

static int send_echo(int fd, const struct sockaddr_in *to, int seq)
{
    struct echo e;

    memset(&e, 0, sizeof(e));
    e.type = 8;                          /* echo request; id and checksum: the kernel's */
    e.seq = htons(seq);
    clock_gettime(CLOCK_MONOTONIC, &e.sent);
    for (size_t i = 0; i < sizeof(e.pad); i++)
        e.pad[i] = 0x10 + i + sizeof(e.sent);
    if (sendto(fd, &e, sizeof(e), 0, (const struct sockaddr *)to, sizeof(*to)) < 0) {
        fprintf(stderr, "ping: sendto: %s\n", strerror(errno));
        return -1;
    }
    sent++;
    return 0;
}

/* One reply, if one is there: printed and counted. */
static void take_reply(int fd)
{
    struct echo e;
    struct sockaddr_in from;
    union {
        struct cmsghdr h;
        char room[CMSG_SPACE(sizeof(int))];
    } control;
    struct iovec iov = { &e, sizeof(e) };
    struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov,
                        .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof(control) };
    ssize_t n = recvmsg(fd, &m, MSG_DONTWAIT);

    if (n < (ssize_t)(8 + sizeof(struct timespec)) || e.type != 0)
        return;
    char ttl[16] = "";
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL)
            snprintf(ttl, sizeof(ttl), " ttl=%d", *(int *)CMSG_DATA(c));
    long long sent_us = e.sent.tv_sec * 1000000LL + e.sent.tv_nsec / 1000;
    unsigned long us = (unsigned long)(now_us() - sent_us);
    char buf[24];
    received++;
    t_sum += us;
    t_sum2 += (unsigned long long)us * us;
    if (us < t_min)
        t_min = us;
    if (us > t_max)
        t_max = us;
    printf("%zd bytes from %s: icmp_seq=%u%s time=%s ms\n", n, inet_ntoa(from.sin_addr),
           ntohs(e.seq), ttl, ms(us, buf));
    fflush(stdout);
}

/* Replies until `until` (microseconds), or until every request is
 * answered and stop_when_done says so. */
static void wait_replies(int fd, long long until, int stop_when_done)
{
    while (!interrupted) {
        long long left = until - now_us();
        if (left <= 0 || (stop_when_done && received >= sent))
            return;
        struct pollfd p = { fd, POLLIN, 0 };
        if (poll(&p, 1, (int)(left / 1000) + 1) > 0)
            take_reply(fd);
    }
}

static void summary(const char *host, long long started)
{
    char a[24], b[24], c[24], d[24];
    printf("\n--- %s ping statistics ---\n", host);
    printf("%ld packets transmitted, %ld received, %ld%% packet loss, time %ldms\n", sent,
           received, sent ? (sent - received) * 100 / sent : 0,
           (long)((now_us() - started) / 1000));
    if (received) {
        unsigned long long avg = t_sum / received, mean2 = t_sum2 / received;
        unsigned long mdev = isqrt(mean2 > avg * avg ? mean2 - avg * avg : 0);
        printf("rtt min/avg/max/mdev = %s/%s/%s/%s ms\n", ms(t_min, a), ms((unsigned long)avg, b),
               ms(t_max, c), ms(mdev, d));
    }
}

int main(int argc, char **argv)
{
    long count = -1;
    double interval = 1, timeout = 10;   /* seconds, as given */
    int c;

    while ((c = getopt(argc, argv, "c:i:W:")) != -1) {
        switch (c) {
        case 'c': count = strtol(optarg, NULL, 10); break;
        case 'i': interval = strtod(optarg, NULL); break;
        case 'W': timeout = strtod(optarg, NULL); break;
        default: return usage();
        }
    }
    if (optind != argc - 1 || count == 0 || interval < 0.002 || timeout <= 0)
        return usage();
    const char *host = argv[optind];
    struct sockaddr_in to;
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_DGRAM }, *res;
    int gai = getaddrinfo(host, NULL, &hints, &res);   /* a number, /etc/hosts, or DNS */
    if (gai != 0) {
        fprintf(stderr, "ping: %s: %s\n", host, gai_strerror(gai));
        return 2;
    }
    memcpy(&to, res->ai_addr, sizeof(to));
    freeaddrinfo(res);
    int fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    if (fd < 0) {
        fprintf(stderr, "ping: socket: %s\n", strerror(errno));
        return 2;
    }
    int on = 1;
    setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof(on));
    struct sigaction sa = { .sa_handler = on_sigint };
    sigaction(SIGINT, &sa, NULL);

    printf("PING %s (%s) %d(%d) bytes of data.\n", host, inet_ntoa(to.sin_addr), DATA_LEN,
           DATA_LEN + 28);
    fflush(stdout);
    long long started = now_us();
    for (long seq = 1; !interrupted && (count < 0 || seq <= count); seq++) {
        if (send_echo(fd, &to, (int)seq) < 0)
            break;
        int last = seq == count;
        wait_replies(fd, now_us() + (long long)((last ? timeout : interval) * 1e6), last);
    }
    summary(host, started);
    close(fd);
    return received ? 0 : 1;
}
