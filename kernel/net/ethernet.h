/* Ethernet (IEEE 802.3 with Ethernet II type fields): 14 bytes in front
 * of every frame, saying who it is for, who sent it and what is inside. */
#ifndef NET_ETHERNET_H
#define NET_ETHERNET_H

#include <stdint.h>
#include "net/netdevice.h"

#define ETH_HLEN 14
#define ETH_P_IP  0x0800
#define ETH_P_ARP 0x0806

struct ethhdr {
    uint8_t h_dest[ETH_ALEN];
    uint8_t h_source[ETH_ALEN];
    uint16_t h_proto;            /* network order */
} __attribute__((packed));

struct sk_buff;

/* A received frame: checks who it is for, steps over the header and hands
 * the rest to ARP or IP by its type.  Consumes skb. */
void eth_rcv(struct sk_buff *skb);

/* Puts the Ethernet header in front of the packet in skb (to `dest`, from
 * skb->dev, of type `proto`) and sends it.  Consumes skb. */
int eth_xmit(struct sk_buff *skb, const uint8_t *dest, uint16_t proto);

/* Counters of what no device counter says. */
struct eth_stats {
    unsigned long rx_frames;     /* every frame that reached eth_rcv */
    unsigned long rx_runts;      /* shorter than a header: also the device's rx_length_errors */
    unsigned long rx_ip, rx_arp; /* handed up */
};
extern struct eth_stats eth_stats;

#endif
