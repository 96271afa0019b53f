/* Congestion control, segment by segment (RFC 5681, RFC 6582), on a
 * connection of the test's own: a device, cc0 (192.168.79.1/24), whose
 * "card" records every segment TCP sends, and a peer, 192.168.79.2,
 * played by the test, which opens a connection to a kernel-made listener
 * with an MSS of 1000 and a window of 65535, and then ACKs as it likes.
 * With 60000 bytes queued the sender must send:
 *   exactly the initial window, 10 segments, and no more;
 *   after an ACK of two of them, cwnd + 1 SMSS (slow start), 3 more;
 *   on the third duplicate ACK, and not before, the lost segment again,
 *     ssthresh = FlightSize / 2, cwnd = ssthresh + 3 SMSS;
 *   on further duplicate ACKs one SMSS more each, and new data once the
 *     inflated cwnd holds it;
 *   on a partial ACK the next hole at once, cwnd deflated by what it
 *     acknowledged, plus one SMSS;
 *   on the full ACK cwnd = min(ssthresh, FlightSize + SMSS), recovery over;
 *   then slow start up to ssthresh, and above it one SMSS for each cwnd
 *     of acknowledged bytes (congestion avoidance);
 *   when no ACK comes, the timeout: cwnd one segment, ssthresh half the
 *     flight, the oldest segment again.
 * Then the listener closes (the connection is reset and freed with it)
 * and every page and packet buffer is back. */
#include <string.h>
#include "test/ktest.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/tcp.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "fs/socket.h"
#include "mm/page_alloc.h"
#include "mm/kmalloc.h"
#include "arch/timer.h"
#include "arch/x86.h"

#define ADDR IPV4(192, 168, 79, 1)
#define PEER IPV4(192, 168, 79, 2)
#define LPORT 80
#define PPORT 4000
#define SMSS 1000
#define QUEUED 60000
#define MAX_OUT 256

static const uint8_t dev_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x79, 0x01 };
static const uint8_t peer_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x79, 0x02 };

/* ------------------------------------------------------------ cc0 */

/* What TCP sent, in order: sequence number, data length, flags. */
static struct { uint32_t seq; unsigned len; uint8_t flags; } out[MAX_OUT];
static unsigned nout;

static enum netdev_tx cc_xmit(struct sk_buff *skb, struct net_device *dev)
{
    const struct ethhdr *eh = (const struct ethhdr *)skb->data;
    const struct iphdr *iph = (const struct iphdr *)(eh + 1);
    const struct tcphdr *th = (const struct tcphdr *)(iph + 1);

    dev->stats.tx_packets++;
    if (skb->len >= ETH_HLEN + sizeof(*iph) + sizeof(*th) && ntohs(eh->h_proto) == ETH_P_IP &&
        iph->protocol == IPPROTO_TCP && nout < MAX_OUT) {
        out[nout].seq = ntohl(th->seq);
        out[nout].len = ntohs(iph->tot_len) - sizeof(*iph) - (th->doff >> 4) * 4;
        out[nout].flags = th->flags;
        nout++;
    }
    kfree_skb(skb);
    return NETDEV_TX_OK;
}

static const struct net_device_ops cc_ops = { .ndo_start_xmit = cc_xmit };

/* ------------------------------------------------------------ the peer */

static void inject(struct net_device *dev, struct sk_buff *skb)
{
    skb->dev = dev;
    netif_receive_skb(skb);
}

/* The peer asks for cc0's address: ARP learns the peer's, and TCP's
 * segments go straight out. */
static void introduce_peer(struct net_device *dev)
{
    struct sk_buff *skb = alloc_skb(128);

    if (!skb)
        return;
    ktest_arp_request(skb_put(skb, KTEST_ARP_LEN), peer_mac, PEER, ADDR);
    inject(dev, skb);
}

/* A segment from the peer without data: window 65535, an MSS option of
 * SMSS on a SYN. */
