/* Ping sockets, as Linux's (icmp(7), "ping sockets"; net/ipv4/ping.c):
 *
 *     fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
 *     sendto(fd, &echo_request, 8 + n, 0, &to, sizeof(to));
 *     recvfrom(fd, buf, sizeof(buf), 0, &from, &len);   // the echo reply
 *
 * A program writes an ICMP echo request -- type 8, code 0, its sequence
 * number and data -- and reads the replies, header included.  The kernel
 * owns the identifier: it is the socket's "port" (bind's sin_port, or
 * one the kernel picks), written into every request, and the replies
 * carrying it come back to this socket and no other.  It also computes
 * the checksum.  So a program needs no privilege (no raw socket) and
 * can neither forge other messages nor read other programs' replies;
 * Linux guards it with net.ipv4.ping_group_range, which Minnow, with
 * every user allowed, does not need.
 *
 * The receive side is a datagram socket's (net/datagram.c): one reply a
 * recvfrom, from the address that answered, with port 0. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/socket.h"
#include "fs/af_inet.h"
#include "fs/inet_port.h"
#include "net/ping.h"
#include "net/datagram.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/skbuff.h"
#include "net/checksum.h"
#include "net/snmp.h"
#include "mm/kmalloc.h"

/* The identifiers in use: a port table of their own, as Linux's. */
static struct port_table ping_ports;

int ping_rcv(struct sk_buff *skb)
{
    const struct icmphdr *h = (const struct icmphdr *)skb->data;
    const struct iphdr *iph = ip_hdr(skb);
    struct port_entry *e = port_lookup(&ping_ports, iph->daddr, ntohs(h->id), PORT_BOUND);

    if (!e || !e->sock)
        return 0;
    struct dgram_sock *d = dgram_sk(e->sock);
    if (e->sock->state == SS_CONNECTED && d->peer_addr != iph->saddr)
        return 0;
    if (dgram_enqueue(d, skb) < 0)
        kfree_skb(skb);                  /* the queue is full: counted nowhere else */
    return 1;
}

static long ping_take_id(struct socket *s, uint32_t addr, uint16_t id)
{
    struct dgram_sock *d = dgram_sk(s);
    long err = port_bind(&ping_ports, &d->port, s, addr, ntohs(id));

    if (err == 0)
        d->saddr = addr;
    return err;
}

static long ping_bind(struct socket *s, const union sock_addr *a, socklen_t len)
{
    long err = inet_check_address(a, len);

    if (err < 0)
        return err;
    if (dgram_sk(s)->port.port)
        return -EINVAL;
    if (!inet_addr_is_local(a->in.sin_addr.s_addr))
        return -EADDRNOTAVAIL;
    return ping_take_id(s, a->in.sin_addr.s_addr, a->in.sin_port);
}

static long ping_connect(struct socket *s, const union sock_addr *a, socklen_t len, int nonblock)
{
    struct dgram_sock *d = dgram_sk(s);
    long err = inet_check_address(a, len);
    uint32_t src;

    (void)nonblock;
    if (err < 0)
        return err;
    uint32_t daddr = inet_dest_addr(a->in.sin_addr.s_addr);
    if ((err = ip_route_source(ntohl(daddr), &src)) < 0)
        return err;
    if (!d->port.port && (err = ping_take_id(s, INADDR_ANY, 0)) < 0)
        return err;
    if (d->saddr == INADDR_ANY)
        d->saddr = htonl(src);
    d->peer_addr = daddr;
    s->state = SS_CONNECTED;
    return 0;
}

/* The program's echo request, with our identifier and the checksum. */
static long ping_sendmsg(struct socket *s, struct sock_msg *m, int flags)
{
    struct dgram_sock *d = dgram_sk(s);
    uint32_t daddr, src;
    long err;

    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (m->name) {
        if ((err = inet_check_address(m->name, m->namelen)) < 0)
            return err;
        daddr = inet_dest_addr(m->name->in.sin_addr.s_addr);
    } else if (s->state == SS_CONNECTED) {
        daddr = d->peer_addr;
    } else {
        return -EDESTADDRREQ;
    }
    if (m->len < sizeof(struct icmphdr) || m->len > SKB_MAX_SIZE - MAX_HEADER)
        return m->len < sizeof(struct icmphdr) ? -EINVAL : -EMSGSIZE;
    if ((err = ip_route_source(ntohl(daddr), &src)) < 0)
        return err;
    if (!d->port.port && (err = ping_take_id(s, INADDR_ANY, 0)) < 0)
        return err;
    struct sk_buff *skb = alloc_skb(MAX_HEADER + m->len);
    if (!skb)
        return -ENOBUFS;
    skb_reserve(skb, MAX_HEADER);
    struct icmphdr *h = (struct icmphdr *)skb_put(skb, m->len);
    err = dgram_copy_from_user(m, h);
    if (err == 0 && (h->type != ICMP_ECHO || h->code != 0))
        err = -EINVAL;                   /* echo requests only */
    if (err < 0) {
        kfree_skb(skb);
        return err;
    }
    h->id = htons(d->port.port);
    h->checksum = 0;
    h->checksum = ip_checksum(h, m->len);
    icmp_mib[ICMP_MIB_OUTMSGS]++;
    icmp_mib[ICMP_MIB_OUTECHOS]++;
    err = ip_send(skb, ntohl(daddr), IPPROTO_ICMP);
    return err < 0 ? err : (long)m->len;
}

static void ping_release(struct socket *s)
{
    struct dgram_sock *d = dgram_sk(s);

    if (d->port.port)
        port_unbind(&ping_ports, &d->port);
    dgram_purge(d);
    kfree(d);
    s->sk = NULL;
}

static const struct proto_ops ping_ops = {
    .release = ping_release,
    .bind = ping_bind,
    .connect = ping_connect,
    .getname = dgram_getname,
    .poll = dgram_poll,
    .shutdown = dgram_shutdown,
    .sendmsg = ping_sendmsg,
    .recvmsg = dgram_recvmsg,
    .setsockopt = dgram_setsockopt,     /* IP_RECVTTL: ping's "ttl=" */
    .getsockopt = dgram_getsockopt,
};

long ping_create(struct socket *s)
{
    struct dgram_sock *d = kmalloc(sizeof(*d));

    if (!d)
        return -ENOMEM;
    d->sock = s;
    s->ops = &ping_ops;
    s->sk = d;
    return 0;
}
