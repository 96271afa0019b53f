/* Sockets: the lecture's client-server IPC, for stream sockets.
 *
 * The life of a connection (docs/sockets.md tells it at length):
 *
 *   server                                   client
 *   fd = socket(AF_UNIX, SOCK_STREAM, 0)     fd = socket(AF_UNIX, SOCK_STREAM, 0)
 *   bind(fd, "/tmp/echo.sock")   a socket inode appears at the path
 *   listen(fd, backlog)          it will take connections
 *                                            connect(fd, "/tmp/echo.sock")
 *                                              the kernel makes the connection
 *                                              and queues the server's end
 *   c = accept(fd)               takes the server's end off the queue
 *   read(c) / write(c)          <-- two pipes -->   write(fd) / read(fd)
 *
 * A connection is two queues, one in each direction: two struct pipe
 * (fs/pipe.c).  The client writes into one and reads from the other; the
 * server's end the other way round.  So read and write on a connected socket
 * are exactly a pipe's: blocking, short reads, end of file once the peer has
 * closed, EPIPE and SIGPIPE when writing to a peer that is gone.
 *
 * Every socket fd is a struct file whose private pointer is a struct
 * socket and whose inode is an unnamed S_IFSOCK inode (as a pipe's is
 * unnamed), so fstat works and fork shares sockets like any file.
 *
 * How connect() finds the server: an AF_UNIX server's name is an inode
 * that bind() put into the file system, whose `socket` field points at the
 * server.  An AF_INET server's name is a port on 127.0.0.1, the only
 * address Minnow has (there is no network card): a list of the sockets
 * that hold a port.  Everything after finding the server is the same.
 *
 * This file holds the socket, its fds, and the system calls in the order
 * of a connection's life: socket, bind and listen, connect, accept,
 * shutdown.  The addresses programs pass and the names sockets hold (the
 * paths and the ports) are in fs/socket_addr.c; fs/socket.h declares what
 * the two files share. */
#include <stddef.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/poll.h>
#include <minnow/socket.h>
#include "fs/socket.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "fs/pipe.h"
#include "mm/kmalloc.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "syscall_protos.h"

/* ================================================================ sockets */

/* A new socket: unconnected, unnamed. */
static struct socket *socket_alloc(int family)
{
    struct socket *s = kmalloc(sizeof(*s));     /* zero-filled: SS_UNCONNECTED */

    if (!s)
        return NULL;
    s->family = family;
    s->name.sa.sa_family = family;
    if (family == AF_UNIX)
        s->name_len = sizeof(sa_family_t);      /* "unnamed", as Linux says it */
    else
        s->name_len = sizeof(struct sockaddr_in);   /* 0.0.0.0, port 0 */
    return s;
}

/* Connects a and b: a connection is two queues, one in each direction.
 * What a writes into its `out`, b reads from its `in`, and back. */
static long connect_pair(struct socket *a, struct socket *b)
{
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
    a->out = b->in = a_to_b;
    b->out = a->in = b_to_a;
    a->state = b->state = SS_CONNECTED;
    a->peer = b->name;
    a->peer_len = b->name_len;
    b->peer = a->name;
    b->peer_len = a->name_len;
    return 0;
}

static void socket_free(struct socket *s);

/* A listening socket closes: the connections nobody accepted yet are
 * closed too (their clients read end of file, or get EPIPE writing), and
 * connect()s waiting for room in the backlog wake up to find it gone. */
static void refuse_pending(struct socket *l)
{
    while (l->pending) {
        struct socket *conn = l->pending;
        l->pending = conn->next;
        socket_free(conn);
    }
    l->nr_pending = 0;
    wake_up(l);
}

/* The end of a socket (its last close, or a refused pending connection). */
static void socket_free(struct socket *s)
{
    if (s->state == SS_LISTENING)
        refuse_pending(s);
    if (s->in)
        pipe_close_end(s->in, 0);      /* nobody reads: the peer's writes get EPIPE */
    if (s->out)
        pipe_close_end(s->out, 1);     /* nobody writes: the peer reads end of file */
    if (s->bound) {                    /* the name stays (until unlink) but refuses */
        if (s->bound->socket == s)
            s->bound->socket = NULL;
        inode_put(s->bound);
    }
    if (s->port)
        inet_release_port(s);
    kfree(s);
}

/* ================================================================ socket fds */

/* read and write: a pipe's, on the connection's two queues.  While a call
 * is inside the pipe (perhaps asleep) it counts as one more reader or
 * writer, so that a shutdown() by another process sharing this socket
 * cannot free the pipe under it. */
