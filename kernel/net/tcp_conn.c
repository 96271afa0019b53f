/* TCP's connections: the list that segments are matched against, making
 * and freeing control blocks, the lock, TIME_WAIT, initial sequence
 * numbers and the counters of /proc/net/snmp. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/tcp.h"
#include "net/skbuff.h"
#include "net/byteorder.h"
#include "fs/inet_port.h"
#include "mm/kmalloc.h"
#include "arch/timer.h"
#include "drv/random.h"
#include "proc/sched.h"

unsigned long tcp_mib[TCP_MIB_MAX] = {
    [TCP_MIB_RTOALGORITHM] = 1,            /* "other": RFC 6298's */
    [TCP_MIB_RTOMIN] = TCP_RTO_MIN * 1000 / HZ,
    [TCP_MIB_RTOMAX] = TCP_RTO_MAX * 1000 / HZ,
    [TCP_MIB_MAXCONN] = 0,                 /* Linux's -1, "no limit", does not fit %lu */
};
const char *const tcp_mib_names[TCP_MIB_MAX] = {
    "RtoAlgorithm", "RtoMin", "RtoMax", "MaxConn", "ActiveOpens", "PassiveOpens",
    "AttemptFails", "EstabResets", "CurrEstab", "InSegs", "OutSegs", "RetransSegs",
    "InErrs", "OutRsts", "InCsumErrors",
};

static struct tcp_sock *connections;        /* every control block that takes segments */

/* ================================================================ the lock */

static int locked;
static struct sk_buff_head backlog;    /* segments that came while it was held */

/* The lock is also an atomic section (proc/sched.h): whoever holds it
 * must not sleep, and code below TCP that could sleep (dev_queue_xmit)
 * sees so through in_atomic() without knowing about TCP.  set_locked
 * keeps the two counts in step, also when tcp_sleep lets go of both. */
static void set_locked(int n)
{
    while (locked < n) {
        locked++;
        atomic_enter();
    }
    while (locked > n) {
        locked--;
        atomic_leave();
    }
}

void tcp_lock(void)
{
    set_locked(locked + 1);
}

int tcp_locked(void)
{
    return locked;
}

/* Segments that came while the lock was held go in now, in order.  Each
 * may send (an ACK through lo), which queues more; the loop takes them.
 * Returns how many were processed. */
static int drain_backlog(void)
{
    struct sk_buff *skb;
    int n = 0;

    while ((skb = skb_dequeue(&backlog))) {
        tcp_process_backlog(skb);
        n++;
    }
    return n;
}

void tcp_unlock(void)
{
    if (locked == 1)
        drain_backlog();
    if (locked > 0)              /* never below: see tcp_sleep */
        set_locked(locked - 1);
}

/* Called by tcp_v4_rcv when the lock is held: the segment waits. */
void tcp_backlog_add(struct sk_buff *skb)
{
    skb_queue_tail(&backlog, skb);
}

/* Nobody may sleep holding the lock: the segments that would wake them
 * would wait behind it.  And the segments waiting may be the very ones
 * the caller waits for (lo's answer to what it just sent): if any were
 * processed, it returns at once, and the caller looks again. */
int tcp_sleep(struct tcp_sock *tsk, unsigned long timeout)
{
    int saved = locked;

    set_locked(1);
    int n = drain_backlog();
    set_locked(0);
    int r = 0;
    if (!n)
        r = timeout ? sleep_on_timeout(&tsk->wait, timeout) : sleep_on(&tsk->wait);
    set_locked(saved);
    return r;
}

void tcp_wake(struct tcp_sock *tsk)
{
    wake_up(&tsk->wait);
}

/* ================================================================ control blocks */

struct tcp_sock *tcp_sock_alloc(void)
{
    struct tcp_sock *tsk = kmalloc(sizeof(*tsk));

    if (!tsk)
        return NULL;
    tsk->state = TCP_CLOSE;
    tsk->mss = TCP_DEFAULT_MSS;
    tcp_timer_init(tsk);
    tcp_cong_init(tsk);
    return tsk;
}

void tcp_link(struct tcp_sock *tsk)
{
    tsk->next = connections;
    connections = tsk;
}

