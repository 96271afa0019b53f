/* TCP as a socket (docs/sockets.md, "Where TCP and UDP plug in"): the
 * proto_ops of AF_INET SOCK_STREAM.  A socket's s->sk is its struct
 * tcp_sock; the calls here move bytes between the program's buffers and
 * the connection's send and receive buffers, start and end connections,
 * and sleep until the segments (tcp_input.c) change what they wait for.
 *
 * Every call holds TCP's lock while it works (tcp_conn.c): segments that
 * arrive meanwhile -- most of all lo's, which come back under the very
 * call that sent them -- wait until the call lets go, so a connection
 * never changes under a call's feet, except while it sleeps. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include <minnow/poll.h>
#include <minnow/socket.h>
#include <minnow/uio.h>
#include "net/tcp.h"
#include "net/ip.h"
#include "fs/socket.h"
#include "fs/af_inet.h"
#include "fs/inet_port.h"
#include "mm/kmalloc.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "arch/timer.h"

static const struct proto_ops tcp_ops;

static struct tcp_sock *tcp_sk(struct socket *s)
{
    return s->sk;
}

/* The error the socket keeps (SO_ERROR too), taken: 0 if none. */
static int take_error(struct socket *s)
{
    int e = s->err;

    s->err = 0;
    return e;
}

/* ================================================================ names and ports */

static long take_port(struct socket *s, uint32_t addr, int port)
{
    struct tcp_sock *tsk = tcp_sk(s);
    long err = port_bind(&tcp_ports, &tsk->port, s, htonl(addr), port);

    if (err < 0)
        return err;
    tsk->laddr = addr;
    tsk->lport = tsk->port.port;
    return 0;
}

static long tcp_bind(struct socket *s, const union sock_addr *a, socklen_t len)
{
    struct tcp_sock *tsk = tcp_sk(s);
    long err = inet_check_address(a, len);

    if (err < 0)
        return err;
    if (tsk->port.port || tsk->state != TCP_CLOSE || s->state != SS_UNCONNECTED)
        return -EINVAL;                /* a socket gets one name, before it is used */
    if (!inet_addr_is_local(a->in.sin_addr.s_addr))
        return -EADDRNOTAVAIL;
    return take_port(s, ntohl(a->in.sin_addr.s_addr), ntohs(a->in.sin_port));
}

static long tcp_getname(struct socket *s, union sock_addr *a, socklen_t *len, int peer)
{
    struct tcp_sock *tsk = tcp_sk(s);

    if (peer && s->state != SS_CONNECTED)
        return -ENOTCONN;
    memset(a, 0, sizeof(a->in));
    a->in.sin_family = AF_INET;
    a->in.sin_port = htons(peer ? tsk->rport : tsk->lport);
    a->in.sin_addr.s_addr = htonl(peer ? tsk->raddr : tsk->laddr);
    *len = sizeof(struct sockaddr_in);
    return 0;
}

/* ================================================================ listen, accept */

static long tcp_listen(struct socket *s, int backlog)
{
    struct tcp_sock *tsk = tcp_sk(s);
    long err;

    if (tsk->state != TCP_CLOSE && tsk->state != TCP_LISTEN)
        return -EINVAL;
    if (s->state == SS_CONNECTED)
        return -EINVAL;
    if (!tsk->port.port && (err = take_port(s, INADDR_ANY, 0)) < 0)
        return err;
    if (tsk->state != TCP_LISTEN && (err = port_listen(&tcp_ports, &tsk->port)) < 0)
        return err;
    tsk->backlog = backlog;
    tcp_set_state(tsk, TCP_LISTEN);
    s->state = SS_LISTENING;
    return 0;
}

static struct tcp_sock *accept_pop(struct tcp_sock *l)
{
    struct tcp_sock *c = l->accept_q;

    l->accept_q = c->accept_next;
    l->nr_accept--;
    c->accept_next = NULL;
    c->parent = NULL;
    return c;
}

