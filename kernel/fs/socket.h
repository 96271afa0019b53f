/* Sockets: the lecture's client-server IPC, and the door to the network
 * (docs/sockets.md).
 *
 * Every socket is one struct file whose private pointer is a struct
 * socket, and every socket carries a table of protocol operations, struct
 * proto_ops, the way every file carries its file_ops.  socket() chooses
 * the table from (family, type, protocol); from then on the system calls
 * only check their arguments, copy addresses in and out, and call
 * s->ops->bind, ->connect, ->sendmsg...  So does read() on a socket's fd:
 * the socket's file_ops call ->recvmsg, ->sendmsg, ->poll and ->release.
 *
 *   family   type         protocol        its ops
 *   AF_UNIX  SOCK_STREAM  0               unix_stream_ops  fs/af_unix.c: two pipes
 *   AF_INET  SOCK_STREAM  0, IPPROTO_TCP  tcp_ops          net/tcp.c: TCP, on lo or eth0
 *   AF_INET  SOCK_DGRAM   0, IPPROTO_UDP  udp_ops          net/udp.c
 *   AF_INET  SOCK_DGRAM   IPPROTO_ICMP    ping_ops         net/ping.c: ping sockets
 *
 * Who does what:
 *   fs/socket.c        sockets as files, socket() and the calls of a connection's life
 *   fs/socket_msg.c    sendto, recvfrom, sendmsg, recvmsg
 *   fs/sockopt.c       getsockopt, setsockopt (SOL_SOCKET's own options)
 *   fs/socket_addr.c   addresses between programs and the kernel
 *   fs/pipe_stream.c   a connection as two pipes (AF_UNIX's)
 *   fs/af_unix.c       AF_UNIX: names that are paths
 *   fs/af_inet.c       AF_INET: which protocol serves a socket; IP addresses
 *   fs/inet_port.c     the ports of a protocol (TCP's, UDP's), SO_REUSEADDR
 *   net/tcp*.c         TCP (kernel/net/tcp.h says which file does what) */
#ifndef FS_SOCKET_H
#define FS_SOCKET_H

#include <minnow/types.h>
#include <minnow/socket.h>
#include "net/byteorder.h"

/* Where a socket is in a connection's life, as every protocol sees it
 * (TCP keeps finer states of its own underneath). */
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
    int family;                  /* AF_UNIX, AF_INET */
    int type;                    /* SOCK_STREAM, SOCK_DGRAM */
    int protocol;                /* IPPROTO_TCP...; 0 for AF_UNIX */
    enum socket_state state;     /* kept by the protocol */
    const struct proto_ops *ops; /* the protocol: how every call is done */
    void *sk;                    /* the protocol's own state (struct pipe_sock...) */

    /* the options of level SOL_SOCKET (fs/sockopt.c); the protocols read them */
    int reuseaddr;               /* SO_REUSEADDR: bind may share a port (fs/inet_port.c) */
    int broadcast;               /* SO_BROADCAST: datagrams to a broadcast address allowed */
    int sndbuf, rcvbuf;          /* SO_SNDBUF, SO_RCVBUF: queue sizes in bytes */
    int err;                     /* SO_ERROR: an error that happened while no call
                                    was there to return it (positive errno, 0: none) */
};

/* A message on its way through sendmsg/recvmsg (send, recv, read, write
 * too): the user's buffers, already checked, and an address. */
struct sock_msg {
    const struct iovec *iov;     /* the buffers (user addresses), in order */
    int iovlen;
    size_t len;                  /* their total length */
    union sock_addr *name;       /* send: where to (NULL: to the peer); recv:
                                    room for where from (NULL: not wanted) */
    socklen_t namelen;           /* send: *name's length; recv: set by the
                                    protocol (0: no address to give) */
    int flags;                   /* recv: what the protocol reports (MSG_TRUNC) */
    void *control;               /* recvmsg: room for control messages (a user
                                    address, checked; NULL: none wanted) */
    size_t controllen;           /* recvmsg: its size */
    size_t control_used;         /* recvmsg: how much the protocol wrote there */
};

