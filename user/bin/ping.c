/* ping: send ICMP echo requests to a host and report its replies, as
 * iputils' ping prints them.
 *
 * It uses a ping socket -- socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP),
 * Linux's unprivileged way (icmp(7)): the program writes the echo request
 * (type 8, its sequence number, 56 bytes of data that begin with the time
 * it was sent), the kernel fills in the identifier and the checksum and
 * gives back only the replies to this socket.  The reply's data holds the
 * sending time, so each round trip is measured from the reply alone. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
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
static double t_min = 1e9, t_max, t_sum, t_sum2;   /* milliseconds */

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static double sqrt_approx(double x)
{
    double r = x > 1 ? x : 1;
    for (int i = 0; i < 40; i++)         /* Newton's method: plenty for four digits */
        r = (r + x / r) / 2;
    return x > 0 ? r : 0;
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
    socklen_t len = sizeof(from);
    ssize_t n = recvfrom(fd, &e, sizeof(e), MSG_DONTWAIT, (struct sockaddr *)&from, &len);

    if (n < (ssize_t)(8 + sizeof(struct timespec)) || e.type != 0)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (now.tv_sec - e.sent.tv_sec) * 1000.0 + (now.tv_nsec - e.sent.tv_nsec) / 1e6;
    received++;
    t_sum += ms;
    t_sum2 += ms * ms;
    if (ms < t_min)
        t_min = ms;
    if (ms > t_max)
        t_max = ms;
    printf("%zd bytes from %s: icmp_seq=%u time=%.*f ms\n", n, inet_ntoa(from.sin_addr),
           ntohs(e.seq), ms < 10 ? 3 : ms < 100 ? 2 : 1, ms);
    fflush(stdout);
}

/* Replies until `until` (ms), or until every request is answered and
 * stop_when_done says so. */
static void wait_replies(int fd, double until, int stop_when_done)
{
    while (!interrupted) {
        double left = until - now_ms();
        if (left <= 0 || (stop_when_done && received >= sent))
            return;
        struct pollfd p = { fd, POLLIN, 0 };
        if (poll(&p, 1, (int)left + 1) > 0)
            take_reply(fd);
    }
}

static void summary(const char *host, double started)
{
    printf("\n--- %s ping statistics ---\n", host);
    printf("%ld packets transmitted, %ld received, %ld%% packet loss, time %.0fms\n", sent,
           received, sent ? (sent - received) * 100 / sent : 0, now_ms() - started);
    if (received) {
        double avg = t_sum / received, var = t_sum2 / received - avg * avg;
        printf("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\n", t_min, avg, t_max,
               sqrt_approx(var));
    }
}

int main(int argc, char **argv)
{
    long count = -1;
    double interval = 1, timeout = 10;
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
    struct sockaddr_in to = { .sin_family = AF_INET };
    if (!inet_aton(host, &to.sin_addr)) {
        fprintf(stderr, "ping: %s: Name or service not known\n", host);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    if (fd < 0) {
        fprintf(stderr, "ping: socket: %s\n", strerror(errno));
        return 2;
    }
    struct sigaction sa = { .sa_handler = on_sigint };
    sigaction(SIGINT, &sa, NULL);

    printf("PING %s (%s) %d(%d) bytes of data.\n", host, inet_ntoa(to.sin_addr), DATA_LEN,
           DATA_LEN + 28);
    fflush(stdout);
    double started = now_ms();
    for (long seq = 1; !interrupted && (count < 0 || seq <= count); seq++) {
        if (send_echo(fd, &to, (int)seq) < 0)
            break;
        int last = seq == count;
        wait_replies(fd, now_ms() + (last ? timeout : interval) * 1000, last);
    }
    summary(host, started);
    close(fd);
    return received ? 0 : 1;
}