static void peer_sends(struct net_device *dev, uint32_t seq, uint32_t ack, uint8_t flags)
{
    unsigned hlen = sizeof(struct tcphdr) + (flags & TCP_SYN ? 4 : 0);
    struct sk_buff *skb = alloc_skb(128);

    if (!skb)
        return;
    struct ethhdr *eh = (struct ethhdr *)skb_put(skb, ETH_HLEN);
    struct iphdr *iph = (struct iphdr *)skb_put(skb, sizeof(*iph));
    struct tcphdr *th = (struct tcphdr *)skb_put(skb, hlen);
    memcpy(eh->h_dest, dev_mac, ETH_ALEN);
    memcpy(eh->h_source, peer_mac, ETH_ALEN);
    eh->h_proto = htons(ETH_P_IP);
    *iph = (struct iphdr){ .version_ihl = 0x45, .tot_len = htons(sizeof(*iph) + hlen),
                           .ttl = 64, .protocol = IPPROTO_TCP, .saddr = htonl(PEER),
                           .daddr = htonl(ADDR) };
    iph->check = ip_checksum(iph, sizeof(*iph));
    *th = (struct tcphdr){ .source = htons(PPORT), .dest = htons(LPORT), .seq = htonl(seq),
                           .ack_seq = htonl(ack), .doff = (hlen / 4) << 4, .flags = flags,
                           .window = htons(65535) };
    if (flags & TCP_SYN) {
        uint8_t *o = (uint8_t *)(th + 1);
        o[0] = TCPOPT_MSS, o[1] = 4, o[2] = SMSS >> 8, o[3] = SMSS & 0xFF;
    }
    th->check = tcp_checksum(th, hlen, PEER, ADDR);
    inject(dev, skb);
}

/* ------------------------------------------------------------ the checks */

/* The data segments sent from out[from] on: how many, and the first's seq. */
static unsigned data_since(unsigned from, uint32_t *first_seq)
{
    unsigned n = 0;

    for (unsigned i = from; i < nout; i++) {
        if (!out[i].len)
            continue;
        if (!n && first_seq)
            *first_seq = out[i].seq;
        n++;
    }
    return n;
}

struct cc_test {
    struct net_device *dev;
    struct tcp_sock *tsk;
    uint32_t peer_seq;           /* the peer's next sequence number */
};

static void ack(struct cc_test *t, uint32_t ack)
{
    peer_sends(t->dev, t->peer_seq, ack, TCP_ACK);
}

/* The handshake: the peer's SYN, cc0's SYN-ACK, the peer's ACK.  The
 * connection, established and waiting for accept(), or NULL. */
static struct tcp_sock *handshake(struct cc_test *t)
{
    unsigned from = nout;

    peer_sends(t->dev, t->peer_seq - 1, 0, TCP_SYN);
    if (nout != from + 1 || out[from].flags != (TCP_SYN | TCP_ACK))
        return NULL;
    ack(t, out[from].seq + 1);
    struct tcp_sock *tsk = tcp_lookup(ADDR, LPORT, PEER, PPORT);
    return tsk && tsk->state == TCP_ESTABLISHED ? tsk : NULL;
}

/* 10 segments, and after an ACK of two, 3 more. */
static const char *initial_window(struct cc_test *t)
{
    struct tcp_sock *tsk = t->tsk;
    unsigned from = nout;
    uint32_t start = tsk->snd_una, seq = 0;

    if (tsk->snd_cwnd != TCP_INIT_CWND * SMSS || tsk->snd_ssthresh != TCP_INFINITE_SSTHRESH)
        return ktest_fail("a new connection: cwnd %u ssthresh %u", tsk->snd_cwnd,
                          tsk->snd_ssthresh);
    tcp_lock();
    tsk->slen = QUEUED;                /* as a write() would; the bytes' values do not matter */
    tcp_write_xmit(tsk);
    tcp_unlock();
    if (data_since(from, &seq) != TCP_INIT_CWND || seq != start ||
        tsk->snd_nxt - start != TCP_INIT_CWND * SMSS)
        return ktest_fail("%u segments (%u bytes) went, not the initial window of %d",
                          data_since(from, NULL), tsk->snd_nxt - start, TCP_INIT_CWND);
    from = nout;
    ack(t, start + 2 * SMSS);
    if (tsk->snd_cwnd != (TCP_INIT_CWND + 1) * SMSS || data_since(from, NULL) != 3)
        return ktest_fail("slow start: an ACK of 2 segments made cwnd %u and sent %u segments",
                          tsk->snd_cwnd, data_since(from, NULL));
    return NULL;
}

