/* AF_INET sockets on 127.0.0.1: TCP through the loopback interface.
 * bind/listen/connect/accept, the names getsockname/getpeername/accept
 * give (ports in network order), ports the kernel hands out, and the
 * errors: EADDRINUSE, EADDRNOTAVAIL, ECONNREFUSED, EINPROGRESS. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define PORT 7777

static int err(int r)
{
    return r < 0 ? -errno : r;
}

static int tcp_socket(void)
{
    return socket(AF_INET, SOCK_STREAM, 0);
}

static int listen_on(const char *ip, int port)
{
    struct sockaddr_in a = inet_address(ip, port);
    int fd = tcp_socket();

    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, 5) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int connect_to(int port)
{
    struct sockaddr_in a = inet_address("127.0.0.1", port);
    int fd = tcp_socket();

    if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void kinds(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    check(fd >= 0, "inet_socket_tcp", "errno %d", errno);
    close(fd);
    int r = err(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));
    check(r == -EPROTONOSUPPORT, "inet_socket_udp_protocol_eprotonosupport", "got %d", r);
    r = err(socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP));  /* UDP's: test_udp */
    check(r == -EPROTONOSUPPORT, "inet_socket_dgram_tcp_eprotonosupport", "got %d", r);
    int sv[2];
    r = err(socketpair(AF_INET, SOCK_STREAM, 0, sv));
    check(r == -EOPNOTSUPP, "inet_socketpair_eopnotsupp", "got %d", r);
    r = err(socket(10, SOCK_STREAM, 0));             /* AF_INET6 */
    check(r == -EAFNOSUPPORT, "inet6_eafnosupport", "got %d", r);
}

/* The echo round trip, and what each side's names are. */
static void echo_and_names(void)
{
    int l = listen_on("127.0.0.1", PORT);
    check(l >= 0, "inet_bind_listen", "errno %d", errno);
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int r = getsockname(l, (struct sockaddr *)&a, &len);
    check(r == 0 && len == sizeof(a) && a.sin_family == AF_INET && ntohs(a.sin_port) == PORT &&
          a.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "inet_getsockname_listener",
          "r %d port %d addr %s", r, ntohs(a.sin_port), inet_ntoa(a.sin_addr));

    pid_t pid = fork();
    if (pid == 0) {
        char buf[64];
        int c = accept(l, NULL, NULL);
        int n = read(c, buf, sizeof(buf));
        write(c, buf, n > 0 ? n : 0);
        _exit(0);
    }
    int fd = connect_to(PORT);
    check(fd >= 0, "inet_connect", "errno %d", errno);
    char reply[64] = { 0 };
    write(fd, "over loopback", 14);
    int n = read(fd, reply, sizeof(reply));
    check(n == 14 && strcmp(reply, "over loopback") == 0, "inet_echo_round_trip", "read %d", n);
    waitpid(pid, NULL, 0);

    struct sockaddr_in mine, peer;
    len = sizeof(mine);
    getsockname(fd, (struct sockaddr *)&mine, &len);
    check(ntohs(mine.sin_port) >= 49152 && mine.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
          "inet_client_gets_a_port", "port %d addr %s", ntohs(mine.sin_port),
          inet_ntoa(mine.sin_addr));
    len = sizeof(peer);
    getpeername(fd, (struct sockaddr *)&peer, &len);
    check(ntohs(peer.sin_port) == PORT, "inet_getpeername_client", "port %d", ntohs(peer.sin_port));
    close(fd);

    /* accept names the client by its address and port */
    fd = connect_to(PORT);
    len = sizeof(mine);
    getsockname(fd, (struct sockaddr *)&mine, &len);
    len = sizeof(a);
    int c = accept(l, (struct sockaddr *)&a, &len);
    check(c >= 0 && len == sizeof(a) && a.sin_port == mine.sin_port &&
          a.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "inet_accept_names_client",
          "fd %d port %d, client has %d", c, ntohs(a.sin_port), ntohs(mine.sin_port));
    len = sizeof(a);
    getsockname(c, (struct sockaddr *)&a, &len);
    check(ntohs(a.sin_port) == PORT, "inet_accepted_getsockname", "port %d", ntohs(a.sin_port));
    close(c);
    close(fd);
    close(l);
}

