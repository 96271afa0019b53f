/* A stream connection as two pipes: the lecture's picture of a socket
 * connection, and how AF_UNIX stream sockets work (fs/af_unix.c).
 *
 * A connection is two queues, one in each direction: two struct pipe
 * (fs/pipe.c).  The client writes into one and reads from the other; the
 * server's end the other way round.  So reading and writing a connected
 * socket are exactly a pipe's: blocking, short reads, end of file once
 * the peer has closed, EPIPE and SIGPIPE when writing to a peer that is
 * gone.
 *
 * connect() makes the connection at once -- both pipes, and a second
 * socket for the server's end -- and queues the server's end on the
 * listener; accept() takes it off the queue.  How connect() found the
 * listener (a path's inode, a port) is the family's business. */
#include <stddef.h>
#include <minnow/errno.h>
#include <minnow/poll.h>
#include <minnow/socket.h>
#include <minnow/uio.h>
#include "fs/pipe_stream.h"
#include "fs/pipe.h"
#include "mm/kmalloc.h"
#include "proc/sched.h"
#include "proc/signal.h"

/* ================================================================ making and ending */

struct pipe_sock *pipe_sock_create(struct socket *s, const struct proto_ops *ops)
{
    struct pipe_sock *ps = kmalloc(sizeof(*ps));

    if (!ps)
        return NULL;
    ps->name.sa.sa_family = s->family;
    s->ops = ops;
    s->sk = ps;
    return ps;
}

/* A listening socket closes: the connections nobody accepted yet are
 * closed too (their clients read end of file, or get EPIPE writing), and
 * connect()s waiting for room in the backlog wake up to find it gone. */
static void refuse_pending(struct socket *l)
{
    struct pipe_sock *ps = pipe_sk(l);

    while (ps->pending) {
        struct socket *conn = ps->pending;
        ps->pending = pipe_sk(conn)->next;
        sock_release(conn);
    }
    ps->nr_pending = 0;
    wake_up(l);
}

void pipe_sock_release(struct socket *s)
{
    struct pipe_sock *ps = pipe_sk(s);

    if (s->state == SS_LISTENING)
        refuse_pending(s);
    if (ps->in)
        pipe_close_end(ps->in, 0);     /* nobody reads: the peer's writes get EPIPE */
    if (ps->out)
        pipe_close_end(ps->out, 1);    /* nobody writes: the peer reads end of file */
    kfree(ps);
    s->sk = NULL;
}

/* ================================================================ connecting */

/* Connects a and b: what a writes into its `out`, b reads from its `in`,
 * and back. */
long pipe_sock_pair(struct socket *a, struct socket *b)
{
    struct pipe_sock *pa = pipe_sk(a), *pb = pipe_sk(b);
    struct pipe *a_to_b = pipe_alloc();
    struct pipe *b_to_a = a_to_b ? pipe_alloc() : NULL;

    if (!b_to_a) {
        if (a_to_b)
            pipe_free(a_to_b);
        return -ENOMEM;
    }
    pipe_open_end(a_to_b, 1);                   /* a writes it... */
    pipe_open_end(a_to_b, 0);                   /* ...b reads it */
    pipe_open_end(b_to_a, 1);                   /* b writes it... */
    pipe_open_end(b_to_a, 0);                   /* ...a reads it */
    pa->out = pb->in = a_to_b;
    pb->out = pa->in = b_to_a;
    a->state = b->state = SS_CONNECTED;
    pa->peer = pb->name;
    pa->peer_len = pb->name_len;
    pb->peer = pa->name;
    pb->peer_len = pa->name_len;
    return 0;
}

long pipe_sock_listen(struct socket *s, int backlog)
{
    if (s->state == SS_CONNECTED)
        return -EINVAL;
    pipe_sk(s)->backlog = backlog;
    s->state = SS_LISTENING;
    wake_up(s);                        /* a larger backlog may have room now */
    return 0;
}

/* The server's end of a connection to l: a socket like l, named like l
 * or by the address the client reached. */
static struct socket *server_end(struct socket *l, const union sock_addr *reached)
{
    struct socket *conn = sock_alloc_like(l);
    struct pipe_sock *ps = conn ? pipe_sock_create(conn, l->ops) : NULL;

