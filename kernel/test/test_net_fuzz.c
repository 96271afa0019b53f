/* A seeded fuzz of the receive path: 100,000 frames, good and damaged,
 * go in where the card's frames go (netif_receive_skb) on a device of the
 * test's own, fuzz0 (192.168.77.1/24), whose "card" counts what the stack
 * sends back and frees it.  Nothing may panic, every page must come back,
 * and the counters of each layer must add up: every frame is accounted
 * for exactly once, as delivered or as dropped for one reason.
 *
 * Each frame is one of a few good ones (an ICMP echo request, an ARP
 * request or reply, a UDP datagram -- to a closed port, answered with
 * ICMP port unreachable, or to the test's socket, whose queue fills up --
 * or an ICMP port unreachable quoting a datagram of ours), from a random
 * station of 192.168.77.0/24, damaged in one of the ways below (or not
 * at all).  The seed is fixed, so a failure comes back the same
 * on every run; NET_FUZZ_SEED changes it. */
#include <string.h>
#include "test/ktest.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/ethernet.h"
#include "net/arp.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/udp.h"
#include "fs/socket.h"
#include "net/snmp.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "mm/page_alloc.h"
#include "lib/printk.h"

#define NET_FUZZ_SEED 0x6E657431u
#define NET_FUZZ_FRAMES 100000
#define FUZZ_ADDR IPV4(192, 168, 77, 1)
#define FRAME_MAX 2048                   /* the card's receive buffer */
#define FUZZ_PORT 5353                   /* the test's UDP socket; other ports are closed */

static const uint8_t fuzz_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x77, 0x01 };

/* ------------------------------------------------------------ fuzz0 */

static unsigned long fuzz_tx_frames;

static enum netdev_tx fuzz_xmit(struct sk_buff *skb, struct net_device *dev)
{
    dev->stats.tx_packets++;
    dev->stats.tx_bytes += skb->len;
    fuzz_tx_frames++;
    kfree_skb(skb);
    return NETDEV_TX_OK;
}

static const struct net_device_ops fuzz_ops = { .ndo_start_xmit = fuzz_xmit };

/* ------------------------------------------------------------ good frames */

struct frame {
    uint8_t b[FRAME_MAX + 64];
    unsigned len;
};

static unsigned put_eth(struct frame *f, const uint8_t *src, uint16_t proto)
{
    struct ethhdr *eh = (struct ethhdr *)f->b;

    memcpy(eh->h_dest, fuzz_mac, ETH_ALEN);
    memcpy(eh->h_source, src, ETH_ALEN);
    eh->h_proto = htons(proto);
    return ETH_HLEN;
}

static struct iphdr *frame_ip(struct frame *f)
{
    return (struct iphdr *)(f->b + ETH_HLEN);
}

static void ip_fix_checksum(struct frame *f)
{
    struct iphdr *iph = frame_ip(f);
    unsigned ihl = (iph->version_ihl & 0x0F) * 4;

    if (ihl < sizeof(*iph) || ETH_HLEN + ihl > f->len)
        return;
    iph->check = 0;
    iph->check = ip_checksum(iph, ihl);
}

static void make_ip(struct frame *f, const uint8_t *src_mac, uint32_t saddr, uint8_t proto,
                    unsigned payload)
{
    unsigned off = put_eth(f, src_mac, ETH_P_IP);
    struct iphdr *iph = frame_ip(f);

    *iph = (struct iphdr){
        .version_ihl = 0x45, .tot_len = htons(sizeof(*iph) + payload), .id = htons(7),
        .ttl = 64, .protocol = proto, .saddr = htonl(saddr), .daddr = htonl(FUZZ_ADDR),
    };
    f->len = off + sizeof(*iph) + payload;
    ip_fix_checksum(f);
}

static void make_echo(struct frame *f, uint32_t *rng, const uint8_t *mac, uint32_t saddr)
{
    unsigned data = ktest_below(rng, 200);
    struct icmphdr *h = (struct icmphdr *)(f->b + ETH_HLEN + sizeof(struct iphdr));

    *h = (struct icmphdr){ .type = ICMP_ECHO, .id = htons(1),
                           .sequence = htons(ktest_below(rng, 100)) };
    for (unsigned i = 0; i < data; i++)
        ((uint8_t *)(h + 1))[i] = ktest_random(rng);
    h->checksum = ip_checksum(h, sizeof(*h) + data);
    make_ip(f, mac, saddr, IPPROTO_ICMP, sizeof(*h) + data);
}

