/* getsockopt and setsockopt: SOL_SOCKET's options (SO_TYPE, SO_DOMAIN,
 * SO_PROTOCOL, SO_ACCEPTCONN, SO_ERROR, SO_REUSEADDR, SO_SNDBUF,
 * SO_RCVBUF) and TCP_NODELAY round-trip with Linux's values; what
 * SO_REUSEADDR lets bind and listen share; and every wrong level, name,
 * length and pointer gets Linux's errno. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <minnow/test.h>

#define PORT 7790
#define KERNEL_ADDR ((void *)0xC0100000)
#define UNMAPPED ((void *)16)

static int err(int r)
{
    return r < 0 ? -errno : r;
}

/* An int option's value, or -errno. */
static int get_int(int fd, int level, int name)
{
    int v = -12345;
    socklen_t len = sizeof(v);

    if (getsockopt(fd, level, name, &v, &len) < 0)
        return -errno;
    return len == sizeof(v) ? v : -1000 - (int)len;
}

static int set_int(int fd, int level, int name, int v)
{
    return err(setsockopt(fd, level, name, &v, sizeof(v)));
}

static int inet_bind(int fd, int port)
{
    struct sockaddr_in a = inet_address("127.0.0.1", port);

    return err(bind(fd, (struct sockaddr *)&a, sizeof(a)));
}

/* What the socket is: read only, and as socket() made it. */
static void what_it_is(void)
{
    int u = socket(AF_UNIX, SOCK_STREAM, 0);
    int t = socket(AF_INET, SOCK_STREAM, 0);

    check(get_int(u, SOL_SOCKET, SO_TYPE) == SOCK_STREAM && get_int(t, SOL_SOCKET, SO_TYPE) == SOCK_STREAM,
          "sockopt_so_type", "unix %d inet %d", get_int(u, SOL_SOCKET, SO_TYPE),
          get_int(t, SOL_SOCKET, SO_TYPE));
    check(get_int(u, SOL_SOCKET, SO_DOMAIN) == AF_UNIX && get_int(t, SOL_SOCKET, SO_DOMAIN) == AF_INET,
          "sockopt_so_domain", "unix %d inet %d", get_int(u, SOL_SOCKET, SO_DOMAIN),
          get_int(t, SOL_SOCKET, SO_DOMAIN));
    check(get_int(u, SOL_SOCKET, SO_PROTOCOL) == 0 && get_int(t, SOL_SOCKET, SO_PROTOCOL) == IPPROTO_TCP,
          "sockopt_so_protocol", "unix %d inet %d", get_int(u, SOL_SOCKET, SO_PROTOCOL),
          get_int(t, SOL_SOCKET, SO_PROTOCOL));
    check(get_int(u, SOL_SOCKET, SO_ERROR) == 0 && get_int(t, SOL_SOCKET, SO_ERROR) == 0,
          "sockopt_so_error_none", "unix %d inet %d", get_int(u, SOL_SOCKET, SO_ERROR),
          get_int(t, SOL_SOCKET, SO_ERROR));
    int before = get_int(t, SOL_SOCKET, SO_ACCEPTCONN);
    listen(t, 1);
    check(before == 0 && get_int(t, SOL_SOCKET, SO_ACCEPTCONN) == 1, "sockopt_so_acceptconn",
          "before %d after %d", before, get_int(t, SOL_SOCKET, SO_ACCEPTCONN));
    int r1 = set_int(u, SOL_SOCKET, SO_TYPE, SOCK_DGRAM), r2 = set_int(u, SOL_SOCKET, SO_ERROR, 0);
    int r3 = set_int(t, SOL_SOCKET, SO_ACCEPTCONN, 0);
    check(r1 == -ENOPROTOOPT && r2 == -ENOPROTOOPT && r3 == -ENOPROTOOPT &&
          get_int(u, SOL_SOCKET, SO_TYPE) == SOCK_STREAM, "sockopt_read_only_enoprotoopt",
          "got %d %d %d", r1, r2, r3);
    close(u);
    close(t);
}