/* Three duplicate ACKs, more of them, a partial ACK, the full ACK. */
static const char *fast_recovery(struct cc_test *t)
{
    struct tcp_sock *tsk = t->tsk;
    uint32_t una = tsk->snd_una, flight = tsk->snd_nxt - una, seq = 0;
    unsigned from = nout;

    ack(t, una);
    ack(t, una);
    if (data_since(from, NULL) || tsk->ca_state != TCP_CA_Open)
        return ktest_fail("two duplicate ACKs already sent something");
    ack(t, una);
    uint32_t ssthresh = flight / 2;
    if (data_since(from, &seq) != 1 || seq != una || tsk->ca_state != TCP_CA_Recovery ||
        tsk->snd_ssthresh != ssthresh || tsk->snd_cwnd != ssthresh + 3 * SMSS ||
        tsk->total_retrans != 1)
        return ktest_fail("third duplicate ACK: %u segments, ssthresh %u (want %u), cwnd %u",
                          data_since(from, NULL), tsk->snd_ssthresh, ssthresh, tsk->snd_cwnd);
    /* each further one lets one SMSS more in: new data once flight + SMSS fits */
    uint32_t recover = tsk->snd_nxt;
    unsigned dups = 0;
    from = nout;
    while (!data_since(from, NULL) && dups < 20) {
        ack(t, una);
        dups++;
    }
    unsigned want = (flight + SMSS - (ssthresh + 3 * SMSS) + SMSS - 1) / SMSS;
    if (dups != want || data_since(from, &seq) != 1 || seq != recover)
        return ktest_fail("new data after %u more duplicate ACKs, not %u", dups, want);
    /* a partial ACK: three more segments in, the next hole at once (and
     * new data, if the deflated cwnd still holds it) */
    uint32_t cwnd = tsk->snd_cwnd;
    from = nout;
    ack(t, una + 3 * SMSS);
    if (!data_since(from, &seq) || seq != una + 3 * SMSS ||
        tsk->snd_cwnd != cwnd - 3 * SMSS + SMSS || tsk->ca_state != TCP_CA_Recovery)
        return ktest_fail("partial ACK: %u segments from %u, cwnd %u (was %u)",
                          data_since(from, NULL), seq - una, tsk->snd_cwnd, cwnd);
    uint32_t left = tsk->snd_nxt - recover;        /* in flight after the full ACK */
    ack(t, recover);
    cwnd = (left > SMSS ? left : SMSS) + SMSS;
    if (cwnd > ssthresh)
        cwnd = ssthresh;
    if (tsk->ca_state != TCP_CA_Open || tsk->snd_cwnd != cwnd)
        return ktest_fail("full ACK: state %d, cwnd %u, want %u", tsk->ca_state, tsk->snd_cwnd,
                          cwnd);
    return NULL;
}

/* Everything in flight acknowledged, a segment an ACK. */
static void ack_each(struct cc_test *t)
{
    uint32_t end = t->tsk->snd_nxt;

    for (uint32_t a = t->tsk->snd_una + SMSS; !after(a, end); a += SMSS)
        ack(t, a);
}

