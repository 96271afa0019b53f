/* UDP (RFC 768): datagrams between ports, for AF_INET SOCK_DGRAM sockets. */
#ifndef NET_UDP_H
#define NET_UDP_H

#include <stdint.h>

struct socket;

struct sk_buff;
struct iphdr;

struct udphdr {
    uint16_t source;             /* ports, network order */
    uint16_t dest;
    uint16_t len;                /* header and data, bytes */
    uint16_t check;              /* with the pseudo-header; 0: none was computed */
} __attribute__((packed));

/* Linux's Udp: line of /proc/net/snmp, in its order. */
enum udp_mib {
    UDP_MIB_INDATAGRAMS, UDP_MIB_NOPORTS, UDP_MIB_INERRORS, UDP_MIB_OUTDATAGRAMS,
    UDP_MIB_RCVBUFERRORS, UDP_MIB_SNDBUFERRORS, UDP_MIB_INCSUMERRORS, UDP_MIB_IGNOREDMULTI,
    UDP_MIB_MEMERRORS,
    UDP_MIB_MAX
};
extern unsigned long udp_mib[UDP_MIB_MAX];
extern const char *const udp_mib_names[UDP_MIB_MAX];

/* socket(AF_INET, SOCK_DGRAM, 0 or IPPROTO_UDP), from inet_create. */
long udp_create(struct socket *s);

/* A received datagram (skb->data at the UDP header).  Consumes skb. */
void udp_rcv(struct sk_buff *skb);

/* An ICMP error about a datagram we sent: iph is the IP header it quotes,
 * followed by at least 8 bytes (the UDP header). */
void udp_err(const struct iphdr *iph, int type, int code);

/* /proc/net/udp: one line per socket, in Linux's format. */
struct proc_buf;
void udp_show_sockets(struct proc_buf *b);

#endif