/* To the test's socket one time in four, else to a closed port; one in
 * eight without a checksum (0: allowed by RFC 768). */
static void make_udp(struct frame *f, uint32_t *rng, const uint8_t *mac, uint32_t saddr)
{
    unsigned data = ktest_below(rng, 100);
    struct udphdr *uh = (struct udphdr *)(f->b + ETH_HLEN + sizeof(struct iphdr));

    *uh = (struct udphdr){
        .source = htons(1024 + ktest_below(rng, 1000)),
        .dest = htons(ktest_below(rng, 4) == 0 ? FUZZ_PORT : 6000 + ktest_below(rng, 100)),
        .len = htons(sizeof(*uh) + data),
    };
    for (unsigned i = 0; i < data; i++)
        ((uint8_t *)(uh + 1))[i] = ktest_random(rng);
    if (ktest_below(rng, 8))
        uh->check = tcpudp_checksum(saddr, FUZZ_ADDR, IPPROTO_UDP, uh, sizeof(*uh) + data);
    make_ip(f, mac, saddr, IPPROTO_UDP, sizeof(*uh) + data);
}

/* An ICMP destination unreachable quoting a UDP datagram "we" sent, from
 * the test's port or another, with any code. */
static void make_unreach(struct frame *f, uint32_t *rng, const uint8_t *mac, uint32_t saddr)
{
    struct icmphdr *h = (struct icmphdr *)(f->b + ETH_HLEN + sizeof(struct iphdr));
    struct iphdr *inner = (struct iphdr *)(h + 1);
    struct udphdr *uh = (struct udphdr *)(inner + 1);

    *h = (struct icmphdr){ .type = ICMP_DEST_UNREACH, .code = ktest_below(rng, 16) };
    *inner = (struct iphdr){ .version_ihl = 0x45, .tot_len = htons(28), .ttl = 64,
                             .protocol = IPPROTO_UDP, .saddr = htonl(FUZZ_ADDR),
                             .daddr = htonl(saddr) };
    *uh = (struct udphdr){ .source = htons(ktest_below(rng, 2) ? FUZZ_PORT : 7000),
                           .dest = htons(ktest_below(rng, 65536)), .len = htons(8) };
    h->checksum = ip_checksum(h, sizeof(*h) + 28);
    make_ip(f, mac, saddr, IPPROTO_ICMP, sizeof(*h) + 28);
}

/* RFC 826's packet for Ethernet/IPv4, as arp.c reads it. */
static void make_arp(struct frame *f, const uint8_t *mac, uint32_t sip, int op)
{
    unsigned off = put_eth(f, mac, ETH_P_ARP);
    uint8_t *a = f->b + off;
    uint16_t hrd = htons(1), pro = htons(ETH_P_IP), opn = htons(op);
    uint32_t s = htonl(sip), t = htonl(FUZZ_ADDR);

    memcpy(a, &hrd, 2);
    memcpy(a + 2, &pro, 2);
    a[4] = ETH_ALEN;
    a[5] = 4;
    memcpy(a + 6, &opn, 2);
    memcpy(a + 8, mac, ETH_ALEN);
    memcpy(a + 14, &s, 4);
    memset(a + 18, op == 2 ? 0x02 : 0, ETH_ALEN);
    memcpy(a + 24, &t, 4);
    f->len = off + 28;
}

/* A good frame from a random station of fuzz0's network. */
static void make_frame(struct frame *f, uint32_t *rng)
{
    uint8_t mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x77, 2 + ktest_below(rng, 200) };
    uint32_t saddr = IPV4(192, 168, 77, mac[5]);

    memset(f->b, 0, sizeof(f->b));
    switch (ktest_below(rng, 5)) {
    case 0: make_echo(f, rng, mac, saddr); break;
    case 1: make_arp(f, mac, saddr, 1); break;
    case 2: make_arp(f, mac, saddr, 2); break;
    case 3: make_unreach(f, rng, mac, saddr); break;
    default: make_udp(f, rng, mac, saddr); break;
    }
    if (f->len < 60)
        f->len = 60;                     /* Ethernet's minimum: padding after the packet */
}

/* ------------------------------------------------------------ damage */