static long tcp_accept(struct socket *ls, struct socket **conn, int nonblock)
{
    struct tcp_sock *l = tcp_sk(ls);
    long ret = 0;

    tcp_lock();
    for (;;) {
        if (l->state != TCP_LISTEN) {
            ret = -EINVAL;
            break;
        }
        if (l->accept_q) {
            struct socket *s = sock_alloc_like(ls);
            if (!s) {
                ret = -ENOMEM;
                break;
            }
            struct tcp_sock *c = accept_pop(l);
            s->sk = c;
            s->state = SS_CONNECTED;
            s->err = c->err;           /* a reset before accept() is reported to the reader */
            c->sock = s;
            *conn = s;
            break;
        }
        if (nonblock) {
            ret = -EAGAIN;
            break;
        }
        if (tcp_sleep(l, 0) < 0) {
            ret = request_restart(-ERESTARTSYS);
            break;
        }
    }
    tcp_unlock();
    return ret;
}

/* ================================================================ connect */

/* SYN out; the rest is tcp_input.c's. */
static long start_connect(struct socket *s, uint32_t daddr, uint16_t dport)
{
    struct tcp_sock *tsk = tcp_sk(s);
    uint32_t saddr;
    long err;

    if ((err = ip_route_source(daddr, &saddr)) < 0)
        return err;
    if (!tsk->port.port && (err = take_port(s, saddr, 0)) < 0)
        return err;
    if (!tsk->laddr)
        tsk->laddr = saddr;            /* bound to 0.0.0.0: the route chooses */
    if (tcp_four_tuple_used(tsk->laddr, tsk->lport, daddr, dport))
        return -EADDRNOTAVAIL;
    if (!tsk->sbuf && tcp_buffers(tsk, s->sndbuf, s->rcvbuf) < 0)
        return -ENOMEM;
    tsk->raddr = daddr;
    tsk->rport = dport;
    tsk->iss = tcp_new_isn(tsk->laddr, tsk->lport, daddr, dport);
    tsk->snd_una = tsk->snd_sml = tsk->iss;
    tsk->snd_nxt = tsk->iss + 1;
    tsk->mss = tcp_mss_for(daddr);
    tsk->rto = TCP_RTO_INITIAL;
    tsk->retries = 0;
    tcp_set_state(tsk, TCP_SYN_SENT);
    tcp_link(tsk);
    tcp_mib[TCP_MIB_ACTIVEOPENS]++;
    tsk->rtt_on = 1;
    tsk->rtt_seq = tsk->iss;
    tsk->rtt_start = jiffies;
    tcp_send_syn(tsk);
    tcp_arm_rto(tsk);
    return 0;
}

static int connecting(const struct tcp_sock *tsk)
{
    return tsk->state == TCP_SYN_SENT || tsk->state == TCP_SYN_RECV;
}

/* Where a connect ended: connected, or why not (ECONNREFUSED, ETIMEDOUT). */
static long connect_result(struct socket *s)
{
    struct tcp_sock *tsk = tcp_sk(s);

    if (tsk->state == TCP_CLOSE) {
        int e = take_error(s);
        return -(e ? e : ECONNREFUSED);
    }
    s->state = SS_CONNECTED;
    return 0;
}

static long do_connect(struct socket *s, const union sock_addr *a, int nonblock)
{
    struct tcp_sock *tsk = tcp_sk(s);
    long err;

    if (s->state == SS_CONNECTED)
        return -EISCONN;
    if (tsk->state == TCP_LISTEN)
        return -EINVAL;
    if (connecting(tsk)) {
        if (nonblock)
            return -EALREADY;
    } else {
        uint32_t daddr = ntohl(inet_dest_addr(a->in.sin_addr.s_addr));
        if ((err = start_connect(s, daddr, ntohs(a->in.sin_port))) < 0)
            return err;
        if (nonblock)
            return -EINPROGRESS;       /* poll says POLLOUT when it is done; SO_ERROR how */
    }
    while (connecting(tsk))
        if (tcp_sleep(tsk, 0) < 0)
            return -EINTR;             /* the handshake goes on without us (as Linux) */
    return connect_result(s);
}

static long tcp_connect(struct socket *s, const union sock_addr *a, socklen_t len, int nonblock)
{
    long err = inet_check_address(a, len);

    if (err < 0)
        return err;
    tcp_lock();
    err = do_connect(s, a, nonblock);
    tcp_unlock();
    return err;
}

/* ================================================================ sending */

/* Copies n bytes at offset off of the message's buffers to or from buf. */
static void iov_copy(const struct sock_msg *m, size_t off, void *buf, size_t n, int to_user)
{
    char *p = buf;

    for (int i = 0; i < m->iovlen && n; i++) {
        size_t l = m->iov[i].iov_len;
        if (off >= l) {
            off -= l;
            continue;
        }
        size_t c = l - off < n ? l - off : n;
        char *u = (char *)m->iov[i].iov_base + off;
        if (to_user)
            memcpy(u, p, c);
        else
            memcpy(p, u, c);
        p += c;
        n -= c;
        off = 0;
    }
}

