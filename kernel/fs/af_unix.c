/* AF_UNIX: sockets whose names are paths in the file system.  A stream
 * connection is two pipes (fs/pipe_stream.c); what is AF_UNIX's own is
 * the name.
 *
 * bind() puts a new S_IFSOCK inode at the path whose `socket` field
 * points at the socket (`ls -l` shows it as "srwx..."); connect() looks
 * the path up, and the socket behind the inode is the listener.  The name
 * outlives the socket, like a file, until it is unlinked; a closed
 * socket's name refuses connections (ECONNREFUSED). */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/pipe_stream.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "proc/sched.h"

/* ================================================================ addresses */

/* An AF_UNIX address must hold a non-empty path that ends within
 * sun_path's 108 bytes (a len that cuts the path short ends it there:
 * copy_address zero-filled the rest). */
static long check_unix_address(const union sock_addr *a, socklen_t len)
{
    if (len <= offsetof(struct sockaddr_un, sun_path) || len > sizeof(a->un))
        return -EINVAL;
    if (a->un.sun_family != AF_UNIX)
        return -EINVAL;
    if (strnlen(a->un.sun_path, sizeof(a->un.sun_path)) == sizeof(a->un.sun_path))
        return -EINVAL;                /* no NUL in all 108 bytes: too long */
    if (a->un.sun_path[0] == '\0')
        return -EINVAL;                /* Linux's "abstract" names: not in Minnow */
    return 0;
}

/* Is the name only the family: a socket that was never bound? */
static int unnamed(socklen_t len)
{
    return len <= sizeof(sa_family_t);
}

/* ================================================================ bind, listen, connect */

/* The socket's name in the file system: a new S_IFSOCK inode at the
 * path, pointing back at the socket.  The path must not exist yet. */
static long unix_bind(struct socket *s, const union sock_addr *a, socklen_t len)
{
    struct pipe_sock *ps = pipe_sk(s);
    char name[NAME_MAX + 1];
    struct inode *dir, *ino;
    long err = check_unix_address(a, len);

    if (err < 0)
        return err;
    if (ps->bound || s->state != SS_UNCONNECTED)
        return -EINVAL;                /* a socket gets one name, before it is used */
    if ((err = namei_parent(a->un.sun_path, &dir, name)) < 0)
        return err;
    err = inode_permission(dir, 3);
    if (err == 0)
        err = vfs_create(dir, name, S_IFSOCK | (0777 & ~current->umask), 0, &ino);
    if (err == -EEXIST)
        err = -EADDRINUSE;
    if (err == 0) {
        ino->socket = s;
        ps->bound = ino;               /* keeps vfs_create's reference */
        ps->name = *a;
        ps->name_len = offsetof(struct sockaddr_un, sun_path) + strlen(a->un.sun_path) + 1;
    }
    inode_put(dir);
    return err;
}

static long unix_listen(struct socket *s, int backlog)
{
    if (!pipe_sk(s)->bound)
        return -EINVAL;                /* no name: no client could find it */
    return pipe_sock_listen(s, backlog);
}

/* The socket bound to the inode (where), if it is still open. */
static struct socket *socket_at_inode(const void *where)
{
    const struct inode *ino = where;

    return ino->socket;
}

/* The name is a path; it must be a socket's (and writable). */
static long unix_connect(struct socket *s, const union sock_addr *a, socklen_t len, int nonblock)
{
    struct inode *ino;
    long err = check_unix_address(a, len);

    if (err < 0 || (err = namei(a->un.sun_path, &ino)) < 0)
        return err;                    /* ENOENT: no such name */
    if ((err = inode_permission(ino, 2)) == 0) {
        if (!S_ISSOCK(ino->mode))
            err = -ECONNREFUSED;       /* a name, but not a socket's */
        else
            err = pipe_sock_connect(s, socket_at_inode, ino, NULL, nonblock);
    }
    inode_put(ino);                    /* the listener holds its own reference */
    return err;
}

/* ================================================================ data, close */

/* A connected stream has its destination: an address to send to is
 * EISCONN, and without a connection EOPNOTSUPP (as Linux). */
static long unix_sendmsg(struct socket *s, struct sock_msg *m, int flags)
{
    if (m->name)
        return s->state == SS_CONNECTED ? -EISCONN : -EOPNOTSUPP;
    return pipe_sock_sendmsg(s, m, flags);
}

/* recvfrom gives the sender's name: the peer's, if it has one. */
static long unix_recvmsg(struct socket *s, struct sock_msg *m, int flags)
{
    long n = pipe_sock_recvmsg(s, m, flags);
    struct pipe_sock *ps = pipe_sk(s);

    if (n >= 0 && m->name && !unnamed(ps->peer_len)) {
        *m->name = ps->peer;
        m->namelen = ps->peer_len;
    }
    return n;
}

/* The name stays (until unlink) but refuses connections from now on. */
static void unix_release(struct socket *s)
{
    struct pipe_sock *ps = pipe_sk(s);

    if (ps->bound) {
        if (ps->bound->socket == s)
            ps->bound->socket = NULL;
        inode_put(ps->bound);
    }
    pipe_sock_release(s);
}

static const struct proto_ops unix_stream_ops = {
    .release = unix_release,
    .bind = unix_bind,
    .connect = unix_connect,
    .socketpair = pipe_sock_pair,
    .listen = unix_listen,
    .accept = pipe_sock_accept,
    .getname = pipe_sock_getname,
    .poll = pipe_sock_poll,
    .shutdown = pipe_sock_shutdown,
    .sendmsg = unix_sendmsg,
    .recvmsg = unix_recvmsg,
    /* no options of its own: setsockopt beyond SOL_SOCKET is EOPNOTSUPP */
};

/* ================================================================ the family */

/* AF_UNIX has stream sockets only (SOCK_DGRAM: docs/sockets.md). */
static long unix_create(struct socket *s, int protocol)
{
    if (s->type != SOCK_STREAM)
        return -ESOCKTNOSUPPORT;
    if (protocol != 0 && protocol != PF_UNIX)
        return -EPROTONOSUPPORT;
    struct pipe_sock *ps = pipe_sock_create(s, &unix_stream_ops);
    if (!ps)
        return -ENOMEM;
    s->protocol = 0;
    ps->name_len = sizeof(sa_family_t);        /* "unnamed", as Linux says it */
    return 0;
}

const struct net_proto_family unix_family = {
    .family = AF_UNIX,
    .create = unix_create,
};
