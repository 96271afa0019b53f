/* The ARP cache and protocol (RFC 826).
 *
 * The cache is a small table.  An entry is INCOMPLETE from the moment a
 * packet needs an address nobody has told us yet: a request is broadcast,
 * the packet waits in the entry (at most ARP_MAX_PENDING of them), and the
 * cache's clock (arp_timer, every second) asks again, up to ARP_MAX_TRIES
 * times, before it gives up and drops what waits.  The answer makes the
 * entry REACHABLE and sends what waited.  A REACHABLE entry is forgotten
 * after ARP_TIMEOUT, so a station that changed its card is found again.
 *
 * Reception follows RFC 826's algorithm: an entry we already have for the
 * sender is updated; if the packet is about our address, the sender is
 * added too (it is about to talk to us), and a request is answered. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/arp.h"
#include "net/ethernet.h"
#include "net/skbuff.h"
#include "net/byteorder.h"
#include "arch/timer.h"
#include "proc/timer_list.h"

#define ARP_MAX_TRIES 3
#define ARP_RETRY HZ
#define ARP_TIMEOUT (60 * HZ)

#define ARPHRD_ETHER 1
#define ARPOP_REQUEST 1
#define ARPOP_REPLY 2

/* An ARP packet for Ethernet and IPv4: 28 bytes (RFC 826's fields, with
 * the address lengths fixed at 6 and 4). */
struct arphdr {
    uint16_t ar_hrd;             /* hardware type: 1, Ethernet */
    uint16_t ar_pro;             /* protocol type: 0x0800, IPv4 */
    uint8_t ar_hln, ar_pln;      /* 6, 4 */
    uint16_t ar_op;              /* 1 request, 2 reply */
    uint8_t ar_sha[ETH_ALEN];    /* sender */
    uint32_t ar_sip;
    uint8_t ar_tha[ETH_ALEN];    /* target */
    uint32_t ar_tip;
} __attribute__((packed));

struct arp_stats arp_stats;
static struct arp_entry table[ARP_TABLE_SIZE];
static struct timer_list arp_timer;

const struct arp_entry *arp_table_entry(int i)
{
    return i >= 0 && i < ARP_TABLE_SIZE ? &table[i] : NULL;
}

/* ------------------------------------------------------------ sending */

static int arp_send(struct net_device *dev, int op, const uint8_t *eth_dest, uint32_t tip,
                    const uint8_t *tha)
{
    struct sk_buff *skb = alloc_skb(MAX_HEADER + sizeof(struct arphdr));

    if (!skb) {
        arp_stats.no_memory++;
        return -ENOMEM;
    }
    skb_reserve(skb, MAX_HEADER);
    skb->dev = dev;
    struct arphdr *a = (struct arphdr *)skb_put(skb, sizeof(*a));
    a->ar_hrd = htons(ARPHRD_ETHER);
    a->ar_pro = htons(ETH_P_IP);
    a->ar_hln = ETH_ALEN;
    a->ar_pln = 4;
    a->ar_op = htons(op);
    memcpy(a->ar_sha, dev->dev_addr, ETH_ALEN);
    a->ar_sip = htonl(dev->ip.addr);
    memcpy(a->ar_tha, tha, ETH_ALEN);
    a->ar_tip = htonl(tip);
    if (op == ARPOP_REQUEST)
        arp_stats.tx_requests++;
    else
        arp_stats.tx_replies++;
    return eth_xmit(skb, eth_dest, ETH_P_ARP);
}

static void send_request(struct arp_entry *e)
{
    static const uint8_t zero[ETH_ALEN];

    e->tries++;
    e->updated = jiffies;
    arp_send(e->dev, ARPOP_REQUEST, e->dev->broadcast, e->ip, zero);
}

/* ------------------------------------------------------------ the cache */

static void drop_pending(struct arp_entry *e)
{
    while (e->pending) {
        struct sk_buff *skb = e->pending;
        e->pending = skb->next;
        kfree_skb(skb);
        arp_stats.pending_dropped++;
    }
    e->nr_pending = 0;
}

static void free_entry(struct arp_entry *e)
{
    drop_pending(e);
    e->state = ARP_FREE;
}

static struct arp_entry *find_entry(struct net_device *dev, uint32_t ip)
{
    for (int i = 0; i < ARP_TABLE_SIZE; i++)
        if (table[i].state != ARP_FREE && table[i].ip == ip && table[i].dev == dev)
            return &table[i];
    return NULL;
}

/* A free entry; when there is none, the oldest one is forgotten (an
 * incomplete one's packets with it). */
static struct arp_entry *new_entry(struct net_device *dev, uint32_t ip)
{
    struct arp_entry *victim = &table[0];

    for (int i = 0; i < ARP_TABLE_SIZE; i++) {
        if (table[i].state == ARP_FREE) {
            victim = &table[i];
            break;
        }
        if ((long)(table[i].updated - victim->updated) < 0)
            victim = &table[i];
    }
    free_entry(victim);
    *victim = (struct arp_entry){ .state = ARP_INCOMPLETE, .ip = ip, .dev = dev,
                                  .updated = jiffies };
    return victim;
}

