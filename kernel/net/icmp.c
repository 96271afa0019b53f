/* ICMP: echo requests are answered, echo replies end a kernel ping.
 *
 * An echo reply is the request with its type changed and its checksum
 * made again (RFC 792): same id, sequence and data, back to the sender.
 * Requests to a broadcast address get no reply (RFC 1122, 3.2.2.6 allows
 * it; Linux's icmp_echo_ignore_broadcasts): one request would otherwise
 * draw an answer from every host of the network. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include "net/icmp.h"
#include "net/ip.h"
#include "net/udp.h"
#include "net/ping.h"
#include "net/skbuff.h"
#include "net/netdevice.h"
#include "net/checksum.h"
#include "net/byteorder.h"
#include "net/snmp.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "proc/sched.h"

unsigned long icmp_mib[ICMP_MIB_MAX];
const char *const icmp_mib_names[ICMP_MIB_MAX] = {
    "InMsgs", "InErrors", "InCsumErrors", "InDestUnreachs", "InTimeExcds", "InParmProbs",
    "InSrcQuenchs", "InRedirects", "InEchos", "InEchoReps", "InTimestamps", "InTimestampReps",
    "InAddrMasks", "InAddrMaskReps", "OutMsgs", "OutErrors", "OutDestUnreachs", "OutTimeExcds",
    "OutParmProbs", "OutSrcQuenchs", "OutRedirects", "OutEchos", "OutEchoReps", "OutTimestamps",
    "OutTimestampReps", "OutAddrMasks", "OutAddrMaskReps",
};

/* The kernel ping under way (there is at most one: the self-test's). */
struct ping_wait {
    uint32_t daddr;
    uint16_t id;
    uint16_t seq;                /* the request last sent */
    int answered;                /* the sequence number answered (0: none yet) */
    unsigned long sent_us;       /* when the last request went, from boot */
    unsigned long rtt_us;
};
static struct ping_wait *ping_waiting;

static unsigned long now_us(void)
{
    unsigned long sec, usec;

    timer_uptime(&sec, &usec);
    return sec * 1000000 + usec;
}

/* An ICMP message of `len` bytes, copied from `msg`, with a fresh
 * checksum, to daddr. */
static int icmp_send(uint32_t daddr, const void *msg, unsigned len)
{
    struct sk_buff *skb = alloc_skb(MAX_HEADER + len);

    if (!skb) {
        icmp_mib[ICMP_MIB_OUTERRORS]++;
        return -ENOMEM;
    }
    skb_reserve(skb, MAX_HEADER);
    struct icmphdr *h = (struct icmphdr *)skb_put(skb, len);
    memcpy(h, msg, len);
    h->checksum = 0;
    h->checksum = ip_checksum(h, len);
    icmp_mib[ICMP_MIB_OUTMSGS]++;
    return ip_send(skb, daddr, IPPROTO_ICMP);
}

static void echo_reply(struct sk_buff *skb)
{
    struct iphdr *iph = ip_hdr(skb);
    struct icmphdr *h = (struct icmphdr *)skb->data;

    if (ip_addr_is_broadcast(ntohl(iph->daddr)))
        return;                              /* to a broadcast address: no answer */
    if (iph->saddr == 0)
        return;                              /* from "this host" (RFC 1122, 3.2.1.3): nobody to answer */
    h->type = ICMP_ECHOREPLY;
    icmp_mib[ICMP_MIB_OUTECHOREPS]++;
    icmp_send(ntohl(iph->saddr), skb->data, skb->len);
}

static void echo_reply_received(const struct sk_buff *skb)
{
    const struct icmphdr *h = (const struct icmphdr *)skb->data;
    struct ping_wait *w = ping_waiting;

    if (!w || ntohl(ip_hdr(skb)->saddr) != w->daddr || ntohs(h->id) != w->id || w->answered)
        return;
    w->answered = ntohs(h->sequence);
    /* A late answer to an earlier try proves as much; its time is not measured. */
    w->rtt_us = w->answered == w->seq ? now_us() - w->sent_us : 0;
    wake_up(w);
}

/* A destination unreachable: it quotes the IP header and the first 8
 * bytes of the datagram that could not be delivered (RFC 792); the
 * protocol that sent it learns why. */
static void icmp_unreach(struct sk_buff *skb)
{
    const struct icmphdr *h = (const struct icmphdr *)skb->data;
    const struct iphdr *inner = (const struct iphdr *)(h + 1);
    unsigned room = skb->len - sizeof(*h);
    unsigned ihl = room >= sizeof(*inner) ? (inner->version_ihl & 0x0F) * 4u : 0;

    if (ihl < sizeof(*inner) || room < ihl + 8) {
        icmp_mib[ICMP_MIB_INERRORS]++;       /* quotes too little to say whose it was */
        return;
    }
    if (inner->protocol == IPPROTO_UDP)
        udp_err(inner, h->type, h->code);
}

