/* The receive side of AF_INET datagram sockets (net/datagram.h): UDP's
 * and ping's.  A datagram is queued whole and taken whole: message
 * boundaries are kept, and a reader with too small a buffer gets the
 * first part and MSG_TRUNC, the rest is gone (udp(7)).
 *
 * SO_RCVBUF bounds the memory the queue holds, as Linux's sk_rmem_alloc:
 * each datagram is charged the page it lives in (its "truesize"), not its
 * length, because that is what it costs.  The default of 212992 bytes
 * holds 52 datagrams.  One always fits in an empty queue, so that even
 * the smallest SO_RCVBUF receives something. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/poll.h>
#include <minnow/socket.h>
#include "net/datagram.h"
#include "net/skbuff.h"
#include "net/ip.h"
#include "mm/uaccess.h"
#include "mm/memlayout.h"
#include "proc/sched.h"
#include "proc/signal.h"

#define SKB_TRUESIZE PAGE_SIZE           /* an skb is one page (net/skbuff.h) */

int dgram_enqueue(struct dgram_sock *d, struct sk_buff *skb)
{
    if (d->rx_head && d->rx_queued + SKB_TRUESIZE > (unsigned)d->sock->rcvbuf)
        return -1;
    if (d->shutdown & RCV_SHUTDOWN)
        return -1;
    skb->next = NULL;
    if (d->rx_tail)
        d->rx_tail->next = skb;
    else
        d->rx_head = skb;
    d->rx_tail = skb;
    d->rx_queued += SKB_TRUESIZE;
    wake_up(d);
    return 0;
}

static struct sk_buff *dequeue(struct dgram_sock *d)
{
    struct sk_buff *skb = d->rx_head;

    d->rx_head = skb->next;
    if (!d->rx_head)
        d->rx_tail = NULL;
    skb->next = NULL;
    d->rx_queued -= SKB_TRUESIZE;
    return skb;
}

/* Back at the head, where it was (a peek, or a copy that failed). */
static void requeue_head(struct dgram_sock *d, struct sk_buff *skb)
{
    skb->next = d->rx_head;
    d->rx_head = skb;
    if (!d->rx_tail)
        d->rx_tail = skb;
    d->rx_queued += SKB_TRUESIZE;
}

void dgram_purge(struct dgram_sock *d)
{
    while (d->rx_head)
        kfree_skb(dequeue(d));
}

long sock_error(struct socket *s)
{
    int err = s->err;

    s->err = 0;
    return -err;
}

/* Until there is a datagram, an error, or nothing more can come. */
static long wait_datagram(struct socket *s, struct dgram_sock *d, int flags)
{
    for (;;) {
        if (s->err)
            return sock_error(s);
        if (d->rx_head)
            return 1;
        if (d->shutdown & RCV_SHUTDOWN)
            return 0;
        if (flags & MSG_DONTWAIT)
            return -EAGAIN;
        if (sleep_on(d) < 0)
            return request_restart(-ERESTARTSYS);
    }
}

/* Up to len bytes of skb's payload into the user's buffers. */
static long copy_to_iov(const struct sock_msg *m, const struct sk_buff *skb, size_t len)
{
    const unsigned char *from = skb->data;

    for (int i = 0; i < m->iovlen && len; i++) {
        size_t n = m->iov[i].iov_len < len ? m->iov[i].iov_len : len;
        if (copy_to_user(m->iov[i].iov_base, from, n) < 0)
            return -EFAULT;
        from += n;
        len -= n;
    }
    return 0;
}

/* IP_RECVTTL's control message: the TTL the datagram arrived with, as
 * ping prints it ("ttl=64").  Too little room: MSG_CTRUNC, as Linux. */
static void put_ttl(struct sock_msg *m, const struct sk_buff *skb)
{
    struct {
        struct cmsghdr h;
        int ttl;
    } c = { { CMSG_LEN(sizeof(int)), IPPROTO_IP, IP_TTL }, ip_hdr(skb)->ttl };

    if (!m->control)
        return;
    if (m->controllen < CMSG_SPACE(sizeof(int)) ||
        copy_to_user(m->control, &c, sizeof(c)) < 0) {
        m->flags |= MSG_CTRUNC;
        return;
    }
    m->control_used = CMSG_SPACE(sizeof(int));
}