static void tcp_unlink(struct tcp_sock *tsk)
{
    for (struct tcp_sock **p = &connections; *p; p = &(*p)->next)
        if (*p == tsk) {
            *p = tsk->next;
            break;
        }
    tsk->next = NULL;
}

/* The window is 16 bits wide without window scaling (RFC 7323), so a
 * receive buffer larger than 64 KiB could never be offered; SO_RCVBUF's
 * value is doubled for the kernel's bookkeeping (as Linux), half of it is
 * the room for data. */
static unsigned buffer_size(int opt)
{
    unsigned n = opt / 2;

    return n > TCP_WINDOW_MAX ? TCP_WINDOW_MAX : n < 1024 ? 1024 : n;
}

int tcp_buffers(struct tcp_sock *tsk, int sndbuf, int rcvbuf)
{
    tsk->ssize = buffer_size(sndbuf);
    tsk->rsize = buffer_size(rcvbuf);
    tsk->sbuf = kmalloc(tsk->ssize);
    tsk->rbuf = kmalloc(tsk->rsize);
    if (!tsk->sbuf || !tsk->rbuf) {
        kfree(tsk->sbuf);
        kfree(tsk->rbuf);
        tsk->sbuf = tsk->rbuf = NULL;
        return -ENOMEM;
    }
    return 0;
}

static void free_buffers(struct tcp_sock *tsk)
{
    kfree(tsk->sbuf);
    kfree(tsk->rbuf);
    tsk->sbuf = tsk->rbuf = NULL;
    tsk->slen = tsk->rlen = 0;
}

void tcp_set_state(struct tcp_sock *tsk, int state)
{
    if (tsk->state == TCP_ESTABLISHED || tsk->state == TCP_CLOSE_WAIT)
        tcp_mib[TCP_MIB_CURRESTAB]--;
    if (state == TCP_ESTABLISHED || state == TCP_CLOSE_WAIT)
        tcp_mib[TCP_MIB_CURRESTAB]++;
    tsk->state = state;
}

void tcp_free(struct tcp_sock *tsk)
{
    tcp_stop_timer(tsk);
    tcp_unlink(tsk);
    if (tsk->port.port)
        port_unbind(&tcp_ports, &tsk->port);
    free_buffers(tsk);
    kfree(tsk);
}

/* A child that dies before accept() leaves its listener's queues. */
static void leave_parent(struct tcp_sock *tsk)
{
    struct tcp_sock *l = tsk->parent;

    if (!l)
        return;
    for (struct tcp_sock **p = &l->accept_q; *p; p = &(*p)->accept_next)
        if (*p == tsk) {
            *p = tsk->accept_next;
            l->nr_accept--;
            tsk->parent = NULL;
            return;
        }
    l->nr_syn--;                       /* not in the queue: still half-open */
    tsk->parent = NULL;
}

void tcp_done(struct tcp_sock *tsk)
{
    tcp_set_state(tsk, TCP_CLOSE);
    tcp_stop_timer(tsk);
    tcp_unlink(tsk);                   /* segments for it now get RST */
    leave_parent(tsk);
    if (tsk->sock) {                   /* the program still holds it: it sees CLOSED */
        tcp_wake(tsk);
        return;
    }
    tcp_free(tsk);
}

/* ================================================================ TIME_WAIT */

/* A closed connection's last 2*MSL need only its four numbers and its
 * sequence numbers, so they live in a fixed table, not in the control
 * block: the buffers and the block are freed at once (a server that
 * closes first does not keep 64 KiB per client for its TIME_WAITs).
 * When the table is full the oldest entry ends early. */
#define TW_MAX 512

struct tcp_tw {
    uint32_t laddr, raddr;
    uint16_t lport, rport;
    uint32_t snd_nxt, rcv_nxt;
    unsigned long expires;
    int used;
    struct port_entry port;      /* the port, kept PORT_TIME_WAIT if the connection had its own */
};

static struct tcp_tw tw_table[TW_MAX];
static struct timer_list tw_timer;

