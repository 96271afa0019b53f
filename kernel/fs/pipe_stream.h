/* A stream connection as two pipes, one in each direction: how AF_UNIX
 * stream sockets work (fs/af_unix.c).  The family names and finds its
 * sockets its own way (a path) and shares the rest from here: listen,
 * connect to a listener once found, accept, the data, poll, shutdown,
 * close.  (AF_INET streams were built on these too, until TCP.) */
#ifndef FS_PIPE_STREAM_H
#define FS_PIPE_STREAM_H

#include "fs/socket.h"

struct inode;
struct pipe;

/* s->sk of a socket on two pipes. */
struct pipe_sock {
    /* names, as getsockname/getpeername give them (len: the used part) */
    union sock_addr name;        /* what bind() gave it (unbound: no path / port 0) */
    socklen_t name_len;
    union sock_addr peer;        /* the other end's name, once connected */
    socklen_t peer_len;

    /* how the family finds it by its name: the family's to set and let go */
    struct inode *bound;         /* AF_UNIX: the S_IFSOCK inode bind() made (a reference) */

    /* SS_LISTENING: connections made by connect(), waiting for accept() */
    struct socket *pending;      /* the oldest first */
    int nr_pending;
    int backlog;                 /* connect() waits while nr_pending == backlog */
    struct socket *next;         /* our place in a listener's pending list */

    /* SS_CONNECTED: the two queues of the connection */
    struct pipe *in;             /* the peer writes, we read (NULL: shut down) */
    struct pipe *out;            /* we write, the peer reads (NULL: shut down) */
};

static inline struct pipe_sock *pipe_sk(struct socket *s)
{
    return s->sk;
}

/* Gives s (fresh from socket()) its pipe_sock and ops; NULL: no memory.
 * Its name is the family's with nothing in it; the family sets name_len. */
struct pipe_sock *pipe_sock_create(struct socket *s, const struct proto_ops *ops);
/* The common part of the family's release: the connection, the pending
 * connections of a listener, the pipe_sock. */
void pipe_sock_release(struct socket *s);

/* Makes the connection from s to the listener that find(where) gives --
 * looked up afresh after every sleep, for it may close meanwhile -- and
 * queues the server's end for accept().  The server's end is named
 * *reached (the address the client reached), or like the listener if
 * reached is NULL.  A full backlog waits (nonblock: EAGAIN). */
long pipe_sock_connect(struct socket *s, struct socket *(*find)(const void *where),
                       const void *where, const union sock_addr *reached, int nonblock);
/* Makes s listen (the family has checked it has a name). */
long pipe_sock_listen(struct socket *s, int backlog);

/* Operations that are the same for both families, for their ops tables. */
long pipe_sock_pair(struct socket *a, struct socket *b);
long pipe_sock_accept(struct socket *l, struct socket **conn, int nonblock);
long pipe_sock_getname(struct socket *s, union sock_addr *a, socklen_t *len, int peer);
unsigned int pipe_sock_poll(struct socket *s);
long pipe_sock_shutdown(struct socket *s, int how);
long pipe_sock_sendmsg(struct socket *s, struct sock_msg *m, int flags);
long pipe_sock_recvmsg(struct socket *s, struct sock_msg *m, int flags);

#endif