/* Why no more can be sent: 0 if it can. */
static long send_error(struct socket *s, int flags)
{
    struct tcp_sock *tsk = tcp_sk(s);
    int e = take_error(s);

    if (e)
        return -e;                     /* ECONNRESET first, EPIPE afterwards (as Linux) */
    if (tsk->fin_queued || (tsk->state != TCP_ESTABLISHED && tsk->state != TCP_CLOSE_WAIT)) {
        if (!(flags & MSG_NOSIGNAL))
            send_signal(current, SIGPIPE);
        return -EPIPE;
    }
    return 0;
}

/* Into the send buffer, as much as fits, at its end. */
static size_t queue_bytes(struct tcp_sock *tsk, const struct sock_msg *m, size_t off, size_t n)
{
    size_t room = tsk->ssize - tsk->slen;

    if (n > room)
        n = room;
    unsigned at = (tsk->shead + tsk->slen) % tsk->ssize;
    size_t first = n < tsk->ssize - at ? n : tsk->ssize - at;
    iov_copy(m, off, tsk->sbuf + at, first, 0);
    iov_copy(m, off + first, tsk->sbuf, n - first, 0);
    tsk->slen += n;
    return n;
}

static long do_send(struct socket *s, struct sock_msg *m, int flags)
{
    struct tcp_sock *tsk = tcp_sk(s);
    size_t done = 0;

    while (connecting(tsk)) {          /* a nonblocking connect not yet through */
        if (flags & MSG_DONTWAIT)
            return -EAGAIN;
        if (tcp_sleep(tsk, 0) < 0)
            return request_restart(-ERESTARTSYS);
    }
    while (done < m->len) {
        long e = send_error(s, flags);
        if (e)
            return done ? (long)done : e;
        if (tsk->slen == tsk->ssize) { /* full: wait for ACKs to make room */
            if (flags & MSG_DONTWAIT)
                return done ? (long)done : -EAGAIN;
            if (tcp_sleep(tsk, 0) < 0)
                return done ? (long)done : request_restart(-ERESTARTSYS);
            continue;
        }
        done += queue_bytes(tsk, m, done, m->len - done);
        tcp_write_xmit(tsk);
    }
    return done;
}

static long tcp_sendmsg(struct socket *s, struct sock_msg *m, int flags)
{
    if (flags & MSG_OOB)
        return -EOPNOTSUPP;            /* urgent data: not in Minnow */
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    tcp_lock();
    long r = do_send(s, m, flags);
    tcp_unlock();
    return r;
}

/* ================================================================ receiving */

static void copy_out(struct tcp_sock *tsk, const struct sock_msg *m, size_t off, unsigned from,
                     size_t n)
{
    unsigned at = (tsk->rhead + from) % tsk->rsize;
    size_t first = n < tsk->rsize - at ? n : tsk->rsize - at;

    iov_copy(m, off, tsk->rbuf + at, first, 1);
    iov_copy(m, off + first, tsk->rbuf, n - first, 1);
}

/* Bytes read make room: tell the peer once the window has grown by a
 * good piece (half the buffer or a segment), not for every byte --
 * the receiver's silly-window avoidance (RFC 1122 4.2.3.3). */
static void consumed(struct tcp_sock *tsk, size_t n)
{
    tsk->rhead = (tsk->rhead + n) % tsk->rsize;
    tsk->rlen -= n;
    unsigned wnd = tcp_rcv_window(tsk);
    unsigned step = tsk->rsize / 2 < tsk->mss ? tsk->rsize / 2 : tsk->mss;
    if (wnd >= tsk->rcv_adv + step && tsk->state != TCP_CLOSE && tsk->state != TCP_SYN_SENT)
        tcp_send_ack(tsk);
}

/* Is there nothing more to wait for: end of file, or the connection gone? */
static int at_end(const struct tcp_sock *tsk)
{
    return tsk->rcv_fin || tsk->shut_rd || tsk->state == TCP_CLOSE;
}