/* The values that are set: they come back as Linux gives them. */
static void round_trips(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    int r0 = get_int(fd, SOL_SOCKET, SO_REUSEADDR);
    set_int(fd, SOL_SOCKET, SO_REUSEADDR, 1);
    int r1 = get_int(fd, SOL_SOCKET, SO_REUSEADDR);
    set_int(fd, SOL_SOCKET, SO_REUSEADDR, 0);
    int r2 = get_int(fd, SOL_SOCKET, SO_REUSEADDR);
    set_int(fd, SOL_SOCKET, SO_REUSEADDR, 7);
    check(r0 == 0 && r1 == 1 && r2 == 0 && get_int(fd, SOL_SOCKET, SO_REUSEADDR) == 1,
          "sockopt_reuseaddr_round_trip", "%d %d %d", r0, r1, r2);

    /* SO_RCVBUF/SO_SNDBUF: doubled, at least a minimum, at most twice the maximum */
    int d = get_int(fd, SOL_SOCKET, SO_RCVBUF);
    check(d == 212992 && get_int(fd, SOL_SOCKET, SO_SNDBUF) == 212992, "sockopt_buf_defaults",
          "rcvbuf %d sndbuf %d", d, get_int(fd, SOL_SOCKET, SO_SNDBUF));
    set_int(fd, SOL_SOCKET, SO_RCVBUF, 10000);
    set_int(fd, SOL_SOCKET, SO_SNDBUF, 30000);
    check(get_int(fd, SOL_SOCKET, SO_RCVBUF) == 20000 && get_int(fd, SOL_SOCKET, SO_SNDBUF) == 60000,
          "sockopt_buf_doubled", "rcvbuf %d sndbuf %d", get_int(fd, SOL_SOCKET, SO_RCVBUF),
          get_int(fd, SOL_SOCKET, SO_SNDBUF));
    set_int(fd, SOL_SOCKET, SO_RCVBUF, 1);
    set_int(fd, SOL_SOCKET, SO_SNDBUF, 0);
    check(get_int(fd, SOL_SOCKET, SO_RCVBUF) == 2304 && get_int(fd, SOL_SOCKET, SO_SNDBUF) == 4608,
          "sockopt_buf_minimum", "rcvbuf %d sndbuf %d", get_int(fd, SOL_SOCKET, SO_RCVBUF),
          get_int(fd, SOL_SOCKET, SO_SNDBUF));
    set_int(fd, SOL_SOCKET, SO_RCVBUF, -1);
    set_int(fd, SOL_SOCKET, SO_SNDBUF, 1 << 30);
    check(get_int(fd, SOL_SOCKET, SO_RCVBUF) == 425984 && get_int(fd, SOL_SOCKET, SO_SNDBUF) == 425984,
          "sockopt_buf_maximum", "rcvbuf %d sndbuf %d", get_int(fd, SOL_SOCKET, SO_RCVBUF),
          get_int(fd, SOL_SOCKET, SO_SNDBUF));

    int n0 = get_int(fd, IPPROTO_TCP, TCP_NODELAY);
    set_int(fd, IPPROTO_TCP, TCP_NODELAY, 1);
    check(n0 == 0 && get_int(fd, IPPROTO_TCP, TCP_NODELAY) == 1, "sockopt_tcp_nodelay_round_trip",
          "before %d after %d", n0, get_int(fd, IPPROTO_TCP, TCP_NODELAY));
    close(fd);
}

/* A connection accepted from a listener starts with the listener's options. */
static void accepted_inherit(void)
{
    int l = socket(AF_INET, SOCK_STREAM, 0);
    set_int(l, SOL_SOCKET, SO_RCVBUF, 5000);
    set_int(l, SOL_SOCKET, SO_REUSEADDR, 1);
    inet_bind(l, PORT);
    listen(l, 1);
    struct sockaddr_in a = inet_address("127.0.0.1", PORT);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    connect(c, (struct sockaddr *)&a, sizeof(a));
    int s = accept(l, NULL, NULL);
    check(s >= 0 && get_int(s, SOL_SOCKET, SO_RCVBUF) == 10000 && get_int(s, SOL_SOCKET, SO_REUSEADDR) == 1 &&
          get_int(s, SOL_SOCKET, SO_ACCEPTCONN) == 0 && get_int(c, SOL_SOCKET, SO_RCVBUF) == 212992,
          "sockopt_accepted_inherits", "fd %d rcvbuf %d", s, get_int(s, SOL_SOCKET, SO_RCVBUF));
    close(s);
    close(c);
    close(l);
}

