/* ARP (RFC 826): which Ethernet address has an IPv4 address on the local
 * network.  A cache of the answers, kept for a minute; packets for an
 * address not yet known wait in the cache's entry for the answer. */
#ifndef NET_ARP_H
#define NET_ARP_H

#include <stdint.h>
#include "net/netdevice.h"

struct sk_buff;

#define ARP_TABLE_SIZE 32
#define ARP_MAX_PENDING 3        /* packets waiting for one address; more: the oldest goes */

enum arp_state { ARP_FREE, ARP_INCOMPLETE, ARP_REACHABLE };

struct arp_entry {
    enum arp_state state;
    uint32_t ip;                 /* host order */
    uint8_t mac[ETH_ALEN];       /* valid when REACHABLE */
    struct net_device *dev;
    unsigned long updated;       /* jiffies: learned, or the last request sent */
    int tries;                   /* requests sent while INCOMPLETE */
    struct sk_buff *pending;     /* packets waiting for the answer, oldest first */
    int nr_pending;
};

struct arp_stats {
    unsigned long rx;            /* every ARP packet received = the next four */
    unsigned long rx_malformed;  /* short, not Ethernet/IPv4, bad opcode, junk sender */
    unsigned long rx_conflict;   /* someone else claims our address */
    unsigned long rx_for_us;     /* asking for, or answering, our address */
    unsigned long rx_not_for_us; /* about others: only updates an entry we have */
    unsigned long tx_requests, tx_replies;
    unsigned long pending_dropped;   /* waiting packets dropped: queue full, no answer, evicted */
    unsigned long unresolved;        /* addresses given up after ARP_MAX_TRIES requests */
    unsigned long no_memory;
};
extern struct arp_stats arp_stats;

void arp_init(void);                 /* starts the cache's clock */
void arp_rcv(struct sk_buff *skb);   /* consumes skb */
/* Sends the IP packet in skb (on skb->dev) to the station next_hop:
 * at once if its address is known, else after the answer to a request.
 * Consumes skb. */
int arp_output(struct sk_buff *skb, uint32_t next_hop);
void arp_flush_dev(struct net_device *dev);  /* the device goes away: its entries too */
const struct arp_entry *arp_table_entry(int i);  /* for /proc/net/arp and the tests */

#endif
