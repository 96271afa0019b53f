/* TCP over the loopback interface (127.0.0.1 through lo): what the
 * socket tests check on any stream, and what only TCP has -- 1 MiB
 * through with a checksum, half-close, resets (ECONNREFUSED, ECONNRESET,
 * EPIPE and SIGPIPE), nonblocking connect with poll and SO_ERROR, many
 * connections at once, the listen backlog, SO_REUSEADDR after
 * TIME_WAIT, a zero window, /proc/net/snmp's and /proc/net/tcp's lines,
 * the congestion window through TCP_INFO, and no page lost once every
 * connection is closed. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define PORT 7000
#define MIB (1024 * 1024)

/* The test's own buffers, touched before the free pages are counted (a
 * page of the program's bss is only allocated when first touched). */
static unsigned char big_a[100000], big_b[100000];
static char text[16384];

/* FNV-1a over a stream, piece by piece */
static unsigned fnv(unsigned h, const unsigned char *p, size_t n)
{
    while (n--)
        h = (h ^ *p++) * 16777619u;
    return h;
}

/* the bytes of the 1 MiB: a pattern no shifted copy matches */
static void pattern(unsigned char *buf, size_t n, size_t off)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)((off + i) * 7 + (off + i) / 251);
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Reads /proc/net/snmp's Tcp value called name. */
static long tcp_counter(const char *name)
{
    char *buf = text;
    int fd = open("/proc/net/snmp", O_RDONLY);
    int n = read(fd, buf, sizeof(text) - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    char *names = strstr(buf, "Tcp: "), *values = names ? strstr(names + 1, "Tcp: ") : NULL;
    if (!values)
        return -1;
    int col = -1, i = 0;
    for (char *p = names + 5; *p && *p != '\n'; i++) {
        size_t len = strcspn(p, " \n");
        if (len == strlen(name) && strncmp(p, name, len) == 0)
            col = i;
        p += len;
        if (*p == ' ')
            p++;
    }
    if (col < 0)
        return -1;
    char *p = values + 5;
    for (i = 0; i < col; i++)
        p = strchr(p, ' ') + 1;
    return atol(p);
}

/* 1 MiB from a child to the parent, through lo, in pieces of odd sizes. */
static void one_mib(void)
{
    int l = tcp_listener(PORT, 5);
    pid_t pid = fork();
    if (pid == 0) {
        close(l);
        int fd = tcp_connect(PORT, 0);
        static unsigned char buf[7919];
        for (size_t off = 0; off < MIB;) {
            size_t n = MIB - off < sizeof(buf) ? MIB - off : sizeof(buf);
            pattern(buf, n, off);
            if (write(fd, buf, n) != (ssize_t)n)
                _exit(1);
            off += n;
        }
        close(fd);
        _exit(0);
    }
    int c = accept(l, NULL, NULL);
    unsigned char *buf = big_a, *want = big_b;
    unsigned h = 2166136261u, hw = 2166136261u;
    size_t total = 0;
    double t0 = now();
    ssize_t n;
    while ((n = read(c, buf, 5000)) > 0) {
        pattern(want, n, total);
        h = fnv(h, buf, n);
        hw = fnv(hw, want, n);
        total += n;
    }
    long ms = (long)((now() - t0) * 1000);
    check(total == MIB && h == hw, "tcp_1mib_checksum", "%zu bytes, fnv %08x want %08x", total,
          h, hw);
    printf("tcp: 1 MiB over lo in %ld ms\n", ms);
    check(wait_status(pid) == 0, "tcp_1mib_sender_ok", "sender failed");
    close(c);
    close(l);
}

static int tcp_info_of(int fd, struct tcp_info *ti)
{
    socklen_t len = sizeof(*ti);

    memset(ti, 0xAA, sizeof(*ti));
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, ti, &len) < 0)
        return -1;
    return len == sizeof(*ti) ? 0 : -1;
}

/* The last two columns of the /proc/net/tcp line whose remote end is
 * 127.0.0.1:port, established: cwnd and ssthresh.  0 if found. */
