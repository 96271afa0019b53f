/* TCP's segments in: from IP to the connection they belong to, through
 * RFC 9293's "SEGMENT ARRIVES" (3.10.7), in its order: the checks of the
 * segment itself, then by the connection's state -- LISTEN, SYN-SENT, or
 * the synchronized states, where the sequence number is checked, then
 * RST, SYN, ACK, the data and FIN.
 *
 * It runs in the card's interrupt (or under a system call, for lo's
 * segments), so it never sleeps: it wakes the sleepers of a connection
 * whose state changed.  A segment that is malformed, or that nobody
 * wants, is dropped and counted (InErrs, InCsumErrors), never a reason
 * to stop. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/tcp.h"
#include "net/ip.h"
#include "net/skbuff.h"
#include "net/byteorder.h"
#include "fs/socket.h"
#include "arch/timer.h"

/* A received segment, its numbers in host order. */
struct seg {
    uint32_t saddr, daddr;
    uint16_t sport, dport;
    uint32_t seq, ack;
    uint8_t flags;
    uint16_t wnd;
    uint16_t mss;                /* the MSS option (0: none) */
    const uint8_t *data;
    unsigned len;                /* bytes of data */
    const struct tcphdr *th;
};

static unsigned seg_space(const struct seg *sg)   /* SEG.LEN: SYN and FIN count too */
{
    return sg->len + !!(sg->flags & TCP_SYN) + !!(sg->flags & TCP_FIN);
}

/* ================================================================ parsing */

/* The MSS option, if there is a well-formed one; other options are
 * stepped over (RFC 9293 3.2: unknown kinds have a length byte), and
 * junk ends the walk. */
static uint16_t parse_mss(const uint8_t *p, const uint8_t *end)
{
    uint16_t mss = 0;

    while (p < end && *p != TCPOPT_EOL) {
        if (*p == TCPOPT_NOP) {
            p++;
            continue;
        }
        if (end - p < 2 || p[1] < 2 || p[1] > end - p)
            break;
        if (p[0] == TCPOPT_MSS && p[1] == 4)
            mss = p[2] << 8 | p[3];
        p += p[1];
    }
    return mss;
}

static int parse(struct sk_buff *skb, struct seg *sg)
{
    const struct iphdr *iph = ip_hdr(skb);

    if (skb->len < sizeof(struct tcphdr))
        return -1;
    const struct tcphdr *th = (const struct tcphdr *)skb->data;
    unsigned doff = (th->doff >> 4) * 4;
    if (doff < sizeof(struct tcphdr) || doff > skb->len)
        return -1;
    sg->saddr = ntohl(iph->saddr);
    sg->daddr = ntohl(iph->daddr);
    if (tcp_checksum(th, skb->len, sg->saddr, sg->daddr) != 0) {
        tcp_mib[TCP_MIB_INCSUMERRORS]++;
        return -1;
    }
    sg->th = th;
    sg->sport = ntohs(th->source);
    sg->dport = ntohs(th->dest);
    sg->seq = ntohl(th->seq);
    sg->ack = ntohl(th->ack_seq);
    sg->flags = th->flags;
    sg->wnd = ntohs(th->window);
    sg->mss = parse_mss((const uint8_t *)(th + 1), skb->data + doff);
    sg->data = skb->data + doff;
    sg->len = skb->len - doff;
    return 0;
}

/* The MSS we send with: the peer's (536 if it said nothing, RFC 9293
 * 3.7.1), but no more than our own route allows. */
static uint16_t choose_mss(uint16_t peer, uint32_t raddr)
{
    uint16_t ours = tcp_mss_for(raddr);

    if (!peer)
        peer = TCP_DEFAULT_MSS;
    if (peer < 64)
        peer = 64;                     /* a silly MSS would mean a segment per byte */
    return peer < ours ? peer : ours;
}

/* ================================================================ LISTEN */

/* A SYN for a listener: a child connection in SYN_RECEIVED, answered
 * with SYN-ACK.  When the backlog (half-open plus not yet accepted) is
 * full the SYN is dropped: the client sends it again later. */