static ssize_t socket_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    (void)pos;                       /* a stream: no offset */
    struct socket *s = f->private;

    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    if (!s->in)
        return 0;                      /* shut down for reading: end of file */
    struct pipe *p = s->in;
    pipe_open_end(p, 0);
    ssize_t ret = pipe_read_buf(p, buf, n, f->flags & O_NONBLOCK);
    pipe_close_end(p, 0);
    return ret;
}

static ssize_t socket_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    (void)pos;                       /* a stream: no offset */
    struct socket *s = f->private;

    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    if (!s->out) {                     /* shut down for writing */
        send_signal(current, SIGPIPE);
        return -EPIPE;
    }
    struct pipe *p = s->out;
    pipe_open_end(p, 1);
    ssize_t ret = pipe_write_buf(p, buf, n, f->flags & O_NONBLOCK);
    pipe_close_end(p, 1);
    return ret;
}

/* poll: a listening socket is readable when a connection waits for
 * accept(); a connected one as its two queues are (as Linux's AF_UNIX
 * sockets: end of file to read is POLLIN | POLLRDHUP, and with both
 * directions gone POLLHUP; a write that would fail with EPIPE does not
 * block, so POLLOUT); one that is neither has nothing to wait for
 * (POLLHUP, and POLLOUT as Linux says). */
static unsigned int socket_poll(struct file *f)
{
    struct socket *s = f->private;
    unsigned int mask = 0;

    if (s->state == SS_LISTENING)
        return s->pending ? POLLIN | POLLRDNORM : 0;
    if (s->state != SS_CONNECTED)
        return POLLOUT | POLLWRNORM | POLLHUP;
    int rd_closed = !s->in || s->in->writers == 0;     /* shut down, or the peer is gone */
    int wr_closed = !s->out || s->out->readers == 0;
    if (s->in)
        mask |= pipe_poll_read(s->in) & (POLLIN | POLLRDNORM);
    if (rd_closed)
        mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (rd_closed && wr_closed)
        mask |= POLLHUP;
    if (wr_closed || (pipe_poll_write(s->out) & POLLOUT))
        mask |= POLLOUT | POLLWRNORM;
    return mask;
}

static void socket_release(struct file *f)
{
    if (f->private)                    /* NULL: socket_fd() gave up on it */
        socket_free(f->private);
}

static const struct file_ops socket_ops = {
    .read = socket_read,
    .write = socket_write,
    .poll = socket_poll,
    .release = socket_release,
};

struct socket *file_socket(struct file *f)
{
    return f->ops == &socket_ops ? f->private : NULL;
}

/* Gives socket s an fd in the current process.  flags: SOCK_NONBLOCK,
 * SOCK_CLOEXEC.  On failure s still belongs to the caller. */
static long socket_fd(struct socket *s, int flags)
{
    struct inode *ino = inode_alloc(S_IFSOCK | 0777);
    if (!ino)
        return -ENOMEM;
    struct file *f = file_alloc(&socket_ops, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0));
    if (!f) {
        inode_put(ino);
        return -ENFILE;
    }
    f->inode = ino;                    /* the file holds the inode's reference */
    int fd = fd_install(f, flags & SOCK_CLOEXEC);
    if (fd < 0)
        file_put(f);                   /* private is still NULL: s is spared */
    else
        f->private = s;
    return fd;
}

/* The socket behind fd (and its file): EBADF, ENOTSOCK or 0. */
static long get_socket(int fd, struct socket **s, struct file **file)
{
    struct file *f = fget(fd);

    if (!f)
        return -EBADF;
    *s = file_socket(f);
    if (!*s)
        return -ENOTSOCK;
    if (file)
        *file = f;
    return 0;
}

/* ================================================================ socket, socketpair */

