/* Sockets: the lecture's client-server IPC, for every family and protocol.
 *
 * The life of a connection (docs/sockets.md tells it at length):
 *
 *   server                                   client
 *   fd = socket(AF_UNIX, SOCK_STREAM, 0)     fd = socket(AF_UNIX, SOCK_STREAM, 0)
 *   bind(fd, "/tmp/echo.sock")   a name that clients can find
 *   listen(fd, backlog)          it will take connections
 *                                            connect(fd, "/tmp/echo.sock")
 *                                              the connection is made and the
 *                                              server's end waits in a queue
 *   c = accept(fd)               takes the server's end off the queue
 *   read(c) / write(c)          <-- the connection -->   write(fd) / read(fd)
 *
 * Every socket fd is a struct file whose private pointer is a struct
 * socket and whose inode is an unnamed S_IFSOCK inode (as a pipe's is
 * unnamed), so fstat works and fork shares sockets like any file.
 *
 * What a call does depends on the socket's protocol: an AF_UNIX connection
 * is two pipes (fs/pipe_stream.c), a TCP connection segments on a network.
 * So every socket carries its protocol's operations, s->ops (fs/socket.h),
 * chosen once by socket(), and the calls here are thin: they find the
 * socket, check what is the same for every protocol, copy addresses in
 * and out (fs/socket_addr.c), and call s->ops.  read, write, poll and
 * close on a socket's fd go to the same operations through the socket's
 * file_ops.
 *
 * This file holds the sockets as files, then the system calls in the
 * order of a connection's life: socket, socketpair, bind, listen,
 * connect, accept, shutdown, the names.  sendto/recvfrom/sendmsg/recvmsg
 * are in fs/socket_msg.c, getsockopt/setsockopt in fs/sockopt.c. */
#include <stddef.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/poll.h>
#include <minnow/socket.h>
#include <minnow/uio.h>
#include "fs/socket.h"
#include "net/dev_ioctl.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "mm/kmalloc.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "syscall_protos.h"

/* ================================================================ sockets */

/* The families socket() knows, by number. */
static const struct net_proto_family *const families[] = {
    [AF_UNIX] = &unix_family,
    [AF_INET] = &inet_family,
};

/* A new socket of (family, type, protocol), made by its family.  The
 * type is checked already: SOCK_STREAM... without the SOCK_ flags. */
static long sock_create(int family, int type, int protocol, struct socket **out)
{
    if (family < 0 || family >= (int)(sizeof(families) / sizeof(families[0])) || !families[family])
        return -EAFNOSUPPORT;
    struct socket *s = kmalloc(sizeof(*s));     /* zero-filled: SS_UNCONNECTED */
    if (!s)
        return -ENOMEM;
    s->family = family;
    s->type = type;
    sock_init_options(s);
    long err = families[family]->create(s, protocol);
    if (err < 0) {
        kfree(s);                      /* create() failed: nothing in s->sk */
        return err;
    }
    *out = s;
    return 0;
}

struct socket *sock_alloc_like(struct socket *l)
{
    struct socket *s = kmalloc(sizeof(*s));

    if (!s)
        return NULL;
    *s = *l;                           /* family, type, protocol, ops, options */
    s->state = SS_UNCONNECTED;
    s->sk = NULL;
    s->err = 0;
    return s;
}

void sock_release(struct socket *s)
{
    if (s->sk)                         /* NULL: the protocol had not made its part */
        s->ops->release(s);
    kfree(s);
}

/* ================================================================ socket fds */

int sock_msg_flags(struct file *f, int flags)
{
    return f->flags & O_NONBLOCK ? flags | MSG_DONTWAIT : flags;
}

/* read and write: a recvmsg and sendmsg of one buffer, without flags. */
static ssize_t sock_read(struct file *f, char *buf, size_t n, off_t *pos)
{
    (void)pos;                         /* a socket has no offset */
    struct socket *s = f->private;
    struct iovec iov = { buf, n };
    struct sock_msg m = { .iov = &iov, .iovlen = 1, .len = n };

    return s->ops->recvmsg(s, &m, sock_msg_flags(f, 0));
}

