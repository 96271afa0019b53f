/* UDP sockets (docs/net.md, "One datagram"): on 127.0.0.1 and on the
 * interface's own address, which the kernel delivers to itself --
 * addresses given and received, message boundaries, MSG_TRUNC and
 * MSG_PEEK, the port rules (EADDRINUSE, SO_REUSEADDR), a connected
 * socket's filter and its ECONNREFUSED after an ICMP port unreachable,
 * SO_RCVBUF's bound, poll, shutdown, the errors, and the counters of
 * /proc/net/snmp.  Each group runs in a child that must give back every
 * page. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <minnow/test.h>

#define PORT 5300

static int err(long r)
{
    return r < 0 ? -errno : (int)r;
}

/* A UDP socket bound to (ip, port); port 0: the kernel's choice. */
static int udp_at(const char *ip, int port)
{
    struct sockaddr_in a = inet_address(ip, port);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);

    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int port_of(int fd)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);

    if (getsockname(fd, (struct sockaddr *)&a, &len) < 0)
        return -1;
    return ntohs(a.sin_port);
}

static long send_to(int fd, const char *ip, int port, const void *buf, size_t n)
{
    struct sockaddr_in a = inet_address(ip, port);
    return sendto(fd, buf, n, 0, (struct sockaddr *)&a, sizeof(a));
}

/* The value of the Udp: counter `name` in /proc/net/snmp, or -1. */
static long udp_counter(const char *name)
{
    static char text[4096];
    if (read_file("/proc/net/snmp", text, sizeof(text)) <= 0)
        return -1;
    char *names = strstr(text, "Udp: "), *values = names ? strstr(names + 1, "Udp: ") : NULL;
    if (!values)
        return -1;
    int col = 0;
    for (char *w = names + 5; *w && *w != '\n'; col++) {
        size_t n = strcspn(w, " \n");
        if (n == strlen(name) && strncmp(w, name, n) == 0) {
            char *v = values + 5;
            for (int i = 0; i < col; i++)
                v = strchr(v, ' ') + 1;
            return strtol(v, NULL, 10);
        }
        w += n + (w[n] == ' ');
    }
    return -1;
}

static void addresses(void)
{
    int a = udp_at("127.0.0.1", PORT), b = socket(AF_INET, SOCK_DGRAM, 0);
    check(a >= 0 && b >= 0, "udp_socket_bind", "errno %d", errno);
    long n = send_to(b, "127.0.0.1", PORT, "hello", 5);
    check(n == 5, "udp_sendto", "got %d", err(n));
    int bport = port_of(b);
    check(bport >= 49152, "udp_autobind_ephemeral", "port %d", bport);

    char buf[64];
    struct sockaddr_in from;
    socklen_t len = sizeof(from);
    n = recvfrom(a, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
    check(n == 5 && memcmp(buf, "hello", 5) == 0, "udp_recvfrom_data", "got %d", err(n));
    check(len == sizeof(from) && from.sin_family == AF_INET &&
          from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) && ntohs(from.sin_port) == bport,
          "udp_recvfrom_address", "len %u, %s:%d (want port %d)", len, inet_ntoa(from.sin_addr),
          ntohs(from.sin_port), bport);

    /* the answer goes back to the address recvfrom gave */
    n = sendto(a, "back", 4, 0, (struct sockaddr *)&from, len);
    n = n == 4 ? recv(b, buf, sizeof(buf), 0) : n;
    check(n == 4 && memcmp(buf, "back", 4) == 0, "udp_reply_to_sender", "got %d", err(n));

    /* the interface's own address is this host too */
    int c = udp_at("10.0.2.15", PORT + 1);
    check(c >= 0, "udp_bind_interface_address", "errno %d", errno);
    n = send_to(b, "10.0.2.15", PORT + 1, "self", 4);
    len = sizeof(from);
    n = n == 4 ? recvfrom(c, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *)&from, &len) : n;
    check(n == 4 && from.sin_addr.s_addr == inet_addr("10.0.2.15"), "udp_to_own_address",
          "got %d from %s", err(n), inet_ntoa(from.sin_addr));
    int d = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in other = inet_address("10.9.9.9", PORT);
    int r = err(bind(d, (struct sockaddr *)&other, sizeof(other)));
    check(r == -EADDRNOTAVAIL, "udp_bind_other_host_eaddrnotavail", "got %d", r);
    close(a), close(b), close(c), close(d);
}

