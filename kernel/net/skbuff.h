/* struct sk_buff: one packet and the buffer it lives in.
 *
 * The buffer is one page: the struct at its start, then the bytes.  The
 * packet is the part [data, data + len); the room before it (headroom) is
 * where each layer on the way down puts its header in front (skb_push),
 * and on the way up each layer steps over its header (skb_pull):
 *
 *     page: | sk_buff | headroom | packet (len bytes) | tailroom |
 *                     ^head      ^data                 ^data+len  ^end
 *
 * One owner at a time: a function that is handed an skb either hands it
 * on or frees it (kfree_skb), exactly once, whatever goes wrong.  The
 * network card reads and writes the bytes itself (DMA), which a page
 * makes easy: its bytes are contiguous in physical memory too. */
#ifndef NET_SKBUFF_H
#define NET_SKBUFF_H

#include <stdint.h>

struct net_device;

struct sk_buff {
    struct sk_buff *next;        /* in a queue (struct sk_buff_head, ARP's waiting packets) */
    struct net_device *dev;      /* came in on / goes out by */
    unsigned char *head;         /* the buffer's first byte */
    unsigned char *data;         /* the packet's first byte */
    unsigned len;                /* the packet's length */
    unsigned char *end;          /* past the buffer's last byte */
    unsigned char *mac_header;   /* where each layer's header is, once known */
    unsigned char *network_header;
    uint16_t protocol;           /* the ethertype (host order), once known */
    uint8_t pkt_type;            /* PACKET_HOST, _BROADCAST, _OTHERHOST */
    uint32_t magic;              /* SKB_MAGIC while allocated: catches a double free */
};

enum { PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST };

#define SKB_MAX_SIZE 3968        /* bytes a page holds after the struct */
#define MAX_HEADER 64            /* room for Ethernet + IP + a transport header */

struct sk_buff *alloc_skb(unsigned size);   /* empty, size bytes of room; NULL if out of memory */
void kfree_skb(struct sk_buff *skb);        /* kfree_skb(NULL) does nothing */
unsigned long skb_count(void);              /* allocated now: the tests' leak check */

void skb_reserve(struct sk_buff *skb, unsigned n);    /* headroom, on an empty skb */
unsigned char *skb_put(struct sk_buff *skb, unsigned n);    /* n more at the end */
unsigned char *skb_push(struct sk_buff *skb, unsigned n);   /* n more in front (a header) */
unsigned char *skb_pull(struct sk_buff *skb, unsigned n);   /* step over n in front; NULL if shorter */
void skb_trim(struct sk_buff *skb, unsigned len);     /* shorten to len (Ethernet's padding) */
unsigned skb_headroom(const struct sk_buff *skb);
unsigned skb_tailroom(const struct sk_buff *skb);

/* A queue of packets, first in, first out (Linux's sk_buff_head): lo's
 * frames not yet delivered, TCP's backlog, a device's transmit queue.
 * All zero is an empty queue.  A packet is in one queue at a time. */
struct sk_buff_head {
    struct sk_buff *head, *tail;
    unsigned len;
};
void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb);   /* at the end */
void skb_queue_head(struct sk_buff_head *q, struct sk_buff *skb);   /* back in front */
struct sk_buff *skb_dequeue(struct sk_buff_head *q);                /* the first; NULL: empty */

#endif