static ssize_t sock_write(struct file *f, const char *buf, size_t n, off_t *pos)
{
    (void)pos;
    struct socket *s = f->private;
    struct iovec iov = { (char *)buf, n };
    struct sock_msg m = { .iov = &iov, .iovlen = 1, .len = n };

    return s->ops->sendmsg(s, &m, sock_msg_flags(f, 0));
}

static unsigned int sock_poll(struct file *f)
{
    struct socket *s = f->private;

    return s->ops->poll(s);
}

static void sock_close(struct file *f)
{
    if (f->private)                    /* NULL: no socket was given to it */
        sock_release(f->private);
}

/* The interfaces' requests (SIOCGIFADDR...) work on any socket, as Linux's. */
static int sock_ioctl(struct file *f, unsigned long req, void *arg)
{
    (void)f;
    return (int)dev_ioctl(req, arg);
}

static const struct file_ops socket_file_ops = {
    .read = sock_read,
    .write = sock_write,
    .poll = sock_poll,
    .ioctl = sock_ioctl,
    .release = sock_close,
};

struct socket *file_socket(struct file *f)
{
    return f->ops == &socket_file_ops ? f->private : NULL;
}

long get_socket(int fd, struct socket **s, struct file **file)
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

/* A new fd for a socket still to come: a socket file with no socket yet
 * (accept() makes it before it waits, so that the connection it takes
 * always has an fd to go to).  flags: SOCK_NONBLOCK, SOCK_CLOEXEC. */
static long socket_fd_reserve(int flags, struct file **out)
{
    struct inode *ino = inode_alloc(S_IFSOCK | 0777);
    if (!ino)
        return -ENOMEM;
    struct file *f = file_alloc(&socket_file_ops, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0));
    if (!f) {
        inode_put(ino);
        return -ENFILE;
    }
    f->inode = ino;                    /* the file holds the inode's reference */
    int fd = fd_install(f, flags & SOCK_CLOEXEC);
    if (fd < 0)
        file_put(f);
    else
        *out = f;
    return fd;
}

/* Gives socket s an fd in the current process.  On failure s still
 * belongs to the caller. */
static long socket_fd(struct socket *s, int flags)
{
    struct file *f;
    long fd = socket_fd_reserve(flags, &f);

    if (fd >= 0)
        f->private = s;
    return fd;
}

/* ================================================================ socket, socketpair */

#define SOCK_TYPE_MASK 0xf             /* the type; the bits above are SOCK_ flags */

static long check_type_flags(int type)
{
    return type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC) ? -EINVAL : 0;
}

long sys_socket(int domain, int type, int protocol)
{
    struct socket *s;
    long err = check_type_flags(type);

    if (err < 0 || (err = sock_create(domain, type & SOCK_TYPE_MASK, protocol, &s)) < 0)
        return err;
    long fd = socket_fd(s, type);
    if (fd < 0)
        sock_release(s);
    return fd;
}

/* The fds of a new pair of sockets, into usv (checked already). */
static long pair_fds(struct socket *a, struct socket *b, int flags, int usv[2])
{
    int sv[2];

    if ((sv[0] = socket_fd(a, flags)) < 0) {
        sock_release(a);
        sock_release(b);
        return sv[0];
    }
    if ((sv[1] = socket_fd(b, flags)) < 0) {
        fd_close(current, sv[0]);      /* releases a */
        sock_release(b);
        return sv[1];
    }
    copy_to_user(usv, sv, sizeof(sv)); /* nothing slept since it was checked */
    return 0;
}

/* socketpair: two sockets connected to each other at once, no names
 * needed: a pipe that works both ways, for a parent and its child. */
long sys_socketpair(int domain, int type, int protocol, int usv[2])
{
    struct socket *a, *b;
    long err = check_type_flags(type);

    if (err < 0 || (err = sock_create(domain, type & SOCK_TYPE_MASK, protocol, &a)) < 0)
        return err;
    if (!a->ops->socketpair)
        err = -EOPNOTSUPP;             /* as Linux: AF_UNIX only */
    else if (verify_area(usv, 2 * sizeof(int), 1) < 0)
        err = -EFAULT;
    else if ((err = sock_create(domain, type & SOCK_TYPE_MASK, protocol, &b)) == 0 &&
             (err = a->ops->socketpair(a, b)) < 0)
        sock_release(b);
    if (err < 0) {
        sock_release(a);
        return err;
    }
    return pair_fds(a, b, type, usv);
}