static int proc_net_tcp_cwnd(int port, long *cwnd, long *ssthresh)
{
    char *buf = text, want[32];
    int fd = open("/proc/net/tcp", O_RDONLY), n, got = 0;

    while ((n = read(fd, buf + got, sizeof(text) - 1 - got)) > 0)
        got += n;
    close(fd);
    buf[got] = 0;
    snprintf(want, sizeof(want), " 0100007F:%04X 01 ", port);
    char *line = strstr(buf, want);
    if (!line)
        return -1;
    char *end = strchr(line, '\n'), *last = NULL, *prev = NULL;
    if (end)
        *end = 0;
    for (char *p = strchr(line, ' '); p; p = strchr(p + 1, ' ')) {
        prev = last;
        last = p;
    }
    if (!prev)
        return -1;
    *cwnd = atol(prev + 1);
    *ssthresh = atol(last + 1);
    return 0;
}

/* Congestion control, through TCP_INFO (Linux's struct tcp_info) and
 * /proc/net/tcp: a new connection starts with the initial window of 10
 * segments and ssthresh not yet set; a bulk transfer without loss opens
 * cwnd (slow start) and sets nothing else.  A length shorter than the
 * struct gets its first bytes. */
static void congestion_window(void)
{
    int l = tcp_listener(PORT, 5);
    int fd = tcp_connect(PORT, 0);
    int c = accept(l, NULL, NULL);
    struct tcp_info ti;
    long pcwnd = 0, pssthresh = 0;

    int r = tcp_info_of(fd, &ti);
    check(r == 0 && ti.tcpi_state == TCP_ESTABLISHED && ti.tcpi_ca_state == TCP_CA_Open &&
          ti.tcpi_snd_cwnd == 10 && ti.tcpi_snd_ssthresh == 0x7FFFFFFF &&
          ti.tcpi_snd_mss == 3864 && ti.tcpi_advmss == 3864 && ti.tcpi_total_retrans == 0 &&
          ti.tcpi_rto >= 200000 && ti.tcpi_rto <= 1000000 && ti.tcpi_snd_wnd > 0,
          "tcp_info_initial_window", "got %d: state %u cwnd %u ssthresh %u mss %u rto %u", r,
          ti.tcpi_state, ti.tcpi_snd_cwnd, ti.tcpi_snd_ssthresh, ti.tcpi_snd_mss, ti.tcpi_rto);
    r = proc_net_tcp_cwnd(PORT, &pcwnd, &pssthresh);
    check(r == 0 && pcwnd == 10 && pssthresh == -1, "tcp_proc_net_tcp_cwnd_ssthresh",
          "got %d: cwnd %ld ssthresh %ld", r, pcwnd, pssthresh);

    unsigned char raw[sizeof(struct tcp_info) + 8];
    socklen_t len = 8;
    memset(raw, 0xAA, sizeof(raw));
    r = getsockopt(fd, IPPROTO_TCP, TCP_INFO, raw, &len);
    check(r == 0 && len == 8 && raw[0] == TCP_ESTABLISHED && raw[8] == 0xAA,
          "tcp_info_short_length_prefix", "got %d len %u", r, len);
    len = sizeof(raw);
    r = getsockopt(fd, IPPROTO_TCP, TCP_INFO, raw, &len);
    check(r == 0 && len == sizeof(struct tcp_info), "tcp_info_long_length_cut", "got %d len %u",
          r, len);

    pid_t pid = fork();
    if (pid == 0) {                    /* the reader, at its own pace */
        close(fd);
        static unsigned char buf[7919];
        size_t total = 0;
        ssize_t n;
        while ((n = read(c, buf, sizeof(buf))) > 0)
            total += n;
        _exit(total == MIB / 2 ? 0 : 1);
    }
    close(c);
    int ok = 1;
    for (size_t off = 0; off < MIB / 2 && ok; off += 8192)
        ok = write(fd, big_a, 8192) == 8192;
    r = tcp_info_of(fd, &ti);
    check(ok && r == 0 && ti.tcpi_snd_cwnd > 10 && ti.tcpi_snd_ssthresh == 0x7FFFFFFF &&
          ti.tcpi_total_retrans == 0 && ti.tcpi_ca_state == TCP_CA_Open,
          "tcp_info_cwnd_grows_without_loss", "got %d: cwnd %u ssthresh %u retrans %u", r,
          ti.tcpi_snd_cwnd, ti.tcpi_snd_ssthresh, ti.tcpi_total_retrans);
    close(fd);
    check(wait_status(pid) == 0, "tcp_info_bulk_reader_ok", "reader failed");
    close(l);
}