static void enqueue(struct arp_entry *e, struct sk_buff *skb)
{
    if (e->nr_pending == ARP_MAX_PENDING) {
        struct sk_buff *oldest = e->pending;
        e->pending = oldest->next;
        e->nr_pending--;
        kfree_skb(oldest);
        arp_stats.pending_dropped++;
    }
    skb->next = NULL;
    struct sk_buff **p = &e->pending;
    while (*p)
        p = &(*p)->next;
    *p = skb;
    e->nr_pending++;
}

/* The answer came: the entry is complete, and what waited is sent.  The
 * queue is taken off the entry first: sending may sleep (a full ring),
 * and the entry may change meanwhile. */
static void resolved(struct arp_entry *e, const uint8_t *mac)
{
    uint8_t dest[ETH_ALEN];
    struct sk_buff *queue = e->pending;

    memcpy(e->mac, mac, ETH_ALEN);
    memcpy(dest, mac, ETH_ALEN);
    e->state = ARP_REACHABLE;
    e->updated = jiffies;
    e->pending = NULL;
    e->nr_pending = 0;
    while (queue) {
        struct sk_buff *skb = queue;
        queue = skb->next;
        skb->next = NULL;
        eth_xmit(skb, dest, ETH_P_IP);
    }
}

int arp_output(struct sk_buff *skb, uint32_t next_hop)
{
    struct net_device *dev = skb->dev;
    struct arp_entry *e = find_entry(dev, next_hop);

    if (e && e->state == ARP_REACHABLE) {
        uint8_t dest[ETH_ALEN];
        memcpy(dest, e->mac, ETH_ALEN);
        return eth_xmit(skb, dest, ETH_P_IP);
    }
    if (!e) {
        e = new_entry(dev, next_hop);
        enqueue(e, skb);
        send_request(e);
        return 0;
    }
    enqueue(e, skb);
    return 0;
}

void arp_flush_dev(struct net_device *dev)
{
    for (int i = 0; i < ARP_TABLE_SIZE; i++)
        if (table[i].state != ARP_FREE && table[i].dev == dev)
            free_entry(&table[i]);
}

/* Every second: ask again for what is still unknown, give up after
 * ARP_MAX_TRIES, and forget what is too old. */
static void arp_tick(struct timer_list *t)
{
    for (int i = 0; i < ARP_TABLE_SIZE; i++) {
        struct arp_entry *e = &table[i];
        unsigned long age = jiffies - e->updated;
        if (e->state == ARP_INCOMPLETE && age >= ARP_RETRY) {
            if (e->tries >= ARP_MAX_TRIES) {
                arp_stats.unresolved++;
                free_entry(e);
            } else {
                send_request(e);
            }
        } else if (e->state == ARP_REACHABLE && age >= ARP_TIMEOUT) {
            free_entry(e);
        }
    }
    mod_timer(t, jiffies + HZ);
}

void arp_init(void)
{
    arp_timer.function = arp_tick;
    mod_timer(&arp_timer, jiffies + HZ);
}

/* ------------------------------------------------------------ receiving */

/* The fixed fields say Ethernet and IPv4, the opcode is one we know, and
 * the sender is a single station (not a broadcast or multicast address,
 * not 0.0.0.0, which a host probing for a free address sends: nothing
 * to learn there). */
static int well_formed(const struct arphdr *a)
{
    uint32_t sip = ntohl(a->ar_sip);
    uint16_t op = ntohs(a->ar_op);

    if (ntohs(a->ar_hrd) != ARPHRD_ETHER || ntohs(a->ar_pro) != ETH_P_IP ||
        a->ar_hln != ETH_ALEN || a->ar_pln != 4)
        return 0;
    if (op != ARPOP_REQUEST && op != ARPOP_REPLY)
        return 0;
    if (a->ar_sha[0] & 1)                    /* multicast or broadcast sender */
        return 0;
    return sip != 0 && sip != 0xFFFFFFFF && (sip >> 28) != 0xE;   /* 224.0.0.0/4: multicast */
}

static void process(struct net_device *dev, const struct arphdr *a)
{
    uint32_t sip = ntohl(a->ar_sip), tip = ntohl(a->ar_tip);
    struct arp_entry *e = find_entry(dev, sip);

    if (dev->ip.addr && sip == dev->ip.addr) {
        arp_stats.rx_conflict++;             /* not learned: it would hijack our own address */
        return;
    }
    if (e)                                   /* RFC 826's merge */
        resolved(e, a->ar_sha);
    if (!dev->ip.addr || tip != dev->ip.addr) {
        arp_stats.rx_not_for_us++;
        return;
    }
    arp_stats.rx_for_us++;
    if (!e)
        resolved(new_entry(dev, sip), a->ar_sha);
    if (ntohs(a->ar_op) == ARPOP_REQUEST)
        arp_send(dev, ARPOP_REPLY, a->ar_sha, sip, a->ar_sha);
}

void arp_rcv(struct sk_buff *skb)
{
    struct arphdr a;

    arp_stats.rx++;
    /* A copy: `a` stays valid whatever sending the answer does with skb. */
    if (skb->len < sizeof(a)) {
        arp_stats.rx_malformed++;
        kfree_skb(skb);
        return;
    }
    memcpy(&a, skb->data, sizeof(a));
    struct net_device *dev = skb->dev;
    kfree_skb(skb);
    if (!well_formed(&a)) {
        arp_stats.rx_malformed++;
        return;
    }
    process(dev, &a);
}
