/* ICMP (RFC 792): echo request and reply, both ways. */
#ifndef NET_ICMP_H
#define NET_ICMP_H

#include <stdint.h>

struct sk_buff;

#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_ECHO 8
#define ICMP_PORT_UNREACH 3          /* ICMP_DEST_UNREACH's code: no socket at the port */
#define ICMP_TIME_EXCEEDED 11

struct icmphdr {
    uint8_t type;
    uint8_t code;
    uint16_t checksum;           /* over the whole ICMP message */
    uint16_t id;                 /* echo: who asks (network order) */
    uint16_t sequence;           /* echo: which of its requests */
} __attribute__((packed));

/* A received ICMP message (skb->data at its header).  Consumes skb. */
void icmp_rcv(struct sk_buff *skb);

/* Answers skb -- a datagram received for this host, skb->data at its
 * transport header, ip_hdr(skb) valid -- with a destination unreachable
 * of `code`, unless it was broadcast (RFC 1122).  skb stays the caller's. */
void icmp_send_dest_unreach(struct sk_buff *skb, int code);

/* Sends an echo request to daddr with `len` bytes of data.  0 or -errno. */
int icmp_send_echo(uint32_t daddr, uint16_t id, uint16_t seq, unsigned len);

/* A ping from the kernel (the self-tests' way, until user programs get
 * ICMP sockets): up to `tries` echo requests to daddr, one a second,
 * each waiting up to a second for its reply.  Returns the number of the
 * try that was answered (1 = the first), or -ETIMEDOUT; *rtt_us is the
 * time from that request to its reply. */
int icmp_ping(uint32_t daddr, uint16_t id, int tries, unsigned long *rtt_us);

#endif
