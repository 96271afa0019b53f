/* AF_INET: which protocol serves a socket, and the IP addresses its
 * protocols share.
 *
 * socket(AF_INET, type, protocol) comes to inet_create(), which hands the
 * socket to the protocol of (type, protocol): a stream is TCP's
 * (net/tcp.c), a datagram UDP's (net/udp.c), or, with IPPROTO_ICMP, a
 * ping socket (net/ping.c).  The ports tables (fs/inet_port.c) and the
 * address checks here serve them all. */
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/af_inet.h"
#include "net/tcp.h"
#include "net/ip.h"
#include "net/udp.h"
#include "net/ping.h"

long inet_check_address(const union sock_addr *a, socklen_t len)
{
    if (len < sizeof(struct sockaddr_in))
        return -EINVAL;
    if (a->in.sin_family != AF_INET)
        return -EAFNOSUPPORT;
    return 0;
}

/* This machine's addresses: 127.x.x.x and its interfaces' (10.0.2.15
 * under QEMU), as IP knows them. */
int inet_addr_is_local(uint32_t addr)
{
    return addr == INADDR_ANY || ip_addr_is_local(ntohl(addr));
}

uint32_t inet_dest_addr(uint32_t addr)
{
    return addr == INADDR_ANY ? htonl(INADDR_LOOPBACK) : addr;
}

static long inet_create(struct socket *s, int protocol)
{
    switch (s->type) {
    case SOCK_STREAM:
        if (protocol != 0 && protocol != IPPROTO_TCP)
            return -EPROTONOSUPPORT;
        s->protocol = IPPROTO_TCP;
        return tcp_create(s);                  /* net/tcp.c */
    case SOCK_DGRAM:
        if (protocol == IPPROTO_ICMP) {        /* a ping socket (net/ping.c) */
            s->protocol = IPPROTO_ICMP;
            return ping_create(s);
        }
        if (protocol != 0 && protocol != IPPROTO_UDP)
            return -EPROTONOSUPPORT;
        s->protocol = IPPROTO_UDP;
        return udp_create(s);
    default:
        return -ESOCKTNOSUPPORT;
    }
}

const struct net_proto_family inet_family = {
    .family = AF_INET,
    .create = inet_create,
};
