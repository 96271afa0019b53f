/* TCP's segments out: data as far as the peer's window, the congestion
 * window and Nagle allow, SYN, FIN, ACK, RST, retransmissions and window
 * probes.  Every segment is built here, in transmit(), from the
 * connection's numbers. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/tcp.h"
#include "net/ip.h"
#include "net/skbuff.h"
#include "net/netdevice.h"
#include "net/byteorder.h"
#include "arch/timer.h"

/* ================================================================ the checksum */

static uint32_t sum_words(uint32_t sum, const void *data, unsigned len)
{
    const uint8_t *p = data;

    for (; len >= 2; p += 2, len -= 2)
        sum += (uint32_t)(p[0] | p[1] << 8);
    if (len)
        sum += p[0];
    return sum;
}

/* RFC 9293 3.1: over a pseudo-header of the IP addresses, the protocol
 * and the length, then the segment; 0 over a segment that holds its own
 * (correct) checksum. */
uint16_t tcp_checksum(const void *seg, unsigned len, uint32_t saddr, uint32_t daddr)
{
    struct {
        uint32_t saddr, daddr;
        uint8_t zero, protocol;
        uint16_t len;
    } __attribute__((packed)) ph = { htonl(saddr), htonl(daddr), 0, IPPROTO_TCP, htons(len) };
    uint32_t sum = sum_words(sum_words(0, &ph, sizeof(ph)), seg, len);

    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}

/* ================================================================ one segment */

unsigned tcp_rcv_window(const struct tcp_sock *tsk)
{
    return tsk->rsize - tsk->rlen;
}

uint16_t tcp_mss_for(uint32_t raddr)
{
    struct net_device *dev;
    uint32_t next_hop;

    if (ip_route(raddr, &dev, &next_hop) < 0)
        return TCP_DEFAULT_MSS;
    return dev->mtu - sizeof(struct iphdr) - sizeof(struct tcphdr);
}

/* Copies n bytes of the send buffer, from `off` past snd_una, to dst. */
static void copy_from_sbuf(const struct tcp_sock *tsk, unsigned off, uint8_t *dst, unsigned n)
{
    unsigned at = (tsk->shead + off) % tsk->ssize;
    unsigned first = n < tsk->ssize - at ? n : tsk->ssize - at;

    memcpy(dst, tsk->sbuf + at, first);
    memcpy(dst + first, tsk->sbuf, n - first);
}

/* Builds and sends one segment: seq, flags, len bytes of data from `off`
 * bytes past snd_una; an MSS option on SYNs.  The ACK field and the
 * window are always the current ones. */
static int transmit(struct tcp_sock *tsk, uint32_t seq, uint8_t flags, unsigned off,
                    unsigned len)
{
    unsigned optlen = flags & TCP_SYN ? 4 : 0;
    unsigned hlen = sizeof(struct tcphdr) + optlen;
    struct sk_buff *skb = alloc_skb(MAX_HEADER + hlen + len);

    if (!skb)
        return -ENOBUFS;
    skb_reserve(skb, MAX_HEADER);
    struct tcphdr *th = (struct tcphdr *)skb_put(skb, hlen + len);
    unsigned wnd = tcp_rcv_window(tsk);
    *th = (struct tcphdr){
        .source = htons(tsk->lport),
        .dest = htons(tsk->rport),
        .seq = htonl(seq),
        .ack_seq = flags & TCP_ACK ? htonl(tsk->rcv_nxt) : 0,
        .doff = (hlen / 4) << 4,
        .flags = flags,
        .window = htons(wnd),
    };
    if (optlen) {
        uint8_t *opt = (uint8_t *)(th + 1);
        uint16_t mss = tcp_mss_for(tsk->raddr);
        opt[0] = TCPOPT_MSS;
        opt[1] = 4;
        opt[2] = mss >> 8;
        opt[3] = mss & 0xFF;
    }
    if (len)
        copy_from_sbuf(tsk, off, (uint8_t *)th + hlen, len);
    th->check = tcp_checksum(th, hlen + len, tsk->laddr, tsk->raddr);
    if (flags & TCP_ACK)
        tsk->rcv_adv = wnd;
    tcp_mib[TCP_MIB_OUTSEGS]++;
    if (flags & TCP_RST)
        tcp_mib[TCP_MIB_OUTRSTS]++;
    return ip_send_from(skb, tsk->laddr, tsk->raddr, IPPROTO_TCP);
}

void tcp_send_ack(struct tcp_sock *tsk)
{
    transmit(tsk, tsk->snd_nxt, TCP_ACK, 0, 0);
}

void tcp_send_syn(struct tcp_sock *tsk)
{
    uint8_t flags = tsk->state == TCP_SYN_RECV ? TCP_SYN | TCP_ACK : TCP_SYN;

    transmit(tsk, tsk->iss, flags, 0, 0);
}

void tcp_send_reset(struct tcp_sock *tsk)
{
    transmit(tsk, tsk->snd_nxt, TCP_RST | TCP_ACK, 0, 0);
}

/* RFC 9293 3.10.7.1: to a segment that belongs to no connection.  With
 * an ACK, the reset takes its number from the ACK, so the peer accepts
 * it; without, it acknowledges the segment.  A reset is never answered. */