    if (!ps) {
        kfree(conn);
        return NULL;
    }
    ps->name = reached ? *reached : pipe_sk(l)->name;
    ps->name_len = pipe_sk(l)->name_len;
    return conn;
}

/* The listener the client may queue a connection on now, or an error. */
static long room_at_listener(struct socket *s, struct socket *(*find)(const void *where),
                             const void *where, int nonblock, struct socket **out)
{
    for (;;) {                         /* everything may change while we sleep */
        if (s->state == SS_CONNECTED)
            return -EISCONN;
        if (s->state == SS_LISTENING)
            return -EINVAL;
        struct socket *l = find(where);
        if (!l || l->state != SS_LISTENING)
            return -ECONNREFUSED;      /* nobody listens under this name */
        if (pipe_sk(l)->nr_pending < pipe_sk(l)->backlog) {
            *out = l;
            return 0;
        }
        if (nonblock)
            return -EAGAIN;
        if (sleep_on(l) < 0)           /* until accept() makes room */
            return request_restart(-ERESTARTSYS);
    }
}

/* When the backlog is full connect() waits, as Linux does for AF_UNIX. */
long pipe_sock_connect(struct socket *s, struct socket *(*find)(const void *where),
                       const void *where, const union sock_addr *reached, int nonblock)
{
    struct socket *l;
    long err = room_at_listener(s, find, where, nonblock, &l);

    if (err < 0)
        return err;
    struct socket *conn = server_end(l, reached);
    if (!conn)
        return -ENOMEM;
    if (pipe_sock_pair(s, conn) < 0) {
        sock_release(conn);
        return -ENOMEM;
    }
    struct socket **last = &pipe_sk(l)->pending;
    while (*last)
        last = &pipe_sk(*last)->next;
    *last = conn;                      /* first come, first accepted */
    pipe_sk(l)->nr_pending++;
    wake_up(l);                        /* an accept() may be waiting */
    return 0;
}

long pipe_sock_accept(struct socket *l, struct socket **conn, int nonblock)
{
    struct pipe_sock *ps = pipe_sk(l);

    if (l->state != SS_LISTENING)
        return -EINVAL;
    while (!ps->pending) {
        if (l->state != SS_LISTENING)
            return -EINVAL;
        if (nonblock)
            return -EAGAIN;
        if (sleep_on(l) < 0)           /* until connect() queues one */
            return request_restart(-ERESTARTSYS);
    }
    *conn = ps->pending;
    ps->pending = pipe_sk(*conn)->next;
    pipe_sk(*conn)->next = NULL;
    ps->nr_pending--;
    wake_up(l);                        /* room in the backlog: a connect() may go on */
    return 0;
}

long pipe_sock_getname(struct socket *s, union sock_addr *a, socklen_t *len, int peer)
{
    struct pipe_sock *ps = pipe_sk(s);

    if (peer && s->state != SS_CONNECTED)
        return -ENOTCONN;
    *a = peer ? ps->peer : ps->name;
    *len = peer ? ps->peer_len : ps->name_len;
    return 0;
}

/* ================================================================ the data */

/* While a call is inside a pipe (perhaps asleep) it counts as one more
 * reader or writer, so that a shutdown() by another process sharing this
 * socket cannot free the pipe under it. */

long pipe_sock_sendmsg(struct socket *s, struct sock_msg *m, int flags)
{
    struct pipe_sock *ps = pipe_sk(s);
    int pflags = (flags & MSG_DONTWAIT ? PIPE_NONBLOCK : 0) |
                 (flags & MSG_NOSIGNAL ? PIPE_NOSIGNAL : 0);
    long done = 0;

    if (flags & MSG_OOB)
        return -EOPNOTSUPP;            /* no urgent data on a pipe */
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    if (!ps->out) {                    /* shut down for writing */
        if (!(flags & MSG_NOSIGNAL))
            send_signal(current, SIGPIPE);
        return -EPIPE;
    }
    struct pipe *p = ps->out;
    pipe_open_end(p, 1);
    for (int i = 0; i < m->iovlen; i++) {
        size_t len = m->iov[i].iov_len;
        if (len == 0)
            continue;
        ssize_t n = pipe_write_buf(p, m->iov[i].iov_base, len, pflags);
        if (n < 0) {
            done = done ? done : n;    /* EAGAIN, EPIPE after data: the data */
            break;
        }
        done += n;
        if ((size_t)n < len)
            break;
    }
    pipe_close_end(p, 1);
    return done;
}