static void boundaries(void)
{
    int a = udp_at("127.0.0.1", PORT), b = socket(AF_INET, SOCK_DGRAM, 0);
    char big[1000], buf[2000];
    memset(big, 'x', sizeof(big));
    send_to(b, "127.0.0.1", PORT, big, 10);
    send_to(b, "127.0.0.1", PORT, big, 0);
    send_to(b, "127.0.0.1", PORT, big, 1000);
    long n1 = recv(a, buf, sizeof(buf), 0), n2 = recv(a, buf, sizeof(buf), 0),
         n3 = recv(a, buf, sizeof(buf), 0);
    check(n1 == 10 && n2 == 0 && n3 == 1000, "udp_boundaries_kept", "got %ld %ld %ld", n1, n2, n3);

    /* cut to the buffer: MSG_TRUNC in msg_flags, the rest is gone */
    send_to(b, "127.0.0.1", PORT, "0123456789", 10);
    send_to(b, "127.0.0.1", PORT, "next", 4);
    struct iovec iov = { buf, 4 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    long n = recvmsg(a, &m, 0);
    check(n == 4 && (m.msg_flags & MSG_TRUNC) && memcmp(buf, "0123", 4) == 0, "udp_msg_trunc_flag",
          "got %ld, flags %#x", n, m.msg_flags);
    n = recv(a, buf, sizeof(buf), 0);
    check(n == 4 && memcmp(buf, "next", 4) == 0, "udp_trunc_rest_gone", "got %ld", n);

    /* MSG_TRUNC asked for: the whole length; MSG_PEEK: it stays */
    send_to(b, "127.0.0.1", PORT, "0123456789", 10);
    n = recv(a, buf, 3, MSG_PEEK | MSG_TRUNC);
    check(n == 10, "udp_recv_msg_trunc_real_length", "got %ld", n);
    n = recv(a, buf, sizeof(buf), 0);
    check(n == 10, "udp_peek_left_it", "got %ld", n);

    /* several buffers, one datagram */
    char p1[3], p2[20];
    struct iovec two[2] = { { p1, 3 }, { p2, 20 } };
    struct msghdr m2 = { .msg_iov = two, .msg_iovlen = 2 };
    send_to(b, "127.0.0.1", PORT, "abcdefgh", 8);
    n = recvmsg(a, &m2, 0);
    check(n == 8 && memcmp(p1, "abc", 3) == 0 && memcmp(p2, "defgh", 5) == 0 && !m2.msg_flags,
          "udp_recvmsg_iovec", "got %ld", n);

    n = recv(a, buf, sizeof(buf), MSG_DONTWAIT);
    check(err(n) == -EAGAIN, "udp_recv_empty_eagain", "got %d", err(n));
    n = send_to(b, "127.0.0.1", PORT, buf, 1473);
    check(n == 1473, "udp_loopback_1473_bytes", "got %d", err(n));
    n = send_to(b, "10.0.2.2", PORT, buf, 1473);
    check(err(n) == -EMSGSIZE, "udp_larger_than_mtu_emsgsize", "got %d", err(n));
    static char huge[4000];
    n = send_to(b, "127.0.0.1", PORT, huge, sizeof(huge));
    check(err(n) == -EMSGSIZE, "udp_too_big_emsgsize", "got %d", err(n));
    /* a broadcast only with SO_BROADCAST, as Linux */
    int r1 = err(send_to(b, "255.255.255.255", PORT, "all", 3));
    int r2 = err(send_to(b, "10.0.2.255", PORT, "all", 3));
    int one = 1;
    setsockopt(b, SOL_SOCKET, SO_BROADCAST, &one, sizeof(one));
    int r3 = err(send_to(b, "255.255.255.255", PORT, "all", 3));
    check(r1 == -EACCES && r2 == -EACCES && r3 == 3, "udp_broadcast_needs_so_broadcast",
          "got %d, %d, then %d", r1, r2, r3);
    close(a), close(b);
}

static void ports(void)
{
    int a = udp_at("0.0.0.0", PORT);
    int r = err(udp_at("127.0.0.1", PORT));
    check(r == -EADDRINUSE || (r < 0 && errno == EADDRINUSE), "udp_bind_eaddrinuse", "got %d",
          r);
    int b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in there = inet_address("127.0.0.1", PORT + 2);
    check(bind(b, (struct sockaddr *)&there, sizeof(there)) == 0 &&
          err(bind(b, (struct sockaddr *)&there, sizeof(there))) == -EINVAL,
          "udp_bind_twice_einval", "errno %d", errno);
    close(a);
    a = udp_at("0.0.0.0", PORT);
    check(a >= 0, "udp_port_free_after_close", "errno %d", errno);
    close(a);

    /* SO_REUSEADDR on both: they share the port */
    int one = 1, s1 = socket(AF_INET, SOCK_DGRAM, 0), s2 = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in p = inet_address("127.0.0.1", PORT + 3);
    setsockopt(s1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    setsockopt(s2, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    r = bind(s1, (struct sockaddr *)&p, sizeof(p)) | bind(s2, (struct sockaddr *)&p, sizeof(p));
    check(r == 0, "udp_reuseaddr_shares", "errno %d", errno);
    close(s1), close(s2), close(b);
}

static void connected(void)
{
    int srv = udp_at("127.0.0.1", PORT), c = socket(AF_INET, SOCK_DGRAM, 0);
    int stranger = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = inet_address("127.0.0.1", PORT), name;
    socklen_t len = sizeof(name);
    char buf[32];

    int r = err(getpeername(c, (struct sockaddr *)&name, &len));
    check(r == -ENOTCONN, "udp_getpeername_enotconn", "got %d", r);
    r = err(write(c, "x", 1));
    check(r == -EDESTADDRREQ, "udp_write_unconnected_edestaddrreq", "got %d", r);
    r = err(connect(c, (struct sockaddr *)&to, sizeof(to)));
    check(r == 0, "udp_connect", "got %d", r);
    len = sizeof(name);
    getsockname(c, (struct sockaddr *)&name, &len);
    check(name.sin_addr.s_addr == htonl(INADDR_LOOPBACK) && ntohs(name.sin_port) >= 49152,
          "udp_connect_names_source", "%s:%d", inet_ntoa(name.sin_addr), ntohs(name.sin_port));
    check(write(c, "ping", 4) == 4 && recv(srv, buf, sizeof(buf), 0) == 4, "udp_connected_write",
          "errno %d", errno);

    /* a connected socket takes datagrams from its peer only */
    struct sockaddr_in me = inet_address("127.0.0.1", port_of(c));
    sendto(stranger, "no", 2, 0, (struct sockaddr *)&me, sizeof(me));
    sendto(srv, "yes", 3, 0, (struct sockaddr *)&me, sizeof(me));
    long n = recv(c, buf, sizeof(buf), MSG_DONTWAIT);
    check(n == 3 && memcmp(buf, "yes", 3) == 0, "udp_connected_filters_peer", "got %ld", n);

    /* the peer's port closes: the next datagram draws an ICMP port
     * unreachable, and the next call after it fails with ECONNREFUSED */
    long noports = udp_counter("NoPorts");
    close(srv);
    n = write(c, "lost", 4);
    check(n == 4, "udp_send_to_closed_port", "got %d", err(n));
    struct pollfd pfd = { c, POLLIN, 0 };
    r = poll(&pfd, 1, 1000);
    check(r == 1 && (pfd.revents & POLLERR), "udp_poll_pollerr", "poll %d, revents %#x", r,
          pfd.revents);
    r = err(recv(c, buf, sizeof(buf), MSG_DONTWAIT));
    check(r == -ECONNREFUSED, "udp_econnrefused", "got %d", r);
    r = err(recv(c, buf, sizeof(buf), MSG_DONTWAIT));
    check(r == -EAGAIN, "udp_econnrefused_once", "got %d", r);
    check(udp_counter("NoPorts") == noports + 1, "udp_snmp_noports", "%ld, was %ld",
          udp_counter("NoPorts"), noports);
    write(c, "again", 5);
    r = err(write(c, "again", 5));
    check(r == -ECONNREFUSED, "udp_econnrefused_on_send", "got %d", r);

    /* AF_UNSPEC forgets the peer */
    struct sockaddr unspec = { .sa_family = AF_UNSPEC };
    r = err(connect(c, &unspec, sizeof(unspec)));
    len = sizeof(name);
    check(r == 0 && err(getpeername(c, (struct sockaddr *)&name, &len)) == -ENOTCONN,
          "udp_connect_unspec_disconnects", "got %d", r);
    close(c), close(stranger);
}

static void waiting(void)
{
    int a = udp_at("127.0.0.1", PORT), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct pollfd pfd = { a, POLLIN, 0 };
    char buf[8];

    int r = poll(&pfd, 1, 0);
    check(r == 0, "udp_poll_empty", "poll %d, revents %#x", r, pfd.revents);
    send_to(b, "127.0.0.1", PORT, "x", 1);
    r = poll(&pfd, 1, 0);
    check(r == 1 && pfd.revents == POLLIN, "udp_poll_pollin", "poll %d, revents %#x", r,
          pfd.revents);
    recv(a, buf, sizeof(buf), 0);

    /* a reader asleep is woken by a datagram from another process */
    pid_t pid = fork();
    if (pid == 0) {
        usleep(100000);
        send_to(b, "127.0.0.1", PORT, "late", 4);
        _exit(0);
    }
    long n = recv(a, buf, sizeof(buf), 0);
    check(n == 4, "udp_recv_blocks_until_datagram", "got %ld", n);
    wait_status(pid);

    /* an alarm ends a wait: EINTR */
    alarm_interrupt(1);
    r = err(recv(a, buf, sizeof(buf), 0));
    alarm_restore();
    check(r == -EINTR, "udp_recv_eintr", "got %d", r);

    /* SO_RCVBUF bounds the queue: the smallest takes one datagram */
    long drops = udp_counter("RcvbufErrors");
    int small = 1;
    setsockopt(a, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
    for (int i = 0; i < 5; i++)
        send_to(b, "127.0.0.1", PORT, "q", 1);
    int got = 0;
    while (recv(a, buf, sizeof(buf), MSG_DONTWAIT) == 1)
        got++;
    check(got == 1 && udp_counter("RcvbufErrors") == drops + 4, "udp_rcvbuf_bounds_queue",
          "%d received, %ld dropped", got, udp_counter("RcvbufErrors") - drops);

    /* shutdown: only a connected socket; SHUT_RD reads end of file */
    r = err(shutdown(a, SHUT_RD));
    check(r == -ENOTCONN, "udp_shutdown_unconnected_enotconn", "got %d", r);
    struct sockaddr_in peer = inet_address("127.0.0.1", port_of(b));
    connect(a, (struct sockaddr *)&peer, sizeof(peer));
    r = err(shutdown(a, SHUT_RDWR));
    long n2 = recv(a, buf, sizeof(buf), 0);
    check(r == 0 && n2 == 0, "udp_shutdown_rd_eof", "shutdown %d, recv %ld", r, n2);
    r = err(send(a, "x", 1, MSG_NOSIGNAL));
    check(r == -EPIPE, "udp_shutdown_wr_epipe", "got %d", r);
    close(a), close(b);
}

static void proc_udp(void)
{
    int a = udp_at("127.0.0.1", PORT + 4);
    static char text[4096];
    read_file("/proc/net/udp", text, sizeof(text));
    const char *head = "   sl  local_address rem_address   st tx_queue rx_queue";
    check(strncmp(text, head, strlen(head)) == 0 &&
          strstr(text, "0100007F:14B8 00000000:0000 07") != NULL, "udp_proc_net_udp",
          "%.300s", text);
    close(a);
}

int main(void)
{
    check_group(addresses, "udp_addresses");
    check_group(boundaries, "udp_boundaries");
    check_group(ports, "udp_ports");
    check_group(connected, "udp_connected");
    check_group(waiting, "udp_waiting");
    check_group(proc_udp, "udp_proc");
    return test_exit_code();
}
