/* TCP between the guest and the host, over QEMU's user network (slirp):
 * tools/bench.sh starts a server on the host (tools/bench-tcp-server.py)
 * and puts its port on both kernels' command line as benchport=N; the
 * guest reaches it as 10.0.2.2:N.  Three rows:
 *
 *   tcp_host_to_guest_4mib  one pass: connect, ask for 4 MiB ("source"),
 *                           read them all, close
 *   tcp_guest_to_host_4mib  one pass: connect, send 4 MiB in 64 KiB writes
 *                           ("sink"), wait for the host's one-byte "all
 *                           here", close
 *   tcp_rtt                 one byte to the host's echo and back, on one
 *                           connection, TCP_NODELAY on both sides (its
 *                           tcpio line: the counters of 1000 more)
 *
 * A pass is too long for bench_row's batches; each 4 MiB row is the
 * median of PASSES passes instead.  Beside each a line "tcpio NAME ..."
 * gives what the median pass cost in segments (/proc/net/snmp's Tcp:
 * InSegs, OutSegs, RetransSegs) and in interrupts (/proc/stat's intr
 * total), read the same way on both systems: where the time goes, when
 * the ratio is large.  Without benchport= (a boot not
 * made by make bench) there are no rows, and a line says why. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include "bench.h"

#define TOTAL (4 * 1024 * 1024)
#define CALL (64 * 1024)
#define PASSES 3
#define HOST "10.0.2.2"                  /* the host's 127.0.0.1, seen from the guest */
#define DIAL_TRIES 20                    /* the first connect: until the card's link is up */
#define RTT_COUNTED 1000                 /* round trips counted in segments */

struct netio {
    unsigned long in, out, retrans;      /* TCP segments */
    unsigned long intr;                  /* interrupts, every line */
};

static struct sockaddr_in server;
static char buf[CALL];
static int echo_fd;
static int failed;                       /* a pass went wrong: no row */

static void fail(const char *what)
{
    if (!failed)
        printf("bench_tcp: %s: %s\n", what, errno ? strerror(errno) : "short");
    failed = 1;
}

/* benchport=N from the kernel command line (/proc/cmdline on both
 * systems), or 0. */
static int bench_port(void)
{
    FILE *f = fopen("/proc/cmdline", "r");
    char line[512], word[64];
    int port = 0, used;

    if (f && fgets(line, sizeof(line), f))
        for (char *p = line; sscanf(p, "%63s%n", word, &used) == 1; p += used)
            if (strncmp(word, "benchport=", 10) == 0)
                port = atoi(word + 10);
    if (f)
        fclose(f);
    return port;
}

/* A connection to the host's server that has sent its request line;
 * -1 (and the row fails) if there is none. */
static int dial(const char *request)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

    if (fd < 0) {
        fail("socket");
        return -1;
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fd, (struct sockaddr *)&server, sizeof(server)) < 0) {
        fail("connect to " HOST);
        close(fd);
        return -1;
    }
    if (write(fd, request, strlen(request)) != (ssize_t)strlen(request)) {
        fail("write the request");
        close(fd);
        return -1;
    }
    return fd;
}

/* n bytes from fd, or fewer at end of file or an error. */
static long read_all(int fd, long n)
{
    long got = 0, r;

    while (got < n && (r = read(fd, buf, n - got < CALL ? n - got : CALL)) > 0)
        got += r;
    return got;
}

static void host_to_guest(void)
{
    char request[32];
    int fd;

    snprintf(request, sizeof(request), "source %d\n", TOTAL);
    if ((fd = dial(request)) < 0)
        return;
    errno = 0;
    if (read_all(fd, TOTAL) != TOTAL)
        fail("read 4 MiB from the host");
    close(fd);
}

static void guest_to_host(void)
{
    char request[32];
    int fd;

    snprintf(request, sizeof(request), "sink %d\n", TOTAL);
    if ((fd = dial(request)) < 0)
        return;
    errno = 0;
    for (int i = 0; i < TOTAL / CALL; i++)
        if (write(fd, buf, CALL) != CALL) {
            fail("write 4 MiB to the host");
            break;
        }
    if (!failed && read_all(fd, 1) != 1)
        fail("the host's answer");
    close(fd);
}

/* A failed echo ends the program: bench_row would print a row of
 * failures timed. */
static void round_trip(void)
{
    if (write(echo_fd, "x", 1) != 1 || read(echo_fd, buf, 1) != 1) {
        fail("the echo");
        exit(1);
    }
}

/* The value under name in a pair of lines of /proc/net/snmp: a line of
 * names, then one of values, in the same order. */