/* shutdown(SHUT_WR): the peer reads end of file, and can still answer. */
static void half_close(void)
{
    int l = tcp_listener(PORT, 5);
    int fd = tcp_connect(PORT, 0);
    int c = accept(l, NULL, NULL);
    char buf[32];

    write(fd, "request", 7);
    shutdown(fd, SHUT_WR);
    int n1 = read(c, buf, sizeof(buf));
    int n2 = read(c, buf, sizeof(buf));
    check(n1 == 7 && n2 == 0, "tcp_half_close_eof", "read %d then %d", n1, n2);
    int w = write(c, "answer", 6);
    int n3 = read(fd, buf, sizeof(buf));
    check(w == 6 && n3 == 6 && memcmp(buf, "answer", 6) == 0, "tcp_half_close_answer",
          "write %d read %d", w, n3);
    errno = 0;
    signal(SIGPIPE, SIG_IGN);
    int r = write(fd, "x", 1);
    check(r == -1 && errno == EPIPE, "tcp_write_after_shutdown_epipe", "got %d errno %d", r,
          errno);
    signal(SIGPIPE, SIG_DFL);
    close(c);
    n3 = read(fd, buf, sizeof(buf));
    check(n3 == 0, "tcp_half_close_then_eof", "read %d", n3);
    close(fd);
    close(l);
}

static volatile int sigpipes;
static void on_sigpipe(int sig)
{
    (void)sig;
    sigpipes++;
}

/* Resets: to a closed port (ECONNREFUSED); closing with unread data
 * resets the peer (ECONNRESET, then EPIPE and SIGPIPE). */
static void resets(void)
{
    int fd = tcp_connect(PORT + 1, 0);
    check(fd == -1 && errno == ECONNREFUSED, "tcp_rst_closed_port_econnrefused", "errno %d",
          errno);

    int l = tcp_listener(PORT, 5);
    fd = tcp_connect(PORT, 0);
    int c = accept(l, NULL, NULL);
    write(fd, "never read", 10);
    close(c);                          /* unread data: RST */
    char buf[16];
    int r = read(fd, buf, sizeof(buf));
    check(r == -1 && errno == ECONNRESET, "tcp_rst_read_econnreset", "got %d errno %d", r, errno);
    install_handler(SIGPIPE, on_sigpipe, 0);
    r = write(fd, "x", 1);
    check(r == -1 && errno == EPIPE && sigpipes == 1, "tcp_write_after_rst_epipe_sigpipe",
          "got %d errno %d sigpipes %d", r, errno, sigpipes);
    signal(SIGPIPE, SIG_DFL);
    close(fd);
    close(l);
}

