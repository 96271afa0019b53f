/* /proc/net: the network stack's tables, in Linux's formats, so that what
 * reads Linux's (busybox's ifconfig and arp, cat and a student's eye)
 * reads Minnow's:
 *
 *   dev      one line of counters for each interface (net/netdevice.h)
 *   arp      the ARP cache (net/arp.c)
 *   snmp     the IP, ICMP, TCP and UDP counters of RFC 2011's, 2012's and 2013's
 *            MIBs (net/snmp.h, net/tcp.h, net/udp.h)
 *   netstat  the IpExt counters Linux keeps apart from those
 *   tcp      TCP's sockets: listeners, connections, TIME_WAIT
 *   udp      the UDP sockets (net/udp.c) */
#include <minnow/stat.h>
#include "fs/proc/proc.h"
#include "net/netdevice.h"
#include "net/arp.h"
#include "net/ip.h"
#include "net/snmp.h"
#include "net/tcp.h"
#include "net/udp.h"
#include "arch/timer.h"

static void show_dev(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused;
    (void)ino;
    proc_printf(b, "Inter-|   Receive                                                |  Transmit\n"
                   " face |bytes    packets errs drop fifo frame compressed multicast|"
                   "bytes    packets errs drop fifo colls carrier compressed\n");
    for (struct net_device *d = first_net_device(); d; d = d->next) {
        const struct net_device_stats *s = &d->stats;
        proc_printf(b, "%6s: %7lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu ", d->name, s->rx_bytes,
                    s->rx_packets, s->rx_errors, s->rx_dropped + s->rx_missed_errors,
                    s->rx_fifo_errors,
                    s->rx_length_errors + s->rx_crc_errors + s->rx_frame_errors, 0ul,
                    s->multicast);
        proc_printf(b, "%8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n", s->tx_bytes, s->tx_packets,
                    s->tx_errors, s->tx_dropped, 0ul, 0ul, 0ul, 0ul);
    }
}

#define ATF_COM 0x02             /* Linux's flag of a complete entry */

static void show_arp(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused;
    (void)ino;
    proc_printf(b, "IP address       HW type     Flags       HW address            Mask     Device\n");
    for (int i = 0; i < ARP_TABLE_SIZE; i++) {
        const struct arp_entry *e = arp_table_entry(i);
        static const uint8_t none[ETH_ALEN];
        char ip[16], mac[18];
        if (e->state == ARP_FREE)
            continue;
        int complete = e->state == ARP_REACHABLE;
        proc_printf(b, "%-16s 0x%-10x0x%-10x%-17s     %-8s %s\n", format_ip(ip, e->ip), 1,
                    complete ? ATF_COM : 0, format_mac(mac, complete ? e->mac : none), "*",
                    e->dev->name);
    }
}

/* Two lines per protocol: the names, then the values. */
static void show_mib(struct proc_buf *b, const char *proto, const char *const *names,
                     const unsigned long *values, int n)
{
    proc_printf(b, "%s:", proto);
    for (int i = 0; i < n; i++)
        proc_printf(b, " %s", names[i]);
    proc_printf(b, "\n%s:", proto);
    for (int i = 0; i < n; i++)
        proc_printf(b, " %lu", values[i]);
    proc_printf(b, "\n");
}

static void show_snmp(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused;
    (void)ino;
    show_mib(b, "Ip", ip_mib_names, ip_mib, IP_MIB_LINUX_END);
    show_mib(b, "Icmp", icmp_mib_names, icmp_mib, ICMP_MIB_MAX);
    show_mib(b, "Tcp", tcp_mib_names, tcp_mib, TCP_MIB_MAX);
    show_mib(b, "Udp", udp_mib_names, udp_mib, UDP_MIB_MAX);
}

static void show_udp(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused;
    (void)ino;
    udp_show_sockets(b);
}

static void show_netstat(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused;
    (void)ino;
    show_mib(b, "IpExt", ip_mib_names + IP_MIB_LINUX_END, ip_mib + IP_MIB_LINUX_END,
             IP_MIB_MAX - IP_MIB_LINUX_END);
}

/* Linux's columns: addresses as the 32-bit word in memory (network
 * order, printed by a little-endian CPU: 127.0.0.1 is 0100007F), ports
 * in host order, the state's number (<minnow/tcp.h>'s enum is Linux's).
 * Then, without a heading, as Linux: the reference count (Minnow's
 * control blocks have none: 1) and the kernel address (hidden, as Linux
 * hides it from programs: 0), and, except in TIME_WAIT, the RTO and the
 * delayed-ACK timeout in clock ticks, the quick-ACK/ping-pong bits, cwnd
 * and ssthresh in segments (-1 before the first loss; for a listener,
 * its fast-open queue: 0). */
static void show_tcp_line(const struct tcp_proc_line *l, void *arg)
{
    struct proc_buf *b = ((void **)arg)[0];
    int *sl = ((void **)arg)[1];
    uint32_t la = __builtin_bswap32(l->laddr), ra = __builtin_bswap32(l->raddr);

    proc_printf(b, "%4d: %08X:%04X %08X:%04X %02X %08X:%08X 00:00000000 00000000 %5d %8d %lu"
                   " 1 00000000",
                (*sl)++, la, l->lport, ra, l->rport, l->state, l->tx_queue, l->rx_queue, 0, 0,
                0UL);
    if (l->state != TCP_TIME_WAIT)
        proc_printf(b, " %d 0 0 %u %d", l->rto * 100 / HZ, l->cwnd, l->ssthresh);
    proc_printf(b, "\n");
}

static void show_tcp(struct proc_buf *b, struct task_struct *unused, struct inode *ino)
{
    (void)unused;
    (void)ino;
    int sl = 0;
    void *arg[2] = { b, &sl };
    proc_printf(b, "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                   "retrnsmt   uid  timeout inode\n");
    tcp_proc_walk(show_tcp_line, arg);
}

const struct proc_entry proc_net_entries[] = {
    { "arp", S_IFREG | 0444, show_arp, NULL, NULL },
    { "dev", S_IFREG | 0444, show_dev, NULL, NULL },
    { "netstat", S_IFREG | 0444, show_netstat, NULL, NULL },
    { "snmp", S_IFREG | 0444, show_snmp, NULL, NULL },
    { "tcp", S_IFREG | 0444, show_tcp, NULL, NULL },
    { "udp", S_IFREG | 0444, show_udp, NULL, NULL },
    { NULL, 0, NULL, NULL, NULL },
};