long dgram_recvmsg(struct socket *s, struct sock_msg *m, int flags)
{
    struct dgram_sock *d = dgram_sk(s);
    long err = wait_datagram(s, d, flags);

    m->namelen = 0;
    if (err <= 0)
        return err;
    /* Off the queue while it is copied: a copy may fault and sleep, and
     * another reader of the socket (a forked child) must not take it
     * meanwhile.  A peek, or a failed copy, puts it back. */
    struct sk_buff *skb = dequeue(d);
    size_t len = skb->len < m->len ? skb->len : m->len;
    if (copy_to_iov(m, skb, len) < 0) {
        requeue_head(d, skb);            /* the datagram stays for another try */
        return -EFAULT;
    }
    if (skb->len > m->len)
        m->flags |= MSG_TRUNC;
    if (m->name) {
        m->name->in = (struct sockaddr_in){
            .sin_family = AF_INET,
            .sin_port = d->source_port ? d->source_port(skb) : 0,
            .sin_addr.s_addr = ip_hdr(skb)->saddr,
        };
        m->namelen = sizeof(struct sockaddr_in);
    }
    if (d->recvttl)
        put_ttl(m, skb);
    long full = skb->len;
    if (flags & MSG_PEEK)
        requeue_head(d, skb);
    else
        kfree_skb(skb);
    return flags & MSG_TRUNC ? full : (long)len;
}

unsigned int dgram_poll(struct socket *s)
{
    struct dgram_sock *d = dgram_sk(s);
    unsigned int mask = POLLOUT | POLLWRNORM;   /* a datagram is sent at once */

    if (d->rx_head)
        mask |= POLLIN | POLLRDNORM;
    if (s->err)
        mask |= POLLERR;
    if (d->shutdown & RCV_SHUTDOWN)
        mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (d->shutdown == (RCV_SHUTDOWN | SEND_SHUTDOWN))
        mask |= POLLHUP;
    return mask;
}

/* As Linux: only a connected socket has a direction to shut (ENOTCONN). */
long dgram_shutdown(struct socket *s, int how)
{
    struct dgram_sock *d = dgram_sk(s);

    if (how < SHUT_RD || how > SHUT_RDWR)
        return -EINVAL;
    if (s->state != SS_CONNECTED)
        return -ENOTCONN;
    d->shutdown |= (unsigned)(how + 1);      /* SHUT_RD 1, SHUT_WR 2, both 3 */
    wake_up(d);                              /* a reader asleep now gets 0 */
    return 0;
}

long dgram_getname(struct socket *s, union sock_addr *a, socklen_t *len, int peer)
{
    struct dgram_sock *d = dgram_sk(s);

    if (peer && s->state != SS_CONNECTED)
        return -ENOTCONN;
    a->in = (struct sockaddr_in){
        .sin_family = AF_INET,
        .sin_port = peer ? d->peer_port : htons(d->port.port),
        .sin_addr.s_addr = peer ? d->peer_addr : d->saddr,
    };
    *len = sizeof(struct sockaddr_in);
    return 0;
}

long dgram_setsockopt(struct socket *s, int level, int name, const void *val, socklen_t len)
{
    if (level != IPPROTO_IP || name != IP_RECVTTL)
        return -ENOPROTOOPT;
    if (len < sizeof(int))
        return -EINVAL;
    dgram_sk(s)->recvttl = *(const int *)val != 0;
    return 0;
}

long dgram_getsockopt(struct socket *s, int level, int name, void *val, socklen_t *len)
{
    if (level != IPPROTO_IP || name != IP_RECVTTL)
        return -ENOPROTOOPT;
    *(int *)val = dgram_sk(s)->recvttl;
    *len = sizeof(int);
    return 0;
}

long dgram_copy_from_user(const struct sock_msg *m, void *to)
{
    unsigned char *p = to;

    for (int i = 0; i < m->iovlen; i++) {
        if (copy_from_user(p, m->iov[i].iov_base, m->iov[i].iov_len) < 0)
            return -EFAULT;
        p += m->iov[i].iov_len;
    }
    return 0;
}
