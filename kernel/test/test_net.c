/* Self-tests of the network card and the stack, against QEMU's user
 * network (make test puts an e1000 on it): the card is found and reads
 * the MAC QEMU gives it by default, and the gateway answers a ping; a
 * sender in an atomic section does not wait for a full ring. */
#include <string.h>
#include <minnow/errno.h>
#include "test/ktest.h"
#include "proc/sched.h"
#include "drv/pci.h"
#include "net/netdevice.h"
#include "net/arp.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/snmp.h"
#include "net/skbuff.h"
#include "mm/page_alloc.h"
#include "lib/printk.h"
#include "lib/cmdline.h"
#include "net/ethernet.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "arch/timer.h"
#include "arch/x86.h"

#define GATEWAY IPV4(10, 0, 2, 2)
#define NET_LOSS_PINGS 6

/* QEMU's default for the first card (-device e1000 without mac=). */
static const uint8_t qemu_mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

const char *test_e1000_found(void)
{
    struct pci_dev *pdev = pci_find_device(0x8086, 0x100E);
    struct net_device *dev = dev_get_by_name("eth0");
    char mac[18];

    if (!pdev)
        return ktest_fail("no 8086:100e on the PCI bus (is QEMU run with -device e1000?)");
    if (!(pci_read_config16(pdev, PCI_COMMAND) & PCI_COMMAND_MASTER))
        return ktest_fail("bus mastering is off: the card cannot reach its rings");
    if (!dev)
        return ktest_fail("the card was found, but no eth0 was registered");
    if (memcmp(dev->dev_addr, qemu_mac, ETH_ALEN) != 0)
        return ktest_fail("MAC %s, not QEMU's 52:54:00:12:34:56", format_mac(mac, dev->dev_addr));
    if (!(dev->flags & IFF_RUNNING))
        return ktest_fail("the link is down");
    if (dev->ip.addr != IPV4(10, 0, 2, 15))
        return ktest_fail("eth0 has address %08x, not 10.0.2.15", dev->ip.addr);
    return NULL;
}

/* Where the gateway's MAC is in the cache, or NULL. */
static const struct arp_entry *gateway_entry(void)
{
    for (int i = 0; i < ARP_TABLE_SIZE; i++) {
        const struct arp_entry *e = arp_table_entry(i);
        if (e->state == ARP_REACHABLE && e->ip == GATEWAY)
            return e;
    }
    return NULL;
}

/* The kernel pings 10.0.2.2 (QEMU's slirp answers ICMP echo for the
 * gateway): ARP finds the gateway's MAC first, the request waits for it,
 * the reply comes back through the card's interrupt.  Every page is
 * back afterwards. */
const char *test_net_ping_gateway(void)
{
    unsigned long pages = nr_free_pages(), skbs = skb_count();
    unsigned long echo_replies = icmp_mib[ICMP_MIB_INECHOREPS];
    unsigned long rtt;

    int answered = icmp_ping(GATEWAY, 0x4D4E, 5, &rtt);
    if (answered < 0)
        return ktest_fail("no reply from 10.0.2.2 in 5 tries (error %d)", answered);
    unsigned long rtt2 = 0;
    int again = icmp_ping(GATEWAY, 0x4D4E, 5, &rtt2);   /* the gateway's MAC is known now */
    printk("net_ping_gateway: 10.0.2.2 answered try %d in %lu us (ARP first), then try %d in %lu us\n",
           answered, rtt, again, rtt2);
    if (icmp_mib[ICMP_MIB_INECHOREPS] == echo_replies)
        return ktest_fail("answered, but InEchoReps did not move");
    const struct arp_entry *e = gateway_entry();
    if (!e)
        return ktest_fail("the gateway is not in the ARP cache after the ping");
    if (e->mac[0] & 1)
        return ktest_fail("the gateway's MAC in the cache is a group address");
    if (skb_count() != skbs)
        return ktest_fail("%lu packet buffers before, %lu after", skbs, skb_count());
    if (nr_free_pages() != pages)
        return ktest_fail("%lu free pages before, %lu after", pages, nr_free_pages());
    return NULL;
}

/* With netloss=3 on the command line (tools/hosttests/net_loss.sh boots
 * so), the card drops every third frame each way: pings still get
 * through, on a later try when a request or its reply was lost, and the
 * card's loss counters say how many it threw away.  Manual: it needs the
 * option. */
