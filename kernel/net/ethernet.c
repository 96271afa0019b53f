/* The Ethernet layer: the first bytes of every frame.
 *
 * The card already filters by destination (its own address, broadcast),
 * but a frame can reach eth_rcv by other ways (the fuzz test injects
 * them), so the check is done again here: a frame for another station is
 * counted and dropped, as a card in promiscuous mode would see them. */
#include <string.h>
#include "net/ethernet.h"
#include "net/skbuff.h"
#include "net/byteorder.h"
#include "net/arp.h"
#include "net/ip.h"

struct eth_stats eth_stats;

static int is_broadcast(const uint8_t *mac)
{
    static const uint8_t bcast[ETH_ALEN] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
    return memcmp(mac, bcast, ETH_ALEN) == 0;
}

/* Who the frame is for: us, everyone, a multicast group (the low bit of
 * the first byte, which no Minnow protocol joins), or someone else. */
static int classify(const struct ethhdr *eh, const struct net_device *dev)
{
    if (memcmp(eh->h_dest, dev->dev_addr, ETH_ALEN) == 0)
        return PACKET_HOST;
    if (is_broadcast(eh->h_dest))
        return PACKET_BROADCAST;
    if (eh->h_dest[0] & 1)
        return PACKET_MULTICAST;
    return PACKET_OTHERHOST;
}

void eth_rcv(struct sk_buff *skb)
{
    struct net_device *dev = skb->dev;

    eth_stats.rx_frames++;
    if (skb->len < ETH_HLEN) {
        eth_stats.rx_runts++;
        dev->stats.rx_length_errors++;
        dev->stats.rx_errors++;
        kfree_skb(skb);
        return;
    }
    struct ethhdr *eh = (struct ethhdr *)skb->data;
    skb->mac_header = skb->data;
    skb->pkt_type = classify(eh, dev);
    skb->protocol = ntohs(eh->h_proto);
    if (skb->pkt_type == PACKET_OTHERHOST || skb->pkt_type == PACKET_MULTICAST) {
        if (skb->pkt_type == PACKET_MULTICAST)
            dev->stats.multicast++;
        dev->stats.rx_otherhost_dropped++;
        kfree_skb(skb);
        return;
    }
    skb_pull(skb, ETH_HLEN);
    switch (skb->protocol) {
    case ETH_P_IP:
        eth_stats.rx_ip++;
        ip_rcv(skb);
        break;
    case ETH_P_ARP:
        eth_stats.rx_arp++;
        arp_rcv(skb);
        break;
    default:                     /* IPv6, LLDP...: nobody here speaks them */
        dev->stats.rx_nohandler++;
        kfree_skb(skb);
    }
}

int eth_xmit(struct sk_buff *skb, const uint8_t *dest, uint16_t proto)
{
    struct ethhdr *eh = (struct ethhdr *)skb_push(skb, ETH_HLEN);

    memcpy(eh->h_dest, dest, ETH_ALEN);
    memcpy(eh->h_source, skb->dev->dev_addr, ETH_ALEN);
    eh->h_proto = htons(proto);
    return dev_queue_xmit(skb);
}