static void rcv_listen(struct tcp_sock *l, const struct seg *sg, uint32_t isn)
{
    if (sg->flags & TCP_RST)
        return;
    if (sg->flags & TCP_ACK) {
        tcp_reset_reply(sg->daddr, sg->saddr, sg->th, seg_space(sg));
        return;
    }
    if (!(sg->flags & TCP_SYN) || l->nr_syn + l->nr_accept >= l->backlog)
        return;
    struct tcp_sock *c = tcp_sock_alloc();
    if (!c)
        return;
    if (tcp_buffers(c, l->sock->sndbuf, l->sock->rcvbuf) < 0) {
        tcp_free(c);
        return;
    }
    c->laddr = sg->daddr;
    c->lport = sg->dport;
    c->raddr = sg->saddr;
    c->rport = sg->sport;
    c->parent = l;
    c->nodelay = l->nodelay;
    c->irs = sg->seq;
    c->rcv_nxt = sg->seq + 1;
    c->iss = isn ? isn : tcp_new_isn(c->laddr, c->lport, c->raddr, c->rport);
    c->snd_una = c->snd_sml = c->iss;
    c->snd_nxt = c->iss + 1;
    c->snd_wnd = sg->wnd;
    c->snd_wl1 = sg->seq;
    c->snd_wl2 = c->iss;
    c->mss = choose_mss(sg->mss, c->raddr);
    tcp_set_state(c, TCP_SYN_RECV);
    tcp_link(c);
    l->nr_syn++;
    tcp_mib[TCP_MIB_PASSIVEOPENS]++;
    c->rtt_on = 1;
    c->rtt_seq = c->iss;
    c->rtt_start = jiffies;
    tcp_send_syn(c);
    tcp_arm_rto(c);
}

/* ================================================================ SYN-SENT */

/* The MSS is known now, and whether the SYN had to go again. */
static void established(struct tcp_sock *tsk)
{
    tcp_set_state(tsk, TCP_ESTABLISHED);
    if (tsk->sock)                     /* a nonblocking connect is through */
        tsk->sock->state = SS_CONNECTED;
    tcp_cong_init(tsk);
    tsk->lsndtime = jiffies;
    tsk->rcv_mss = tsk->mss < TCP_DEFAULT_MSS ? tsk->mss : TCP_DEFAULT_MSS;   /* Linux's guess */
    tsk->retries = 0;
    tcp_wake(tsk);
}

static void rcv_syn_sent(struct tcp_sock *tsk, const struct seg *sg)
{
    int has_ack = sg->flags & TCP_ACK;

    if (has_ack && (!after(sg->ack, tsk->iss) || after(sg->ack, tsk->snd_nxt))) {
        tcp_reset_reply(sg->daddr, sg->saddr, sg->th, seg_space(sg));
        return;
    }
    if (sg->flags & TCP_RST) {
        if (has_ack) {                 /* nobody listens there */
            tcp_mib[TCP_MIB_ATTEMPTFAILS]++;
            if (tsk->sock)
                tsk->sock->err = ECONNREFUSED;
            tcp_done(tsk);
        }
        return;
    }
    if (!(sg->flags & TCP_SYN))
        return;
    tsk->irs = sg->seq;
    tsk->rcv_nxt = sg->seq + 1;
    tsk->mss = choose_mss(sg->mss, tsk->raddr);
    tsk->snd_wnd = sg->wnd;
    tsk->snd_wl1 = sg->seq;
    tsk->snd_wl2 = sg->ack;
    if (!has_ack) {                    /* both sides opened at once (RFC 9293 figure 7) */
        tcp_set_state(tsk, TCP_SYN_RECV);
        tcp_send_syn(tsk);
        return;
    }
    tsk->snd_una = sg->ack;
    if (tsk->rtt_on)
        tcp_rtt_sample(tsk, jiffies - tsk->rtt_start);
    tsk->rtt_on = 0;
    tcp_stop_timer(tsk);
    established(tsk);
    tcp_send_ack(tsk);
    tcp_write_xmit(tsk);
}

/* ================================================================ synchronized states */

/* RFC 9293 3.10.7.4's table: does any of the segment fall in the window? */
static int acceptable(const struct tcp_sock *tsk, const struct seg *sg)
{
    unsigned wnd = tcp_rcv_window(tsk), n = seg_space(sg);
    uint32_t end = tsk->rcv_nxt + wnd;
    #define IN_WINDOW(x) (!before((x), tsk->rcv_nxt) && before((x), end))

    if (n == 0)
        return wnd == 0 ? sg->seq == tsk->rcv_nxt : IN_WINDOW(sg->seq);
    return wnd != 0 && (IN_WINDOW(sg->seq) || IN_WINDOW(sg->seq + n - 1));
    #undef IN_WINDOW
}