/* connect with O_NONBLOCK: EINPROGRESS, then poll's POLLOUT and SO_ERROR. */
static void nonblocking_connect(void)
{
    int l = tcp_listener(PORT, 5);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in a = inet_address("127.0.0.1", PORT);
    int r = connect(fd, (struct sockaddr *)&a, sizeof(a));
    check(r == -1 && errno == EINPROGRESS, "tcp_nonblock_connect_einprogress", "got %d errno %d",
          r, errno);
    struct pollfd p = { fd, POLLOUT, 0 };
    int pr = poll(&p, 1, 2000);
    int e = -1;
    socklen_t len = sizeof(e);
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len);
    check(pr == 1 && (p.revents & POLLOUT) && e == 0, "tcp_nonblock_connect_pollout",
          "poll %d revents %x so_error %d", pr, p.revents, e);
    r = connect(fd, (struct sockaddr *)&a, sizeof(a));
    check(r == -1 && errno == EISCONN, "tcp_connect_again_eisconn", "got %d errno %d", r, errno);
    int c = accept(l, NULL, NULL);
    close(c);
    close(fd);
    close(l);

    fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    a = inet_address("127.0.0.1", PORT + 1);
    r = connect(fd, (struct sockaddr *)&a, sizeof(a));
    p = (struct pollfd){ fd, POLLOUT, 0 };
    pr = poll(&p, 1, 2000);
    len = sizeof(e);
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len);
    check((r == 0 || errno == EINPROGRESS) && pr == 1 && (p.revents & POLLERR) &&
          e == ECONNREFUSED, "tcp_nonblock_connect_refused_so_error",
          "connect %d poll %d revents %x so_error %d", r, pr, p.revents, e);
    close(fd);
}

/* 50 connections open at once: 5 clients with 10 each (a process has
 * 32 fds), the server answering them one by one as they come. */
#define CLIENTS 5
#define EACH 10
static void client_of_many(int id)
{
    int fds[EACH];

    for (int i = 0; i < EACH; i++)
        if ((fds[i] = tcp_connect(PORT, 0)) < 0)
            _exit(10);
    for (int i = 0; i < EACH; i++) {
        int v = id * 100 + i;
        if (write(fds[i], &v, sizeof(v)) != sizeof(v))
            _exit(11);
    }
    for (int i = 0; i < EACH; i++) {
        int v = -1;
        if (read(fds[i], &v, sizeof(v)) != sizeof(v) || v != ~(id * 100 + i))
            _exit(12);
        close(fds[i]);
    }
    _exit(0);
}

static void many_connections(void)
{
    int l = tcp_listener(PORT, CLIENTS * EACH);
    pid_t pids[CLIENTS];
    int ok = 1, bad = 0;

    for (int id = 0; id < CLIENTS; id++)
        if ((pids[id] = fork()) == 0) {
            close(l);
            client_of_many(id);
        }
    for (int i = 0; i < CLIENTS * EACH; i++) {
        int c = accept(l, NULL, NULL), v;
        if (c < 0 || read(c, &v, sizeof(v)) != sizeof(v)) {
            ok = 0;
            break;
        }
        v = ~v;
        write(c, &v, sizeof(v));
        close(c);
    }
    for (int id = 0; id < CLIENTS; id++) {
        int st = wait_status(pids[id]);
        if (st && !bad)
            bad = st;
    }
    check(ok && !bad, "tcp_50_connections_at_once", "server %d, a client's status %d", ok, bad);
    close(l);
}

/* listen(fd, 2): two handshakes complete, a third SYN waits (dropped,
 * then sent again) until accept() makes room. */
static void backlog(void)
{
    int l = tcp_listener(PORT, 2);
    int a = tcp_connect(PORT, SOCK_NONBLOCK), b = tcp_connect(PORT, SOCK_NONBLOCK);
    int c = tcp_connect(PORT, SOCK_NONBLOCK);
    struct pollfd p[3] = { { a, POLLOUT, 0 }, { b, POLLOUT, 0 }, { c, POLLOUT, 0 } };
    poll(p, 3, 300);
    check((p[0].revents & POLLOUT) && (p[1].revents & POLLOUT) && !(p[2].revents & POLLOUT),
          "tcp_backlog_full_third_waits", "revents %x %x %x", p[0].revents, p[1].revents,
          p[2].revents);
    int s1 = accept(l, NULL, NULL);
    p[2].revents = 0;
    int r = poll(&p[2], 1, 4000);      /* the SYN's retransmission: after 1 s */
    check(r == 1 && (p[2].revents & POLLOUT), "tcp_backlog_room_third_connects",
          "poll %d revents %x", r, p[2].revents);
    int s2 = accept(l, NULL, NULL), s3 = accept(l, NULL, NULL);
    check(s1 >= 0 && s2 >= 0 && s3 >= 0, "tcp_backlog_all_accepted", "%d %d %d", s1, s2, s3);
    close(s1), close(s2), close(s3), close(a), close(b), close(c), close(l);
}

