/* TCP (RFC 9293): the connection's control block, the header, and the
 * doors between the files of kernel/net/tcp*.c.
 *
 *   tcp.c          the socket side: TCP's proto_ops (connect, accept, send, recv...)
 *   tcp_conn.c     the connections: finding one for a segment, making and
 *                  freeing them, the lock, TIME_WAIT, the counters
 *   tcp_input.c    a segment from IP up to the connection (RFC 9293 3.10.7)
 *   tcp_output.c   segments out: data within the window, Nagle, FIN, ACK, RST
 *   tcp_timer.c    the retransmission timer (RFC 6298) and the window probe
 *   tcp_cong.c     congestion control: slow start, congestion avoidance,
 *                  fast retransmit and recovery (RFC 5681, RFC 6582)
 *
 * Sequence numbers wrap at 2^32, so they are compared with before()/after(),
 * as RFC 9293 3.4 compares them: modulo 2^32. */
#ifndef NET_TCP_H
#define NET_TCP_H

#include <stdint.h>
#include <minnow/tcp.h>          /* the states, enum tcp_ca_state, struct tcp_info */
#include "fs/inet_port.h"
#include "proc/timer_list.h"

struct sk_buff;
struct socket;

struct tcphdr {
    uint16_t source, dest;
    uint32_t seq, ack_seq;
    uint8_t doff;                /* data offset in 32-bit words, in the high nibble */
    uint8_t flags;
    uint16_t window;
    uint16_t check;
    uint16_t urg_ptr;
} __attribute__((packed));

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10
#define TCP_URG 0x20

#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2


#define TCP_DEFAULT_MSS 536          /* RFC 9293 3.7.1: when the peer says nothing */
#define TCP_WINDOW_MAX 65535         /* no window scaling: the 16-bit window is all */
#define TCP_RTO_INITIAL (1 * HZ)     /* RFC 6298 2.1 */
#define TCP_RTO_MIN (HZ / 5)         /* 200 ms, Linux's (RFC 6298 says 1 s) */
#define TCP_RTO_MAX (60 * HZ)
#define TCP_SYN_RETRIES 5            /* then connect() fails with ETIMEDOUT */
#define TCP_RETRIES 8                /* of data, FIN: then the connection is reset */
#define TCP_TIMEWAIT_LEN (2 * HZ)    /* 2*MSL, short (docs/net.md) */
#define TCP_FIN_WAIT2_LEN (10 * HZ)  /* an orphan waits this long for the peer's FIN */
#define TCP_OOO_RANGES 4             /* out-of-order pieces kept apart */
#define TCP_INIT_CWND 10             /* segments: the initial window (Linux's; docs/net.md) */
#define TCP_INFINITE_SSTHRESH 0x7FFFFFFF    /* "arbitrarily high" (RFC 5681 3.1) */

static inline int before(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) < 0;
}
#define after(a, b) before(b, a)

/* One connection (Linux's struct tcp_sock), also a listener.  Addresses
 * and ports in host order. */
struct tcp_sock {
    struct socket *sock;         /* NULL: the program closed it (an orphan) or nobody
                                    accepted it yet */
    int state;
    uint32_t laddr, raddr;
    uint16_t lport, rport;
    struct port_entry port;      /* its own port (port.port 0: it shares its listener's) */
    struct tcp_sock *next;       /* in the list of every connection */
    int err;                     /* a positive errno the next call returns */
    int nodelay;                 /* TCP_NODELAY: no Nagle */
    int wait;                    /* channel: sleepers on this connection */

    /* a listener's children: half-open (SYN_RECV) and waiting for accept() */
    struct tcp_sock *parent;     /* a child's listener, until accepted */
    struct tcp_sock *accept_next;
    struct tcp_sock *accept_q;   /* established, oldest first */
    int nr_syn, nr_accept, backlog;

    /* sending (RFC 9293 3.3.1): sbuf holds the bytes from snd_una on */
    uint32_t iss, snd_una, snd_nxt, snd_wnd, snd_wl1, snd_wl2;
    uint16_t mss;                /* the largest segment we send: the peer's MSS */
    uint32_t snd_sml;            /* the end of the last segment shorter than mss (Nagle) */
    uint8_t *sbuf;
    unsigned ssize, shead, slen;
    int fin_queued;              /* close() or shutdown(SHUT_WR): FIN after the data */
    int fin_sent;

