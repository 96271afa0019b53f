/* The network stack's start.  eth0 gets QEMU's static address at once,
 * 10.0.2.15/24 via 10.0.2.2 (what QEMU's DHCP server hands out,
 * TOOLCHAIN.md measured it), and then asks a DHCP server in the
 * background (net/dhcp.c), which sets what the server says.  (lo,
 * 127.0.0.1/8, is registered after this: kmain's loopback_init.)
 *
 * The kernel command line chooses, as Linux's ip= does:
 *   ip=dhcp    (the default) the static address, then DHCP's
 *   ip=static  the static address only: no DHCP traffic, nothing to wait
 *              for (tests that count every frame, quick boots) */
#include <string.h>
#include "net/net.h"
#include "net/netdevice.h"
#include "net/arp.h"
#include "net/ip.h"
#include "net/dhcp.h"
#include "lib/cmdline.h"
#include "lib/printk.h"

static void configure(struct net_device *dev)
{
    const char *how = cmdline_get("ip");

    ip_config_set(dev, IPV4(10, 0, 2, 15), IPV4(255, 255, 255, 0), IPV4(10, 0, 2, 2), "static");
    if (how && strcmp(how, "static") == 0)
        return;
    if (how && strcmp(how, "dhcp") != 0)
        printk("net: ip=%s unknown (ip=dhcp or ip=static): DHCP it is\n", how);
    dhcp_start(dev);
}

void net_init(void)
{
    struct net_device *dev = first_net_device();

    arp_init();
    if (dev)
        configure(dev);
    else
        printk("net: no network device\n");
}
