/* TCP congestion control (RFC 5681), with NewReno's fast recovery
 * (RFC 6582): how much the sender lets be in flight as far as the
 * network -- not the peer -- can take it.
 *
 * The congestion window, cwnd, starts at the initial window and grows as
 * ACKs come back: by up to one SMSS for every ACK while cwnd is below
 * ssthresh (slow start: it doubles every round trip), by one SMSS for
 * every cwnd's worth of acknowledged bytes above it (congestion
 * avoidance: one segment more every round trip).  A loss is taken as the
 * network's signal that it is full:
 *   three duplicate ACKs (the segments after a lost one arrived): ssthresh
 *     becomes half of what was in flight, the lost segment goes again at
 *     once (fast retransmit), and cwnd stays near ssthresh while the
 *     holes are filled (fast recovery);
 *   a retransmission timeout (nothing came back at all): ssthresh the
 *     same, cwnd one segment, and slow start begins again.
 * The sender (tcp_output.c) sends no more than min(cwnd, the peer's
 * window) beyond snd_una.  cwnd and ssthresh are in bytes, as the RFC
 * counts; TCP_INFO and /proc/net/tcp show them in segments, as Linux. */
#include "net/tcp.h"
#include "arch/timer.h"

/* Without window scaling a peer never offers more than 65535 bytes, so a
 * larger cwnd would never let more go -- and on a path without loss it
 * would grow without end. */
#define TCP_CWND_MAX TCP_WINDOW_MAX

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

static uint32_t max_u32(uint32_t a, uint32_t b)
{
    return a > b ? a : b;
}

static uint32_t flight_size(const struct tcp_sock *tsk)
{
    return tsk->snd_nxt - tsk->snd_una;
}

/* Linux's 10 segments whatever the MSS.  RFC 6928 gives the same 14600
 * bytes for Ethernet's 1460, but caps larger segments at 14600 bytes:
 * on lo (MSS 3864) Minnow starts with 38640, as Linux would. */
static uint32_t initial_window(const struct tcp_sock *tsk)
{
    return TCP_INIT_CWND * tsk->mss;
}

/* RFC 5681 (4): ssthresh = max(FlightSize / 2, 2 * SMSS).  The flight,
 * not cwnd: a sender that the peer's window held back has not shown the
 * network could take a whole cwnd. */
static uint32_t half_flight(const struct tcp_sock *tsk)
{
    return max_u32(flight_size(tsk) / 2, 2u * tsk->mss);
}

/* RFC 5681 3.1: a lost SYN or SYN-ACK makes the initial window one
 * segment.  Also run for a new control block, so a listener or a socket
 * not yet connected shows what Linux's does. */
void tcp_cong_init(struct tcp_sock *tsk)
{
    tsk->snd_cwnd = tsk->retries ? tsk->mss : initial_window(tsk);
    tsk->snd_ssthresh = TCP_INFINITE_SSTHRESH;
    tsk->cwnd_acked = 0;
    tsk->ca_state = TCP_CA_Open;
    tsk->dupacks = 0;
}

/* More room as ACKs come: slow start below ssthresh, congestion
 * avoidance from there. */
static void grow(struct tcp_sock *tsk, unsigned acked)
{
    if (tsk->snd_cwnd >= TCP_CWND_MAX) {
        tsk->cwnd_acked = 0;
        return;
    }
    if (tsk->snd_cwnd < tsk->snd_ssthresh) {
        tsk->snd_cwnd += min_u32(acked, tsk->mss);     /* RFC 5681 (2) */
    } else {
        /* RFC 5681 3.1's byte counting (RFC 3465): one SMSS each time a
         * whole cwnd has been acknowledged, whatever the segments' sizes */
        tsk->cwnd_acked += acked;
        if (tsk->cwnd_acked < tsk->snd_cwnd)
            return;
        tsk->cwnd_acked -= tsk->snd_cwnd;
        tsk->snd_cwnd += tsk->mss;
    }
    tsk->snd_cwnd = min_u32(tsk->snd_cwnd, TCP_CWND_MAX);
}

/* RFC 6582 3.2 (5): an ACK in fast recovery that leaves data from before
 * the loss unacknowledged -- another segment of that window was lost.
 * It goes at once; cwnd lets go of what the ACK took out of the network
 * and keeps one segment for the one just sent. */
static void partial_ack(struct tcp_sock *tsk, unsigned acked)
{
    tcp_retransmit(tsk);
    tsk->snd_cwnd = tsk->snd_cwnd > acked ? tsk->snd_cwnd - acked : 0;
    if (acked >= tsk->mss)
        tsk->snd_cwnd += tsk->mss;
    tsk->snd_cwnd = max_u32(tsk->snd_cwnd, tsk->mss);
}