/* A reset in the window: the connection ends with an error for the
 * program.  RFC 5961 3.2: only one exactly at rcv_nxt counts; another
 * in the window gets a "challenge ACK", so a blind guess cannot kill
 * the connection. */
static void rcv_reset(struct tcp_sock *tsk, const struct seg *sg)
{
    if (sg->seq != tsk->rcv_nxt) {
        tcp_send_ack(tsk);
        return;
    }
    int err = 0;
    switch (tsk->state) {
    case TCP_SYN_RECV:
        err = tsk->parent ? 0 : ECONNREFUSED;      /* a child just goes */
        break;
    case TCP_ESTABLISHED: case TCP_FIN_WAIT1: case TCP_FIN_WAIT2: case TCP_CLOSE_WAIT:
        err = ECONNRESET;
        tcp_mib[TCP_MIB_ESTABRESETS]++;
        break;
    default:                                       /* CLOSING, LAST_ACK: we were done anyway */
        break;
    }
    if (err && tsk->sock)
        tsk->sock->err = err;
    tcp_done(tsk);
}

/* A child's handshake is complete: it waits in its listener's queue. */
static void child_established(struct tcp_sock *tsk)
{
    struct tcp_sock *l = tsk->parent;

    established(tsk);
    if (!l)
        return;
    l->nr_syn--;
    l->nr_accept++;
    struct tcp_sock **p = &l->accept_q;
    while (*p)
        p = &(*p)->accept_next;
    *p = tsk;
    tsk->accept_next = NULL;
    tcp_wake(l);
}

/* New data acknowledged: out of the send buffer, a round-trip sample,
 * the timer restarted or stopped, and congestion control told (which
 * may open cwnd, or, in recovery, send the next hole at once). */
static void ack_advance(struct tcp_sock *tsk, uint32_t ack)
{
    unsigned acked = ack - tsk->snd_una;
    unsigned data = acked < tsk->slen ? acked : tsk->slen;

    tsk->shead = (tsk->shead + data) % tsk->ssize;
    tsk->slen -= data;
    tsk->snd_una = ack;
    if (tsk->rtt_on && after(ack, tsk->rtt_seq)) {
        tcp_rtt_sample(tsk, jiffies - tsk->rtt_start);
        tsk->rtt_on = 0;
    }
    tsk->retries = 0;
    if (tsk->snd_una == tsk->snd_nxt)
        tcp_stop_timer(tsk);
    else
        tcp_arm_rto(tsk);
    tcp_cong_ack(tsk, acked);
    tcp_wake(tsk);                     /* room in the send buffer */
}

/* What our FIN being acknowledged means in each state.  0 when the
 * connection is gone (freed, or in the TIME_WAIT table). */
static int fin_acked(struct tcp_sock *tsk)
{
    switch (tsk->state) {
    case TCP_FIN_WAIT1:
        tcp_set_state(tsk, TCP_FIN_WAIT2);
        if (!tsk->sock)                /* an orphan does not wait forever for FIN */
            mod_timer(&tsk->timer, jiffies + TCP_FIN_WAIT2_LEN);
        return 1;
    case TCP_CLOSING:
        tcp_time_wait(tsk);
        return 0;
    case TCP_LAST_ACK:
        tcp_done(tsk);
        return 0;
    }
    return 1;
}

/* The ACK field (RFC 9293 3.10.7.4, fifth).  0 when the segment stops here. */
static int rcv_ack(struct tcp_sock *tsk, const struct seg *sg)
{
    if (!(sg->flags & TCP_ACK))
        return 0;
    if (tsk->state == TCP_SYN_RECV) {
        if (!after(sg->ack, tsk->snd_una) || after(sg->ack, tsk->snd_nxt)) {
            tcp_reset_reply(sg->daddr, sg->saddr, sg->th, seg_space(sg));
            return 0;
        }
        tsk->snd_una++;                /* the SYN */
        if (tsk->rtt_on)
            tcp_rtt_sample(tsk, jiffies - tsk->rtt_start);
        tsk->rtt_on = 0;
        tcp_stop_timer(tsk);
        tsk->snd_wnd = sg->wnd;
        tsk->snd_wl1 = sg->seq;
        tsk->snd_wl2 = sg->ack;
        child_established(tsk);
    }
    if (after(sg->ack, tsk->snd_nxt)) {            /* acknowledges what was never sent */
        tcp_send_ack(tsk);
        return 0;
    }
    if (after(sg->ack, tsk->snd_una))
        ack_advance(tsk, sg->ack);
    else if (sg->ack == tsk->snd_una && !sg->len && !(sg->flags & TCP_FIN) &&
             sg->wnd == tsk->snd_wnd && tsk->snd_nxt != tsk->snd_una)
        tcp_cong_dupack(tsk);          /* three in a row: a segment was lost */
    if (before(tsk->snd_wl1, sg->seq) ||
        (tsk->snd_wl1 == sg->seq && !before(sg->ack, tsk->snd_wl2))) {
        tsk->snd_wnd = sg->wnd;        /* RFC 9293's window update, old segments ignored */
        tsk->snd_wl1 = sg->seq;
        tsk->snd_wl2 = sg->ack;
        if (tsk->snd_wnd && tsk->probing)
            tcp_stop_timer(tsk);
    }
    if (tsk->fin_sent && tsk->snd_una == tsk->snd_nxt)
        return fin_acked(tsk);
    return 1;
}