static long do_recv(struct socket *s, struct sock_msg *m, int flags)
{
    struct tcp_sock *tsk = tcp_sk(s);
    int peek = flags & MSG_PEEK;
    size_t done = 0;

    for (;;) {
        size_t have = tsk->rlen - (peek ? done : 0);
        size_t n = have < m->len - done ? have : m->len - done;
        if (n) {
            copy_out(tsk, m, done, peek ? done : 0, n);
            if (!peek)
                consumed(tsk, n);
            done += n;
        }
        if (done == m->len || (done && !(flags & MSG_WAITALL)))
            return done;
        int e = s->err;
        if (e && !done) {
            s->err = 0;
            return -e;                 /* ECONNRESET, ETIMEDOUT */
        }
        if (at_end(tsk) || e)
            return done;               /* end of file: 0, or what came before it */
        if (flags & MSG_DONTWAIT)
            return done ? (long)done : -EAGAIN;
        if (tcp_sleep(tsk, 0) < 0)
            return done ? (long)done : request_restart(-ERESTARTSYS);
    }
}

static long tcp_recvmsg(struct socket *s, struct sock_msg *m, int flags)
{
    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    m->namelen = 0;                    /* a stream: bytes have no sender's address */
    tcp_lock();
    long r = do_recv(s, m, flags);
    tcp_unlock();
    return r;
}

/* ================================================================ poll, shutdown */

static unsigned int tcp_poll(struct socket *s)
{
    struct tcp_sock *tsk = tcp_sk(s);
    unsigned int mask = 0;

    if (tsk->state == TCP_LISTEN)
        return tsk->accept_q ? POLLIN | POLLRDNORM : 0;
    if (s->err)
        mask |= POLLERR;
    if (connecting(tsk))
        return mask;
    if (s->state != SS_CONNECTED && tsk->state != TCP_CLOSE)
        return mask;
    if (tsk->state == TCP_CLOSE)       /* never connected, or over */
        return mask | POLLOUT | POLLWRNORM | POLLHUP | (s->state == SS_CONNECTED ? POLLIN | POLLRDNORM : 0);
    if (tsk->rlen || at_end(tsk))
        mask |= POLLIN | POLLRDNORM;
    if (tsk->rcv_fin)
        mask |= POLLRDHUP;
    if (tsk->rcv_fin && tsk->fin_queued)
        mask |= POLLHUP;
    if (tsk->slen < tsk->ssize || tsk->fin_queued)
        mask |= POLLOUT | POLLWRNORM;  /* a write would not block (or would fail at once) */
    return mask;
}

static long tcp_shutdown(struct socket *s, int how)
{
    struct tcp_sock *tsk = tcp_sk(s);

    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    tcp_lock();
    if (how != SHUT_WR) {
        tsk->shut_rd = 1;
        tsk->rlen = 0;
    }
    if (how != SHUT_RD && !tsk->fin_queued) {
        tsk->fin_queued = 1;           /* FIN once the bytes before it are out */
        tcp_write_xmit(tsk);
    }
    tcp_wake(tsk);
    tcp_unlock();
    return 0;
}

/* ================================================================ options */

static long tcp_setsockopt(struct socket *s, int level, int name, const void *val, socklen_t len)
{
    if (level != IPPROTO_TCP || name != TCP_NODELAY)
        return -ENOPROTOOPT;
    if (len < sizeof(int))
        return -EINVAL;
    tcp_lock();
    tcp_sk(s)->nodelay = *(const int *)val != 0;
    tcp_write_xmit(tcp_sk(s));         /* what Nagle held back goes now */
    tcp_unlock();
    return 0;
}

/* Linux 6.1's layout on i386 (<linux/tcp.h>), which a glibc program
 * built elsewhere reads: these offsets were measured with its header. */
_Static_assert(offsetof(struct tcp_info, tcpi_rto) == 8, "tcp_info layout");
_Static_assert(offsetof(struct tcp_info, tcpi_rtt) == 68, "tcp_info layout");
_Static_assert(offsetof(struct tcp_info, tcpi_snd_cwnd) == 80, "tcp_info layout");
_Static_assert(offsetof(struct tcp_info, tcpi_total_retrans) == 100, "tcp_info layout");
_Static_assert(offsetof(struct tcp_info, tcpi_snd_wnd) == 228, "tcp_info layout");
_Static_assert(sizeof(struct tcp_info) == 232, "tcp_info layout");

#define USEC_PER_JIFFY (1000000 / HZ)