static void tw_end(struct tcp_tw *tw)
{
    if (tw->port.port)
        port_unbind(&tcp_ports, &tw->port);
    tw->used = 0;
}

static void tw_sweep(struct timer_list *t)
{
    int left = 0;

    for (int i = 0; i < TW_MAX; i++) {
        if (!tw_table[i].used)
            continue;
        if (time_after_eq(jiffies, tw_table[i].expires))
            tw_end(&tw_table[i]);
        else
            left = 1;
    }
    if (left)
        mod_timer(t, jiffies + HZ / 10);
}

static struct tcp_tw *tw_slot(void)
{
    struct tcp_tw *oldest = &tw_table[0];

    for (int i = 0; i < TW_MAX; i++) {
        if (!tw_table[i].used)
            return &tw_table[i];
        if (before(tw_table[i].expires, oldest->expires))
            oldest = &tw_table[i];
    }
    tw_end(oldest);
    return oldest;
}

/* A connection with a port of its own keeps it in PORT_TIME_WAIT (a
 * bind without SO_REUSEADDR is EADDRINUSE meanwhile); one accepted from
 * a listener shares the listener's port, and holds no port of its own --
 * so a server restarted at once gets its port back (Linux wants
 * SO_REUSEADDR for that), while its old connections' four numbers still
 * wait out their 2*MSL here. */
void tcp_time_wait(struct tcp_sock *tsk)
{
    struct tcp_tw *tw = tw_slot();

    *tw = (struct tcp_tw){
        .laddr = tsk->laddr, .raddr = tsk->raddr, .lport = tsk->lport, .rport = tsk->rport,
        .snd_nxt = tsk->snd_nxt, .rcv_nxt = tsk->rcv_nxt,
        .expires = jiffies + TCP_TIMEWAIT_LEN, .used = 1,
    };
    if (tsk->port.port) {              /* the entry moves from the block to the table */
        port_unbind(&tcp_ports, &tsk->port);
        port_bind_time_wait(&tcp_ports, &tw->port, tsk->port.addr, tsk->lport);
        tsk->port.port = 0;
    }
    if (!tw_timer.pending) {
        tw_timer.function = tw_sweep;
        mod_timer(&tw_timer, jiffies + HZ / 10);
    }
    tcp_set_state(tsk, TCP_TIME_WAIT);
    tcp_done(tsk);
}

static struct tcp_tw *tw_find(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
    for (int i = 0; i < TW_MAX; i++) {
        struct tcp_tw *tw = &tw_table[i];
        if (tw->used && tw->lport == lport && tw->rport == rport && tw->laddr == laddr &&
            tw->raddr == raddr)
            return tw;
    }
    return NULL;
}

/* RFC 9293 3.10.7.4 for TIME_WAIT: a retransmitted FIN is acknowledged
 * again and restarts the 2*MSL; RST ends it; a new SYN ends it too and
 * starts a connection (RFC 1122 4.2.2.13) whose ISN lies beyond the old
 * one's (*isn); everything else gets an ACK. */
int tcp_timewait_rcv(struct sk_buff *skb, const struct tcphdr *th, uint32_t laddr,
                     uint32_t raddr, uint32_t *isn)
{
    (void)skb;
    struct tcp_tw *tw = tw_find(laddr, ntohs(th->dest), raddr, ntohs(th->source));

    if (!tw)
        return 0;
    if (th->flags & TCP_RST) {
        tw_end(tw);
        return 1;
    }
    if ((th->flags & (TCP_SYN | TCP_ACK)) == TCP_SYN) {
        *isn = tw->snd_nxt + TCP_WINDOW_MAX + 2;
        tw_end(tw);
        return 0;                      /* on to the listener */
    }
    if (th->flags & TCP_FIN)
        tw->expires = jiffies + TCP_TIMEWAIT_LEN;
    struct tcp_sock fake = {
        .laddr = laddr, .raddr = raddr, .lport = tw->lport, .rport = tw->rport,
        .snd_nxt = tw->snd_nxt, .rcv_nxt = tw->rcv_nxt, .state = TCP_TIME_WAIT,
    };
    tcp_send_ack(&fake);
    return 1;
}

/* ================================================================ finding */

