/* TCP's receive path under a seeded fuzz: 30,000 segments go in where the
 * card's frames go (netif_receive_skb), on a device of the test's own,
 * fuzz1 (192.168.78.1/24), where a listener waits on port 80.  They are
 * SYNs, handshakes completed with the right numbers (the test reads the
 * SYN-ACKs that fuzz1 "sends"), data and FINs on those connections, and
 * segments with every combination of the six flags, to the listener and
 * to a closed port -- each maybe damaged: a bad checksum, a data offset
 * below 5 words or beyond the segment, options of junk, cut short.
 *
 * Nothing may panic; every segment TCP gets is counted once (InSegs);
 * the bad ones are InErrs; closed ports answer with RST; and when the
 * listener closes, its connections go, and every page and packet buffer
 * is back. */
#include <string.h>
#include "test/ktest.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/ethernet.h"
#include "net/arp.h"
#include "net/ip.h"
#include "net/tcp.h"
#include "net/snmp.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "fs/socket.h"
#include "mm/page_alloc.h"
#include "mm/kmalloc.h"
#include "lib/printk.h"

#define SEED 0x74637031u
#define SEGMENTS 30000
#define ADDR IPV4(192, 168, 78, 1)
#define STATIONS 8                       /* 192.168.78.2 ... .9 */
#define LPORT 80
#define CLOSED_PORT 81

static const uint8_t dev_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x78, 0x01 };

/* ------------------------------------------------------------ fuzz1 */

/* The last SYN-ACK fuzz1 sent: the handshake the next ACK completes. */
static struct {
    uint32_t station;
    uint16_t port;
    uint32_t isn, peer_seq;          /* the server's ISN, our SYN's seq + 1 */
    int valid;
} synack, conn;                      /* conn: the last completed one, for data and FIN */

static unsigned long tx_frames, tx_rsts;

static void look_at_output(const struct sk_buff *skb)
{
    const struct ethhdr *eh = (const struct ethhdr *)skb->data;

    if (skb->len < ETH_HLEN + sizeof(struct iphdr) + sizeof(struct tcphdr) ||
        ntohs(eh->h_proto) != ETH_P_IP)
        return;
    const struct iphdr *iph = (const struct iphdr *)(eh + 1);
    if (iph->protocol != IPPROTO_TCP)
        return;
    const struct tcphdr *th = (const struct tcphdr *)(iph + 1);
    if (th->flags & TCP_RST)
        tx_rsts++;
    if ((th->flags & (TCP_SYN | TCP_ACK)) == (TCP_SYN | TCP_ACK)) {
        synack.station = ntohl(iph->daddr);
        synack.port = ntohs(th->dest);
        synack.isn = ntohl(th->seq);
        synack.peer_seq = ntohl(th->ack_seq);
        synack.valid = 1;
    }
}

static enum netdev_tx fuzz_xmit(struct sk_buff *skb, struct net_device *dev)
{
    dev->stats.tx_packets++;
    tx_frames++;
    look_at_output(skb);
    kfree_skb(skb);
    return NETDEV_TX_OK;
}

static const struct net_device_ops fuzz_ops = { .ndo_start_xmit = fuzz_xmit };

/* ------------------------------------------------------------ segments */

struct frame {
    uint8_t b[1600];
    unsigned len;
};

static void station_mac(uint8_t *mac, uint32_t station)
{
    static const uint8_t base[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x78, 0x00 };

    memcpy(mac, base, ETH_ALEN);
    mac[5] = station & 0xFF;
}

/* Ethernet + IP + a TCP header of hlen bytes + len bytes of data, the
 * checksums right. */