/* ================================================================ data */

static void copy_to_rbuf(struct tcp_sock *tsk, unsigned off, const uint8_t *src, unsigned n)
{
    unsigned at = (tsk->rhead + tsk->rlen + off) % tsk->rsize;
    unsigned first = n < tsk->rsize - at ? n : tsk->rsize - at;

    memcpy(tsk->rbuf + at, src, first);
    memcpy(tsk->rbuf, src + first, n - first);
}

/* Pieces kept beyond a hole join the readable bytes once it is filled. */
static void merge_ooo(struct tcp_sock *tsk)
{
    for (int i = 0; i < tsk->nooo;) {
        if (after(tsk->ooo[i].start, tsk->rcv_nxt)) {
            i++;
            continue;
        }
        if (after(tsk->ooo[i].end, tsk->rcv_nxt)) {
            tsk->rlen += tsk->ooo[i].end - tsk->rcv_nxt;
            tsk->rcv_nxt = tsk->ooo[i].end;
        }
        tsk->ooo[i] = tsk->ooo[--tsk->nooo];
        i = 0;                         /* the new rcv_nxt may reach another piece */
    }
}

/* A piece beyond rcv_nxt: its bytes are in rbuf already, at their place;
 * it is remembered as a range, joined with the ranges it touches.  When
 * all ranges are in use it is forgotten (the peer sends it again). */
static void add_ooo(struct tcp_sock *tsk, uint32_t start, uint32_t end)
{
    for (int i = 0; i < tsk->nooo; i++) {
        if (after(start, tsk->ooo[i].end) || before(end, tsk->ooo[i].start))
            continue;
        if (before(tsk->ooo[i].start, start))
            start = tsk->ooo[i].start;
        if (after(tsk->ooo[i].end, end))
            end = tsk->ooo[i].end;
        tsk->ooo[i--] = tsk->ooo[--tsk->nooo];
    }
    if (tsk->nooo < TCP_OOO_RANGES)
        tsk->ooo[tsk->nooo++] = (typeof(tsk->ooo[0])){ start, end };
}

/* Data within the window (trimmed to it): into rbuf at its place. */
static void rcv_data(struct tcp_sock *tsk, uint32_t seq, const uint8_t *data, unsigned len)
{
    if (tsk->shut_rd) {                /* nobody will read it: taken and forgotten */
        if (seq == tsk->rcv_nxt)
            tsk->rcv_nxt += len;
        return;
    }
    unsigned off = seq - tsk->rcv_nxt;
    copy_to_rbuf(tsk, off, data, len);
    if (off == 0) {
        tsk->rlen += len;
        tsk->rcv_nxt += len;
        merge_ooo(tsk);
        tcp_wake(tsk);
    } else {
        add_ooo(tsk, seq, seq + len);
    }
}

/* The peer's FIN, once every byte before it is in.  0 when the
 * connection is gone. */
static int rcv_fin(struct tcp_sock *tsk)
{
    tsk->rcv_nxt++;
    tsk->rcv_fin = 1;
    tcp_send_ack(tsk);
    tcp_wake(tsk);
    switch (tsk->state) {
    case TCP_SYN_RECV:
    case TCP_ESTABLISHED:
        tcp_set_state(tsk, TCP_CLOSE_WAIT);
        break;
    case TCP_FIN_WAIT1:
        tcp_set_state(tsk, TCP_CLOSING);
        break;
    case TCP_FIN_WAIT2:
        tcp_time_wait(tsk);
        return 0;
    }
    return 1;
}

