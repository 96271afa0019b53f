/* getsockopt and setsockopt: a socket's options, by (level, name).
 *
 * Level SOL_SOCKET is the socket's own, the same for every protocol, and
 * is kept here in struct socket, where the protocols read it:
 *   SO_REUSEADDR  bind may share a port (fs/inet_port.c says when)
 *   SO_SNDBUF, SO_RCVBUF  the sizes of the send and receive queues.  As
 *                 Linux, the kernel doubles what it is given (its own
 *                 bookkeeping counts too) within bounds, and getsockopt
 *                 says the doubled size.  TCP sizes its window by them,
 *                 UDP its queue of datagrams; the two pipes of a stream
 *                 on pipes hold 64 KiB whatever they say (as Linux's
 *                 AF_UNIX streams pay no heed to SO_RCVBUF).
 *   SO_ERROR      the error that happened while no call waited (a refused
 *                 connect in the background): read once, then 0
 *   SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ACCEPTCONN  what the socket is
 *                 (these and SO_ERROR can only be read)
 * Every other level is the protocol's (IPPROTO_TCP: TCP_NODELAY,
 * TCP_INFO), through s->ops->setsockopt and ->getsockopt; a protocol
 * without options is EOPNOTSUPP, an option it does not know ENOPROTOOPT. */
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/socket.h"
#include "mm/uaccess.h"
#include "syscall_protos.h"

#define SOCK_BUF_DEFAULT 212992          /* Linux's net.core.wmem_default, rmem_default */
#define SOCK_BUF_MAX     212992          /* what may be asked for: ...wmem_max, rmem_max */
#define SOCK_MIN_SNDBUF  4608            /* what the doubled size is at least (Linux's) */
#define SOCK_MIN_RCVBUF  2304
#define SOCKOPT_MAX      256             /* bytes of the longest value an option has
                                            (TCP_INFO's struct tcp_info: 232) */

void sock_init_options(struct socket *s)
{
    s->sndbuf = SOCK_BUF_DEFAULT;
    s->rcvbuf = SOCK_BUF_DEFAULT;
}

/* The size a SO_SNDBUF/SO_RCVBUF of val gives: doubled, within bounds
 * (a negative val counts as huge, as Linux reads it unsigned). */
static int buf_size(int val, int min)
{
    unsigned int v = (unsigned int)val > SOCK_BUF_MAX ? SOCK_BUF_MAX : (unsigned int)val;

    return (int)(2 * v < (unsigned int)min ? (unsigned int)min : 2 * v);
}

static long sock_setsockopt(struct socket *s, int name, const void *val, socklen_t len)
{
    if (len < sizeof(int))
        return -EINVAL;
    int v = *(const int *)val;
    switch (name) {
    case SO_REUSEADDR:
        s->reuseaddr = v != 0;
        return 0;
    case SO_BROADCAST:
        s->broadcast = v != 0;
        return 0;
    case SO_SNDBUF:
        s->sndbuf = buf_size(v, SOCK_MIN_SNDBUF);
        return 0;
    case SO_RCVBUF:
        s->rcvbuf = buf_size(v, SOCK_MIN_RCVBUF);
        return 0;
    default:
        return -ENOPROTOOPT;           /* unknown, or one that is only read */
    }
}

/* SOL_SOCKET's option `name`, into *v. */
static long sock_getsockopt(struct socket *s, int name, int *v)
{
    switch (name) {
    case SO_REUSEADDR:  *v = s->reuseaddr; break;
    case SO_BROADCAST:  *v = s->broadcast; break;
    case SO_TYPE:       *v = s->type; break;
    case SO_ERROR:      *v = s->err; s->err = 0; break;   /* reported once */
    case SO_SNDBUF:     *v = s->sndbuf; break;
    case SO_RCVBUF:     *v = s->rcvbuf; break;
    case SO_ACCEPTCONN: *v = s->state == SS_LISTENING; break;
    case SO_DOMAIN:     *v = s->family; break;
    case SO_PROTOCOL:   *v = s->protocol; break;
    default:            return -ENOPROTOOPT;
    }
    return 0;
}

long sys_setsockopt(int fd, int level, int name, const void *uval, socklen_t len)
{
    struct socket *s;
    char val[SOCKOPT_MAX];
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if ((int)len < 0)
        return -EINVAL;
    if (len > sizeof(val))
        len = sizeof(val);             /* the rest of a longer value is not read */
    if (copy_from_user(val, uval, len) < 0)
        return -EFAULT;
    if (level == SOL_SOCKET)
        return sock_setsockopt(s, name, val, len);
    if (!s->ops->setsockopt)
        return -EOPNOTSUPP;
    return s->ops->setsockopt(s, level, name, val, len);
}

/* The value goes out cut to the room the program gave (*ulen), and *ulen
 * says how much went out, as Linux does. */
long sys_getsockopt(int fd, int level, int name, void *uval, socklen_t *ulen)
{
    struct socket *s;
    int val[SOCKOPT_MAX / sizeof(int)];     /* ints, for alignment */
    socklen_t room, len = sizeof(int);         /* SOL_SOCKET's are ints */
    long err = get_socket(fd, &s, NULL);

    if (err < 0)
        return err;
    if (copy_from_user(&room, ulen, sizeof(room)) < 0)
        return -EFAULT;
    if ((int)room < 0)
        return -EINVAL;
    if (level == SOL_SOCKET)
        err = sock_getsockopt(s, name, val);
    else if (!s->ops->getsockopt)
        err = -EOPNOTSUPP;
    else {
        len = sizeof(val);                      /* the room: the protocol says the length */
        err = s->ops->getsockopt(s, level, name, val, &len);
    }
    if (err < 0)
        return err;
    if (len > room)
        len = room;
    if (copy_to_user(uval, val, len) < 0 || copy_to_user(ulen, &len, sizeof(len)) < 0)
        return -EFAULT;
    return 0;
}