/* Not about a broadcast or multicast, nor from a non-unicast source, nor
 * about an ICMP message: an error is never answered with an error
 * (RFC 1122, 3.2.2), lest one packet start a storm. */
static int may_send_error(const struct sk_buff *skb)
{
    const struct iphdr *iph = ip_hdr(skb);
    uint32_t daddr = ntohl(iph->daddr), saddr = ntohl(iph->saddr);
    const struct net_device *dev = skb->dev;

    if (skb->pkt_type != PACKET_HOST || iph->protocol == IPPROTO_ICMP)
        return 0;
    if (daddr == 0xFFFFFFFF || daddr >> 28 == 0xE || saddr == 0 || saddr >> 28 >= 0xE)
        return 0;
    if (dev && dev->ip.addr && (daddr == (dev->ip.addr | ~dev->ip.netmask) ||
                                saddr == (dev->ip.addr | ~dev->ip.netmask)))
        return 0;
    return 1;
}

void icmp_send_dest_unreach(struct sk_buff *skb, int code)
{
    unsigned char msg[sizeof(struct icmphdr) + 60 + 8];
    const struct iphdr *iph = ip_hdr(skb);
    unsigned ihl = (iph->version_ihl & 0x0F) * 4;
    unsigned quote = skb->len < 8 ? skb->len : 8;

    if (!may_send_error(skb))
        return;
    *(struct icmphdr *)msg = (struct icmphdr){ .type = ICMP_DEST_UNREACH, .code = code };
    memcpy(msg + sizeof(struct icmphdr), iph, ihl);
    memcpy(msg + sizeof(struct icmphdr) + ihl, skb->data, quote);
    icmp_mib[ICMP_MIB_OUTDESTUNREACHS]++;
    icmp_send(ntohl(iph->saddr), msg, sizeof(struct icmphdr) + ihl + quote);
}

void icmp_rcv(struct sk_buff *skb)
{
    icmp_mib[ICMP_MIB_INMSGS]++;
    if (skb->len < sizeof(struct icmphdr)) {
        icmp_mib[ICMP_MIB_INERRORS]++;
        goto out;
    }
    if (ip_checksum(skb->data, skb->len) != 0) {
        icmp_mib[ICMP_MIB_INERRORS]++;
        icmp_mib[ICMP_MIB_INCSUMERRORS]++;
        goto out;
    }
    switch (((struct icmphdr *)skb->data)->type) {
    case ICMP_ECHO:
        icmp_mib[ICMP_MIB_INECHOS]++;
        echo_reply(skb);
        break;
    case ICMP_ECHOREPLY:
        icmp_mib[ICMP_MIB_INECHOREPS]++;
        echo_reply_received(skb);
        if (ping_rcv(skb))
            return;                          /* a ping socket's now */
        break;
    case ICMP_DEST_UNREACH:
        icmp_mib[ICMP_MIB_INDESTUNREACHS]++;
        icmp_unreach(skb);
        break;
    case ICMP_TIME_EXCEEDED:
        icmp_mib[ICMP_MIB_INTIMEEXCDS]++;
        break;
    }
out:
    kfree_skb(skb);
}

int icmp_send_echo(uint32_t daddr, uint16_t id, uint16_t seq, unsigned len)
{
    unsigned char msg[sizeof(struct icmphdr) + 64];
    struct icmphdr *h = (struct icmphdr *)msg;

    if (len > sizeof(msg) - sizeof(*h))
        return -EINVAL;
    *h = (struct icmphdr){ .type = ICMP_ECHO, .id = htons(id), .sequence = htons(seq) };
    for (unsigned i = 0; i < len; i++)
        msg[sizeof(*h) + i] = 0x10 + i;      /* ping's own pattern of data */
    icmp_mib[ICMP_MIB_OUTECHOS]++;
    return icmp_send(daddr, msg, sizeof(*h) + len);
}

/* Until the reply, or the end of this try.  The idle task (the
 * self-tests at boot) halts until the next interrupt; a task sleeps. */
static void wait_reply(struct ping_wait *w, unsigned long until)
{
    while (!w->answered && !time_after_eq(jiffies, until)) {
        if (current == &tasks[0]) {
            sti();
            hlt();
            cli();
        } else if (sleep_on_timeout(w, until - jiffies) < 0) {
            return;                          /* a signal */
        }
    }
}

int icmp_ping(uint32_t daddr, uint16_t id, int tries, unsigned long *rtt_us)
{
    struct ping_wait w = { .daddr = daddr, .id = id };

    if (ping_waiting)
        return -EBUSY;
    ping_waiting = &w;
    for (int seq = 1; seq <= tries && !w.answered; seq++) {
        w.seq = seq;
        w.sent_us = now_us();
        icmp_send_echo(daddr, id, seq, 56);
        wait_reply(&w, jiffies + HZ);
    }
    ping_waiting = NULL;
    if (!w.answered)
        return -ETIMEDOUT;
    *rtt_us = w.rtt_us;
    return w.answered;
}
