/* The loopback interface, "lo" (127.0.0.1/8): packets this machine sends
 * to itself.  They go down through IP and Ethernet like any others and
 * come back up through netif_receive_skb, so TCP over 127.0.0.1 runs the
 * very code TCP over the card runs (docs/net.md).
 *
 * Sending hands the frame straight back to the receive path -- but not
 * from inside itself: a reply sent while a packet is being received
 * (ICMP's echo reply, TCP's ACK) would otherwise recurse through the
 * whole stack once per packet.  So a frame sent while lo is already
 * delivering waits in a queue, and the outermost delivery loop takes it,
 * the way Linux's netif_rx queues for its softirq. */
#include <stddef.h>
#include <string.h>
#include "net/loopback.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/ip.h"
#include "lib/printk.h"

static struct net_device loopback_dev;
static struct sk_buff_head queue;                /* sent, not yet delivered */
static int delivering;

/* Never busy: the "ring" is the queue, and it takes everything. */
static enum netdev_tx loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
    dev->stats.tx_packets++;
    dev->stats.tx_bytes += skb->len;
    skb_queue_tail(&queue, skb);
    if (delivering)
        return NETDEV_TX_OK;       /* the loop below, further up the stack, takes it */
    delivering = 1;
    while ((skb = skb_dequeue(&queue))) {
        skb->dev = dev;
        netif_receive_skb(skb);
    }
    delivering = 0;
    return NETDEV_TX_OK;
}

static const struct net_device_ops loopback_ops = {
    .ndo_start_xmit = loopback_xmit,
};

struct net_device *loopback_device(void)
{
    return &loopback_dev;
}

void loopback_init(void)
{
    struct net_device *dev = &loopback_dev;

    strlcpy(dev->name, "lo", IFNAMSIZ);
    /* Linux's lo takes 64 KiB packets; a Minnow packet lives in one page */
    dev->mtu = SKB_MAX_SIZE - MAX_HEADER;
    dev->flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
    dev->ops = &loopback_ops;          /* MAC 00:00:00:00:00:00, as Linux's lo */
    if (register_netdev(dev) < 0)
        return;
    ip_config_set(dev, IPV4(127, 0, 0, 1), IPV4(255, 0, 0, 0), 0, "static");
}
