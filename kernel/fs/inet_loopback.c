/* AF_INET stream sockets on 127.0.0.1: the same connections as AF_UNIX's,
 * two pipes (fs/pipe_stream.c), found by port instead of by path.
 *
 * THIS IS THE PIECE TCP REPLACES.  It stands in for TCP until Minnow has
 * one, so that the lecture's servers run over AF_INET too: its sockets
 * are IPPROTO_TCP, hold their ports in TCP's table (tcp_ports, with
 * SO_REUSEADDR's rules) and keep TCP_NODELAY.  When TCP comes,
 * inet_create() (fs/af_inet.c) hands streams to TCP instead, and this
 * file goes -- TCP's loopback is its own segments through the loopback
 * interface.  What it does not have: other addresses than 127.0.0.1
 * (EADDRNOTAVAIL, ENETUNREACH), and TIME_WAIT (a port is free the moment
 * its socket closes). */
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/af_inet.h"
#include "fs/inet_port.h"
#include "fs/pipe_stream.h"

/* Gives s (ip, port) -- port 0: a free one -- in TCP's table. */
static long take_port(struct socket *s, uint32_t ip, int port)
{
    struct pipe_sock *ps = pipe_sk(s);
    long err = port_bind(&tcp_ports, &ps->port, s, ip, port);

    if (err < 0)
        return err;
    ps->name.in.sin_port = htons(ps->port.port);
    ps->name.in.sin_addr.s_addr = ip;
    return 0;
}

static long loopback_bind(struct socket *s, const union sock_addr *a, socklen_t len)
{
    long err = inet_check_address(a, len);

    if (err < 0)
        return err;
    if (pipe_sk(s)->port.port || s->state != SS_UNCONNECTED)
        return -EINVAL;                /* a socket gets one name, before it is used */
    if (!inet_addr_is_local(a->in.sin_addr.s_addr))
        return -EADDRNOTAVAIL;         /* the only address here is 127.0.0.1 */
    return take_port(s, a->in.sin_addr.s_addr, ntohs(a->in.sin_port));
}

/* An unbound socket listens on a port of the kernel's choosing. */
static long loopback_listen(struct socket *s, int backlog)
{
    struct pipe_sock *ps = pipe_sk(s);
    long err;

    if (s->state == SS_CONNECTED)
        return -EINVAL;
    if (!ps->port.port && (err = take_port(s, htonl(INADDR_ANY), 0)) < 0)
        return err;
    if ((err = port_listen(&tcp_ports, &ps->port)) < 0)
        return err;
    return pipe_sock_listen(s, backlog);
}

/* The socket listening at the port (where), on 127.0.0.1 or INADDR_ANY. */
static struct socket *listener_at_port(const void *where)
{
    const int *port = where;
    struct port_entry *e = port_lookup(&tcp_ports, htonl(INADDR_LOOPBACK), *port, PORT_LISTEN);

    return e ? e->sock : NULL;
}

/* The name is 127.0.0.1 and a port.  The client gets a port of its own,
 * so that the server's accept/getpeername can name it. */
static long loopback_connect(struct socket *s, const union sock_addr *a, socklen_t len,
                             int nonblock)
{
    struct pipe_sock *ps = pipe_sk(s);
    long err = inet_check_address(a, len);

    if (err < 0)
        return err;
    if (!inet_addr_is_local(a->in.sin_addr.s_addr))
        return -ENETUNREACH;           /* Minnow has no network beyond itself, yet */
    if (s->state == SS_UNCONNECTED && !ps->port.port &&
        (err = take_port(s, htonl(INADDR_LOOPBACK), 0)) < 0)
        return err;
    int port = ntohs(a->in.sin_port);
    union sock_addr reached = { .in = {        /* the server's end: what the client reached */
        .sin_family = AF_INET,
        .sin_port = a->in.sin_port,
        .sin_addr.s_addr = inet_dest_addr(a->in.sin_addr.s_addr),
    } };
    return pipe_sock_connect(s, listener_at_port, &port, &reached, nonblock);
}

/* IPPROTO_TCP's options: TCP_NODELAY.  Other levels: ENOPROTOOPT. */
static long loopback_setsockopt(struct socket *s, int level, int name, const void *val,
                                socklen_t len)
{
    if (level != IPPROTO_TCP || name != TCP_NODELAY)
        return -ENOPROTOOPT;
    if (len < sizeof(int))
        return -EINVAL;
    pipe_sk(s)->nodelay = *(const int *)val != 0;
    return 0;
}

static long loopback_getsockopt(struct socket *s, int level, int name, void *val,
                                socklen_t *len)
{
    if (level != IPPROTO_TCP || name != TCP_NODELAY)
        return -ENOPROTOOPT;
    *(int *)val = pipe_sk(s)->nodelay;
    *len = sizeof(int);
    return 0;
}

/* The port is free again at once: no TIME_WAIT on a pipe. */
static void loopback_release(struct socket *s)
{
    struct pipe_sock *ps = pipe_sk(s);

    if (ps->port.port)
        port_unbind(&tcp_ports, &ps->port);
    pipe_sock_release(s);
}

static const struct proto_ops loopback_stream_ops = {
    .release = loopback_release,
    .bind = loopback_bind,
    .connect = loopback_connect,
    .listen = loopback_listen,
    .accept = pipe_sock_accept,
    .getname = pipe_sock_getname,
    .poll = pipe_sock_poll,
    .shutdown = pipe_sock_shutdown,
    .sendmsg = pipe_sock_sendmsg,      /* as TCP's: sendto's address is not looked at */
    .recvmsg = pipe_sock_recvmsg,
    .setsockopt = loopback_setsockopt,
    .getsockopt = loopback_getsockopt,
};

long loopback_stream_create(struct socket *s)
{
    struct pipe_sock *ps = pipe_sock_create(s, &loopback_stream_ops);

    if (!ps)
        return -ENOMEM;
    ps->name_len = sizeof(struct sockaddr_in);         /* 0.0.0.0, port 0 */
    return 0;
}
