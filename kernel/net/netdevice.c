/* The registered network interfaces, and the two doors between drivers
 * and the stack: netif_receive_skb() up, dev_queue_xmit() down. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/ethernet.h"
#include "net/arp.h"
#include "arch/irq.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "proc/sched.h"
#include "lib/printk.h"

#define XMIT_TIMEOUT HZ          /* a ring that stays full this long: the frame is dropped */

static struct net_device *dev_base;     /* the list, in order of registration */

static int xmit_queued(struct net_device *dev);

int register_netdev(struct net_device *dev)
{
    struct net_device **p = &dev_base;

    for (; *p; p = &(*p)->next)
        if (strcmp((*p)->name, dev->name) == 0)
            return -EEXIST;
    dev->next = NULL;
    *p = dev;
    return 0;
}

void unregister_netdev(struct net_device *dev)
{
    for (struct net_device **p = &dev_base; *p; p = &(*p)->next)
        if (*p == dev) {
            *p = dev->next;
            break;
        }
    dev->flags &= ~IFF_UP;
    xmit_queued(dev);            /* down: what waits to be sent is dropped */
    arp_flush_dev(dev);          /* its neighbours, and the packets waiting for them */
}

struct net_device *dev_get_by_name(const char *name)
{
    for (struct net_device *d = dev_base; d; d = d->next)
        if (strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

struct net_device *first_net_device(void)
{
    return dev_base;
}

void netif_receive_skb(struct sk_buff *skb)
{
    struct net_device *dev = skb->dev;

    dev->stats.rx_packets++;
    dev->stats.rx_bytes += skb->len;
    if (!(dev->flags & IFF_UP)) {
        dev->stats.rx_dropped++;
        kfree_skb(skb);
        return;
    }
    eth_rcv(skb);
}

/* The ring is full.  At boot, before there are tasks, the idle task runs
 * the self-tests and has nobody to switch to: it halts until the next
 * interrupt (the card's "sent" one) instead of sleeping (as drv/ide.c). */
static void wait_for_room(struct net_device *dev)
{
    if (current == &tasks[0]) {
        sti();
        hlt();
        cli();
    } else {
        uninterruptible_sleep_on_timeout(&dev->tx_wait, XMIT_TIMEOUT);
    }
}

static void drop(struct net_device *dev, struct sk_buff *skb)
{
    dev->stats.tx_dropped++;
    kfree_skb(skb);
}

/* in_xmit tells netif_wake_queue, which the driver may call from inside
 * its ndo_start_xmit, not to send from the queue there and then. */
static enum netdev_tx start_xmit(struct net_device *dev, struct sk_buff *skb)
{
    dev->in_xmit = 1;
    enum netdev_tx r = dev->ops->ndo_start_xmit(skb, dev);
    dev->in_xmit = 0;
    return r;
}

/* Hands the queued frames to the driver, oldest first, while it takes
 * them (a device taken down drops them).  Returns 1 if the queue is
 * empty now. */
static int xmit_queued(struct net_device *dev)
{
    struct sk_buff *skb;

    while ((skb = skb_dequeue(&dev->txq))) {
        if (!(dev->flags & IFF_UP)) {
            drop(dev, skb);
        } else if (start_xmit(dev, skb) == NETDEV_TX_BUSY) {
            skb_queue_head(&dev->txq, skb);
            return 0;
        }
    }
    return 1;
}

static int queue_frame(struct net_device *dev, struct sk_buff *skb)
{
    if (dev->txq.len >= TX_QUEUE_LEN) {
        drop(dev, skb);
        return -ENOBUFS;
    }
    skb_queue_tail(&dev->txq, skb);
    return 0;
}

int dev_queue_xmit(struct sk_buff *skb)
{
    struct net_device *dev = skb->dev;
    unsigned long deadline = jiffies + XMIT_TIMEOUT;

    if (!(dev->flags & IFF_UP)) {
        drop(dev, skb);
        return -ENETDOWN;
    }
    for (;;) {
        /* behind what waits already, so that frames leave in order */
        if (xmit_queued(dev) && start_xmit(dev, skb) == NETDEV_TX_OK)
            return 0;
        /* A handler cannot sleep: there is no task of its own to put to
         * sleep, and the card's interrupt that would wake it cannot come
         * while it runs.  Nor may a task in an atomic section (TCP
         * holding its lock: a sleep would let others in to connections
         * it is in the middle of).  Their frames wait in the queue. */
        if (in_atomic())
            return queue_frame(dev, skb);
        if (time_after_eq(jiffies, deadline)) {
            drop(dev, skb);
            return -ENOBUFS;
        }
        wait_for_room(dev);
    }
}

void netif_wake_queue(struct net_device *dev)
{
    if (!dev->in_xmit)
        xmit_queued(dev);
    wake_up(&dev->tx_wait);
}

void netif_carrier_on(struct net_device *dev)
{
    dev->flags |= IFF_RUNNING;
}

void netif_carrier_off(struct net_device *dev)
{
    dev->flags &= ~IFF_RUNNING;
}

char *format_mac(char *buf, const uint8_t *mac)
{
    snprintk(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4],
             mac[5]);
    return buf;
}