void tcp_reset_reply(uint32_t laddr, uint32_t raddr, const struct tcphdr *th, unsigned seglen)
{
    if (th->flags & TCP_RST)
        return;
    struct tcp_sock nobody = {
        .laddr = laddr, .raddr = raddr, .lport = ntohs(th->dest), .rport = ntohs(th->source),
    };
    if (th->flags & TCP_ACK) {
        transmit(&nobody, ntohl(th->ack_seq), TCP_RST, 0, 0);
    } else {
        nobody.rcv_nxt = ntohl(th->seq) + seglen;
        transmit(&nobody, 0, TCP_RST | TCP_ACK, 0, 0);
    }
}

/* ================================================================ data */

static int sends_data(const struct tcp_sock *tsk)
{
    return tsk->state == TCP_ESTABLISHED || tsk->state == TCP_CLOSE_WAIT;
}

/* How much of the next segment may go now: within the peer's window and
 * the congestion window (tcp_cong.c), at most one MSS; 0 to wait.  So
 * no more than min(cwnd, snd_wnd) is ever beyond snd_una (RFC 5681
 * 3.1).  Nagle (RFC 896, RFC 1122 4.2.3.4), with
 * Minshall's refinement (as Linux): while a segment shorter than the MSS
 * is in flight, the next short one waits for its ACK -- so an echo's
 * remainder does not sit out the peer's delayed ACK behind full-sized
 * segments.  TCP_NODELAY sends at once, but not a piece the window cut
 * short (the sender's silly-window avoidance). */
static unsigned next_segment(struct tcp_sock *tsk, unsigned inflight, unsigned unsent)
{
    uint32_t wnd_end = tsk->snd_una + tsk->snd_wnd;
    unsigned room = after(wnd_end, tsk->snd_nxt) ? wnd_end - tsk->snd_nxt : 0;
    unsigned len = unsent < tsk->mss ? unsent : tsk->mss;

    if (len > room)
        len = room;
    if (!tcp_cwnd_test(tsk, len))
        return 0;                      /* the network's share is used: wait for ACKs */
    if (len < tsk->mss && inflight) {
        if (tsk->nodelay ? len < unsent : after(tsk->snd_sml, tsk->snd_una))
            return 0;
    }
    return len;
}

/* FIN goes once every byte before it has been sent. */
static void send_fin(struct tcp_sock *tsk)
{
    transmit(tsk, tsk->snd_nxt, TCP_FIN | TCP_ACK, 0, 0);
    tsk->snd_nxt++;
    tsk->fin_sent = 1;
    tcp_set_state(tsk, tsk->state == TCP_CLOSE_WAIT ? TCP_LAST_ACK : TCP_FIN_WAIT1);
    tcp_arm_rto(tsk);
}

void tcp_write_xmit(struct tcp_sock *tsk)
{
    if (!sends_data(tsk))
        return;
    if (tsk->slen > tsk->snd_nxt - tsk->snd_una)
        tcp_cong_restart(tsk);         /* data to send: was the connection idle? */
    for (;;) {
        unsigned inflight = tsk->snd_nxt - tsk->snd_una;
        unsigned unsent = tsk->slen - inflight;
        if (!unsent)
            break;
        unsigned len = next_segment(tsk, inflight, unsent);
        if (!len) {
            if (!inflight && !tsk->timer.pending)
                tcp_arm_timer(tsk, tsk->rto);   /* a zero window: probe it */
            break;
        }
        transmit(tsk, tsk->snd_nxt, TCP_ACK | (len == unsent ? TCP_PSH : 0), inflight, len);
        if (!tsk->rtt_on) {                     /* time one segment a round trip */
            tsk->rtt_on = 1;
            tsk->rtt_seq = tsk->snd_nxt;
            tsk->rtt_start = jiffies;
        }
        tsk->snd_nxt += len;
        tsk->lsndtime = jiffies;
        if (len < tsk->mss)
            tsk->snd_sml = tsk->snd_nxt;        /* Minshall: the last short one */
        if (!tsk->timer.pending || tsk->probing)
            tcp_arm_rto(tsk);
    }
    if (tsk->fin_queued && !tsk->fin_sent && tsk->snd_nxt == tsk->snd_una + tsk->slen)
        send_fin(tsk);
}

/* The oldest segment not yet acknowledged, once more (a timeout, three
 * duplicate ACKs, a partial ACK in recovery).  Karn: its ACK will not be
 * timed, for it could be the first copy's. */
void tcp_retransmit(struct tcp_sock *tsk)
{
    tcp_mib[TCP_MIB_RETRANSSEGS]++;
    tsk->total_retrans++;
    tsk->rtt_on = 0;
    if (tsk->state == TCP_SYN_SENT || tsk->state == TCP_SYN_RECV) {
        tcp_send_syn(tsk);
        return;
    }
    unsigned inflight = tsk->snd_nxt - tsk->snd_una - tsk->fin_sent;
    if (inflight) {
        unsigned len = inflight < tsk->mss ? inflight : tsk->mss;
        transmit(tsk, tsk->snd_una, TCP_ACK | TCP_PSH, 0, len);
    } else if (tsk->fin_sent) {
        transmit(tsk, tsk->snd_una, TCP_FIN | TCP_ACK, 0, 0);
    }
}

/* The peer's window is 0: a segment below the window (no data, the
 * sequence number before snd_una) makes it answer with an ACK that says
 * its window now, so a lost window update cannot leave both sides
 * waiting forever (RFC 9293 3.8.6.1). */
void tcp_send_probe(struct tcp_sock *tsk)
{
    transmit(tsk, tsk->snd_una - 1, TCP_ACK, 0, 0);
}