static struct tcphdr *build(struct frame *f, uint32_t station, uint16_t sport, uint16_t dport,
                            uint32_t seq, uint32_t ack, uint8_t flags, unsigned hlen,
                            unsigned len, uint32_t *rng)
{
    struct ethhdr *eh = (struct ethhdr *)f->b;
    struct iphdr *iph = (struct iphdr *)(eh + 1);
    struct tcphdr *th = (struct tcphdr *)(iph + 1);

    memset(f->b, 0, sizeof(f->b));
    memcpy(eh->h_dest, dev_mac, ETH_ALEN);
    station_mac(eh->h_source, station);
    eh->h_proto = htons(ETH_P_IP);
    *iph = (struct iphdr){ .version_ihl = 0x45, .tot_len = htons(sizeof(*iph) + hlen + len),
                           .ttl = 64, .protocol = IPPROTO_TCP, .saddr = htonl(station),
                           .daddr = htonl(ADDR) };
    iph->check = ip_checksum(iph, sizeof(*iph));
    *th = (struct tcphdr){ .source = htons(sport), .dest = htons(dport), .seq = htonl(seq),
                           .ack_seq = htonl(ack), .doff = (hlen / 4) << 4, .flags = flags,
                           .window = htons(ktest_below(rng, 2) ? 65535 : ktest_below(rng, 3000)) };
    for (unsigned i = sizeof(*th); i < hlen + len; i++)
        ((uint8_t *)th)[i] = ktest_random(rng);
    if (hlen > sizeof(*th) && ktest_below(rng, 2)) {     /* a well-formed MSS option, often */
        uint8_t *o = (uint8_t *)(th + 1);
        o[0] = TCPOPT_MSS, o[1] = 4, o[2] = ktest_below(rng, 8), o[3] = ktest_random(rng);
    }
    th->check = tcp_checksum(th, hlen + len, station, ADDR);
    f->len = ETH_HLEN + sizeof(*iph) + hlen + len;
    if (f->len < 60)
        f->len = 60;
    return th;
}

static uint32_t random_station(uint32_t *rng)
{
    return IPV4(192, 168, 78, 2 + ktest_below(rng, STATIONS));
}

static void make_segment(struct frame *f, uint32_t *rng)
{
    unsigned hlen = 20 + 4 * ktest_below(rng, 11), len = ktest_below(rng, 4) ? ktest_below(rng, 300) : 0;
    uint32_t station = random_station(rng);
    uint16_t sport = 1024 + ktest_below(rng, 64);

    switch (ktest_below(rng, 6)) {
    case 0:                                      /* a SYN for the listener */
        build(f, station, sport, LPORT, ktest_random(rng), 0, TCP_SYN, hlen, 0, rng);
        break;
    case 1:                                      /* the handshake's last ACK, maybe with data */
        if (synack.valid) {
            build(f, synack.station, synack.port, LPORT, synack.peer_seq, synack.isn + 1,
                  TCP_ACK | (ktest_below(rng, 2) ? TCP_PSH : 0), 20, len, rng);
            conn = synack;
            conn.peer_seq += len;
            synack.valid = 0;
            break;
        }
        /* fall through */
    case 2:                                      /* data, FIN, RST on a connection, near its numbers */
        if (conn.valid) {
            static const uint8_t kinds[] = { TCP_ACK, TCP_ACK | TCP_PSH, TCP_ACK | TCP_FIN,
                                             TCP_RST, TCP_ACK | TCP_RST, TCP_SYN };
            uint32_t seq = conn.peer_seq + (ktest_below(rng, 2) ? 0 : ktest_below(rng, 4000) - 2000);
            uint8_t fl = kinds[ktest_below(rng, sizeof(kinds))];
            build(f, conn.station, conn.port, LPORT, seq, conn.isn + 1, fl, 20, len, rng);
            if (seq == conn.peer_seq)
                conn.peer_seq += len + !!(fl & TCP_FIN);
            break;
        }
        /* fall through */
    case 3:                                      /* any flags at all, for the listener */
        build(f, station, sport, LPORT, ktest_random(rng), ktest_random(rng), ktest_below(rng, 64),
              hlen, len, rng);
        break;
    default:                                     /* any flags, for a port nobody has */
        build(f, station, sport, CLOSED_PORT, ktest_random(rng), ktest_random(rng),
              ktest_below(rng, 64), hlen, len, rng);
        break;
    }
}

enum damage { INTACT, BAD_CSUM, SMALL_DOFF, BIG_DOFF, JUNK_OPTIONS, CUT, NR_DAMAGES };

static void damage(struct frame *f, uint32_t *rng, enum damage d)
{
    struct iphdr *iph = (struct iphdr *)(f->b + ETH_HLEN);
    struct tcphdr *th = (struct tcphdr *)(iph + 1);
    unsigned seglen = ntohs(iph->tot_len) - sizeof(*iph);
    uint32_t saddr = ntohl(iph->saddr);

    switch (d) {
    case INTACT: return;
    case BAD_CSUM: th->check ^= htons(1 + ktest_below(rng, 0xFFFF)); return;
    case SMALL_DOFF: th->doff = ktest_below(rng, 5) << 4; break;
    case BIG_DOFF: th->doff = (seglen / 4 + 1 + ktest_below(rng, 3)) << 4; break;
    case JUNK_OPTIONS:                           /* lengths 0, 1, past the end... */
        if ((th->doff >> 4) > 5)
            for (unsigned i = 20; i < (th->doff >> 4) * 4u; i++)
                ((uint8_t *)th)[i] = ktest_below(rng, 4) ? ktest_below(rng, 6) : ktest_random(rng);
        break;
    case CUT:                                    /* the IP length says less than the header */
        seglen = ktest_below(rng, 20);
        iph->tot_len = htons(sizeof(*iph) + seglen);
        iph->check = 0;
        iph->check = ip_checksum(iph, sizeof(*iph));
        f->len = ETH_HLEN + sizeof(*iph) + seglen;
        if (f->len < 60)
            f->len = 60;
        return;                                  /* the checksum cannot be made right: too short */
    case NR_DAMAGES: return;
    }
    th->check = 0;
    th->check = tcp_checksum(th, seglen, saddr, ADDR);
}

