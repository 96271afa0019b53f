/* UDP (RFC 768): a datagram is a port number on each end, a length and a
 * checksum in front of the data -- nothing more.  No connection, no
 * retransmission, no order: each sendto() is one IP packet, and what
 * arrives is queued whole on the socket bound to its port (net/datagram.c)
 * or answered with ICMP "port unreachable" (RFC 1122, 4.1.3.1).
 *
 * The checksum covers a pseudo-header of the two addresses too
 * (net/checksum.c); it is always computed on output and, when the sender
 * computed one (not 0), checked on input.  connect() only sets the
 * default destination and filters what is received to that peer; an ICMP
 * error about a datagram it sent comes back as the connected socket's
 * next error, ECONNREFUSED for a closed port (as Linux: an unconnected
 * socket could not tell which of its datagrams the error was about).
 *
 * Minnow neither fragments nor reassembles (net/ip.c): a datagram must
 * fit one packet on its interface, 1472 bytes of data on Ethernet
 * (EMSGSIZE otherwise, where Linux would fragment). */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/socket.h"
#include "net/udp.h"
#include "net/datagram.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/skbuff.h"
#include "net/checksum.h"
#include "net/dhcp.h"
#include "net/netdevice.h"
#include "fs/af_inet.h"
#include "fs/inet_port.h"
#include "fs/proc/proc.h"
#include "mm/kmalloc.h"
#include "proc/signal.h"
#include "proc/sched.h"

/* The most data one datagram may carry here: what a one-page sk_buff
 * holds after the headers.  The interface's MTU may allow less. */
#define UDP_MAX_PAYLOAD (SKB_MAX_SIZE - MAX_HEADER - sizeof(struct udphdr))

unsigned long udp_mib[UDP_MIB_MAX];
const char *const udp_mib_names[UDP_MIB_MAX] = {
    "InDatagrams", "NoPorts", "InErrors", "OutDatagrams", "RcvbufErrors", "SndbufErrors",
    "InCsumErrors", "IgnoredMulti", "MemErrors",
};

static uint16_t udp_source_port(const struct sk_buff *skb)
{
    return ((const struct udphdr *)(skb->data - sizeof(struct udphdr)))->source;
}

/* ------------------------------------------------------------ input */

/* The socket that takes a datagram to (daddr, dport) from (saddr,
 * sport), all network order: the one bound there, if it is not connected
 * to some other peer. */
static struct dgram_sock *udp_lookup(uint32_t saddr, uint16_t sport, uint32_t daddr,
                                     uint16_t dport)
{
    struct port_entry *e = port_lookup(&udp_ports, daddr, ntohs(dport), PORT_BOUND);

    if (!e || !e->sock)
        return NULL;
    struct dgram_sock *d = dgram_sk(e->sock);
    if (e->sock->state == SS_CONNECTED && (d->peer_addr != saddr || d->peer_port != sport))
        return NULL;
    return d;
}

/* RFC 768's length and checksum; the length trims Ethernet's padding.
 * 0, or -1 with the counters bumped. */
static int udp_check(struct sk_buff *skb)
{
    struct udphdr *uh = (struct udphdr *)skb->data;
    struct iphdr *iph = ip_hdr(skb);

    if (skb->len < sizeof(*uh) || ntohs(uh->len) < sizeof(*uh) || ntohs(uh->len) > skb->len) {
        udp_mib[UDP_MIB_INERRORS]++;
        return -1;
    }
    skb_trim(skb, ntohs(uh->len));
    if (uh->check &&
        tcpudp_checksum(ntohl(iph->saddr), ntohl(iph->daddr), IPPROTO_UDP, uh, skb->len) != 0) {
        udp_mib[UDP_MIB_INCSUMERRORS]++;
        udp_mib[UDP_MIB_INERRORS]++;
        return -1;
    }
    return 0;
}

void udp_rcv(struct sk_buff *skb)
{
    if (udp_check(skb) < 0)
        goto drop;
    struct udphdr *uh = (struct udphdr *)skb->data;
    struct iphdr *iph = ip_hdr(skb);
    if (ntohs(uh->dest) == DHCP_CLIENT_PORT && skb->dev && !(skb->dev->flags & IFF_LOOPBACK) &&
        dhcp_takes((uint8_t *)(uh + 1), skb->len - sizeof(*uh))) {
        udp_mib[UDP_MIB_INDATAGRAMS]++;  /* the kernel's DHCP client takes it */
        skb_pull(skb, sizeof(*uh));
        dhcp_rcv(skb);
        return;
    }
    struct dgram_sock *d = udp_lookup(iph->saddr, uh->source, iph->daddr, uh->dest);
    if (!d) {
        udp_mib[UDP_MIB_NOPORTS]++;
        icmp_send_dest_unreach(skb, ICMP_PORT_UNREACH);
        goto drop;
    }
    skb_pull(skb, sizeof(*uh));
    if (dgram_enqueue(d, skb) < 0) {
        udp_mib[UDP_MIB_RCVBUFERRORS]++;
        udp_mib[UDP_MIB_INERRORS]++;
        goto drop;
    }
    udp_mib[UDP_MIB_INDATAGRAMS]++;
    return;
drop:
    kfree_skb(skb);
}