/* snd_una has moved on by `acked` bytes. */
void tcp_cong_ack(struct tcp_sock *tsk, unsigned acked)
{
    tsk->dupacks = 0;
    if (tsk->ca_state != TCP_CA_Open && before(tsk->snd_una, tsk->recover)) {
        if (tsk->ca_state == TCP_CA_Recovery) {
            partial_ack(tsk, acked);
            return;
        }
        tcp_retransmit(tsk);           /* after a timeout: the next hole, in slow start */
    } else if (tsk->ca_state == TCP_CA_Recovery) {
        /* RFC 6582 3.2 (3), its first choice: all the lost window is in;
         * cwnd is ssthresh, or less if little is in flight, so that the
         * next ACKs cannot set off a burst */
        tsk->snd_cwnd = min_u32(tsk->snd_ssthresh,
                                max_u32(flight_size(tsk), tsk->mss) + tsk->mss);
        tsk->cwnd_acked = 0;
        tsk->ca_state = TCP_CA_Open;
        return;
    } else {
        tsk->ca_state = TCP_CA_Open;
    }
    grow(tsk, acked);
}

/* An ACK that acknowledges nothing new, carries no data and leaves the
 * window alone (rcv_ack's test: RFC 5681's definition). */
void tcp_cong_dupack(struct tcp_sock *tsk)
{
    if (tsk->ca_state == TCP_CA_Recovery) {
        /* RFC 5681 3.2 (4): each one says a segment has left the network;
         * cwnd lets one more in, so new data keeps the ACKs coming (no
         * further than any window could use, whatever a peer sends) */
        tsk->snd_cwnd = min_u32(tsk->snd_cwnd + tsk->mss, TCP_CWND_MAX);
        return;
    }
    /* after a timeout, recovery is the timer's; and RFC 6582 4: duplicate
     * ACKs of what that timeout resent start no fast retransmit */
    if (++tsk->dupacks != 3 || tsk->ca_state != TCP_CA_Open)
        return;
    tsk->snd_ssthresh = half_flight(tsk);                   /* RFC 5681 3.2 (2) */
    tsk->recover = tsk->snd_nxt;
    tsk->ca_state = TCP_CA_Recovery;
    tcp_retransmit(tsk);                                    /* (3): fast retransmit */
    tsk->snd_cwnd = tsk->snd_ssthresh + 3 * tsk->mss;       /* the three that left */
    tsk->cwnd_acked = 0;
    tcp_arm_rto(tsk);
}

/* The retransmission timer expired (tcp_timer.c counted it in retries).
 * RFC 5681 3.1: ssthresh is set at the first timeout of a segment only
 * -- after that the flight is the loss window's, and halving it again
 * would say nothing about the network. */
void tcp_cong_timeout(struct tcp_sock *tsk)
{
    if (tsk->retries == 1)
        tsk->snd_ssthresh = half_flight(tsk);
    tsk->snd_cwnd = tsk->mss;          /* the loss window, LW (RFC 5681 (5)) */
    tsk->cwnd_acked = 0;
    tsk->dupacks = 0;
    tsk->recover = tsk->snd_nxt;
    tsk->ca_state = TCP_CA_Loss;
}

/* RFC 5681 4.1: after more than an RTO without sending, the ACKs that
 * clocked the sender out are long gone; rather than a burst of a whole
 * old cwnd, start again from at most the initial window. */
void tcp_cong_restart(struct tcp_sock *tsk)
{
    if (tsk->snd_una == tsk->snd_nxt && jiffies - tsk->lsndtime > (unsigned long)tsk->rto)
        tsk->snd_cwnd = min_u32(tsk->snd_cwnd, initial_window(tsk));
}

/* RFC 5681 3.1: nothing beyond snd_una + cwnd.  A segment that cwnd
 * would cut waits whole for the ACKs that open it (as Linux, which
 * counts cwnd in segments); with nothing in flight one always fits, for
 * cwnd is never below one SMSS. */
int tcp_cwnd_test(const struct tcp_sock *tsk, unsigned len)
{
    return flight_size(tsk) + len <= tsk->snd_cwnd;
}

unsigned tcp_cwnd_segs(const struct tcp_sock *tsk)
{
    return tsk->snd_cwnd / tsk->mss;
}

/* TCP_INFINITE_SSTHRESH while the first slow start lasts */
int tcp_ssthresh_segs(const struct tcp_sock *tsk)
{
    if (tsk->snd_ssthresh >= TCP_INFINITE_SSTHRESH)
        return TCP_INFINITE_SSTHRESH;
    return (int)(tsk->snd_ssthresh / tsk->mss);
}
