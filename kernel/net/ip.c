/* IPv4: what comes in is checked, then handed to its protocol; what goes
 * out gets a header and a route.
 *
 * Input checks, in RFC 791's and RFC 1122's (3.2.1) order, each failure
 * a counter of /proc/net/snmp and a dropped packet: the header fits the
 * frame, version 4, IHL at least 5 words and within the frame, the
 * header checksum, the total length between the header and the frame
 * (the frame may be longer: Ethernet pads short ones), the destination
 * is ours (this interface's address or a broadcast: Minnow does not
 * forward), the source is one station.
 *
 * Fragments are dropped (and counted as reassembly failures): Minnow does
 * not reassemble.  Its peers send at most the 1500-byte MTU, and TCP
 * chooses segments that fit, so on QEMU's user network nothing arrives
 * in pieces; a big UDP datagram from elsewhere would be lost.  Nor does
 * Minnow fragment: a packet larger than the MTU is refused. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/ip.h"
#include "net/icmp.h"
#include "net/udp.h"
#include "net/tcp.h"
#include "net/loopback.h"
#include "net/arp.h"
#include "net/ethernet.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "net/snmp.h"
#include "lib/printk.h"

unsigned long ip_mib[IP_MIB_MAX];
const char *const ip_mib_names[IP_MIB_MAX] = {
    "Forwarding", "DefaultTTL", "InReceives", "InHdrErrors", "InAddrErrors", "ForwDatagrams",
    "InUnknownProtos", "InDiscards", "InDelivers", "OutRequests", "OutDiscards", "OutNoRoutes",
    "ReasmTimeout", "ReasmReqds", "ReasmOKs", "ReasmFails", "FragOKs", "FragFails",
    "FragCreates", "InTruncatedPkts", "InCsumErrors",
};

static uint16_t next_id;         /* the id of the next packet sent */

char *format_ip(char *buf, uint32_t a)
{
    snprintk(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF);
    return buf;
}

void ip_config_set(struct net_device *dev, uint32_t addr, uint32_t netmask, uint32_t gateway,
                   const char *source)
{
    char a[16], m[16], g[16];

    dev->ip = (struct in_config){ addr, netmask, gateway, source };
    ip_mib[IP_MIB_FORWARDING] = 2;           /* RFC 2011: 2 is "not a router" */
    ip_mib[IP_MIB_DEFAULTTTL] = IP_DEFAULT_TTL;
    printk("%s: %s/%s, gateway %s (%s)\n", dev->name, format_ip(a, addr), format_ip(m, netmask),
           format_ip(g, gateway), source);
}

/* ------------------------------------------------------------ routing */

static int on_link(const struct net_device *dev, uint32_t daddr)
{
    return dev->ip.addr && (daddr & dev->ip.netmask) == (dev->ip.addr & dev->ip.netmask);
}

static int is_broadcast(const struct net_device *dev, uint32_t daddr)
{
    return daddr == 0xFFFFFFFF || (dev->ip.addr && daddr == (dev->ip.addr | ~dev->ip.netmask));
}

int ip_addr_is_local(uint32_t addr)
{
    if (addr >> 24 == 127)
        return 1;
    for (struct net_device *d = first_net_device(); d; d = d->next)
        if ((d->flags & IFF_UP) && d->ip.addr && d->ip.addr == addr)
            return 1;
    return 0;
}

int ip_addr_is_broadcast(uint32_t addr)
{
    for (struct net_device *d = first_net_device(); d; d = d->next)
        if ((d->flags & IFF_UP) && is_broadcast(d, addr))
            return 1;
    return addr == 0xFFFFFFFF;
}

/* Two routes per interface, as `ip route` would show them: its own
 * network directly, and (for the first interface with a gateway) the
 * default route through the gateway.  In front of them Linux's "local"
 * table: this machine's own addresses are reached through lo. */
int ip_route(uint32_t daddr, struct net_device **dev, uint32_t *next_hop)
{
    struct net_device *lo = loopback_device();

    if ((lo->flags & IFF_UP) && ip_addr_is_local(daddr)) {
        *dev = lo;
        *next_hop = daddr;
        return 0;
    }
    for (struct net_device *d = first_net_device(); d; d = d->next)
        if ((d->flags & IFF_UP) && (on_link(d, daddr) || (d->ip.addr && daddr == 0xFFFFFFFF))) {
            *dev = d;
            *next_hop = daddr;
            return 0;
        }
    for (struct net_device *d = first_net_device(); d; d = d->next)
        if ((d->flags & IFF_UP) && d->ip.gateway && on_link(d, d->ip.gateway)) {
            *dev = d;
            *next_hop = d->ip.gateway;
            return 0;
        }
    return -ENETUNREACH;
}

/* ------------------------------------------------------------ input */

/* The checks of a header that the length of the frame bounds; returns the
 * header length, or -1 with the counter bumped. */