/* RFC 1122's codes as errno, Linux's icmp_err_convert. */
static int unreach_errno(int code)
{
    static const unsigned char err[] = {
        ENETUNREACH, EHOSTUNREACH, ENOPROTOOPT, ECONNREFUSED, EMSGSIZE, EOPNOTSUPP,
        ENETUNREACH, EHOSTDOWN, ENONET, ENETUNREACH, EHOSTUNREACH, ENETUNREACH,
        EHOSTUNREACH, EHOSTUNREACH, EHOSTUNREACH, EHOSTUNREACH,
    };
    return code >= 0 && code < (int)sizeof(err) ? err[code] : EHOSTUNREACH;
}

void udp_err(const struct iphdr *iph, int type, int code)
{
    const struct udphdr *uh = (const void *)((const uint8_t *)iph + (iph->version_ihl & 0xF) * 4);
    struct port_entry *e = port_lookup(&udp_ports, iph->saddr, ntohs(uh->source), PORT_BOUND);

    if (type != ICMP_DEST_UNREACH || !e || !e->sock || e->sock->state != SS_CONNECTED)
        return;                          /* only a connected socket knows whose error it is */
    struct dgram_sock *d = dgram_sk(e->sock);
    if (d->peer_addr != iph->daddr || d->peer_port != uh->dest)
        return;
    e->sock->err = unreach_errno(code);
    wake_up(d);
}

/* ------------------------------------------------------------ the socket */

/* Gives s (addr, port), network order -- port 0: one of the kernel's. */
static long udp_take_port(struct socket *s, uint32_t addr, uint16_t port)
{
    struct dgram_sock *d = dgram_sk(s);
    long err = port_bind(&udp_ports, &d->port, s, addr, ntohs(port));

    if (err == 0)
        d->saddr = addr;
    return err;
}

static long udp_bind(struct socket *s, const union sock_addr *a, socklen_t len)
{
    long err = inet_check_address(a, len);

    if (err < 0)
        return err;
    if (dgram_sk(s)->port.port)
        return -EINVAL;                  /* bound once */
    if (!inet_addr_is_local(a->in.sin_addr.s_addr))
        return -EADDRNOTAVAIL;
    return udp_take_port(s, a->in.sin_addr.s_addr, a->in.sin_port);
}

/* The default destination; AF_UNSPEC forgets it (udp(7)). */
static long udp_connect(struct socket *s, const union sock_addr *a, socklen_t len, int nonblock)
{
    struct dgram_sock *d = dgram_sk(s);
    uint32_t src;
    long err;

    (void)nonblock;
    if (len >= sizeof(a->sa.sa_family) && a->sa.sa_family == AF_UNSPEC) {
        s->state = SS_UNCONNECTED;
        d->peer_addr = 0;
        d->peer_port = 0;
        return 0;
    }
    if ((err = inet_check_address(a, len)) < 0)
        return err;
    uint32_t daddr = inet_dest_addr(a->in.sin_addr.s_addr);
    if ((err = ip_route_source(ntohl(daddr), &src)) < 0)
        return err;
    if (!d->port.port && (err = udp_take_port(s, INADDR_ANY, 0)) < 0)
        return err;
    if (d->saddr == INADDR_ANY)
        d->saddr = htonl(src);           /* getsockname shows the address it sends from */
    d->peer_addr = daddr;
    d->peer_port = a->in.sin_port;
    s->state = SS_CONNECTED;
    return 0;
}

/* Where a sendmsg goes: its address, else the connected peer. */
static long udp_destination(struct socket *s, const struct sock_msg *m, uint32_t *daddr,
                            uint16_t *dport)
{
    struct dgram_sock *d = dgram_sk(s);

    if (!m->name) {
        if (s->state != SS_CONNECTED)
            return -EDESTADDRREQ;
        *daddr = d->peer_addr;
        *dport = d->peer_port;
        return 0;
    }
    long err = inet_check_address(m->name, m->namelen);
    if (err < 0)
        return err;
    if (m->name->in.sin_port == 0)
        return -EINVAL;                  /* as Linux: port 0 is nobody's */
    *daddr = inet_dest_addr(m->name->in.sin_addr.s_addr);
    *dport = m->name->in.sin_port;
    return 0;
}