/* SO_REUSEADDR: who may bind a port that another socket holds. */
static void reuseaddr_rules(void)
{
    int a = socket(AF_INET, SOCK_STREAM, 0), b = socket(AF_INET, SOCK_STREAM, 0);
    int c = socket(AF_INET, SOCK_STREAM, 0);

    inet_bind(a, PORT);
    int r = inet_bind(b, PORT);
    check(r == -EADDRINUSE, "reuseaddr_neither_eaddrinuse", "got %d", r);
    set_int(b, SOL_SOCKET, SO_REUSEADDR, 1);
    r = inet_bind(b, PORT);
    check(r == -EADDRINUSE, "reuseaddr_only_new_eaddrinuse", "got %d", r);
    set_int(a, SOL_SOCKET, SO_REUSEADDR, 1);
    r = inet_bind(b, PORT);
    check(r == 0, "reuseaddr_both_share", "got %d", r);

    /* 0.0.0.0 overlaps 127.0.0.1 */
    struct sockaddr_in any = inet_address("127.0.0.1", PORT);
    any.sin_addr.s_addr = htonl(INADDR_ANY);
    r = err(bind(c, (struct sockaddr *)&any, sizeof(any)));
    check(r == -EADDRINUSE, "reuseaddr_any_overlaps_eaddrinuse", "got %d", r);

    /* of the two, one may listen; the other may not, nor may a third bind */
    int la = err(listen(a, 1)), lb = err(listen(b, 1));
    check(la == 0 && lb == -EADDRINUSE, "reuseaddr_one_listener", "listen a %d b %d", la, lb);
    set_int(c, SOL_SOCKET, SO_REUSEADDR, 1);
    r = inet_bind(c, PORT);
    check(r == -EADDRINUSE, "reuseaddr_listener_not_shared", "got %d", r);

    /* connections reach the listener, not the other socket on its port */
    struct sockaddr_in to = inet_address("127.0.0.1", PORT);
    int cl = socket(AF_INET, SOCK_STREAM, 0);
    int cr = err(connect(cl, (struct sockaddr *)&to, sizeof(to)));
    int s = accept(a, NULL, NULL);
    check(cr == 0 && s >= 0, "reuseaddr_connect_finds_listener", "connect %d accept %d", cr, s);
    close(s);
    close(cl);

    /* the port is free again once both are closed */
    close(a);
    close(b);
    int d = socket(AF_INET, SOCK_STREAM, 0);
    r = inet_bind(d, PORT);
    check(r == 0, "reuseaddr_port_free_after_close", "got %d", r);
    close(c);
    close(d);
}

/* Levels and names that do not exist. */
static void wrong_level_or_name(void)
{
    int u = socket(AF_UNIX, SOCK_STREAM, 0), t = socket(AF_INET, SOCK_STREAM, 0);
    int v = 1;
    socklen_t len = sizeof(v);

    int r1 = set_int(u, SOL_SOCKET, 9999, 1), r2 = err(getsockopt(t, SOL_SOCKET, 9999, &v, &len));
    check(r1 == -ENOPROTOOPT && r2 == -ENOPROTOOPT, "sockopt_unknown_name_enoprotoopt", "set %d get %d",
          r1, r2);
    r1 = set_int(t, IPPROTO_TCP, 9999, 1);
    r2 = get_int(t, IPPROTO_TCP, 9999);
    check(r1 == -ENOPROTOOPT && r2 == -ENOPROTOOPT, "sockopt_unknown_tcp_name_enoprotoopt",
          "set %d get %d", r1, r2);
    r1 = set_int(t, 999, 1, 1);
    r2 = get_int(t, 999, 1);
    check(r1 == -ENOPROTOOPT && r2 == -ENOPROTOOPT, "sockopt_inet_bad_level_enoprotoopt", "set %d get %d",
          r1, r2);
    r1 = set_int(u, IPPROTO_TCP, TCP_NODELAY, 1);
    r2 = get_int(u, IPPROTO_TCP, TCP_NODELAY);
    check(r1 == -EOPNOTSUPP && r2 == -EOPNOTSUPP, "sockopt_unix_other_level_eopnotsupp",
          "set %d get %d", r1, r2);
    close(u);
    close(t);
}

