/* The kernel's DHCP client (RFC 2131, options RFC 2132): eth0's address,
 * netmask, gateway and DNS server at boot, as Linux's ip=dhcp. */
#ifndef NET_DHCP_H
#define NET_DHCP_H

#include <stdint.h>

struct net_device;
struct sk_buff;

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68

/* What a server's message says, once parsed and checked. */
struct dhcp_reply {
    int type;                    /* DHCPOFFER, DHCPACK, DHCPNAK */
    uint32_t yiaddr;             /* host order: the address offered */
    uint32_t server_id;          /* option 54 */
    uint32_t netmask, router, dns;   /* options 1, 3, 6 (the first of each); 0: absent */
    uint32_t lease;              /* option 51, seconds */
};

enum { DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK, DHCPNAK };

/* Starts the exchange on dev in the background (the replies come through
 * the receive path, the retries from a timer).  Until an answer, and if
 * none comes, dev keeps the address it has. */
void dhcp_start(struct net_device *dev);
/* Waits (in the idle task, at boot) until the exchange has ended: an
 * address from a server, or the fallback kept. */
void dhcp_wait(void);
/* 1 while an exchange is under way. */
int dhcp_running(void);

/* Is the message (len bytes after a UDP header to port 68) the client's:
 * while it runs, every one; afterwards, late answers to its exchange (its
 * xid), which it drops rather than let them draw ICMP port unreachables. */
int dhcp_takes(const uint8_t *msg, unsigned len);
/* A datagram dhcp_takes: skb->data at the UDP payload.  Consumes skb. */
void dhcp_rcv(struct sk_buff *skb);

/* Parses a BOOTP/DHCP message of len bytes for our exchange (xid, MAC):
 * 0, or -1 if it is malformed or not ours.  (The self-test's way in.) */
int dhcp_parse(const uint8_t *msg, unsigned len, uint32_t xid, const uint8_t *mac,
               struct dhcp_reply *r);

/* The DNS server the last DHCP answer named (host order), 0 if none. */
extern uint32_t dhcp_dns_server;
/* Messages to port 68 thrown away: malformed, not ours, or too late. */
extern unsigned long dhcp_dropped;

#endif