static void inject(struct net_device *dev, const uint8_t *b, unsigned len)
{
    struct sk_buff *skb = alloc_skb(2048);

    if (!skb)
        return;
    memcpy(skb_put(skb, len), b, len);
    skb->dev = dev;
    netif_receive_skb(skb);
}

/* Each station asks for fuzz1's address first, so ARP knows them all
 * and TCP's answers go straight out. */
static void introduce_stations(struct net_device *dev)
{
    for (int i = 0; i < STATIONS; i++) {
        uint8_t f[KTEST_ARP_LEN], mac[ETH_ALEN];
        uint32_t station = IPV4(192, 168, 78, 2 + i);
        station_mac(mac, station);
        ktest_arp_request(f, mac, station, ADDR);
        inject(dev, f, sizeof(f));
    }
}

const char *test_tcp_fuzz(void)
{
    static struct net_device dev = { .name = "fuzz1", .mtu = 1500, .ops = &fuzz_ops };
    static struct frame f;
    uint32_t rng = SEED;
    unsigned long pages = nr_free_pages(), skbs = skb_count();
    unsigned conns = tcp_connections();
    unsigned long before[TCP_MIB_MAX], max_estab = 0;

    memcpy(dev.dev_addr, dev_mac, ETH_ALEN);
    memset(dev.broadcast, 0xFF, ETH_ALEN);
    dev.ip = (struct in_config){ ADDR, IPV4(255, 255, 255, 0), 0, "test" };
    dev.flags = IFF_UP | IFF_BROADCAST | IFF_RUNNING;
    if (register_netdev(&dev) < 0)
        return ktest_fail("cannot register fuzz1");
    struct socket *l = ktest_tcp_listener(ADDR, LPORT, 16);
    if (!l) {
        unregister_netdev(&dev);
        return ktest_fail("no listener on 192.168.78.1:80");
    }
    introduce_stations(&dev);
    memcpy(before, tcp_mib, sizeof(before));
    unsigned long delivered = ip_mib[IP_MIB_INDELIVERS];
    for (int i = 0; i < SEGMENTS; i++) {
        make_segment(&f, &rng);
        damage(&f, &rng, ktest_below(&rng, 2) ? INTACT : 1 + ktest_below(&rng, NR_DAMAGES - 1));
        inject(&dev, f.b, f.len);
        if (tcp_mib[TCP_MIB_CURRESTAB] - before[TCP_MIB_CURRESTAB] > max_estab)
            max_estab = tcp_mib[TCP_MIB_CURRESTAB] - before[TCP_MIB_CURRESTAB];
    }
    delivered = ip_mib[IP_MIB_INDELIVERS] - delivered;
#define D(x) (tcp_mib[TCP_MIB_##x] - before[TCP_MIB_##x])
    printk("tcp_fuzz: %d segments, %lu to TCP: %lu bad (%lu checksums), %lu passive opens, "
           "up to %lu established, %lu resets sent\n", SEGMENTS, D(INSEGS), D(INERRS),
           D(INCSUMERRORS), D(PASSIVEOPENS), max_estab, D(OUTRSTS));
    sock_release(l);                     /* the listener, and its connections with it */
    unregister_netdev(&dev);
    if (D(INSEGS) != delivered)
        return ktest_fail("IP delivered %lu segments, TCP counted %lu", delivered, D(INSEGS));
    if (!D(INERRS) || !D(INCSUMERRORS) || !D(PASSIVEOPENS) || !max_estab || !D(OUTRSTS) ||
        !tx_rsts)
        return ktest_fail("a kind of segment never reached its check (the generator is broken)");
    if (tcp_connections() != conns)
        return ktest_fail("%u connections before, %u after", conns, tcp_connections());
    if (skb_count() != skbs)
        return ktest_fail("%lu packet buffers before, %lu after", skbs, skb_count());
    if (nr_free_pages() != pages)
        return ktest_fail("%lu free pages before, %lu after", pages, nr_free_pages());
    return NULL;
#undef D
}