/* TCP_INFO (tcp(7)): the connection's numbers in Linux's units. */
static void get_info(const struct tcp_sock *tsk, struct tcp_info *info)
{
    memset(info, 0, sizeof(*info));
    info->tcpi_state = tsk->state;
    info->tcpi_ca_state = tsk->ca_state;
    info->tcpi_retransmits = tsk->retries;
    info->tcpi_rto = tsk->rto * USEC_PER_JIFFY;
    info->tcpi_snd_mss = tsk->mss;
    info->tcpi_rcv_mss = tsk->rcv_mss;
    info->tcpi_last_data_sent = (jiffies - tsk->lsndtime) * (1000 / HZ);
    info->tcpi_rtt = tsk->srtt8 * USEC_PER_JIFFY / 8;
    info->tcpi_rttvar = tsk->rttvar4 * USEC_PER_JIFFY / 4;
    info->tcpi_snd_ssthresh = tcp_ssthresh_segs(tsk);
    info->tcpi_snd_cwnd = tcp_cwnd_segs(tsk);
    if (tsk->raddr)
        info->tcpi_advmss = tcp_mss_for(tsk->raddr);
    info->tcpi_total_retrans = tsk->total_retrans;
    info->tcpi_snd_wnd = tsk->snd_wnd;
}

/* The value goes out whole; sys_getsockopt cuts it to the program's
 * room, so an older, shorter struct tcp_info gets its prefix. */
static long tcp_getsockopt(struct socket *s, int level, int name, void *val, socklen_t *len)
{
    if (level != IPPROTO_TCP)
        return -ENOPROTOOPT;
    switch (name) {
    case TCP_NODELAY:
        *(int *)val = tcp_sk(s)->nodelay;
        *len = sizeof(int);
        return 0;
    case TCP_INFO:                     /* *len, sys_getsockopt's room, holds it */
        tcp_lock();
        get_info(tcp_sk(s), val);
        tcp_unlock();
        *len = sizeof(struct tcp_info);
        return 0;
    default:
        return -ENOPROTOOPT;
    }
}

/* ================================================================ close */

/* A listener's children -- half-open, or waiting for accept() -- are
 * reset and freed with it: nobody will ever accept them. */
static void close_listener(struct tcp_sock *l)
{
    struct tcp_sock *c;

    while ((c = tcp_find_child(l))) {
        tcp_send_reset(c);
        tcp_done(c);                   /* out of l's queues, and freed */
    }
    tcp_free(l);
}

static void tcp_release(struct socket *s)
{
    struct tcp_sock *tsk = tcp_sk(s);

    tcp_lock();
    s->sk = NULL;
    tsk->sock = NULL;                  /* an orphan from now on */
    tsk->shut_rd = 1;                  /* what still comes is taken and forgotten */
    switch (tsk->state) {
    case TCP_LISTEN:
        close_listener(tsk);
        break;
    case TCP_CLOSE:
        tcp_free(tsk);
        break;
    case TCP_SYN_SENT:
    case TCP_SYN_RECV:
        tcp_done(tsk);
        break;
    case TCP_ESTABLISHED:
    case TCP_CLOSE_WAIT:
        if (tsk->rlen) {               /* data nobody will read: RFC 2525 2.17, a reset */
            tcp_send_reset(tsk);
            tcp_done(tsk);
            break;
        }
        tsk->fin_queued = 1;
        tcp_write_xmit(tsk);
        break;
    case TCP_FIN_WAIT2:
        mod_timer(&tsk->timer, jiffies + TCP_FIN_WAIT2_LEN);
        break;
    default:                           /* FIN_WAIT1, CLOSING, LAST_ACK: FIN is out */
        break;
    }
    tcp_unlock();
}

static const struct proto_ops tcp_ops = {
    .release = tcp_release,
    .bind = tcp_bind,
    .connect = tcp_connect,
    .listen = tcp_listen,
    .accept = tcp_accept,
    .getname = tcp_getname,
    .poll = tcp_poll,
    .shutdown = tcp_shutdown,
    .sendmsg = tcp_sendmsg,            /* sendto's address on a stream is not looked at */
    .recvmsg = tcp_recvmsg,
    .setsockopt = tcp_setsockopt,
    .getsockopt = tcp_getsockopt,
};

long tcp_create(struct socket *s)
{
    struct tcp_sock *tsk = tcp_sock_alloc();

    if (!tsk)
        return -ENOMEM;
    tsk->sock = s;
    s->sk = tsk;
    s->ops = &tcp_ops;
    return 0;
}