static int bind_port(int port, int reuse)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = inet_address("127.0.0.1", port);

    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof(reuse));
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

static int proc_net_tcp_has(const char *state)
{
    char *buf = text;
    int fd = open("/proc/net/tcp", O_RDONLY), n, got = 0;

    while ((n = read(fd, buf + got, sizeof(text) - 1 - got)) > 0)
        got += n;
    close(fd);
    buf[got] = 0;
    char pattern_[16];
    snprintf(pattern_, sizeof(pattern_), " %s ", state);
    return strstr(buf, pattern_) != NULL;
}

/* The side that closes first waits 2*MSL in TIME_WAIT, holding its port:
 * a bind is EADDRINUSE, unless SO_REUSEADDR; after 2 s it is free. */
static void time_wait(void)
{
    int l = tcp_listener(PORT, 5);
    int fd = bind_port(PORT + 2, 0);
    struct sockaddr_in a = inet_address("127.0.0.1", PORT);
    int r = connect(fd, (struct sockaddr *)&a, sizeof(a));
    int c = accept(l, NULL, NULL);
    close(fd);                         /* the client closes first */
    char buf[4];
    int n = read(c, buf, sizeof(buf));
    close(c);
    check(r == 0 && n == 0 && proc_net_tcp_has("06"), "tcp_time_wait_in_proc_net_tcp",
          "connect %d read %d", r, n);
    r = bind_port(PORT + 2, 0);
    check(r == -EADDRINUSE, "tcp_time_wait_holds_port", "got %d", r);
    int fd2 = bind_port(PORT + 2, 1);
    check(fd2 >= 0, "tcp_reuseaddr_after_time_wait", "got %d", fd2);
    close(fd2);
    sleep(3);
    r = bind_port(PORT + 2, 0);
    check(r >= 0 && !proc_net_tcp_has("06"), "tcp_time_wait_ends", "got %d", r);
    if (r >= 0)
        close(r);
    close(l);
}

/* A receiver that does not read: the window closes, the sender waits
 * (and probes); once it reads, everything arrives. */