static void errors(void)
{
    int l = listen_on("127.0.0.1", PORT);
    struct sockaddr_in a = inet_address("127.0.0.1", PORT);
    int fd = tcp_socket();
    int r = err(bind(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EADDRINUSE, "inet_bind_eaddrinuse", "got %d", r);
    a = inet_address("10.0.0.1", PORT + 1);
    r = err(bind(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EADDRNOTAVAIL, "inet_bind_other_host_eaddrnotavail", "got %d", r);
    a = inet_address("127.0.0.1", PORT + 1);
    r = err(bind(fd, (struct sockaddr *)&a, 8));
    check(r == -EINVAL, "inet_bind_short_len_einval", "got %d", r);
    a.sin_family = AF_UNIX;
    r = err(bind(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EAFNOSUPPORT, "inet_bind_wrong_family_eafnosupport", "got %d", r);

    a = inet_address("127.0.0.1", PORT + 1);
    r = err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -ECONNREFUSED, "inet_connect_no_listener_econnrefused", "got %d", r);
    close(fd);
    /* another host (the gateway, 10.0.2.2): the SYN leaves through eth0,
     * and a nonblocking connect says it is on its way; without a card
     * there is no route at all.  (The gateway, not a silent address: it
     * answers ARP, so no SYN is left waiting 3 s for an answer after the
     * close, to be freed in the middle of the page count below.) */
    fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    a = inet_address("10.0.2.2", PORT + 1);
    r = err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EINPROGRESS || r == -ENETUNREACH, "inet_connect_other_host_einprogress",
          "got %d", r);
    close(fd);

    /* closing the listener frees the port at once */
    close(l);
    fd = connect_to(PORT);
    check(fd == -1 && errno == ECONNREFUSED, "inet_connect_after_close_econnrefused", "errno %d",
          errno);
    l = listen_on("127.0.0.1", PORT);
    check(l >= 0, "inet_port_free_after_close", "errno %d", errno);
    close(l);
}

/* listen without bind: the kernel picks a port; 0.0.0.0 is this machine too. */
static void kernel_ports_and_any(void)
{
    int l = tcp_socket();
    check(listen(l, 5) == 0, "inet_listen_unbound", "errno %d", errno);
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    getsockname(l, (struct sockaddr *)&a, &len);
    int port = ntohs(a.sin_port);
    check(port >= 49152 && a.sin_addr.s_addr == INADDR_ANY, "inet_listen_autobinds", "port %d",
          port);
    int fd = connect_to(port);
    int c = accept(l, NULL, NULL);
    check(fd >= 0 && c >= 0, "inet_connect_to_kernel_port", "fds %d %d", fd, c);
    close(c);
    close(fd);
    close(l);

    l = listen_on("0.0.0.0", PORT);
    fd = connect_to(PORT);
    c = accept(l, NULL, NULL);
    check(l >= 0 && fd >= 0 && c >= 0, "inet_inaddr_any", "fds %d %d %d", l, fd, c);
    close(c);
    close(fd);
    close(l);
}

static void no_leaks(void)
{
    int l = listen_on("127.0.0.1", PORT);
    long pages = free_pages();
    int ok = 1;
    for (int i = 0; i < 300 && ok; i++) {
        int fd = connect_to(PORT);
        int c = accept(l, NULL, NULL);
        ok = fd >= 0 && c >= 0;
        close(c);
        close(fd);
    }
    check(ok, "inet_300_cycles", "errno %d", errno);
    check(free_pages() == pages, "inet_300_cycles_no_page_leak", "%ld pages before, %ld after",
          pages, free_pages());
    close(l);
}

int main(void)
{
    kinds();
    echo_and_names();
    errors();
    kernel_ports_and_any();
    no_leaks();
    return test_exit_code();
}