/* Lengths: a value shorter than an int is EINVAL to set; to get, it is
 * cut to the room given (Linux), and a negative room is EINVAL. */
static void lengths(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int v = 1;
    int r = err(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, 2));
    check(r == -EINVAL, "setsockopt_short_len_einval", "got %d", r);
    r = err(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, (socklen_t)-1));
    check(r == -EINVAL, "setsockopt_negative_len_einval", "got %d", r);
    r = err(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, 3));
    check(r == -EINVAL, "setsockopt_tcp_short_len_einval", "got %d", r);
    r = err(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, 0));
    check(r == -EINVAL, "setsockopt_zero_len_einval", "got %d", r);

    socklen_t len = (socklen_t)-1;
    r = err(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len));
    check(r == -EINVAL, "getsockopt_negative_len_einval", "got %d", r);
    unsigned char bytes[8];
    memset(bytes, 0xee, sizeof(bytes));
    len = 1;
    r = err(getsockopt(fd, SOL_SOCKET, SO_TYPE, bytes, &len));
    check(r == 0 && len == 1 && bytes[0] == SOCK_STREAM && bytes[1] == 0xee, "getsockopt_cut_to_room",
          "r %d len %u byte %d", r, len, bytes[0]);
    len = sizeof(bytes);
    r = err(getsockopt(fd, SOL_SOCKET, SO_TYPE, bytes, &len));
    check(r == 0 && len == sizeof(int), "getsockopt_len_says_int", "r %d len %u", r, len);
    close(fd);
}

static void bad_pointers_and_fds(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int v = 1, p[2];
    socklen_t len = sizeof(v);

    int r = err(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, NULL, sizeof(int)));
    check(r == -EFAULT, "setsockopt_null_efault", "got %d", r);
    r = err(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, KERNEL_ADDR, sizeof(int)));
    check(r == -EFAULT, "setsockopt_kernel_addr_efault", "got %d", r);
    r = err(getsockopt(fd, SOL_SOCKET, SO_TYPE, KERNEL_ADDR, &len));
    check(r == -EFAULT, "getsockopt_val_efault", "got %d", r);
    r = err(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, UNMAPPED));
    check(r == -EFAULT, "getsockopt_len_efault", "got %d", r);
    r = err(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, KERNEL_ADDR));
    check(r == -EFAULT, "getsockopt_len_kernel_efault", "got %d", r);

    pipe(p);
    r = set_int(p[0], SOL_SOCKET, SO_REUSEADDR, 1);
    int g = get_int(p[1], SOL_SOCKET, SO_TYPE);
    check(r == -ENOTSOCK && g == -ENOTSOCK, "sockopt_pipe_enotsock", "set %d get %d", r, g);
    r = set_int(99, SOL_SOCKET, SO_REUSEADDR, 1);
    g = get_int(-1, SOL_SOCKET, SO_TYPE);
    check(r == -EBADF && g == -EBADF, "sockopt_ebadf", "set %d get %d", r, g);
    close(p[0]);
    close(p[1]);
    close(fd);
}

static void all(void)
{
    what_it_is();
    round_trips();
    accepted_inherit();
    reuseaddr_rules();
    wrong_level_or_name();
    lengths();
    bad_pointers_and_fds();
}

int main(void)
{
    check_group(all, "sockopt");
    return test_exit_code();
}
