/* The network stack's start.  The address is static for now: the one
 * QEMU's user network hands out by DHCP (TOOLCHAIN.md measured it), with
 * its gateway, which is also QEMU's way to the host and beyond.  DHCP,
 * once UDP is there, will set the same through ip_config_set. */
#include "net/net.h"
#include "net/netdevice.h"
#include "net/arp.h"
#include "net/ip.h"
#include "lib/printk.h"

void net_init(void)
{
    struct net_device *dev = first_net_device();

    arp_init();
    if (!dev) {
        printk("net: no network device\n");
        return;
    }
    ip_config_set(dev, IPV4(10, 0, 2, 15), IPV4(255, 255, 255, 0), IPV4(10, 0, 2, 2), "static");
}
