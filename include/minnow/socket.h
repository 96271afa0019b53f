/* Sockets: Linux's constants and address layouts. */
#ifndef _MINNOW_SOCKET_H
#define _MINNOW_SOCKET_H

#include <minnow/types.h>
#include <minnow/uio.h>          /* struct iovec, for struct msghdr */

#define AF_UNSPEC 0
#define AF_UNIX   1
#define AF_LOCAL  AF_UNIX
#define AF_INET   2
#define PF_UNIX   AF_UNIX
#define PF_INET   AF_INET

#define SOCK_STREAM 1
#define SOCK_DGRAM  2
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC  02000000

#define SHUT_RD   0
#define SHUT_WR   1
#define SHUT_RDWR 2

#define SOMAXCONN 128

/* protocols of AF_INET (<netinet/in.h> also has them) */
#define IPPROTO_IP  0
#define IPPROTO_ICMP 1           /* SOCK_DGRAM: a ping socket (icmp(7)) */
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17

/* getsockopt/setsockopt: the level SOL_SOCKET is the socket's own options,
 * a protocol's number (IPPROTO_TCP) that protocol's */
#define SOL_SOCKET    1
#define SO_REUSEADDR  2          /* bind may take a port still in TIME_WAIT */
#define SO_TYPE       3          /* SOCK_STREAM, SOCK_DGRAM (read only) */
#define SO_ERROR      4          /* the pending error, cleared by reading it (read only) */
#define SO_BROADCAST  6          /* UDP may send to a broadcast address (else EACCES) */
#define SO_SNDBUF     7          /* the send queue's size, in bytes */
#define SO_RCVBUF     8          /* the receive queue's size, in bytes */
#define SO_ACCEPTCONN 30         /* does it listen? (read only) */
#define SO_PROTOCOL   38         /* socket()'s protocol (read only) */
#define SO_DOMAIN     39         /* socket()'s domain (read only) */
#define TCP_NODELAY   1          /* IPPROTO_TCP: send small segments at once (no Nagle) */
#define IP_TTL        2          /* IPPROTO_IP: the control message IP_RECVTTL gives */
#define IP_RECVTTL    12         /* IPPROTO_IP: recvmsg tells each datagram's TTL (UDP, ping) */

/* flags of send, recv, sendto, recvfrom, sendmsg, recvmsg */
#define MSG_OOB       0x01       /* urgent data: not supported (EOPNOTSUPP) */
#define MSG_PEEK      0x02       /* recv: look at the data, leave it queued */
#define MSG_CTRUNC    0x08       /* recvmsg's msg_flags: control data cut to fit */
#define MSG_TRUNC     0x20       /* recvmsg's msg_flags: a datagram was cut to fit */
#define MSG_DONTWAIT  0x40       /* this call only: as with O_NONBLOCK */
#define MSG_EOR       0x80
#define MSG_WAITALL   0x100      /* recv: wait for the whole length (a stream) */
#define MSG_NOSIGNAL  0x4000     /* send: EPIPE without SIGPIPE */
#define MSG_CMSG_CLOEXEC 0x40000000

/* sendmsg/recvmsg: a message is an address and a list of buffers (and
 * control data, which Minnow does not have: msg_controllen 0) */
struct msghdr {
    void *msg_name;              /* the address: where to, where from (may be NULL) */
    socklen_t msg_namelen;
    struct iovec *msg_iov;       /* the buffers, in order */
    size_t msg_iovlen;
    void *msg_control;
    size_t msg_controllen;
    int msg_flags;               /* recvmsg: MSG_TRUNC... */
};

/* A control message in msg_control (recvmsg: IP_TTL after IP_RECVTTL),
 * as Linux lays them out: a header, then the data, each aligned to 4. */
struct cmsghdr {
    size_t cmsg_len;             /* header and data, bytes */
    int cmsg_level;              /* IPPROTO_IP */
    int cmsg_type;               /* IP_TTL */
};
#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_LEN(len)   (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_DATA(c)    ((unsigned char *)(c) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_FIRSTHDR(m) ((m)->msg_controllen >= sizeof(struct cmsghdr) ? \
                          (struct cmsghdr *)(m)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c) \
    ((unsigned char *)(c) + CMSG_ALIGN((c)->cmsg_len) + sizeof(struct cmsghdr) > \
             (unsigned char *)(m)->msg_control + (m)->msg_controllen ? (struct cmsghdr *)0 : \
     (struct cmsghdr *)((unsigned char *)(c) + CMSG_ALIGN((c)->cmsg_len)))

typedef unsigned short sa_family_t;

struct sockaddr {
    sa_family_t sa_family;
    char sa_data[14];
};

struct sockaddr_un {
    sa_family_t sun_family;      /* AF_UNIX */
    char sun_path[108];          /* a path in the file system */
};

struct in_addr {
    uint32_t s_addr;             /* network byte order */
};

struct sockaddr_in {
    sa_family_t sin_family;      /* AF_INET */
    uint16_t sin_port;           /* network byte order */
    struct in_addr sin_addr;
    unsigned char sin_zero[8];
};

#define INADDR_ANY       0x00000000u
#define INADDR_LOOPBACK  0x7f000001u

#endif
