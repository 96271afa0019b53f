/* What the datagram sockets of AF_INET share (UDP's, and ping's,
 * net/ping.c): a receive queue of whole datagrams, bounded by SO_RCVBUF,
 * and the calls that take from it (recvmsg, poll).
 *
 * Each queued datagram is the sk_buff it arrived in, with skb->data at
 * its payload and ip_hdr(skb) still valid: where it came from is read
 * from the headers when recvmsg names the sender. */
#ifndef NET_DATAGRAM_H
#define NET_DATAGRAM_H

#include <stdint.h>
#include "fs/socket.h"
#include "fs/inet_port.h"

struct sk_buff;

#define RCV_SHUTDOWN  1
#define SEND_SHUTDOWN 2

/* s->sk of a UDP or ping socket. */
struct dgram_sock {
    struct socket *sock;
    struct port_entry port;      /* its (address, port) -- ping: identifier -- once bound */
    uint32_t saddr;              /* getsockname's address (network order): the bound
                                    one, or the source chosen by connect() */
    uint32_t peer_addr;          /* connected: the default destination (network order) */
    uint16_t peer_port;          /* network order */
    struct sk_buff *rx_head, *rx_tail;   /* the datagrams received, oldest first */
    unsigned rx_queued;          /* bytes of memory they hold, against SO_RCVBUF */
    unsigned shutdown;           /* RCV_SHUTDOWN, SEND_SHUTDOWN */
    int recvttl;                 /* IP_RECVTTL: recvmsg gives each datagram's TTL */
    /* for recvmsg's address: the sender's port, from the datagram */
    uint16_t (*source_port)(const struct sk_buff *skb);
};

static inline struct dgram_sock *dgram_sk(struct socket *s)
{
    return s->sk;
}

/* Queues skb on d, or -1 if SO_RCVBUF has no room (the caller counts and
 * frees it).  Wakes a reader. */
int dgram_enqueue(struct dgram_sock *d, struct sk_buff *skb);
/* Frees every datagram still queued. */
void dgram_purge(struct dgram_sock *d);

/* A pending error (s->err, SO_ERROR) as -errno, cleared; 0 if none. */
long sock_error(struct socket *s);

/* recvmsg: one datagram, cut to the buffers (MSG_TRUNC in m->flags;
 * with MSG_TRUNC in flags its whole length is returned), MSG_PEEK leaves
 * it queued; waits unless MSG_DONTWAIT. */
long dgram_recvmsg(struct socket *s, struct sock_msg *m, int flags);
unsigned int dgram_poll(struct socket *s);
long dgram_shutdown(struct socket *s, int how);
/* getname: the bound (or connected-from) address, or the peer's. */
long dgram_getname(struct socket *s, union sock_addr *a, socklen_t *len, int peer);
/* Level IPPROTO_IP's option IP_RECVTTL; anything else is ENOPROTOOPT. */
long dgram_setsockopt(struct socket *s, int level, int name, const void *val, socklen_t len);
long dgram_getsockopt(struct socket *s, int level, int name, void *val, socklen_t *len);
/* Copies the message's user buffers into `to` (m->len bytes): 0 or -EFAULT. */
long dgram_copy_from_user(const struct sock_msg *m, void *to);

#endif