/* ================================================================ bind, listen, connect */

/* bind: gives the socket the name that clients will connect() to. */
long sys_bind(int fd, const struct sockaddr *uaddr, socklen_t len)
{
    struct socket *s;
    union sock_addr a;
    long err;

    if ((err = get_socket(fd, &s, NULL)) < 0 || (err = copy_address(uaddr, len, &a)) < 0)
        return err;
    if (!s->ops->bind)
        return -EOPNOTSUPP;
    return s->ops->bind(s, &a, len);
}

/* listen: from now on the socket takes connections, and queues up to
 * `backlog` of them until accept() takes them. */
long sys_listen(int fd, int backlog)
{
    struct socket *s;
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if (!s->ops->listen)
        return -EOPNOTSUPP;
    if (backlog < 1)
        backlog = 1;
    if (backlog > SOMAXCONN)
        backlog = SOMAXCONN;
    return s->ops->listen(s, backlog);
}

/* connect: a stream socket makes a connection to the server at the
 * address; a datagram socket only remembers where its sends go. */
long sys_connect(int fd, const struct sockaddr *uaddr, socklen_t len)
{
    struct socket *s;
    struct file *f;
    union sock_addr a;
    long err;

    if ((err = get_socket(fd, &s, &f)) < 0 || (err = copy_address(uaddr, len, &a)) < 0)
        return err;
    if (!s->ops->connect)
        return -EOPNOTSUPP;
    return s->ops->connect(s, &a, len, f->flags & O_NONBLOCK);
}

/* ================================================================ accept */

/* accept: waits for a connection and gives the server's end of it a new
 * fd; the listening socket goes on listening.  A forking server hands that
 * fd to a child and accepts the next client (user/lecture/echoserver_fork.c).
 * The fd is made first and the address's room checked first, so that
 * neither can fail once a connection is taken off the queue. */
long sys_accept4(int fd, struct sockaddr *uaddr, socklen_t *ulen, int flags)
{
    struct socket *l, *conn;
    struct file *f, *newf;
    socklen_t room;
    long err;

    if ((err = get_socket(fd, &l, &f)) < 0)
        return err;
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (!l->ops->accept)
        return -EOPNOTSUPP;
    if (uaddr && (err = check_room(uaddr, ulen, &room)) < 0)
        return err;
    long newfd = socket_fd_reserve(flags, &newf);
    if (newfd < 0)
        return newfd;
    if ((err = l->ops->accept(l, &conn, f->flags & O_NONBLOCK)) < 0) {
        fd_close(current, newfd);      /* a file with no socket: nothing else to free */
        return err;
    }
    newf->private = conn;
    if (uaddr) {
        union sock_addr a;
        socklen_t len = 0;
        if ((err = conn->ops->getname(conn, &a, &len, 1)) < 0 ||
            (err = put_address(uaddr, ulen, &a, len)) < 0) {
            fd_close(current, newfd);
            return err;
        }
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
    if (!s->ops->shutdown)
        return -EOPNOTSUPP;
    return s->ops->shutdown(s, how);
}

/* The socket's own name (peer 0) or its peer's (peer 1), to the program. */
static long get_name(int fd, struct sockaddr *uaddr, socklen_t *ulen, int peer)
{
    struct socket *s;
    union sock_addr a;
    socklen_t len = 0;
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if (!s->ops->getname)
        return -EOPNOTSUPP;
    if ((err = s->ops->getname(s, &a, &len, peer)) < 0)
        return err;
    return put_address(uaddr, ulen, &a, len);
}

long sys_getsockname(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
    return get_name(fd, uaddr, ulen, 0);
}

long sys_getpeername(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
    return get_name(fd, uaddr, ulen, 1);
}