/* The sockets Minnow has: AF_UNIX and AF_INET (loopback only) streams. */
static long check_kind(int domain, int type, int protocol)
{
    if (domain != AF_UNIX && domain != AF_INET)
        return -EAFNOSUPPORT;
    if (type & ~(0xf | SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if ((type & 0xf) != SOCK_STREAM)
        return -ESOCKTNOSUPPORT;       /* no SOCK_DGRAM (docs/sockets.md) */
    if (domain == AF_UNIX && protocol != 0 && protocol != PF_UNIX)
        return -EPROTONOSUPPORT;
    if (domain == AF_INET && protocol != 0 && protocol != 6)   /* IPPROTO_TCP */
        return -EPROTONOSUPPORT;
    return 0;
}

long sys_socket(int domain, int type, int protocol)
{
    long err = check_kind(domain, type, protocol);

    if (err < 0)
        return err;
    struct socket *s = socket_alloc(domain);
    if (!s)
        return -ENOMEM;
    long fd = socket_fd(s, type);
    if (fd < 0)
        kfree(s);
    return fd;
}

/* socketpair: two sockets connected to each other at once, no names
 * needed: a pipe that works both ways, for a parent and its child. */
long sys_socketpair(int domain, int type, int protocol, int usv[2])
{
    struct socket *a, *b;
    int sv[2];
    long err = check_kind(domain, type, protocol);

    if (err < 0)
        return err;
    if (domain != AF_UNIX)
        return -EOPNOTSUPP;            /* as Linux: only for AF_UNIX */
    if (verify_area(usv, sizeof(sv), 1) < 0)
        return -EFAULT;
    a = socket_alloc(AF_UNIX);
    b = a ? socket_alloc(AF_UNIX) : NULL;
    if (!b || connect_pair(a, b) < 0) {
        kfree(a);                      /* nothing allocated inside them yet */
        kfree(b);
        return -ENOMEM;
    }
    sv[0] = socket_fd(a, type);
    if (sv[0] < 0) {
        socket_free(a);
        socket_free(b);
        return sv[0];
    }
    sv[1] = socket_fd(b, type);
    if (sv[1] < 0) {
        fd_close(current, sv[0]);      /* frees a */
        socket_free(b);
        return sv[1];
    }
    copy_to_user(usv, sv, sizeof(sv));
    return 0;
}

/* ================================================================ bind, listen */

/* bind: gives the socket the name that clients will connect() to. */
long sys_bind(int fd, const struct sockaddr *uaddr, socklen_t len)
{
    struct socket *s;
    union sock_addr a;
    long err;

    if ((err = get_socket(fd, &s, NULL)) < 0 || (err = get_address(s->family, uaddr, len, &a)) < 0)
        return err;
    if (is_bound(s) || s->state != SS_UNCONNECTED)
        return -EINVAL;                /* a socket gets one name, before it is used */
    if (s->family == AF_UNIX)
        return unix_bind(s, &a);
    if (!is_local(a.in.sin_addr.s_addr))
        return -EADDRNOTAVAIL;         /* the only address here is 127.0.0.1 */
    return inet_bind(s, a.in.sin_addr.s_addr, ntohs(a.in.sin_port));
}

/* listen: from now on the socket takes connections.  connect() queues up
 * to `backlog` of them (1 to SOMAXCONN) until accept() takes them. */
long sys_listen(int fd, int backlog)
{
    struct socket *s;
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if (s->state == SS_CONNECTED)
        return -EINVAL;
    if (!is_bound(s)) {
        if (s->family == AF_UNIX)
            return -EINVAL;            /* no name: no client could find it */
        if ((err = inet_bind(s, htonl(INADDR_ANY), 0)) < 0)
            return err;                /* AF_INET: a port of the kernel's choosing */
    }
    if (backlog < 1)
        backlog = 1;
    if (backlog > SOMAXCONN)
        backlog = SOMAXCONN;
    s->backlog = backlog;
    s->state = SS_LISTENING;
    wake_up(s);                        /* a larger backlog may have room now */
    return 0;
}

/* ================================================================ connect */

/* The listening socket behind a name, looked up afresh after every sleep
 * (it may have closed meanwhile): the one bound to inode ino (AF_UNIX),
 * or the one holding port (AF_INET). */
static struct socket *listener_at(struct inode *ino, int port)
{
    struct socket *l = ino ? ino->socket : inet_find(port);

    return l && l->state == SS_LISTENING ? l : NULL;
}

/* Makes the connection between s and the server listening at (ino, port),
 * and queues the server's end for accept().  When the backlog is full it
 * waits, as Linux does for AF_UNIX (with O_NONBLOCK: EAGAIN). */
static long connect_to(struct socket *s, struct inode *ino, int port, int nonblock)
{
    struct socket *l;

    for (;;) {                         /* everything may change while we sleep */
        if (s->state == SS_CONNECTED)
            return -EISCONN;
        if (s->state == SS_LISTENING)
            return -EINVAL;
        l = listener_at(ino, port);
        if (!l)
            return -ECONNREFUSED;      /* nobody listens under this name */
        if (l->nr_pending < l->backlog)
            break;
        if (nonblock)
            return -EAGAIN;
        if (sleep_on(l) < 0)           /* until accept() makes room */
            return request_restart(-ERESTARTSYS);
    }
    struct socket *conn = socket_alloc(l->family);     /* the server's end */
    if (!conn)
        return -ENOMEM;
    conn->name = l->name;
    conn->name_len = l->name_len;
    if (l->family == AF_INET)          /* the address the client reached */
        conn->name.in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect_pair(s, conn) < 0) {
        kfree(conn);
        return -ENOMEM;
    }
    struct socket **last = &l->pending;
    while (*last)
        last = &(*last)->next;
    *last = conn;                      /* first come, first accepted */
    l->nr_pending++;
    wake_up(l);                        /* an accept() may be waiting */
    return 0;
}

/* AF_UNIX: the name is a path; it must be a socket's (and writable). */
static long unix_connect(struct socket *s, const union sock_addr *a, int nonblock)
{
    struct inode *ino;
    long err = namei(a->un.sun_path, &ino);

    if (err < 0)
        return err;                    /* ENOENT: no such name */
    if ((err = inode_permission(ino, 2)) == 0) {
        if (!S_ISSOCK(ino->mode))
            err = -ECONNREFUSED;       /* a name, but not a socket's */
        else
            err = connect_to(s, ino, 0, nonblock);
    }
    inode_put(ino);                    /* the listener holds its own reference */
    return err;
}

/* AF_INET: the name is 127.0.0.1 and a port.  The client gets a port of
 * its own, so that the server's accept/getpeername can name it. */
static long inet_connect(struct socket *s, const union sock_addr *a, int nonblock)
{
    long err;

    if (!is_local(a->in.sin_addr.s_addr))
        return -ENETUNREACH;           /* Minnow has no network beyond itself */
    if (s->state == SS_UNCONNECTED && !s->port &&
        (err = inet_bind(s, htonl(INADDR_LOOPBACK), 0)) < 0)
        return err;
    return connect_to(s, NULL, ntohs(a->in.sin_port), nonblock);
}

long sys_connect(int fd, const struct sockaddr *uaddr, socklen_t len)
{
    struct socket *s;
    struct file *f;
    union sock_addr a;
    long err;

    if ((err = get_socket(fd, &s, &f)) < 0 || (err = get_address(s->family, uaddr, len, &a)) < 0)
        return err;
    if (s->family == AF_UNIX)
        return unix_connect(s, &a, f->flags & O_NONBLOCK);
    return inet_connect(s, &a, f->flags & O_NONBLOCK);
}

/* ================================================================ accept */

/* accept: waits for a connection and gives the server's end of it a new
 * fd; the listening socket goes on listening.  A forking server hands that
 * fd to a child and accepts the next client (user/lecture/echoserver_fork.c). */
long sys_accept4(int fd, struct sockaddr *uaddr, socklen_t *ulen, int flags)
{
    struct socket *l, *conn;
    struct file *f;
    socklen_t room;
    long err;

    if ((err = get_socket(fd, &l, &f)) < 0)
        return err;
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC) || l->state != SS_LISTENING)
        return -EINVAL;
    if (uaddr && (err = check_room(uaddr, ulen, &room)) < 0)
        return err;                    /* checked before a connection is taken */
    while (!l->pending) {
        if (l->state != SS_LISTENING)
            return -EINVAL;
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        if (sleep_on(l) < 0)           /* until connect() queues one */
            return request_restart(-ERESTARTSYS);
    }
    conn = l->pending;
    l->pending = conn->next;
    conn->next = NULL;
    l->nr_pending--;
    long newfd = socket_fd(conn, flags);
    if (newfd < 0) {                   /* no fd for it: it stays first in line */
        conn->next = l->pending;
        l->pending = conn;
        l->nr_pending++;
        return newfd;
    }
    wake_up(l);                        /* room in the backlog: a connect() may go on */
    if (uaddr && put_address(uaddr, ulen, &conn->peer, conn->peer_len) < 0) {
        fd_close(current, newfd);
        return -EFAULT;
    }
    return newfd;
}

/* ================================================================ shutdown, names */

/* shutdown: closes one direction (or both) of the connection now, while
 * the fd stays open.  SHUT_WR is how a client says "that was my whole
 * request": the server reads end of file. */
long sys_shutdown(int fd, int how)
{
    struct socket *s;
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
        return -EINVAL;
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    if (how != SHUT_WR && s->in) {
        pipe_close_end(s->in, 0);      /* the peer's writes now get EPIPE */
        s->in = NULL;
    }
    if (how != SHUT_RD && s->out) {
        pipe_close_end(s->out, 1);     /* the peer now reads end of file */
        s->out = NULL;
    }
    return 0;
}

long sys_getsockname(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
    struct socket *s;
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    return put_address(uaddr, ulen, &s->name, s->name_len);
}

long sys_getpeername(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
    struct socket *s;
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    return put_address(uaddr, ulen, &s->peer, s->peer_len);
}
