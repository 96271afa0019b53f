/* Sockets: the lecture's client-server IPC (fs/socket.c, docs/sockets.md).
 *
 * A server socket is bound to a name in the file system and listens; a
 * client connects to that name; the server accepts, and from then on the
 * two talk through a connection: two pipes, one in each direction. */
#ifndef FS_SOCKET_H
#define FS_SOCKET_H

#include <minnow/types.h>
#include <minnow/socket.h>

enum socket_state {
    SS_UNCONNECTED,              /* fresh from socket(), maybe bound */
    SS_LISTENING,                /* listen() was called: it only accepts */
    SS_CONNECTED,                /* one end of a connection: read and write */
};

struct socket {
    enum socket_state state;

    /* names, as getsockname/getpeername give them (len: the used part) */
    struct sockaddr_un name;     /* bind()'s path; only sun_family if unbound */
    socklen_t name_len;
    struct sockaddr_un peer;     /* the other end's name, once connected */
    socklen_t peer_len;
    struct inode *bound;         /* the S_IFSOCK inode bind() made, with a reference */

    /* SS_LISTENING: connections made by connect(), waiting for accept() */
    struct socket *pending;      /* the oldest first */
    int nr_pending;
    int backlog;                 /* connect() waits while nr_pending == backlog */
    struct socket *next;         /* our place in a listener's pending list */

    /* SS_CONNECTED: the two queues of the connection */
    struct pipe *in;             /* the peer writes, we read (NULL: shut down) */
    struct pipe *out;            /* we write, the peer reads (NULL: shut down) */
};

struct file;
/* The socket behind an open file, or NULL if it is some other kind of file. */
struct socket *file_socket(struct file *f);

#endif