enum damage {
    INTACT, TRUNCATE, EXTEND, FLIP_BYTE, BAD_IHL, BAD_VERSION, BAD_TOT_LEN, BAD_IP_CSUM,
    BAD_ICMP_CSUM, FRAGMENT, OTHER_MAC, MULTICAST_MAC, UNKNOWN_TYPE, ARP_JUNK,
    BAD_SOURCE, OTHER_DEST, RANDOM_BYTES, BAD_UDP_LEN, NR_DAMAGES
};

static void damage(struct frame *f, uint32_t *rng, enum damage d)
{
    struct iphdr *iph = frame_ip(f);
    int is_ip = ntohs(((struct ethhdr *)f->b)->h_proto) == ETH_P_IP;

    switch (d) {
    case INTACT: break;
    case TRUNCATE: f->len = ktest_below(rng, f->len); break;
    case EXTEND: f->len += ktest_below(rng, FRAME_MAX - f->len + 1); break;
    case FLIP_BYTE: f->b[ktest_below(rng, f->len)] ^= 1 + ktest_below(rng, 255); break;
    case BAD_IHL: iph->version_ihl = 0x40 | ktest_below(rng, 16); ip_fix_checksum(f); break;
    case BAD_VERSION: iph->version_ihl = ktest_below(rng, 16) << 4 | 5; ip_fix_checksum(f); break;
    case BAD_TOT_LEN: iph->tot_len = htons(ktest_below(rng, 0x10000)); ip_fix_checksum(f); break;
    case BAD_IP_CSUM: iph->check ^= htons(1 + ktest_below(rng, 0xFFFF)); break;
    case BAD_ICMP_CSUM: f->b[ETH_HLEN + 22] ^= 1 + ktest_below(rng, 255); break;
    case FRAGMENT:
        iph->frag_off = htons(ktest_below(rng, 2) ? IP_MF : 1 + ktest_below(rng, IP_OFFSET));
        ip_fix_checksum(f);
        break;
    case OTHER_MAC: f->b[5] ^= 0x10; break;
    case MULTICAST_MAC: f->b[0] = 0x01; f->b[1] = 0x00; f->b[2] = 0x5E; break;
    case UNKNOWN_TYPE: f->b[12] = 0x86; f->b[13] = 0xDD; break;      /* IPv6 */
    case ARP_JUNK:
        for (int i = 0; i < 4; i++)
            f->b[ETH_HLEN + ktest_below(rng, 28)] = ktest_random(rng);
        break;
    case BAD_SOURCE:
        if (is_ip) {
            static const uint32_t bad[] = { 0xFFFFFFFF, IPV4(224, 0, 0, 1), IPV4(192, 168, 77, 255) };
            iph->saddr = htonl(bad[ktest_below(rng, 3)]);
            ip_fix_checksum(f);
        }
        break;
    case OTHER_DEST:
        if (is_ip) {
            iph->daddr = htonl(IPV4(192, 168, 77, 2 + ktest_below(rng, 200)));
            ip_fix_checksum(f);
        }
        break;
    case RANDOM_BYTES:
        f->len = ktest_below(rng, FRAME_MAX + 1);
        for (unsigned i = ETH_ALEN; i < f->len; i++)
            f->b[i] = ktest_random(rng);
        break;
    case BAD_UDP_LEN:                    /* any length, the IP header still right */
        if (is_ip && iph->protocol == IPPROTO_UDP && f->len >= ETH_HLEN + 28)
            ((struct udphdr *)(iph + 1))->len = htons(ktest_below(rng, 200));
        break;
    case NR_DAMAGES: break;
    }
}

/* ------------------------------------------------------------ the run */

struct counters {
    struct net_device_stats dev, eth0;
    struct eth_stats eth;
    struct arp_stats arp;
    unsigned long ip[IP_MIB_MAX], icmp[ICMP_MIB_MAX], udp[UDP_MIB_MAX];
    unsigned long tx_frames;
};

static void snapshot(struct counters *c, const struct net_device *fuzz, const struct net_device *eth0)
{
    c->dev = fuzz->stats;
    if (eth0)
        c->eth0 = eth0->stats;
    c->eth = eth_stats;
    c->arp = arp_stats;
    memcpy(c->ip, ip_mib, sizeof(c->ip));
    memcpy(c->icmp, icmp_mib, sizeof(c->icmp));
    memcpy(c->udp, udp_mib, sizeof(c->udp));
    c->tx_frames = fuzz_tx_frames;
}

#define D(field) (after->field - before->field)