/* Steps over what was received before (a retransmission overlapping the
 * window's left edge) and cuts what lies beyond the right edge; FIN goes
 * with a cut tail. */
static void trim(const struct tcp_sock *tsk, struct seg *sg, uint32_t *seq)
{
    *seq = sg->seq + !!(sg->flags & TCP_SYN);
    if (before(*seq, tsk->rcv_nxt)) {
        unsigned skip = tsk->rcv_nxt - *seq;
        if (skip >= sg->len) {
            if (skip > sg->len)
                sg->flags &= ~TCP_FIN;             /* an old FIN, acknowledged before */
            skip = sg->len;
        }
        sg->data += skip;
        sg->len -= skip;
        *seq += skip;
    }
    uint32_t right = tsk->rcv_nxt + tcp_rcv_window(tsk);
    if (after(*seq + sg->len, right)) {
        sg->len = right - *seq;
        sg->flags &= ~TCP_FIN;
    }
}

static int reads_data(int state)
{
    return state == TCP_ESTABLISHED || state == TCP_FIN_WAIT1 || state == TCP_FIN_WAIT2;
}

static void rcv_synchronized(struct tcp_sock *tsk, struct seg *sg)
{
    if (tsk->state == TCP_SYN_RECV && (sg->flags & (TCP_SYN | TCP_ACK | TCP_RST)) == TCP_SYN &&
        sg->seq == tsk->irs) {
        tcp_send_syn(tsk);             /* the peer's SYN again: our SYN-ACK was lost */
        return;
    }
    if (!acceptable(tsk, sg)) {
        if (!(sg->flags & TCP_RST))
            tcp_send_ack(tsk);         /* tells the peer where we are */
        return;
    }
    if (sg->flags & TCP_RST) {
        rcv_reset(tsk, sg);
        return;
    }
    if (sg->flags & TCP_SYN) {         /* RFC 5961 4: a challenge ACK, not a reset */
        tcp_send_ack(tsk);
        return;
    }
    if (!rcv_ack(tsk, sg))
        return;
    uint32_t seq;
    trim(tsk, sg, &seq);
    int need_ack = 0;
    if (sg->len && reads_data(tsk->state)) {
        if (sg->len > tsk->rcv_mss)
            tsk->rcv_mss = sg->len;
        rcv_data(tsk, seq, sg->data, sg->len);
        need_ack = 1;                  /* every data segment, at once: no delayed ACKs */
    }
    if ((sg->flags & TCP_FIN) && seq + sg->len == tsk->rcv_nxt && reads_data(tsk->state)) {
        if (!rcv_fin(tsk))
            return;
        need_ack = 0;
    }
    if (need_ack)
        tcp_send_ack(tsk);
    tcp_write_xmit(tsk);               /* the window may have opened */
}

/* ================================================================ from IP */

/* One segment, with TCP's lock held. */
void tcp_process_backlog(struct sk_buff *skb)
{
    struct seg sg;

    tcp_mib[TCP_MIB_INSEGS]++;
    if (parse(skb, &sg) < 0) {
        tcp_mib[TCP_MIB_INERRS]++;
        goto drop;
    }
    if (skb->pkt_type != PACKET_HOST || !ip_addr_is_local(sg.daddr))
        goto drop;                     /* TCP is one station to one station */
    struct tcp_sock *tsk = tcp_lookup(sg.daddr, sg.dport, sg.saddr, sg.sport);
    uint32_t isn = 0;
    if ((!tsk || tsk->state == TCP_LISTEN) &&
        tcp_timewait_rcv(skb, sg.th, sg.daddr, sg.saddr, &isn))
        goto drop;
    if (!tsk) {
        tcp_reset_reply(sg.daddr, sg.saddr, sg.th, seg_space(&sg));
        goto drop;
    }
    switch (tsk->state) {
    case TCP_LISTEN:
        rcv_listen(tsk, &sg, isn);
        break;
    case TCP_SYN_SENT:
        rcv_syn_sent(tsk, &sg);
        break;
    default:
        rcv_synchronized(tsk, &sg);
        break;
    }
drop:
    kfree_skb(skb);
}

void tcp_v4_rcv(struct sk_buff *skb)
{
    if (tcp_locked()) {
        tcp_backlog_add(skb);
        return;
    }
    tcp_lock();
    tcp_process_backlog(skb);
    tcp_unlock();
}
