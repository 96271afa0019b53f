/* struct net_device: a network interface, as the stack sees it.
 *
 * A driver (drv/e1000.c) fills one in and registers it; from then on
 * frames go up through netif_receive_skb() and down through
 * dev_queue_xmit(), whatever the card.  The counters are Linux's (struct
 * rtnl_link_stats64), shown in /proc/net/dev.  The IPv4 configuration
 * (address, netmask, gateway) hangs here too: a static one at boot,
 * later DHCP's, set through ip_config_set (net/ip.h). */
#ifndef NET_NETDEVICE_H
#define NET_NETDEVICE_H

#include <stdint.h>
#include "net/skbuff.h"

struct net_device;

#define IFNAMSIZ 16
#define ETH_ALEN 6

/* Flags (Linux's IFF_...) */
#define IFF_UP        0x1        /* the stack may use it */
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK  0x8
#define IFF_RUNNING   0x40       /* the link is up (the card has a carrier) */

struct net_device_stats {
    unsigned long rx_packets, tx_packets;      /* handed to the stack / to the card */
    unsigned long rx_bytes, tx_bytes;
    unsigned long rx_errors, tx_errors;        /* the card said the frame was bad */
    unsigned long rx_dropped, tx_dropped;      /* thrown away: no memory, ring full, netloss */
    unsigned long multicast;
    unsigned long rx_length_errors;            /* too short for an Ethernet header, or too long */
    unsigned long rx_crc_errors, rx_frame_errors, rx_fifo_errors, rx_missed_errors;
    unsigned long rx_nohandler;                /* an ethertype nobody takes */
    unsigned long rx_otherhost_dropped;        /* for another station's address */
    unsigned long rx_loss, tx_loss;            /* of the drops: netloss=N's (docs/net.md) */
};

/* Returned by ndo_start_xmit. */
enum netdev_tx { NETDEV_TX_OK, NETDEV_TX_BUSY };

struct net_device_ops {
    /* Takes skb (data: the whole frame, Ethernet header first) for
     * sending: NETDEV_TX_OK, the driver owns it now; NETDEV_TX_BUSY, the
     * transmit ring is full and skb is still the caller's. */
    enum netdev_tx (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
};

/* IPv4 on this interface; addresses in host byte order (10.0.2.15 is
 * 0x0A00020F), 0 when unset. */
struct in_config {
    uint32_t addr;
    uint32_t netmask;
    uint32_t gateway;            /* the default route goes through here (0: none) */
    const char *source;          /* "static", "dhcp": who set it */
};

struct net_device {
    char name[IFNAMSIZ];
    uint8_t dev_addr[ETH_ALEN];  /* the MAC address */
    uint8_t broadcast[ETH_ALEN];
    unsigned mtu;                /* largest IP packet: 1500 on Ethernet */
    unsigned flags;
    const struct net_device_ops *ops;
    struct net_device_stats stats;
    struct in_config ip;
    int tx_wait;                 /* channel: senders asleep while the ring is full */
    /* Frames that found the ring full when their sender could not sleep
     * (an interrupt handler, or TCP under its lock): they go out first,
     * in order, as the card frees room (Linux's qdisc, as one short
     * queue of txqueuelen frames). */
    struct sk_buff_head txq;
    int in_xmit;                 /* the driver's ndo_start_xmit runs now */
    void *priv;                  /* the driver's own state */
    struct net_device *next;     /* in the list of registered devices */
};

int register_netdev(struct net_device *dev);     /* 0, or -EEXIST (the name is taken) */
void unregister_netdev(struct net_device *dev);  /* forgets its ARP entries too */
struct net_device *dev_get_by_name(const char *name);
struct net_device *first_net_device(void);       /* then dev->next */

/* The way up: a driver hands each good frame to the stack (in interrupt
 * context, as Linux's NAPI poll does).  The stack owns skb from here. */
void netif_receive_skb(struct sk_buff *skb);

/* The way down: sends the frame in skb (Ethernet header included) on
 * skb->dev.  A full ring puts the sender to sleep until the card has sent
 * something -- or, if it may not sleep (in_atomic()), queues the frame
 * behind the others waiting; only a full queue, or a ring full for a
 * whole second, drops it (tx_dropped).  Always consumes skb; 0 (sent or
 * queued), -ENOBUFS (dropped) or -ENETDOWN (the device is not up). */
int dev_queue_xmit(struct sk_buff *skb);
#define TX_QUEUE_LEN 1000        /* Linux's txqueuelen: one receive interrupt may take 256
                                    frames and answer each, with interrupts off */

/* The driver: room in the ring again; the queue goes out, and senders
 * asleep may go on.  Safe from the driver's own ndo_start_xmit. */
void netif_wake_queue(struct net_device *dev);
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);

/* "52:54:00:12:34:56", into buf (at least 18 bytes). */
char *format_mac(char *buf, const uint8_t *mac);

#endif