const char *test_net_ping_loss(void)
{
    struct net_device *dev = dev_get_by_name("eth0");
    unsigned long pages = nr_free_pages(), skbs = skb_count();
    int tries = 0;

    if (!cmdline_get("netloss"))
        return ktest_fail("boot with netloss=N (make test T=net_loss does)");
    if (!dev)
        return ktest_fail("no eth0");
    for (int i = 0; i < NET_LOSS_PINGS; i++) {
        unsigned long rtt;
        int answered = icmp_ping(GATEWAY, 0x4C00 + i, 5, &rtt);
        if (answered < 0)
            return ktest_fail("ping %d of %d: no reply in 5 tries", i + 1, NET_LOSS_PINGS);
        tries += answered;
    }
    printk("net_ping_loss: %d pings took %d tries; eth0 dropped %lu frames sent, %lu received\n",
           NET_LOSS_PINGS, tries, dev->stats.tx_loss, dev->stats.rx_loss);
    if (dev->stats.tx_loss == 0 || dev->stats.rx_loss == 0)
        return ktest_fail("no frame was dropped (tx %lu, rx %lu)", dev->stats.tx_loss,
                          dev->stats.rx_loss);
    if (tries == NET_LOSS_PINGS)
        return ktest_fail("every ping answered its first try: nothing was lost on the way");
    if (dev->stats.tx_dropped < dev->stats.tx_loss || dev->stats.rx_dropped < dev->stats.rx_loss)
        return ktest_fail("the losses are not counted as drops");
    if (skb_count() != skbs || nr_free_pages() != pages)
        return ktest_fail("buffers %lu -> %lu, free pages %lu -> %lu", skbs, skb_count(), pages,
                          nr_free_pages());
    return NULL;
}

/* An echo request from the gateway, put into eth0's receive path as the
 * card would hand it over: the reply must go down to the card's ring
 * (QEMU's slirp takes it and throws it away; PCAP= shows it). */
const char *test_net_echo_reply(void)
{
    static const uint8_t gw_mac[ETH_ALEN] = { 0x52, 0x55, 0x0A, 0x00, 0x02, 0x02 };
    struct net_device *dev = dev_get_by_name("eth0");
    unsigned long replies = icmp_mib[ICMP_MIB_OUTECHOREPS], sent = dev ? dev->stats.tx_packets : 0;
    unsigned long pages = nr_free_pages(), skbs = skb_count();
    struct sk_buff *skb = alloc_skb(ETH_HLEN + 20 + 8 + 32);

    if (!dev || !skb) {
        kfree_skb(skb);
        return ktest_fail("no eth0, or no memory");
    }
    struct ethhdr *eh = (struct ethhdr *)skb_put(skb, ETH_HLEN);
    memcpy(eh->h_dest, dev->dev_addr, ETH_ALEN);
    memcpy(eh->h_source, gw_mac, ETH_ALEN);
    eh->h_proto = htons(ETH_P_IP);
    struct iphdr *iph = (struct iphdr *)skb_put(skb, sizeof(*iph));
    struct icmphdr *h = (struct icmphdr *)skb_put(skb, sizeof(*h) + 32);
    *h = (struct icmphdr){ .type = ICMP_ECHO, .id = htons(0x4552), .sequence = htons(1) };
    memset(h + 1, 0xA5, 32);
    h->checksum = ip_checksum(h, sizeof(*h) + 32);
    *iph = (struct iphdr){ .version_ihl = 0x45, .tot_len = htons(sizeof(*iph) + sizeof(*h) + 32),
                           .ttl = 64, .protocol = IPPROTO_ICMP, .saddr = htonl(GATEWAY),
                           .daddr = htonl(dev->ip.addr) };
    iph->check = ip_checksum(iph, sizeof(*iph));
    skb->dev = dev;
    /* Without the gateway's MAC in the cache, an ARP request goes first,
     * and the reply when the answer has come (the card's interrupt). */
    unsigned long want = sent + (gateway_entry() ? 1 : 2);
    netif_receive_skb(skb);
    for (unsigned long end = jiffies + 2 * HZ; dev->stats.tx_packets < want;) {
        if (time_after_eq(jiffies, end))
            break;
        sti();
        hlt();
        cli();
    }
    if (icmp_mib[ICMP_MIB_OUTECHOREPS] != replies + 1)
        return ktest_fail("OutEchoReps moved by %lu, not 1", icmp_mib[ICMP_MIB_OUTECHOREPS] - replies);
    if (dev->stats.tx_packets != want)
        return ktest_fail("%lu frames reached the card, not %lu", dev->stats.tx_packets - sent,
                          want - sent);
    /* The reply's buffer is freed when the card says it has sent it (its
     * interrupt): until then it is still on the ring. */
    for (unsigned long end = jiffies + HZ; skb_count() != skbs && !time_after_eq(jiffies, end);) {
        sti();
        hlt();
        cli();
    }
    if (skb_count() != skbs || nr_free_pages() != pages)
        return ktest_fail("buffers %lu -> %lu, free pages %lu -> %lu", skbs, skb_count(), pages,
                          nr_free_pages());
    return NULL;
}

