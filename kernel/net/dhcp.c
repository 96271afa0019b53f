/* The kernel's DHCP client at boot (RFC 2131; options RFC 2132), as
 * Linux's ip=dhcp:
 *
 *   client                                  server (QEMU: 10.0.2.2)
 *   DISCOVER  0.0.0.0:68 -> 255.255.255.255:67
 *                                           OFFER   yiaddr 10.0.2.15
 *   REQUEST   "10.0.2.15, from server 10.0.2.2"
 *                                           ACK     mask, router, DNS, lease
 *
 * It runs in the background, so that it does not hold up the boot: QEMU's
 * e1000 holds every received frame for a second after the driver turns
 * on receiving (docs/net.md), so the offer cannot come sooner than that,
 * and the rest of the boot takes a quarter of it.  Meanwhile eth0 has the
 * static fallback, QEMU's own 10.0.2.15/24 via 10.0.2.2 (net/net.c), and
 * keeps it if no server answers; an ACK sets what the server says
 * (ip_config_set, "dhcp").  The replies come through the receive path
 * (udp_rcv hands port 68's datagrams here while the exchange runs), the
 * retries from a timer: all of it in interrupt context, never sleeping.
 *
 * Each message of ours goes to the broadcast address from 0.0.0.0, with
 * the BROADCAST flag, so that the server broadcasts its answers too: the
 * address it offers is not ours yet.  A reply is taken only if it is
 * whole -- its fixed part, the magic cookie, every option within the
 * message -- and answers our transaction (xid) for our MAC address; the
 * rest is dropped and counted (dhcp_dropped).
 *
 * Left out: renewing the lease (QEMU's lasts a day, longer than a lab),
 * DHCPDECLINE after an ARP probe, and options beyond the four it asks for. */
#include <string.h>
#include "net/dhcp.h"
#include "net/ip.h"
#include "net/udp.h"
#include "net/ethernet.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "net/snmp.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "drv/random.h"
#include "proc/timer_list.h"
#include "lib/printk.h"

#define DHCP_TRIES 4                 /* DISCOVERs (and REQUESTs) before giving up */
#define DHCP_WAIT (2 * HZ)           /* for an answer: QEMU's first comes after ~1 s */
#define BOOTP_FIXED 236              /* the fixed part of a message, before the options */
#define DHCP_MAGIC 0x63825363        /* 99.130.83.99: DHCP options follow (RFC 2132, 2) */
#define BOOTREQUEST 1
#define BOOTREPLY 2
#define BOOTP_BROADCAST 0x8000

/* RFC 2132's options that Minnow reads or sends */
enum { OPT_PAD = 0, OPT_SUBNET_MASK = 1, OPT_ROUTER = 3, OPT_DNS = 6, OPT_REQUESTED_IP = 50,
       OPT_LEASE_TIME = 51, OPT_MSG_TYPE = 53, OPT_SERVER_ID = 54, OPT_PARAM_LIST = 55,
       OPT_END = 255 };

/* RFC 2131's message, figure 1 */
struct bootp {
    uint8_t op, htype, hlen, hops;
    uint32_t xid;
    uint16_t secs, flags;
    uint32_t ciaddr, yiaddr, siaddr, giaddr;
    uint8_t chaddr[16];
    uint8_t sname[64];
    uint8_t file[128];
    uint32_t magic;
    uint8_t options[];
} __attribute__((packed));

enum dhcp_state { DHCP_IDLE, DHCP_SELECTING, DHCP_REQUESTING, DHCP_DONE };

static struct {
    enum dhcp_state state;
    struct net_device *dev;
    uint32_t xid;
    int tries;                   /* sent in this state */
    struct dhcp_reply offer;     /* the one we asked for */
    struct timer_list timer;
} dhcp;

uint32_t dhcp_dns_server;
unsigned long dhcp_dropped;          /* malformed, not ours, or late */

/* ------------------------------------------------------------ reading */