/* One datagram: the header, the user's bytes, the checksum, to IP. */
static long udp_send_skb(struct dgram_sock *d, const struct sock_msg *m, uint32_t saddr,
                         uint32_t daddr, uint16_t dport)
{
    struct sk_buff *skb = alloc_skb(MAX_HEADER + sizeof(struct udphdr) + m->len);

    if (!skb) {
        udp_mib[UDP_MIB_SNDBUFERRORS]++;
        return -ENOBUFS;
    }
    skb_reserve(skb, MAX_HEADER);
    struct udphdr *uh = (struct udphdr *)skb_put(skb, sizeof(*uh) + m->len);
    if (dgram_copy_from_user(m, uh + 1) < 0) {
        kfree_skb(skb);
        return -EFAULT;
    }
    *uh = (struct udphdr){
        .source = htons(d->port.port),
        .dest = dport,
        .len = htons((uint16_t)skb->len),
    };
    uh->check = tcpudp_checksum(saddr, ntohl(daddr), IPPROTO_UDP, uh, skb->len);
    if (uh->check == 0)
        uh->check = 0xFFFF;              /* 0 would say "no checksum" (RFC 768) */
    udp_mib[UDP_MIB_OUTDATAGRAMS]++;
    long err = ip_send(skb, ntohl(daddr), IPPROTO_UDP);
    return err < 0 ? err : (long)m->len;
}

static long udp_sendmsg(struct socket *s, struct sock_msg *m, int flags)
{
    struct dgram_sock *d = dgram_sk(s);
    uint32_t daddr, saddr;
    uint16_t dport;
    long err;

    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (s->err)
        return sock_error(s);
    if (d->shutdown & SEND_SHUTDOWN) {
        if (!(flags & MSG_NOSIGNAL))
            send_signal(current, SIGPIPE);
        return -EPIPE;
    }
    if ((err = udp_destination(s, m, &daddr, &dport)) < 0)
        return err;
    if (m->len > UDP_MAX_PAYLOAD)
        return -EMSGSIZE;
    if (ip_addr_is_broadcast(ntohl(daddr)) && !s->broadcast)
        return -EACCES;                  /* to everyone only when asked for (udp(7)) */
    if ((err = ip_route_source(ntohl(daddr), &saddr)) < 0)
        return err;
    if (!d->port.port && (err = udp_take_port(s, INADDR_ANY, 0)) < 0)
        return err;
    return udp_send_skb(d, m, saddr, daddr, dport);
}

static long udp_recvmsg(struct socket *s, struct sock_msg *m, int flags)
{
    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    return dgram_recvmsg(s, m, flags);
}

static void udp_release(struct socket *s)
{
    struct dgram_sock *d = dgram_sk(s);

    if (d->port.port)
        port_unbind(&udp_ports, &d->port);
    dgram_purge(d);
    kfree(d);
    s->sk = NULL;
}

static const struct proto_ops udp_ops = {
    .release = udp_release,
    .bind = udp_bind,
    .connect = udp_connect,
    .getname = dgram_getname,
    .poll = dgram_poll,
    .shutdown = dgram_shutdown,
    .sendmsg = udp_sendmsg,
    .recvmsg = udp_recvmsg,
    .setsockopt = dgram_setsockopt,     /* IP_RECVTTL */
    .getsockopt = dgram_getsockopt,
};

long udp_create(struct socket *s)
{
    struct dgram_sock *d = kmalloc(sizeof(*d));

    if (!d)
        return -ENOMEM;
    d->sock = s;
    d->source_port = udp_source_port;
    s->ops = &udp_ops;
    s->sk = d;
    return 0;
}

/* ------------------------------------------------------------ /proc/net/udp */

void udp_show_sockets(struct proc_buf *b)
{
    int sl = 0;

    proc_printf(b, "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                   "retrnsmt   uid  timeout inode ref pointer drops\n");
    for (struct port_entry *e = udp_ports.entries; e; e = e->next) {
        struct dgram_sock *d = e->sock ? dgram_sk(e->sock) : NULL;
        if (!d)
            continue;
        int connected = e->sock->state == SS_CONNECTED;
        /* Linux prints the addresses as the 32-bit words in memory: network order */
        proc_printf(b, "%5d: %08X:%04X %08X:%04X %02X %08X:%08X 00:00000000 00000000 %5d %8d "
                       "%lu 2 %08lx 0\n", sl++, d->saddr, e->port, d->peer_addr,
                    ntohs(d->peer_port), connected ? 1 : 7, 0u, d->rx_queued, 0, 0, 0ul,
                    (unsigned long)d);
    }
}