/* ------------------------------------------------------------ a full ring */

/* A card whose transmit ring is full while ring_full is set; it records
 * the first byte of each frame it sends. */
static int ring_full;
static uint8_t sent_order[TX_QUEUE_LEN + 8];
static unsigned nr_sent;

static enum netdev_tx busy_xmit(struct sk_buff *skb, struct net_device *dev)
{
    (void)dev;
    if (ring_full)
        return NETDEV_TX_BUSY;
    if (nr_sent < sizeof(sent_order))
        sent_order[nr_sent++] = skb->data[0];
    kfree_skb(skb);
    return NETDEV_TX_OK;
}

static const struct net_device_ops busy_ops = { .ndo_start_xmit = busy_xmit };

/* Sends a frame whose first byte is mark, in an atomic section if
 * atomic; its result in *r, and how long it took, in ticks. */
static unsigned long time_xmit(struct net_device *dev, uint8_t mark, int atomic, int *r)
{
    struct sk_buff *skb = alloc_skb(64);
    unsigned long t0 = jiffies;

    if (!skb) {
        *r = -ENOMEM;
        return 0;
    }
    skb->dev = dev;
    memset(skb_put(skb, 60), mark, 60);
    if (atomic)
        atomic_enter();
    *r = dev_queue_xmit(skb);
    if (atomic)
        atomic_leave();
    return jiffies - t0;
}

/* With the ring full, a sender waits for room (up to a second, then the
 * frame is dropped).  One in an atomic section -- TCP holding its lock --
 * may not wait: its frame is queued at once, up to TX_QUEUE_LEN of them,
 * and they go out in order when the card makes room.  Nothing leaks. */
const char *test_net_xmit_atomic(void)
{
    static struct net_device dev = { .name = "busy0", .mtu = 1500, .ops = &busy_ops, .flags = IFF_UP };
    unsigned long free_before = nr_free_pages();
    unsigned long ticks;
    int r;

    ring_full = 1;
    for (unsigned i = 0; i < TX_QUEUE_LEN; i++)
        if ((ticks = time_xmit(&dev, i, 1, &r)) > 1 || r != 0)
            return ktest_fail("atomic frame %u: %d after %lu ticks, want 0 (queued) at once", i, r, ticks);
    if ((ticks = time_xmit(&dev, 0xff, 1, &r)) > 1 || r != -ENOBUFS)
        return ktest_fail("with the queue full: %d after %lu ticks, want -ENOBUFS at once", r, ticks);
    ticks = time_xmit(&dev, 0xfe, 0, &r);
    if (r != -ENOBUFS || ticks < HZ - 1)
        return ktest_fail("a sender that may sleep: %d after %lu ticks, want -ENOBUFS after about %d", r, ticks, HZ);
    if (dev.stats.tx_dropped != 2 || nr_sent != 0)
        return ktest_fail("tx_dropped %lu, sent %u; want 2 and 0", dev.stats.tx_dropped, nr_sent);
    ring_full = 0;
    netif_wake_queue(&dev);                 /* as the card's "sent" interrupt */
    if (nr_sent != TX_QUEUE_LEN || dev.txq.len != 0)
        return ktest_fail("after room came: %u sent, %u still queued; want %d and 0", nr_sent, dev.txq.len, TX_QUEUE_LEN);
    for (unsigned i = 0; i < TX_QUEUE_LEN; i++)
        if (sent_order[i] != (uint8_t)i)
            return ktest_fail("frame %u went out as number %u: out of order", sent_order[i], i);
    /* Only fewer pages is a leak: during the second of sleep the rest of
     * the kernel runs, and may free what it held (ARP giving up on a
     * neighbour that never answered frees the packets that waited). */
    if (nr_free_pages() < free_before)
        return ktest_fail("%ld pages lost", (long)(free_before - nr_free_pages()));
    return NULL;
}