/* Every frame went one way at each layer, and what fuzz0 sent is what
 * the stack says it sent. */
static const char *check_sums(const struct counters *before, const struct counters *after)
{
    unsigned long frames = D(eth.rx_frames);
    unsigned long eth_out = D(eth.rx_runts) + D(dev.rx_otherhost_dropped) + D(dev.rx_nohandler) +
                            D(eth.rx_ip) + D(eth.rx_arp);
    unsigned long arp_out = D(arp.rx_malformed) + D(arp.rx_conflict) + D(arp.rx_for_us) +
                            D(arp.rx_not_for_us);
    unsigned long ip_out = D(ip[IP_MIB_INHDRERRORS]) + D(ip[IP_MIB_INTRUNCATEDPKTS]) +
                           D(ip[IP_MIB_REASMFAILS]) + D(ip[IP_MIB_INADDRERRORS]) +
                           D(ip[IP_MIB_INUNKNOWNPROTOS]) + D(ip[IP_MIB_INDELIVERS]);
    unsigned long icmp_out = D(icmp[ICMP_MIB_INERRORS]) + D(icmp[ICMP_MIB_INECHOS]) +
                             D(icmp[ICMP_MIB_INECHOREPS]) + D(icmp[ICMP_MIB_INDESTUNREACHS]) +
                             D(icmp[ICMP_MIB_INTIMEEXCDS]);
    unsigned long udp_out = D(udp[UDP_MIB_INDATAGRAMS]) + D(udp[UDP_MIB_NOPORTS]) +
                            D(udp[UDP_MIB_INERRORS]);
    unsigned long sent = D(arp.tx_requests) + D(arp.tx_replies) + D(icmp[ICMP_MIB_OUTECHOREPS]) +
                         D(icmp[ICMP_MIB_OUTDESTUNREACHS]) - D(arp.pending_dropped);

    if (frames != NET_FUZZ_FRAMES || D(dev.rx_packets) != NET_FUZZ_FRAMES)
        return ktest_fail("%lu frames reached Ethernet, %lu the device, of %d", frames,
                          D(dev.rx_packets), NET_FUZZ_FRAMES);
    if (eth_out != frames)
        return ktest_fail("Ethernet accounts for %lu of %lu frames", eth_out, frames);
    if (D(arp.rx) != D(eth.rx_arp) || arp_out != D(arp.rx))
        return ktest_fail("ARP got %lu of %lu, accounts for %lu", D(arp.rx), D(eth.rx_arp), arp_out);
    if (D(ip[IP_MIB_INRECEIVES]) != D(eth.rx_ip) || ip_out != D(eth.rx_ip))
        return ktest_fail("IP got %lu of %lu, accounts for %lu", D(ip[IP_MIB_INRECEIVES]),
                          D(eth.rx_ip), ip_out);
    if (D(icmp[ICMP_MIB_INMSGS]) + udp_out != D(ip[IP_MIB_INDELIVERS]) ||
        icmp_out != D(icmp[ICMP_MIB_INMSGS]))
        return ktest_fail("ICMP got %lu and UDP %lu of %lu; ICMP accounts for %lu",
                          D(icmp[ICMP_MIB_INMSGS]), udp_out, D(ip[IP_MIB_INDELIVERS]), icmp_out);
    if (D(udp[UDP_MIB_INERRORS]) < D(udp[UDP_MIB_INCSUMERRORS]) + D(udp[UDP_MIB_RCVBUFERRORS]))
        return ktest_fail("UDP's errors (%lu) leave out checksums or full queues",
                          D(udp[UDP_MIB_INERRORS]));
    if (D(tx_frames) != sent)
        return ktest_fail("fuzz0 sent %lu frames, the stack says %lu", D(tx_frames), sent);
    if (D(eth0.tx_packets) != 0)
        return ktest_fail("%lu frames left by eth0: the fuzz must stay on fuzz0", D(eth0.tx_packets));
    /* Each kind of damage must have been seen, or the fuzz tests less than it says. */
    if (!D(ip[IP_MIB_INCSUMERRORS]) || !D(ip[IP_MIB_REASMFAILS]) || !D(ip[IP_MIB_INTRUNCATEDPKTS]) ||
        !D(arp.rx_malformed) || !D(eth.rx_runts) || !D(icmp[ICMP_MIB_INCSUMERRORS]) ||
        !D(icmp[ICMP_MIB_OUTECHOREPS]) || !D(arp.tx_replies) || !D(udp[UDP_MIB_INDATAGRAMS]) ||
        !D(udp[UDP_MIB_NOPORTS]) || !D(udp[UDP_MIB_INCSUMERRORS]) ||
        !D(udp[UDP_MIB_RCVBUFERRORS]) || !D(icmp[ICMP_MIB_OUTDESTUNREACHS]) ||
        D(udp[UDP_MIB_INERRORS]) == D(udp[UDP_MIB_INCSUMERRORS]) + D(udp[UDP_MIB_RCVBUFERRORS]))
        return ktest_fail("a kind of frame never reached its check (the generator is broken)");
    return NULL;
}

