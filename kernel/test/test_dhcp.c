/* The DHCP client (net/dhcp.c): at boot it got eth0's address from
 * QEMU's server; and its parser takes a good reply and drops every
 * malformed one -- short, wrong xid or MAC or cookie, an option whose
 * length runs off the end, no end option, a reply with nothing to use. */
#include <string.h>
#include "test/ktest.h"
#include "net/dhcp.h"
#include "net/ip.h"
#include "net/netdevice.h"
#include "net/byteorder.h"

#define XID 0x12345678

static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

/* QEMU's OFFER, as its server sends it (options cut to what we read). */
static unsigned make_offer(uint8_t *m)
{
    static const uint8_t opts[] = {
        53, 1, DHCPOFFER, 54, 4, 10, 0, 2, 2, 1, 4, 255, 255, 255, 0,
        3, 4, 10, 0, 2, 2, 6, 4, 10, 0, 2, 3, 51, 4, 0, 1, 0x51, 0x80, 0, 255,
    };
    memset(m, 0, 400);
    m[0] = 2;                            /* BOOTREPLY */
    m[1] = 1;
    m[2] = ETH_ALEN;
    uint32_t xid = htonl(XID), yiaddr = htonl(IPV4(10, 0, 2, 15)), magic = htonl(0x63825363);
    memcpy(m + 4, &xid, 4);
    memcpy(m + 16, &yiaddr, 4);
    memcpy(m + 28, mac, ETH_ALEN);
    memcpy(m + 236, &magic, 4);
    memcpy(m + 240, opts, sizeof(opts));
    return 240 + sizeof(opts);
}

const char *test_dhcp_parse(void)
{
    static uint8_t m[400];
    struct dhcp_reply r;
    unsigned len = make_offer(m);

    if (dhcp_parse(m, len, XID, mac, &r) < 0)
        return ktest_fail("a good offer was refused");
    if (r.type != DHCPOFFER || r.yiaddr != IPV4(10, 0, 2, 15) || r.server_id != IPV4(10, 0, 2, 2) ||
        r.netmask != IPV4(255, 255, 255, 0) || r.router != IPV4(10, 0, 2, 2) ||
        r.dns != IPV4(10, 0, 2, 3) || r.lease != 86400)
        return ktest_fail("the offer read wrong: type %d, lease %u", r.type, r.lease);
    struct { const char *what; unsigned at; uint8_t value; unsigned len; } bad[] = {
        { "short", 0, 2, 239 },
        { "a request, not a reply", 0, 1, 0 },
        { "another xid", 7, 0x79, 0 },
        { "another MAC", 33, 0x57, 0 },
        { "no magic cookie", 236, 0, 0 },
        { "an option running off the end", 240 + 33, 200, 0 },
        { "no end option", 0, 2, len - 1 },
        { "a message type of 2 bytes", 241, 2, 0 },
        { "a mask of 3 bytes", 250, 3, 0 },
        { "a DNS list of 5 bytes", 262, 5, 0 },
        { "no server id", 243, 99, 0 },          /* option 54 becomes an unknown 99 */
        { "a DISCOVER type", 242, DHCPDISCOVER, 0 },
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        len = make_offer(m);
        m[bad[i].at] = bad[i].value;
        if (bad[i].len)
            len = bad[i].len;
        if (dhcp_parse(m, len, XID, mac, &r) == 0)
            return ktest_fail("a reply with %s was taken", bad[i].what);
    }
    len = make_offer(m);
    return dhcp_parse(m, len - 1 - 4 - 2, XID, mac, &r) == 0 ? ktest_fail("cut options taken")
                                                               : NULL;
}

/* At boot (run_tests waited for it): QEMU's server gave 10.0.2.15. */
const char *test_dhcp_configured(void)
{
    struct net_device *dev = dev_get_by_name("eth0");

    if (!dev)
        return ktest_fail("no eth0");
    if (strcmp(dev->ip.source, "dhcp") != 0)
        return ktest_fail("eth0's address is %s's, not DHCP's", dev->ip.source);
    if (dev->ip.addr != IPV4(10, 0, 2, 15) || dev->ip.netmask != IPV4(255, 255, 255, 0) ||
        dev->ip.gateway != IPV4(10, 0, 2, 2) || dhcp_dns_server != IPV4(10, 0, 2, 3))
        return ktest_fail("DHCP gave %08x/%08x via %08x, DNS %08x", dev->ip.addr, dev->ip.netmask,
                          dev->ip.gateway, dhcp_dns_server);
    return NULL;
}