/* One piece of a read: taken, or (MSG_PEEK) copied from `done` bytes on. */
static ssize_t read_piece(struct pipe *p, char *buf, size_t n, size_t done, int flags)
{
    int pflags = flags & MSG_DONTWAIT ? PIPE_NONBLOCK : 0;

    return flags & MSG_PEEK ? pipe_peek(p, buf, n, done, pflags) : pipe_read_buf(p, buf, n, pflags);
}

/* Fills the buffers in order.  It waits for the first bytes only (as
 * readv on a pipe): after them it takes what is there already -- unless
 * MSG_WAITALL asks for the whole length, which waits until end of file. */
static long read_buffers(struct pipe *p, struct sock_msg *m, int flags)
{
    size_t done = 0;

    for (int i = 0; i < m->iovlen; i++) {
        char *base = m->iov[i].iov_base;
        for (size_t got = 0; got < m->iov[i].iov_len;) {
            int f = done && !(flags & MSG_WAITALL) ? flags | MSG_DONTWAIT : flags;
            ssize_t n = read_piece(p, base + got, m->iov[i].iov_len - got, done, f);
            if (n <= 0)                /* end of file, EAGAIN, a signal: what we have */
                return done ? (long)done : n;
            got += n;
            done += n;
        }
    }
    return done;
}

long pipe_sock_recvmsg(struct socket *s, struct sock_msg *m, int flags)
{
    struct pipe_sock *ps = pipe_sk(s);

    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    m->namelen = 0;                    /* a stream: the bytes have no sender's address */
    if (!ps->in)
        return 0;                      /* shut down for reading: end of file */
    struct pipe *p = ps->in;
    pipe_open_end(p, 0);
    long ret = read_buffers(p, m, flags);
    pipe_close_end(p, 0);
    return ret;
}

/* poll: a listening socket is readable when a connection waits for
 * accept(); a connected one as its two queues are (as Linux's AF_UNIX
 * sockets: end of file to read is POLLIN | POLLRDHUP, and with both
 * directions gone POLLHUP; a write that would fail with EPIPE does not
 * block, so POLLOUT); one that is neither has nothing to wait for
 * (POLLHUP, and POLLOUT as Linux says). */
unsigned int pipe_sock_poll(struct socket *s)
{
    struct pipe_sock *ps = pipe_sk(s);
    unsigned int mask = 0;

    if (s->state == SS_LISTENING)
        return ps->pending ? POLLIN | POLLRDNORM : 0;
    if (s->state != SS_CONNECTED)
        return POLLOUT | POLLWRNORM | POLLHUP;
    int rd_closed = !ps->in || ps->in->writers == 0;   /* shut down, or the peer is gone */
    int wr_closed = !ps->out || ps->out->readers == 0;
    if (ps->in)
        mask |= pipe_poll_read(ps->in) & (POLLIN | POLLRDNORM);
    if (rd_closed)
        mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (rd_closed && wr_closed)
        mask |= POLLHUP;
    if (wr_closed || (pipe_poll_write(ps->out) & POLLOUT))
        mask |= POLLOUT | POLLWRNORM;
    return mask;
}

/* shutdown: SHUT_WR closes our write end of `out`, so the peer reads end
 * of file; SHUT_RD our read end of `in`, so the peer's writes get EPIPE. */
long pipe_sock_shutdown(struct socket *s, int how)
{
    struct pipe_sock *ps = pipe_sk(s);

    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    if (how != SHUT_WR && ps->in) {
        pipe_close_end(ps->in, 0);
        ps->in = NULL;
    }
    if (how != SHUT_RD && ps->out) {
        pipe_close_end(ps->out, 1);
        ps->out = NULL;
    }
    return 0;
}