static void inject(struct net_device *dev, const struct frame *f)
{
    struct sk_buff *skb = alloc_skb(FRAME_MAX);

    if (!skb)
        return;
    memcpy(skb_put(skb, f->len), f->b, f->len);
    skb->dev = dev;
    netif_receive_skb(skb);
}

const char *test_net_fuzz(void)
{
    static struct net_device fuzz = { .name = "fuzz0", .mtu = 1500, .ops = &fuzz_ops,
                                      .flags = IFF_UP | IFF_BROADCAST | IFF_RUNNING };
    static struct frame f;
    static struct counters before, after;
    struct net_device *eth0 = dev_get_by_name("eth0");
    uint32_t rng = NET_FUZZ_SEED;
    unsigned long pages = nr_free_pages(), skbs = skb_count();

    memcpy(fuzz.dev_addr, fuzz_mac, ETH_ALEN);
    memset(fuzz.broadcast, 0xFF, ETH_ALEN);
    fuzz.ip = (struct in_config){ FUZZ_ADDR, IPV4(255, 255, 255, 0), 0, "test" };
    fuzz.flags = IFF_UP | IFF_BROADCAST | IFF_RUNNING;
    if (register_netdev(&fuzz) < 0)
        return ktest_fail("cannot register fuzz0");
    /* a UDP socket at FUZZ_PORT, as a program would have; its queue fills */
    static struct socket sock = { .family = AF_INET, .type = SOCK_DGRAM };
    struct sockaddr_in at = { .sin_family = AF_INET, .sin_port = htons(FUZZ_PORT) };
    sock_init_options(&sock);
    if (udp_create(&sock) < 0 || sock.ops->bind(&sock, (union sock_addr *)&at, sizeof(at)) < 0)
        return ktest_fail("no UDP socket at port %d", FUZZ_PORT);
    snapshot(&before, &fuzz, eth0);
    for (int i = 0; i < NET_FUZZ_FRAMES; i++) {
        make_frame(&f, &rng);
        damage(&f, &rng, ktest_below(&rng, 3) == 0 ? INTACT : ktest_below(&rng, NR_DAMAGES));
        inject(&fuzz, &f);
    }
    sock.ops->release(&sock);            /* with the datagrams it queued */
    unregister_netdev(&fuzz);            /* its ARP entries, and what waits in them, go */
    snapshot(&after, &fuzz, eth0);
    printk("net_fuzz: seed %08x, %d frames: %lu to ARP, %lu to IP, %lu delivered, "
           "%lu echo replies; UDP: %lu queued, %lu to closed ports, %lu errors; fuzz0 sent %lu\n",
           NET_FUZZ_SEED, NET_FUZZ_FRAMES,
           after.eth.rx_arp - before.eth.rx_arp, after.eth.rx_ip - before.eth.rx_ip,
           after.ip[IP_MIB_INDELIVERS] - before.ip[IP_MIB_INDELIVERS],
           after.icmp[ICMP_MIB_OUTECHOREPS] - before.icmp[ICMP_MIB_OUTECHOREPS],
           after.udp[UDP_MIB_INDATAGRAMS] - before.udp[UDP_MIB_INDATAGRAMS],
           after.udp[UDP_MIB_NOPORTS] - before.udp[UDP_MIB_NOPORTS],
           after.udp[UDP_MIB_INERRORS] - before.udp[UDP_MIB_INERRORS],
           after.tx_frames - before.tx_frames);
    const char *why = check_sums(&before, &after);
    if (why)
        return why;
    if (skb_count() != skbs)
        return ktest_fail("%lu packet buffers before, %lu after", skbs, skb_count());
    if (nr_free_pages() != pages)
        return ktest_fail("%lu free pages before, %lu after", pages, nr_free_pages());
    return NULL;
}