static void zero_window(void)
{
    int l = tcp_listener(PORT, 5);
    int small = 2304;
    setsockopt(l, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
    int fd = tcp_connect(PORT, 0);
    int c = accept(l, NULL, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        static unsigned char buf[100000];
        pattern(buf, sizeof(buf), 0);
        _exit(write(fd, buf, sizeof(buf)) == sizeof(buf) ? 0 : 1);
    }
    usleep(500000);                    /* the sender meets a closed window */
    unsigned char *got = big_a, *want = big_b;
    size_t total = 0, size = sizeof(big_a);
    ssize_t n;
    while (total < size && (n = read(c, got + total, size - total)) > 0)
        total += n;
    pattern(want, size, 0);
    check(total == size && memcmp(got, want, total) == 0 && wait_status(pid) == 0,
          "tcp_zero_window_then_all", "%zu bytes", total);
    close(c);
    close(fd);
    close(l);
}

/* Small writes with TCP_NODELAY arrive as they are written. */
static void nodelay(void)
{
    int l = tcp_listener(PORT, 5);
    int fd = tcp_connect(PORT, 0), one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    int c = accept(l, NULL, NULL), ok = 1;
    for (int i = 0; i < 50; i++) {
        char b = (char)i, r = -1;
        ok &= write(fd, &b, 1) == 1 && read(c, &r, 1) == 1 && r == b;
    }
    check(ok, "tcp_nodelay_small_writes", "a byte went astray");
    close(c);
    close(fd);
    close(l);
}

/* nc: a server (-l) and a client, over lo: what the client reads on
 * stdin comes out of the server's stdout. */
static void nc_pair(void)
{
    char *srv_argv[] = { "nc", "-l", "7100", NULL };
    char *cli_argv[] = { "nc", "127.0.0.1", "7100", NULL };
    int out = -1, cout = -1;
    pid_t srv = start_captured(srv_argv, NULL, &out, NULL, 20);
    usleep(300000);                    /* until it listens */
    pid_t cli = start_captured(cli_argv, "hello over nc\n", &cout, NULL, 20);
    char buf[64] = "";
    int n = 0, r;
    while ((r = read(out, buf + n, sizeof(buf) - 1 - n)) > 0)
        n += r;
    buf[n] = 0;
    while (read(cout, buf + 60, 1) > 0)
        ;
    close(out);
    close(cout);
    int s1 = wait_status(srv), s2 = wait_status(cli);
    check(strcmp(buf, "hello over nc\n") == 0 && s1 == 0 && s2 == 0, "tcp_nc_client_server",
          "got \"%s\", status %d %d", buf, s1, s2);
}

/* httpd: GET a file, a missing one, a path with "..". */
static int http_get(const char *request, char *reply, size_t size)
{
    int fd = tcp_connect(8080, 0), got = 0, n;

    if (fd < 0)
        return -1;
    write(fd, request, strlen(request));
    while (got < (int)size - 1 && (n = read(fd, reply + got, size - 1 - got)) > 0)
        got += n;
    reply[got] = 0;
    close(fd);
    return got;
}

static void httpd(void)
{
    char *argv[] = { "httpd", "-p", "8080", "/etc", NULL };
    int devnull = open("/dev/null", O_WRONLY);
    pid_t pid = spawn(argv, -1, devnull, devnull, 30);
    char *reply = text, motd[2048];
    int fd = open("/etc/motd", O_RDONLY), mlen = read(fd, motd, sizeof(motd) - 1);
    close(fd);
    motd[mlen > 0 ? mlen : 0] = 0;
    int n = -1;
    for (int i = 0; i < 20 && n < 0; i++) {    /* until it listens */
        usleep(100000);
        n = http_get("GET /motd HTTP/1.0\r\nHost: minnow\r\n\r\n", reply, sizeof(text));
    }
    char *body = n > 0 ? strstr(reply, "\r\n\r\n") : NULL;
    check(n > 0 && strncmp(reply, "HTTP/1.0 200 OK\r\n", 17) == 0 && body &&
          strcmp(body + 4, motd) == 0, "tcp_httpd_get_file", "got %d bytes: %.40s", n, reply);
    n = http_get("GET /no/such/file HTTP/1.0\r\n\r\n", reply, sizeof(text));
    check(n > 0 && strncmp(reply, "HTTP/1.0 404", 12) == 0, "tcp_httpd_404", "%.40s", reply);
    n = http_get("GET /../etc/passwd HTTP/1.0\r\n\r\n", reply, sizeof(text));
    check(n > 0 && strncmp(reply, "HTTP/1.0 400", 12) == 0, "tcp_httpd_dotdot_400", "%.40s", reply);
    kill(pid, SIGTERM);
    wait_status(pid);
    close(devnull);
}

int main(void)
{
    memset(big_a, 1, sizeof(big_a));
    memset(big_b, 1, sizeof(big_b));
    memset(text, 1, sizeof(text));
    printf("tcp: over lo (127.0.0.1)\n");   /* stdout's buffer, before the count */
    long pages = free_pages();
    long opens = tcp_counter("ActiveOpens"), insegs = tcp_counter("InSegs");

    one_mib();
    congestion_window();
    half_close();
    resets();
    nonblocking_connect();
    many_connections();
    backlog();
    time_wait();
    zero_window();
    nodelay();
    nc_pair();
    httpd();
    check(tcp_counter("ActiveOpens") > opens && tcp_counter("InSegs") > insegs + 100 &&
          tcp_counter("OutRsts") > 0, "tcp_snmp_counters", "ActiveOpens %ld InSegs %ld",
          tcp_counter("ActiveOpens"), tcp_counter("InSegs"));
    /* more may be free after: an earlier test's connection finishing meanwhile */
    check(free_pages() >= pages, "tcp_no_page_leak", "%ld pages before, %ld after", pages,
          free_pages());
    return test_exit_code();
}