static unsigned long snmp_value(const char *names, const char *values, const char *name)
{
    char n[64], v[64];
    int un, uv;

    while (sscanf(names, "%63s%n", n, &un) == 1 && sscanf(values, "%63s%n", v, &uv) == 1) {
        if (strcmp(n, name) == 0)
            return strtoul(v, NULL, 10);
        names += un;
        values += uv;
    }
    return 0;
}

/* The Tcp: counters (RFC 4022's names, on both systems). */
static void tcp_segs(struct netio *s)
{
    FILE *f = fopen("/proc/net/snmp", "r");
    char names[1024], values[1024];

    while (f && fgets(names, sizeof(names), f))
        if (strncmp(names, "Tcp:", 4) == 0 && fgets(values, sizeof(values), f)) {
            s->in = snmp_value(names, values, "InSegs");
            s->out = snmp_value(names, values, "OutSegs");
            s->retrans = snmp_value(names, values, "RetransSegs");
            break;
        }
    if (f)
        fclose(f);
}

/* The first number of /proc/stat's "intr" line: every interrupt since boot. */
static unsigned long interrupts(void)
{
    FILE *f = fopen("/proc/stat", "r");
    static char line[4096];              /* Linux's intr line is long: every line's count */
    unsigned long n = 0;

    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, "intr %lu", &n) == 1)
            break;
    if (f)
        fclose(f);
    return n;
}

static struct netio net_counters(void)
{
    struct netio s = { 0, 0, 0, 0 };

    tcp_segs(&s);
    s.intr = interrupts();
    return s;
}

static void print_netio(const char *name, const struct netio *d, const char *what)
{
    printf("tcpio %-22s %lu segments in, %lu out, %lu retransmitted; %lu interrupts%s\n", name,
           d->in, d->out, d->retrans, d->intr, what);
    fflush(stdout);
}

/* The median of PASSES passes of op, and its segments. */
static void pass_row(const char *name, void (*op)(void))
{
    unsigned long long t[PASSES];
    struct netio io[PASSES];

    failed = 0;
    for (int i = 0; i < PASSES && !failed; i++) {
        struct netio before = net_counters();
        unsigned long long start = bench_cycles();
        op();
        unsigned long long cycles = bench_cycles() - start;
        struct netio after = net_counters();
        struct netio d = { after.in - before.in, after.out - before.out,
                           after.retrans - before.retrans, after.intr - before.intr };
        int j = i;
        for (; j > 0 && t[j - 1] > cycles; j--) {   /* insertion sort, by time */
            t[j] = t[j - 1];
            io[j] = io[j - 1];
        }
        t[j] = cycles;
        io[j] = d;
    }
    if (failed)
        return;
    bench_report(name, t[PASSES / 2] * 10);
    print_netio(name, &io[PASSES / 2], "");
}

/* The counters of RTT_COUNTED round trips more, after tcp_rtt's row:
 * how many segments and interrupts one costs each system. */
static void count_round_trips(void)
{
    struct netio before = net_counters();
    for (int i = 0; i < RTT_COUNTED; i++)
        round_trip();
    struct netio after = net_counters();
    struct netio d = { after.in - before.in, after.out - before.out,
                       after.retrans - before.retrans, after.intr - before.intr };
    char what[32];
    snprintf(what, sizeof(what), " (%d round trips)", RTT_COUNTED);
    print_netio("tcp_rtt", &d, what);
}

/* The echo connection, the first of the boot: its connect is tried again
 * while the network is not there yet (Linux's e1000 brings its link up a
 * moment after init configured it; QEMU's card holds Minnow's first
 * frames for a second), so no row times a network still starting. */
static int open_echo(void)
{
    for (int i = 0; i < DIAL_TRIES; i++) {
        failed = 0;
        int fd = dial("echo\n");
        if (fd >= 0)
            return fd;
        usleep(500000);
    }
    return -1;
}

int main(void)
{
    int port = bench_port();

    if (port <= 0 || port > 65535) {
        printf("bench_tcp: no benchport= on the kernel command line (make bench gives it)\n");
        return 0;
    }
    memset(&server, 0, sizeof(server));
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    inet_pton(AF_INET, HOST, &server.sin_addr);
    memset(buf, 0x5A, sizeof(buf));

    if ((echo_fd = open_echo()) < 0)
        return 0;
    round_trip();                        /* the first segments, untimed */
    bench_row("tcp_rtt", round_trip);
    count_round_trips();
    close(echo_fd);
    pass_row("tcp_host_to_guest_4mib", host_to_guest);
    pass_row("tcp_guest_to_host_4mib", guest_to_host);
    return 0;
}
