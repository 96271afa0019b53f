/* Sockets: the lecture's client-server IPC (docs/sockets.md).
 *
 * A server socket is bound to a name and listens; a client connects to
 * that name; the server accepts, and from then on the two talk through a
 * connection: two pipes, one in each direction.  The name is a path in the
 * file system (AF_UNIX), or a port on 127.0.0.1 (AF_INET, loopback only).
 *
 * fs/socket.c has the sockets, their fds and the system calls;
 * fs/socket_addr.c the addresses and names they use.  This header declares
 * what the two share: the structures, and socket_addr.c's functions. */
#ifndef FS_SOCKET_H
#define FS_SOCKET_H

#include <minnow/types.h>
#include <minnow/socket.h>

enum socket_state {
    SS_UNCONNECTED,              /* fresh from socket(), maybe bound */
    SS_LISTENING,                /* listen() was called: it only accepts */
    SS_CONNECTED,                /* one end of a connection: read and write */
};

/* A socket address of either family, as programs pass them. */
union sock_addr {
    struct sockaddr sa;
    struct sockaddr_un un;       /* AF_UNIX: a path */
    struct sockaddr_in in;       /* AF_INET: an IP address and a port */
};

struct socket {
    int family;                  /* AF_UNIX or AF_INET */
    enum socket_state state;

    /* names, as getsockname/getpeername give them (len: the used part) */
    union sock_addr name;        /* what bind() gave it (unbound: no path / port 0) */
    socklen_t name_len;
    union sock_addr peer;        /* the other end's name, once connected */
    socklen_t peer_len;
    struct inode *bound;         /* AF_UNIX: the S_IFSOCK inode bind() made (a reference) */
    int port;                    /* AF_INET: the port it holds, 0 if none */
    struct socket *next_port;    /* AF_INET: the next socket holding a port */

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

/* ---- addresses (fs/socket_addr.c) */

/* Byte order: ports and IP addresses travel big-endian, "network order". */
uint16_t ntohs(uint16_t v);
uint32_t ntohl(uint32_t v);
uint16_t htons(uint16_t v);
uint32_t htonl(uint32_t v);

/* A program's address for bind or connect, copied in and checked. */
long get_address(int family, const struct sockaddr *uaddr, socklen_t len,
                 union sock_addr *a);
/* Can the program's (addr, len) receive an address?  *room: how much. */
long check_room(struct sockaddr *uaddr, socklen_t *ulen, socklen_t *room);
/* Gives the program an address, cut to its room; *ulen gets len. */
long put_address(struct sockaddr *uaddr, socklen_t *ulen, const union sock_addr *a,
                 socklen_t len);

/* ---- names (fs/socket_addr.c) */

/* AF_UNIX: a new socket inode at the path, pointing back at s. */
long unix_bind(struct socket *s, const union sock_addr *a);
/* AF_INET: s takes ip and port (port 0: a free one); -EADDRINUSE. */
long inet_bind(struct socket *s, uint32_t ip, int port);
/* AF_INET: the socket holding port, or NULL. */
struct socket *inet_find(int port);
/* AF_INET: s lets go of its port (it closes). */
void inet_release_port(struct socket *s);
/* Is the IP address (network order) this machine: 127.0.0.1 or 0.0.0.0? */
int is_local(uint32_t addr);
/* Has s a name (a path or a port)? */
int is_bound(struct socket *s);

#endif