    /* receiving: rbuf holds the bytes not yet read, then the window */
    uint32_t irs, rcv_nxt;
    uint8_t *rbuf;
    unsigned rsize, rhead, rlen;
    struct { uint32_t start, end; } ooo[TCP_OOO_RANGES];   /* beyond rcv_nxt, in rbuf */
    int nooo;
    unsigned rcv_adv;            /* the window our last ACK offered */
    int rcv_fin;                 /* the peer's FIN came, in order: end of file */
    int shut_rd;

    /* the retransmission timer (tcp_timer.c) */
    struct timer_list timer;
    int srtt8, rttvar4, rto;     /* jiffies; srtt scaled by 8, rttvar by 4 */
    int srtt_valid;              /* a first measurement was made */
    uint32_t rtt_seq;            /* the segment being timed (Karn: never a resent one) */
    unsigned long rtt_start;
    int rtt_on;
    int retries;
    int probing;                 /* the timer is the zero-window probe's */
    unsigned total_retrans;      /* segments sent again, over the connection's life */

    /* congestion control (tcp_cong.c), in bytes as RFC 5681 counts */
    uint32_t snd_cwnd;           /* how much may be in flight, as far as the network goes */
    uint32_t snd_ssthresh;       /* below it slow start, above it congestion avoidance */
    uint32_t cwnd_acked;         /* bytes acknowledged towards the next SMSS of growth */
    int ca_state;                /* TCP_CA_Open, _Recovery or _Loss */
    int dupacks;
    uint32_t recover;            /* snd_nxt when a loss was found (RFC 6582) */
    unsigned long lsndtime;      /* jiffies when data last went out */
    uint16_t rcv_mss;            /* the largest segment the peer sent (TCP_INFO) */
};

/* The MIB of RFC 4022, as /proc/net/snmp's Tcp lines show it. */
enum tcp_mib {
    TCP_MIB_RTOALGORITHM, TCP_MIB_RTOMIN, TCP_MIB_RTOMAX, TCP_MIB_MAXCONN,
    TCP_MIB_ACTIVEOPENS, TCP_MIB_PASSIVEOPENS, TCP_MIB_ATTEMPTFAILS, TCP_MIB_ESTABRESETS,
    TCP_MIB_CURRESTAB, TCP_MIB_INSEGS, TCP_MIB_OUTSEGS, TCP_MIB_RETRANSSEGS,
    TCP_MIB_INERRS, TCP_MIB_OUTRSTS, TCP_MIB_INCSUMERRORS,
    TCP_MIB_MAX
};
extern unsigned long tcp_mib[TCP_MIB_MAX];
extern const char *const tcp_mib_names[TCP_MIB_MAX];

/* ---- tcp_conn.c */
/* One big lock for TCP (one CPU, interrupts off in the kernel): held by a
 * system call while it works on a connection, so that a segment arriving
 * then -- from lo, under the call itself -- waits in a backlog, and is
 * processed when the lock is let go, as Linux's socket backlog does.
 * Nothing sleeps holding it (dev_queue_xmit drops instead: TCP sends
 * again), so no other task can come in while it is held. */
void tcp_lock(void);
void tcp_unlock(void);
int tcp_locked(void);
void tcp_backlog_add(struct sk_buff *skb);    /* a segment that came while locked */
/* Sleeps on tsk's channel with the lock let go (a timeout of 0: none);
 * -EINTR if a signal came. */
int tcp_sleep(struct tcp_sock *tsk, unsigned long timeout);
void tcp_wake(struct tcp_sock *tsk);
struct tcp_sock *tcp_sock_alloc(void);
void tcp_link(struct tcp_sock *tsk);          /* into the list: segments find it */
int tcp_buffers(struct tcp_sock *tsk, int sndbuf, int rcvbuf);   /* 0 or -ENOMEM */
void tcp_set_state(struct tcp_sock *tsk, int state);
/* The connection is over (CLOSED): unhooked and, unless a program still
 * holds it, freed.  TIME_WAIT leaves a small entry behind instead. */
