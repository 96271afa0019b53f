/* IPv4 (RFC 791): the header, input checks and delivery, output with
 * routing, and the interface configuration. */
#ifndef NET_IP_H
#define NET_IP_H

#include <stdint.h>
#include "net/skbuff.h"

struct net_device;

#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17

#define IP_DF 0x4000             /* frag_off: don't fragment */
#define IP_MF 0x2000             /* more fragments */
#define IP_OFFSET 0x1FFF         /* the fragment's offset, in 8-byte units */
#define IP_DEFAULT_TTL 64

struct iphdr {
    uint8_t version_ihl;         /* version (4) in the high nibble, IHL in 32-bit words */
    uint8_t tos;
    uint16_t tot_len;            /* header and data, bytes */
    uint16_t id;
    uint16_t frag_off;           /* flags and fragment offset */
    uint8_t ttl;
    uint8_t protocol;
    uint16_t check;
    uint32_t saddr, daddr;
} __attribute__((packed));

/* 10.0.2.15 as 0x0A00020F */
#define IPV4(a, b, c, d) ((uint32_t)(a) << 24 | (b) << 16 | (c) << 8 | (d))

/* An address, "10.0.2.15", into buf (at least 16 bytes). */
char *format_ip(char *buf, uint32_t addr);

/* The interface's address, netmask and gateway (host order), and who
 * chose them ("static" at boot; DHCP later calls this too). */
void ip_config_set(struct net_device *dev, uint32_t addr, uint32_t netmask, uint32_t gateway,
                   const char *source);

/* The way out for daddr: the interface, and the station on its network
 * to hand the packet to (daddr itself on a local network, else the
 * gateway).  0, or -ENETUNREACH. */
int ip_route(uint32_t daddr, struct net_device **dev, uint32_t *next_hop);

/* Is addr (host order) this host's: 127.0.0.0/8 or an interface's? */
int ip_addr_is_local(uint32_t addr);

/* Is addr (host order) a broadcast address: 255.255.255.255, or an
 * interface's network's (10.0.2.255)? */
int ip_addr_is_broadcast(uint32_t addr);

/* The source address a packet to daddr leaves with (host order): the
 * outgoing interface's; to this machine itself, the address reached
 * (through lo).  0 or -ENETUNREACH. */
int ip_route_source(uint32_t daddr, uint32_t *saddr);

/* Puts a 20-byte header in front of skb's data, checksum included: for
 * ip_send, and for DHCP, which sends from 0.0.0.0 before any route. */
void ip_build_header(struct sk_buff *skb, uint32_t saddr, uint32_t daddr, uint8_t protocol);

/* A received IP packet (skb->data at its header).  Consumes skb. */
void ip_rcv(struct sk_buff *skb);

/* Sends the transport header and data in skb (with MAX_HEADER of
 * headroom) to daddr: the IP header goes in front, the route and ARP
 * choose where it goes.  Consumes skb; 0 or -errno. */
int ip_send(struct sk_buff *skb, uint32_t daddr, uint8_t protocol);
/* The same from a given source address (0: the interface's), as TCP
 * needs: its checksum covers the addresses, fixed when it connected. */
int ip_send_from(struct sk_buff *skb, uint32_t saddr, uint32_t daddr, uint8_t protocol);

/* The header of a received packet, once ip_rcv has checked it. */
static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
    return (struct iphdr *)skb->network_header;
}

#endif