/* A protocol's operations.  Each returns a result or -errno, as the
 * system call will; addresses are already in the kernel, user buffers
 * already checked.  An operation a protocol lacks is NULL: the call is
 * EOPNOTSUPP (listen on a datagram socket, socketpair on AF_INET). */
struct proto_ops {
    /* the last close (or a connection nobody accepted): free s->sk */
    void (*release)(struct socket *s);
    long (*bind)(struct socket *s, const union sock_addr *a, socklen_t len);
    long (*connect)(struct socket *s, const union sock_addr *a, socklen_t len, int nonblock);
    long (*socketpair)(struct socket *a, struct socket *b);     /* connects two new ones */
    long (*listen)(struct socket *s, int backlog);
    /* waits for a connection, and gives the socket of its server's end */
    long (*accept)(struct socket *s, struct socket **conn, int nonblock);
    /* its own name (peer 0), or the other end's (peer 1) */
    long (*getname)(struct socket *s, union sock_addr *a, socklen_t *len, int peer);
    unsigned int (*poll)(struct socket *s);    /* POLLIN, POLLOUT... (fs/poll.c) */
    long (*shutdown)(struct socket *s, int how);
    /* flags: MSG_*, with MSG_DONTWAIT also for an O_NONBLOCK file */
    long (*sendmsg)(struct socket *s, struct sock_msg *m, int flags);
    long (*recvmsg)(struct socket *s, struct sock_msg *m, int flags);
    /* the levels other than SOL_SOCKET; val in the kernel, *len its room */
    long (*setsockopt)(struct socket *s, int level, int name, const void *val, socklen_t len);
    long (*getsockopt)(struct socket *s, int level, int name, void *val, socklen_t *len);
};

/* A family makes the sockets socket() asks it for: create() checks
 * s->type and the protocol, and sets s->ops, s->protocol and s->sk. */
struct net_proto_family {
    int family;
    long (*create)(struct socket *s, int protocol);
};

extern const struct net_proto_family unix_family;      /* fs/af_unix.c */
extern const struct net_proto_family inet_family;      /* fs/af_inet.c */

/* ---- for the protocols (fs/socket.c, fs/sockopt.c) */

/* A new socket like l, for the server's end of a connection to l: its
 * family, type, protocol, ops and options; no sk yet.  NULL: no memory. */
struct socket *sock_alloc_like(struct socket *l);
/* The end of a socket that has no fd (a connection nobody accepted), or
 * of one whose last fd closed: ->release, then the socket itself. */
void sock_release(struct socket *s);
/* The socket behind an open file, or NULL if it is some other kind of file. */
struct file;
struct socket *file_socket(struct file *f);
/* The socket behind fd: EBADF, ENOTSOCK or 0. */
long get_socket(int fd, struct socket **s, struct file **f);
/* The MSG_ flags of a call on f: MSG_DONTWAIT added for O_NONBLOCK. */
int sock_msg_flags(struct file *f, int flags);
/* The values of SOL_SOCKET's options for a new socket. */
void sock_init_options(struct socket *s);

/* ---- addresses (fs/socket_addr.c) */

/* Byte order: ports and IP addresses travel big-endian, "network order"
 * (ntohs, htonl...: net/byteorder.h, the network stack's too). */

/* A program's address (bind, connect, sendto) copied in, as it is: the
 * protocol checks it.  EINVAL if len is more than any address, EFAULT. */
long copy_address(const struct sockaddr *uaddr, socklen_t len, union sock_addr *a);
/* Can the program's (addr, len) receive an address?  *room: how much. */
long check_room(struct sockaddr *uaddr, socklen_t *ulen, socklen_t *room);
/* Gives the program an address, cut to its room; *ulen gets len. */
long put_address(struct sockaddr *uaddr, socklen_t *ulen, const union sock_addr *a,
                 socklen_t len);

#endif