void tcp_done(struct tcp_sock *tsk);
void tcp_time_wait(struct tcp_sock *tsk);
void tcp_free(struct tcp_sock *tsk);
/* The connection for (laddr, lport) <- (raddr, rport), else the listener. */
struct tcp_sock *tcp_lookup(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport);
int tcp_four_tuple_used(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport);
/* A segment for a 4-tuple in TIME_WAIT: 1 if it was handled there. */
int tcp_timewait_rcv(struct sk_buff *skb, const struct tcphdr *th, uint32_t laddr,
                     uint32_t raddr, uint32_t *isn);
uint32_t tcp_new_isn(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport);
struct tcp_sock *tcp_find_child(struct tcp_sock *l);   /* one of a listener's, or NULL */
unsigned tcp_connections(void);               /* in the list: for the tests */
void tcp_for_each(void (*fn)(struct tcp_sock *tsk, void *arg), void *arg);

/* One line of /proc/net/tcp. */
struct tcp_proc_line {
    uint32_t laddr, raddr;
    uint16_t lport, rport;
    int state;
    unsigned tx_queue, rx_queue;
    int rto;                     /* jiffies; 0 in TIME_WAIT, which has no control block */
    unsigned cwnd;               /* segments */
    int ssthresh;                /* segments; -1 until the first loss (Linux's) */
};
void tcp_proc_walk(void (*fn)(const struct tcp_proc_line *l, void *arg), void *arg);

/* ---- tcp_input.c */
void tcp_v4_rcv(struct sk_buff *skb);         /* from IP; consumes skb */
void tcp_process_backlog(struct sk_buff *skb);

/* ---- tcp_output.c */
void tcp_write_xmit(struct tcp_sock *tsk);    /* what the window and Nagle allow */
void tcp_send_ack(struct tcp_sock *tsk);
void tcp_send_syn(struct tcp_sock *tsk);      /* SYN, or SYN-ACK in SYN_RECV */
void tcp_send_reset(struct tcp_sock *tsk);    /* abort: RST to the peer */
/* RST in answer to a segment nobody wants (RFC 9293 3.10.7.1) */
void tcp_reset_reply(uint32_t laddr, uint32_t raddr, const struct tcphdr *th, unsigned seglen);
void tcp_retransmit(struct tcp_sock *tsk);    /* the first unacknowledged segment */
void tcp_send_probe(struct tcp_sock *tsk);
unsigned tcp_rcv_window(const struct tcp_sock *tsk);
uint16_t tcp_mss_for(uint32_t raddr);        /* what we announce: the route's MTU - 40 */
uint16_t tcp_checksum(const void *seg, unsigned len, uint32_t saddr, uint32_t daddr);

/* ---- tcp_timer.c */
void tcp_timer_init(struct tcp_sock *tsk);
void tcp_arm_rto(struct tcp_sock *tsk);        /* (re)started: something is in flight */
void tcp_stop_timer(struct tcp_sock *tsk);
void tcp_rtt_sample(struct tcp_sock *tsk, unsigned long rtt);
void tcp_arm_timer(struct tcp_sock *tsk, unsigned long ticks);

/* ---- tcp_cong.c */
void tcp_cong_init(struct tcp_sock *tsk);      /* the initial window, once the MSS is known */
void tcp_cong_ack(struct tcp_sock *tsk, unsigned acked);   /* snd_una moved on by acked */
void tcp_cong_dupack(struct tcp_sock *tsk);
void tcp_cong_timeout(struct tcp_sock *tsk);   /* the retransmission timer expired */
void tcp_cong_restart(struct tcp_sock *tsk);   /* before sending: idle for an RTO? */
/* May a segment of len bytes go now, as far as cwnd goes? */
int tcp_cwnd_test(const struct tcp_sock *tsk, unsigned len);
/* cwnd and ssthresh in segments, as Linux shows them (ssthresh
 * TCP_INFINITE_SSTHRESH until the first loss) */
unsigned tcp_cwnd_segs(const struct tcp_sock *tsk);
int tcp_ssthresh_segs(const struct tcp_sock *tsk);

/* ---- tcp.c */
long tcp_create(struct socket *s);            /* AF_INET, SOCK_STREAM */

#endif