/* Slow start up to ssthresh, then one SMSS a window. */
static const char *avoidance(struct cc_test *t)
{
    struct tcp_sock *tsk = t->tsk;

    for (int round = 0; round < 10 && tsk->snd_cwnd < tsk->snd_ssthresh; round++)
        ack_each(t);
    if (tsk->snd_cwnd < tsk->snd_ssthresh)
        return ktest_fail("slow start never reached ssthresh %u (cwnd %u)", tsk->snd_ssthresh,
                          tsk->snd_cwnd);
    uint32_t cwnd = tsk->snd_cwnd, acked = tsk->cwnd_acked;
    unsigned n = 0;
    while (tsk->snd_cwnd == cwnd && n < 100 && tsk->snd_una != tsk->snd_nxt) {
        ack(t, tsk->snd_una + SMSS);
        n++;
    }
    unsigned want = (cwnd - acked + SMSS - 1) / SMSS;
    if (n != want || tsk->snd_cwnd != cwnd + SMSS)
        return ktest_fail("avoidance: cwnd %u -> %u after %u ACKs of a segment, want +%u after %u",
                          cwnd, tsk->snd_cwnd, n, SMSS, want);
    return NULL;
}

/* Nothing comes back: the timer fires within a second or so. */
static const char *timeout(struct cc_test *t)
{
    struct tcp_sock *tsk = t->tsk;
    uint32_t una = tsk->snd_una, flight = tsk->snd_nxt - una, seq = 0;
    unsigned from = nout, retrans = tsk->total_retrans;

    for (unsigned long end = jiffies + 3 * HZ; !data_since(from, NULL);) {
        if (time_after_eq(jiffies, end))
            return ktest_fail("no retransmission within 3 s (RTO %d ticks)", tsk->rto);
        sti();
        hlt();
        cli();
    }
    uint32_t ssthresh = flight / 2 > 2 * SMSS ? flight / 2 : 2 * SMSS;
    if (data_since(from, &seq) != 1 || seq != una || tsk->snd_cwnd != SMSS ||
        tsk->snd_ssthresh != ssthresh || tsk->ca_state != TCP_CA_Loss ||
        tsk->total_retrans != retrans + 1)
        return ktest_fail("timeout: %u segments, cwnd %u, ssthresh %u (want %u), state %d",
                          data_since(from, NULL), tsk->snd_cwnd, tsk->snd_ssthresh, ssthresh,
                          tsk->ca_state);
    return NULL;
}

static const char *run(struct cc_test *t)
{
    const char *why;

    introduce_peer(t->dev);
    t->tsk = handshake(t);
    if (!t->tsk)
        return ktest_fail("the handshake did not complete");
    if ((why = initial_window(t)) || (why = fast_recovery(t)) || (why = avoidance(t)) ||
        (why = timeout(t)))
        return why;
    return NULL;
}

const char *test_tcp_cwnd(void)
{
    static struct net_device dev = { .name = "cc0", .mtu = 1500, .ops = &cc_ops };
    unsigned long pages = nr_free_pages(), skbs = skb_count();
    unsigned conns = tcp_connections();
    struct cc_test t = { .dev = &dev, .peer_seq = 5001 };

    nout = 0;
    memcpy(dev.dev_addr, dev_mac, ETH_ALEN);
    memset(dev.broadcast, 0xFF, ETH_ALEN);
    dev.ip = (struct in_config){ ADDR, IPV4(255, 255, 255, 0), 0, "test" };
    dev.flags = IFF_UP | IFF_BROADCAST | IFF_RUNNING;
    if (register_netdev(&dev) < 0)
        return ktest_fail("cannot register cc0");
    struct socket *l = ktest_tcp_listener(ADDR, LPORT, 4);
    const char *why = l ? run(&t) : ktest_fail("no listener on 192.168.79.1:80");
    if (l)
        sock_release(l);               /* the listener, and the connection with it */
    unregister_netdev(&dev);
    if (why)
        return why;
    if (tcp_connections() != conns)
        return ktest_fail("%u connections before, %u after", conns, tcp_connections());
    if (skb_count() != skbs)
        return ktest_fail("%lu packet buffers before, %lu after", skbs, skb_count());
    if (nr_free_pages() != pages)
        return ktest_fail("%lu free pages before, %lu after", pages, nr_free_pages());
    return NULL;
}