static uint32_t get_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* One option into r; the lengths RFC 2132 fixes are checked. */
static int take_option(int code, const uint8_t *v, unsigned len, struct dhcp_reply *r)
{
    switch (code) {
    case OPT_MSG_TYPE:
        if (len != 1)
            return -1;
        r->type = v[0];
        break;
    case OPT_SUBNET_MASK: case OPT_SERVER_ID: case OPT_LEASE_TIME:
        if (len != 4)
            return -1;
        *(code == OPT_SUBNET_MASK ? &r->netmask : code == OPT_SERVER_ID ? &r->server_id
                                                                       : &r->lease) = get_be32(v);
        break;
    case OPT_ROUTER: case OPT_DNS:       /* lists of addresses: the first */
        if (len < 4 || len % 4)
            return -1;
        *(code == OPT_ROUTER ? &r->router : &r->dns) = get_be32(v);
        break;
    }
    return 0;
}

/* The options: code, length, value, to OPT_END; none may run past end. */
static int parse_options(const uint8_t *p, const uint8_t *end, struct dhcp_reply *r)
{
    while (p < end) {
        int code = *p++;
        if (code == OPT_END)
            return 0;
        if (code == OPT_PAD)
            continue;
        if (p >= end || p + 1 + *p > end)
            return -1;                   /* the length, or the value, runs off the end */
        unsigned len = *p++;
        if (take_option(code, p, len, r) < 0)
            return -1;
        p += len;
    }
    return -1;                           /* no OPT_END */
}

int dhcp_parse(const uint8_t *msg, unsigned len, uint32_t xid, const uint8_t *mac,
               struct dhcp_reply *r)
{
    const struct bootp *b = (const struct bootp *)msg;

    memset(r, 0, sizeof(*r));
    if (len < sizeof(struct bootp) || b->op != BOOTREPLY || b->htype != 1 ||
        b->hlen != ETH_ALEN || ntohl(b->xid) != xid || memcmp(b->chaddr, mac, ETH_ALEN) != 0 ||
        ntohl(b->magic) != DHCP_MAGIC)
        return -1;
    if (parse_options(b->options, msg + len, r) < 0)
        return -1;
    r->yiaddr = ntohl(b->yiaddr);
    if (r->type == DHCPNAK)
        return 0;
    if ((r->type != DHCPOFFER && r->type != DHCPACK) || !r->server_id || !r->yiaddr)
        return -1;                       /* nothing to use */
    return 0;
}

/* ------------------------------------------------------------ sending */

static uint8_t *put_option(uint8_t *p, int code, const void *v, unsigned len)
{
    *p++ = code;
    *p++ = len;
    memcpy(p, v, len);
    return p + len;
}

/* A DISCOVER, or a REQUEST for the offer, broadcast from 0.0.0.0. */
static void dhcp_send(int type)
{
    struct net_device *dev = dhcp.dev;
    struct sk_buff *skb = alloc_skb(MAX_HEADER + sizeof(struct udphdr) + 300);

    if (!skb)
        return;                          /* the timer tries again */
    skb_reserve(skb, MAX_HEADER + sizeof(struct udphdr));
    struct bootp *b = (struct bootp *)skb_put(skb, 300);     /* BOOTP's minimum size */
    memset(b, 0, 300);
    b->op = BOOTREQUEST;
    b->htype = 1;
    b->hlen = ETH_ALEN;
    b->xid = htonl(dhcp.xid);
    b->flags = htons(BOOTP_BROADCAST);
    memcpy(b->chaddr, dev->dev_addr, ETH_ALEN);
    b->magic = htonl(DHCP_MAGIC);
    uint8_t t = type, params[] = { OPT_SUBNET_MASK, OPT_ROUTER, OPT_DNS, OPT_LEASE_TIME };
    uint8_t *p = put_option(b->options, OPT_MSG_TYPE, &t, 1);
    if (type == DHCPREQUEST) {
        uint32_t ip = htonl(dhcp.offer.yiaddr), server = htonl(dhcp.offer.server_id);
        p = put_option(p, OPT_REQUESTED_IP, &ip, 4);
        p = put_option(p, OPT_SERVER_ID, &server, 4);
    }
    p = put_option(p, OPT_PARAM_LIST, params, sizeof(params));
    *p = OPT_END;

    struct udphdr *uh = (struct udphdr *)skb_push(skb, sizeof(*uh));
    *uh = (struct udphdr){ .source = htons(DHCP_CLIENT_PORT), .dest = htons(DHCP_SERVER_PORT),
                           .len = htons(skb->len) };
    uh->check = tcpudp_checksum(0, 0xFFFFFFFF, IPPROTO_UDP, uh, skb->len);
    if (uh->check == 0)
        uh->check = 0xFFFF;              /* 0 would say "no checksum" (RFC 768) */
    udp_mib[UDP_MIB_OUTDATAGRAMS]++;
    ip_mib[IP_MIB_OUTREQUESTS]++;
    ip_build_header(skb, 0, 0xFFFFFFFF, IPPROTO_UDP);
    skb->dev = dev;
    eth_xmit(skb, dev->broadcast, ETH_P_IP);
}

