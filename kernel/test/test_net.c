/* Self-tests of the network card and the stack, against QEMU's user
 * network (make test puts an e1000 on it): the card is found and reads
 * the MAC QEMU gives it by default, and the gateway answers a ping. */
#include <string.h>
#include "test/ktest.h"
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

#define GATEWAY IPV4(10, 0, 2, 2)

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