static int check_header(struct sk_buff *skb)
{
    if (skb->len < sizeof(struct iphdr)) {
        ip_mib[IP_MIB_INHDRERRORS]++;
        return -1;
    }
    struct iphdr *iph = (struct iphdr *)skb->data;
    unsigned ihl = (iph->version_ihl & 0x0F) * 4;
    if (iph->version_ihl >> 4 != 4 || ihl < sizeof(struct iphdr) || ihl > skb->len) {
        ip_mib[IP_MIB_INHDRERRORS]++;
        return -1;
    }
    if (ip_checksum(iph, ihl) != 0) {
        ip_mib[IP_MIB_INHDRERRORS]++;
        ip_mib[IP_MIB_INCSUMERRORS]++;
        return -1;
    }
    unsigned tot_len = ntohs(iph->tot_len);
    if (tot_len < ihl) {
        ip_mib[IP_MIB_INHDRERRORS]++;
        return -1;
    }
    if (tot_len > skb->len) {
        ip_mib[IP_MIB_INTRUNCATEDPKTS]++;
        return -1;
    }
    skb_trim(skb, tot_len);                  /* Ethernet's padding goes */
    return ihl;
}

/* For us: this interface's address, or a broadcast (limited, or this
 * network's); from one station (not a broadcast or multicast address). */
static int check_addresses(const struct sk_buff *skb, const struct iphdr *iph)
{
    struct net_device *dev = skb->dev;
    uint32_t daddr = ntohl(iph->daddr), saddr = ntohl(iph->saddr);

    int ours = daddr && (daddr == dev->ip.addr ||
                         ((dev->flags & IFF_LOOPBACK) && ip_addr_is_local(daddr)));
    if (!ours && !is_broadcast(dev, daddr))
        return -1;
    if (saddr == 0xFFFFFFFF || (saddr >> 28) == 0xE || (dev->ip.addr && is_broadcast(dev, saddr)))
        return -1;
    return 0;
}

void ip_rcv(struct sk_buff *skb)
{
    ip_mib[IP_MIB_INRECEIVES]++;
    int ihl = check_header(skb);
    if (ihl < 0)
        goto drop;
    struct iphdr *iph = (struct iphdr *)skb->data;
    if (ntohs(iph->frag_off) & (IP_MF | IP_OFFSET)) {
        ip_mib[IP_MIB_REASMREQDS]++;         /* a fragment: not reassembled */
        ip_mib[IP_MIB_REASMFAILS]++;
        goto drop;
    }
    if (check_addresses(skb, iph) < 0) {
        ip_mib[IP_MIB_INADDRERRORS]++;
        goto drop;
    }
    skb->network_header = skb->data;
    skb_pull(skb, ihl);
    switch (iph->protocol) {
    case IPPROTO_ICMP:
        ip_mib[IP_MIB_INDELIVERS]++;
        icmp_rcv(skb);
        return;
    case IPPROTO_UDP:
        ip_mib[IP_MIB_INDELIVERS]++;
        udp_rcv(skb);
        return;
    case IPPROTO_TCP:
        ip_mib[IP_MIB_INDELIVERS]++;
        tcp_v4_rcv(skb);
        return;
    default:
        ip_mib[IP_MIB_INUNKNOWNPROTOS]++;
        goto drop;
    }
drop:
    kfree_skb(skb);
}

/* ------------------------------------------------------------ output */

int ip_send(struct sk_buff *skb, uint32_t daddr, uint8_t protocol)
{
    return ip_send_from(skb, 0, daddr, protocol);
}

int ip_route_source(uint32_t daddr, uint32_t *saddr)
{
    struct net_device *dev;
    uint32_t next_hop;

    if (ip_route(daddr, &dev, &next_hop) < 0)
        return -ENETUNREACH;
    /* to ourselves the source is the address we reach: 10.0.2.15 talks to 10.0.2.15 */
    *saddr = (dev->flags & IFF_LOOPBACK) ? daddr : dev->ip.addr;
    return 0;
}

void ip_build_header(struct sk_buff *skb, uint32_t saddr, uint32_t daddr, uint8_t protocol)
{
    struct iphdr *iph = (struct iphdr *)skb_push(skb, sizeof(struct iphdr));

    *iph = (struct iphdr){
        .version_ihl = 4 << 4 | sizeof(struct iphdr) / 4,
        .tot_len = htons(skb->len),
        .id = htons(next_id++),
        .ttl = IP_DEFAULT_TTL,
        .protocol = protocol,
        .saddr = htonl(saddr),
        .daddr = htonl(daddr),
    };
    iph->check = ip_checksum(iph, sizeof(*iph));
}

int ip_send_from(struct sk_buff *skb, uint32_t saddr, uint32_t daddr, uint8_t protocol)
{
    struct net_device *dev;
    uint32_t next_hop;

    ip_mib[IP_MIB_OUTREQUESTS]++;
    if (ip_route(daddr, &dev, &next_hop) < 0) {
        ip_mib[IP_MIB_OUTNOROUTES]++;
        kfree_skb(skb);
        return -ENETUNREACH;
    }
    if (skb->len + sizeof(struct iphdr) > dev->mtu) {
        ip_mib[IP_MIB_FRAGFAILS]++;          /* Minnow does not fragment */
        kfree_skb(skb);
        return -EMSGSIZE;
    }
    if (!saddr)                              /* as ip_route_source chooses it */
        saddr = (dev->flags & IFF_LOOPBACK) ? daddr : dev->ip.addr;
    ip_build_header(skb, saddr, daddr, protocol);
    skb->dev = dev;
    if (dev->flags & IFF_LOOPBACK)           /* no neighbours to ask: straight back */
        return eth_xmit(skb, dev->dev_addr, ETH_P_IP);
    if (is_broadcast(dev, daddr))
        return eth_xmit(skb, dev->broadcast, ETH_P_IP);
    return arp_output(skb, next_hop);
}