struct tcp_sock *tcp_lookup(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
    for (struct tcp_sock *t = connections; t; t = t->next)
        if (t->state != TCP_LISTEN && t->lport == lport && t->rport == rport &&
            t->laddr == laddr && t->raddr == raddr)
            return t;
    struct port_entry *e = port_lookup(&tcp_ports, htonl(laddr), lport, PORT_LISTEN);
    if (!e)
        return NULL;
    return (struct tcp_sock *)((char *)e - offsetof(struct tcp_sock, port));
}

int tcp_four_tuple_used(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
    for (struct tcp_sock *t = connections; t; t = t->next)
        if (t->state != TCP_LISTEN && t->lport == lport && t->rport == rport &&
            t->laddr == laddr && t->raddr == raddr)
            return 1;
    return tw_find(laddr, lport, raddr, rport) != NULL;
}

struct tcp_sock *tcp_find_child(struct tcp_sock *l)
{
    for (struct tcp_sock *t = connections; t; t = t->next)
        if (t->parent == l)
            return t;
    return NULL;
}

unsigned tcp_connections(void)
{
    unsigned n = 0;

    for (struct tcp_sock *t = connections; t; t = t->next)
        n++;
    return n;
}

void tcp_for_each(void (*fn)(struct tcp_sock *tsk, void *arg), void *arg)
{
    for (struct tcp_sock *t = connections; t; t = t->next)
        fn(t, arg);
}

/* RFC 6528: a clock plus a secret function of the four numbers, so that
 * a new incarnation of a connection starts beyond the old one's numbers
 * and a stranger cannot guess them.  The clock ticks every 64 ns, as
 * Linux's does, not every 4 us as RFC 793 had it: at 4 us it runs at
 * 250 KB/s, and any faster transfer leaves the old connection's numbers
 * ahead of the next incarnation's start. */
uint32_t tcp_new_isn(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport)
{
    static uint32_t secret;
    unsigned long sec, usec;

    while (!secret)
        get_random_bytes(&secret, sizeof(secret));
    uint32_t h = secret;
    uint32_t words[3] = { laddr, raddr, (uint32_t)lport << 16 | rport };
    for (int i = 0; i < 3; i++) {      /* a simple mix: FNV-1a over the words */
        h ^= words[i];
        h *= 16777619u;
    }
    timer_uptime(&sec, &usec);
    return h + (uint32_t)(sec * 15625000u + usec * 125u / 8);
}

/* ================================================================ /proc/net/tcp */

/* Every socket TCP knows, in /proc/net/tcp's order: listeners, then
 * connections, then TIME_WAIT's entries. */
void tcp_proc_walk(void (*fn)(const struct tcp_proc_line *l, void *arg), void *arg)
{
    struct tcp_proc_line l;

    for (struct port_entry *e = tcp_ports.entries; e; e = e->next) {
        if (e->state != PORT_LISTEN)
            continue;
        struct tcp_sock *t = (struct tcp_sock *)((char *)e - offsetof(struct tcp_sock, port));
        l = (struct tcp_proc_line){ t->laddr, 0, t->lport, 0, TCP_LISTEN, 0, t->nr_accept,
                                    t->rto, tcp_cwnd_segs(t), 0 };
        fn(&l, arg);
    }
    for (struct tcp_sock *t = connections; t; t = t->next) {
        int ssthresh = tcp_ssthresh_segs(t);
        l = (struct tcp_proc_line){ t->laddr, t->raddr, t->lport, t->rport, t->state,
                                    t->snd_nxt - t->snd_una, t->rlen, t->rto, tcp_cwnd_segs(t),
                                    ssthresh == TCP_INFINITE_SSTHRESH ? -1 : ssthresh };
        fn(&l, arg);
    }
    for (int i = 0; i < TW_MAX; i++) {
        struct tcp_tw *tw = &tw_table[i];
        if (!tw->used)
            continue;
        l = (struct tcp_proc_line){ tw->laddr, tw->raddr, tw->lport, tw->rport, TCP_TIME_WAIT,
                                    0, 0, 0, 0, 0 };
        fn(&l, arg);
    }
}