/* ------------------------------------------------------------ the exchange */

static void dhcp_finish(const struct dhcp_reply *ack)
{
    char a[16], d[16], s[16];

    del_timer(&dhcp.timer);
    dhcp.state = DHCP_DONE;
    if (!ack) {
        printk("dhcp: no answer from a DHCP server after %d tries: %s keeps %s (static)\n",
               DHCP_TRIES, dhcp.dev->name, format_ip(a, dhcp.dev->ip.addr));
        return;
    }
    ip_config_set(dhcp.dev, ack->yiaddr, ack->netmask ? ack->netmask : dhcp.dev->ip.netmask,
                  ack->router, "dhcp");
    dhcp_dns_server = ack->dns;
    printk("dhcp: %s leased from %s for %u s, DNS server %s\n", format_ip(a, ack->yiaddr),
           format_ip(s, ack->server_id), ack->lease, ack->dns ? format_ip(d, ack->dns) : "none");
}

static void send_state(void)
{
    dhcp.tries++;
    dhcp_send(dhcp.state == DHCP_SELECTING ? DHCPDISCOVER : DHCPREQUEST);
    mod_timer(&dhcp.timer, jiffies + DHCP_WAIT);
}

/* No answer in time: again, or the fallback stays. */
static void dhcp_timeout(struct timer_list *t)
{
    (void)t;
    if (dhcp.state == DHCP_DONE)
        return;
    if (dhcp.tries >= DHCP_TRIES) {
        if (dhcp.state == DHCP_REQUESTING) {     /* the offer came to nothing: from the start */
            dhcp.state = DHCP_SELECTING;
            dhcp.tries = 0;
        } else {
            dhcp_finish(NULL);
            return;
        }
    }
    send_state();
}

static void enter(enum dhcp_state state)
{
    dhcp.state = state;
    dhcp.tries = 0;
    send_state();
}

void dhcp_rcv(struct sk_buff *skb)
{
    struct dhcp_reply r;

    if (dhcp.state == DHCP_DONE) {
        dhcp_dropped++;                  /* a late answer: a retry's, or a duplicate */
        goto out;
    }
    if (dhcp_parse(skb->data, skb->len, dhcp.xid, dhcp.dev->dev_addr, &r) < 0) {
        dhcp_dropped++;
        goto out;
    }
    if (dhcp.state == DHCP_SELECTING && r.type == DHCPOFFER) {
        dhcp.offer = r;                  /* the first offer is taken */
        enter(DHCP_REQUESTING);
    } else if (dhcp.state == DHCP_REQUESTING && r.server_id == dhcp.offer.server_id) {
        if (r.type == DHCPACK)
            dhcp_finish(&r);
        else if (r.type == DHCPNAK)
            enter(DHCP_SELECTING);       /* the server changed its mind: ask again */
    }
out:
    kfree_skb(skb);
}

int dhcp_running(void)
{
    return dhcp.state == DHCP_SELECTING || dhcp.state == DHCP_REQUESTING;
}

int dhcp_takes(const uint8_t *msg, unsigned len)
{
    if (dhcp_running())
        return 1;
    return dhcp.state == DHCP_DONE && len >= 8 && get_be32(msg + 4) == dhcp.xid;
}

void dhcp_start(struct net_device *dev)
{
    dhcp.dev = dev;
    get_random_bytes(&dhcp.xid, sizeof(dhcp.xid));
    dhcp.timer.function = dhcp_timeout;
    printk("dhcp: %s asks for an address (the static one meanwhile)\n", dev->name);
    enter(DHCP_SELECTING);
}

void dhcp_wait(void)
{
    while (dhcp_running()) {
        sti();
        hlt();
        cli();
    }
}
