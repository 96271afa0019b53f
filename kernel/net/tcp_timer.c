/* TCP's timer: one per connection, for whichever wait is on --
 *   the retransmission timeout (RFC 6298): something is in flight and
 *     no ACK came; the oldest segment goes again, the timeout doubles
 *     (exponential backoff) and cwnd drops to one segment (tcp_cong.c),
 *     up to TCP_RETRIES times, then the connection fails with ETIMEDOUT
 *     (TCP_SYN_RETRIES for a connect);
 *   the window probe: the peer's window is 0 and we have data;
 *   an orphan's FIN_WAIT_2: the program closed, the peer never sends FIN.
 * The round-trip time is measured on one segment at a time (never on a
 * retransmitted one: Karn's rule) and smoothed as RFC 6298 says. */
#include <stddef.h>
#include <minnow/errno.h>
#include "net/tcp.h"
#include "fs/socket.h"
#include "arch/timer.h"

static struct tcp_sock *timer_owner(struct timer_list *t)
{
    return (struct tcp_sock *)((char *)t - offsetof(struct tcp_sock, timer));
}

static void backoff(struct tcp_sock *tsk)
{
    tsk->rto = tsk->rto * 2 > TCP_RTO_MAX ? TCP_RTO_MAX : tsk->rto * 2;
}

/* The retransmissions are used up: the peer is gone. */
static void give_up(struct tcp_sock *tsk)
{
    if (tsk->state == TCP_SYN_SENT)
        tcp_mib[TCP_MIB_ATTEMPTFAILS]++;
    else if (tsk->state != TCP_SYN_RECV)
        tcp_send_reset(tsk);           /* in case it is only deaf in one direction */
    if (tsk->sock)
        tsk->sock->err = ETIMEDOUT;
    tcp_done(tsk);
}

static void expired(struct tcp_sock *tsk)
{
    if (tsk->state == TCP_FIN_WAIT2) {             /* an orphan waited long enough */
        tcp_done(tsk);
        return;
    }
    if (tsk->probing) {
        tcp_send_probe(tsk);
        backoff(tsk);
        tcp_arm_timer(tsk, tsk->rto);
        return;
    }
    if (tsk->snd_una == tsk->snd_nxt)
        return;
    int limit = tsk->state == TCP_SYN_SENT || tsk->state == TCP_SYN_RECV ? TCP_SYN_RETRIES
                                                                          : TCP_RETRIES;
    if (++tsk->retries > limit) {
        give_up(tsk);
        return;
    }
    backoff(tsk);
    tcp_cong_timeout(tsk);             /* cwnd: one segment; slow start again */
    tcp_retransmit(tsk);
    tcp_arm_rto(tsk);
}

/* From the timer interrupt.  If it interrupted a task in the middle of
 * TCP's work (the lock is held), try again on the next tick. */
static void tcp_timer_fn(struct timer_list *t)
{
    if (tcp_locked()) {
        mod_timer(t, jiffies + 1);
        return;
    }
    tcp_lock();
    expired(timer_owner(t));
    tcp_unlock();
}

void tcp_timer_init(struct tcp_sock *tsk)
{
    tsk->timer.function = tcp_timer_fn;
    tsk->rto = TCP_RTO_INITIAL;
}

/* The window probe: nothing in flight, data waiting, a window of 0. */
void tcp_arm_timer(struct tcp_sock *tsk, unsigned long ticks)
{
    tsk->probing = 1;
    mod_timer(&tsk->timer, jiffies + ticks);
}

void tcp_arm_rto(struct tcp_sock *tsk)
{
    tsk->probing = 0;
    mod_timer(&tsk->timer, jiffies + tsk->rto);
}

void tcp_stop_timer(struct tcp_sock *tsk)
{
    tsk->probing = 0;
    del_timer(&tsk->timer);
}

/* RFC 6298 2.2 and 2.3, in jiffies, with SRTT kept times 8 and RTTVAR
 * times 4 so the gains 1/8 and 1/4 stay whole numbers:
 *   SRTT   <- 7/8 SRTT + 1/8 R          RTTVAR <- 3/4 RTTVAR + 1/4 |SRTT - R|
 *   RTO    <- SRTT + max(G, 4 RTTVAR), at least TCP_RTO_MIN, at most TCP_RTO_MAX */
void tcp_rtt_sample(struct tcp_sock *tsk, unsigned long rtt)
{
    int r = (int)rtt;

    if (!tsk->srtt_valid) {
        tsk->srtt8 = r * 8;
        tsk->rttvar4 = r * 2;
        tsk->srtt_valid = 1;
    } else {
        int err = r - tsk->srtt8 / 8;
        tsk->srtt8 += err;
        tsk->rttvar4 += (err < 0 ? -err : err) - tsk->rttvar4 / 4;
    }
    int rto = tsk->srtt8 / 8 + (tsk->rttvar4 > 1 ? tsk->rttvar4 : 1);
    tsk->rto = rto < TCP_RTO_MIN ? TCP_RTO_MIN : rto > TCP_RTO_MAX ? TCP_RTO_MAX : rto;
}
