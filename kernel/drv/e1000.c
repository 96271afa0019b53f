/* The e1000 driver: Intel's 82540EM, the card QEMU gives -device e1000.
 *
 * The card and the driver share two rings of descriptors in RAM, one for
 * each direction; the card reads and writes them, and the frames they
 * point at, by DMA (which is why the driver turns on bus mastering), and
 * the driver talks to the card through registers in the card's memory
 * BAR (mapped with ioremap).  Each ring has a head, which the card
 * advances as it works, and a tail, which the driver advances as it gives
 * the card more work:
 *
 *   receive   the driver fills descriptors with empty buffers and moves
 *             RDT past them; the card writes a frame into the buffer at
 *             RDH, sets DD (descriptor done) in its status, advances RDH
 *             and interrupts (RXT0).  e1000_rx() takes each done buffer
 *             up the stack (netif_receive_skb), puts a fresh empty one in
 *             its place and gives the descriptor back (RDT).
 *   transmit  e1000_xmit() points the descriptor at TDT at the frame
 *             and moves TDT on; the card sends it, sets DD and
 *             interrupts (TXDW), and the handler's tx_clean() frees the
 *             frames sent.  When all descriptors are in use the ring is
 *             full: the sender sleeps in dev_queue_xmit (or its frame
 *             waits in the device's queue) until tx_clean makes room.
 *
 * Everything the card may find wrong with a frame, and everything a
 * frame may claim (a length longer than its buffer), ends in a counter,
 * never a panic.  Register names and bits: drv/e1000_regs.h, from Intel's
 * 8254x Software Developer's Manual.  docs/net.md follows one frame.
 * The lab `net` (docs/labs/net.md) is these two paths: e1000_rx, and
 * e1000_xmit with tx_clean. */
#include <stddef.h>
#include <string.h>
#include "drv/e1000.h"
#include "drv/e1000_regs.h"
#include "drv/pci.h"
#include "net/netdevice.h"
#include "net/skbuff.h"
#include "arch/irq.h"
#include "mm/ioremap.h"
#include "mm/page_alloc.h"
#include "mm/memlayout.h"
#include "lib/cmdline.h"
#include "lib/printk.h"

#define E1000_VENDOR 0x8086
#define E1000_DEVICE 0x100E      /* 82540EM */

#define RX_RING_SIZE 256         /* descriptors (16 bytes each: a ring is a multiple of 128,
                                    and 256 fill its page); Linux's e1000 default: a burst
                                    for 100 connections at once must fit */
#define TX_RING_SIZE 32          /* a ring fills, and its full case runs (lab net): frames
                                    that find it full wait in dev_queue_xmit's queue */
#define RX_BUF_SIZE 2048         /* RCTL.BSIZE: a whole frame (1518) fits in one buffer */
#define ETH_FRAME_MAX 1514       /* header + MTU, without the CRC the card adds */
#define RESET_POLLS 100000

struct e1000 {
    volatile uint32_t *regs;     /* BAR0, mapped uncached */
    struct pci_dev *pdev;
    struct e1000_rx_desc *rx_ring;   /* one page each, physically contiguous */
    struct e1000_tx_desc *tx_ring;
    struct sk_buff *rx_skb[RX_RING_SIZE];   /* the buffer behind each descriptor */
    struct sk_buff *tx_skb[TX_RING_SIZE];   /* the frame being sent from each */
    unsigned rx_next;            /* the next receive descriptor the card will fill */
    unsigned tx_next;            /* the next free transmit descriptor (TDT) */
    unsigned tx_clean;           /* the oldest not yet freed */
    int rx_discarding;           /* inside a frame too long for one buffer */
    unsigned loss_every;         /* netloss=N: drop every Nth frame each way (0: none) */
    unsigned long rx_seen, tx_seen;  /* frames counted for netloss */
    struct net_device dev;
};

/* One card: QEMU's PC has at most one e1000 unless asked for more. */
static struct e1000 card;

static uint32_t e1000_read(struct e1000 *e, unsigned reg)
{
    return e->regs[reg / 4];
}

static void e1000_write(struct e1000 *e, unsigned reg, uint32_t value)
{
    e->regs[reg / 4] = value;
}

/* ------------------------------------------------------------ set-up */

/* Resets the card to its power-on state (manual 14.4), with every
 * interrupt masked before and after: a reset clears the mask too. */
static int reset(struct e1000 *e)
{
    e1000_write(e, E1000_IMC, 0xFFFFFFFF);
    e1000_write(e, E1000_CTRL, e1000_read(e, E1000_CTRL) | E1000_CTRL_RST);
    for (int i = 0; i < RESET_POLLS; i++)
        if (!(e1000_read(e, E1000_CTRL) & E1000_CTRL_RST)) {
            e1000_write(e, E1000_IMC, 0xFFFFFFFF);
            e1000_read(e, E1000_ICR);
            return 0;
        }
    return -1;
}

/* One 16-bit word of the EEPROM, through EERD; -1 if it never answers. */
static int eeprom_read(struct e1000 *e, unsigned addr)
{
    e1000_write(e, E1000_EERD, addr << E1000_EERD_ADDR_SHIFT | E1000_EERD_START);
    for (int i = 0; i < RESET_POLLS; i++) {
        uint32_t v = e1000_read(e, E1000_EERD);
        if (v & E1000_EERD_DONE)
            return v >> E1000_EERD_DATA_SHIFT;
    }
    return -1;
}

/* The MAC address is the EEPROM's first three words, low byte first
 * (manual 5.6.1).  Without an answer from the EEPROM, the address the
 * card loaded into receive address 0 at reset will do. */
static void read_mac(struct e1000 *e, uint8_t *mac)
{
    int words[3];

    for (int i = 0; i < 3; i++)
        words[i] = eeprom_read(e, i);
    if (words[0] >= 0 && words[1] >= 0 && words[2] >= 0) {
        for (int i = 0; i < 3; i++) {
            mac[2 * i] = words[i] & 0xFF;
            mac[2 * i + 1] = words[i] >> 8;
        }
        return;
    }
    uint32_t lo = e1000_read(e, E1000_RAL0), hi = e1000_read(e, E1000_RAH0);
    for (int i = 0; i < 4; i++)
        mac[i] = lo >> (8 * i);
    mac[4] = hi;
    mac[5] = hi >> 8;
}

/* The card accepts frames for the address in RAL0/RAH0 (with AV, address
 * valid), broadcasts (RCTL.BAM), and no multicast (an empty table). */
static void set_filters(struct e1000 *e, const uint8_t *mac)
{
    e1000_write(e, E1000_RAL0, mac[0] | mac[1] << 8 | mac[2] << 16 | (uint32_t)mac[3] << 24);
    e1000_write(e, E1000_RAH0, mac[4] | mac[5] << 8 | 1u << 31);
    for (int i = 0; i < 128; i++)
        e1000_write(e, E1000_MTA + 4 * i, 0);
}

/* An empty buffer for receive descriptor i. */
static int rx_refill_one(struct e1000 *e, unsigned i)
{
    struct sk_buff *skb = alloc_skb(RX_BUF_SIZE);

    if (!skb)
        return -1;
    e->rx_skb[i] = skb;
    e->rx_ring[i] = (struct e1000_rx_desc){ .addr = virt_to_phys(skb->data) };
    return 0;
}

/* Manual 14.4: the ring's physical address and length, head and tail;
 * RDT one short of the head, as a ring that is full of free buffers
 * looks (head == tail would mean "none"). */
static int setup_rx(struct e1000 *e)
{
    if (!(e->rx_ring = alloc_page()))
        return -1;
    for (unsigned i = 0; i < RX_RING_SIZE; i++)
        if (rx_refill_one(e, i) < 0)
            return -1;
    e1000_write(e, E1000_RDBAL, virt_to_phys(e->rx_ring));
    e1000_write(e, E1000_RDBAH, 0);
    e1000_write(e, E1000_RDLEN, RX_RING_SIZE * sizeof(struct e1000_rx_desc));
    e1000_write(e, E1000_RDH, 0);
    e1000_write(e, E1000_RDT, RX_RING_SIZE - 1);
    e1000_write(e, E1000_RDTR, 0);               /* interrupt at once, no delay */
    e1000_write(e, E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_BSIZE_2048 |
                                   E1000_RCTL_SECRC);
    e->rx_next = 0;
    return 0;
}

static int setup_tx(struct e1000 *e)
{
    if (!(e->tx_ring = alloc_page()))
        return -1;
    e1000_write(e, E1000_TDBAL, virt_to_phys(e->tx_ring));
    e1000_write(e, E1000_TDBAH, 0);
    e1000_write(e, E1000_TDLEN, TX_RING_SIZE * sizeof(struct e1000_tx_desc));
    e1000_write(e, E1000_TDH, 0);
    e1000_write(e, E1000_TDT, 0);
    e1000_write(e, E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | 0x0Fu << E1000_TCTL_CT_SHIFT |
                                   0x40u << E1000_TCTL_COLD_SHIFT);
    e1000_write(e, E1000_TIPG, E1000_TIPG_DEFAULT);
    e->tx_next = e->tx_clean = 0;
    return 0;
}

/* ------------------------------------------------------------ netloss */

static unsigned parse_netloss(void)
{
    const char *s = cmdline_get("netloss");
    unsigned n = 0;

    if (!s)
        return 0;
    for (; *s >= '0' && *s <= '9' && n < 1000000; s++)
        n = n * 10 + (*s - '0');
    if (*s || n < 2) {
        printk("e1000: netloss=%s ignored: it takes a number of frames, 2 or more\n",
               cmdline_get("netloss"));
        return 0;
    }
    return n;
}

/* The loss test's knob: every Nth frame of a direction is thrown away as
 * if the wire had lost it, and counted. */
static int lose_frame(struct e1000 *e, unsigned long *seen)
{
    return e->loss_every && ++*seen % e->loss_every == 0;
}

/* ------------------------------------------------------------ receive */

/* LAB(net) BEGIN */
/* Whether the frame in descriptor d can go up.  A frame longer than one
 * buffer spans several descriptors (only EOP on the last): with 2048-byte
 * buffers and no long-packet mode that is a frame the card should not
 * have taken, and it is dropped whole. */
static int rx_frame_ok(struct e1000 *e, const struct e1000_rx_desc *d)
{
    struct net_device_stats *st = &e->dev.stats;
    int eop = d->status & E1000_RXD_STAT_EOP;

    if (e->rx_discarding || !eop) {
        if (!e->rx_discarding)
            st->rx_length_errors++, st->rx_errors++;
        e->rx_discarding = !eop;
        return 0;
    }
    if (d->errors) {
        st->rx_errors++;
        if (d->errors & 0x01)
            st->rx_crc_errors++;
        else
            st->rx_frame_errors++;
        return 0;
    }
    if (d->length == 0 || d->length > RX_BUF_SIZE) {
        st->rx_length_errors++;
        st->rx_errors++;
        return 0;
    }
    return 1;
}

/* The frame in descriptor i goes up, and a fresh buffer takes its place;
 * without memory for one, the frame is dropped and its buffer reused. */
static void rx_one(struct e1000 *e, unsigned i)
{
    struct e1000_rx_desc *d = &e->rx_ring[i];
    struct sk_buff *skb = e->rx_skb[i];

    if (!rx_frame_ok(e, d))
        goto reuse;
    if (lose_frame(e, &e->rx_seen)) {
        e->dev.stats.rx_dropped++;
        e->dev.stats.rx_loss++;
        goto reuse;
    }
    unsigned len = d->length;            /* before the descriptor is refilled */
    if (rx_refill_one(e, i) < 0) {
        e->dev.stats.rx_dropped++;
        goto reuse;
    }
    skb_put(skb, len);
    skb->dev = &e->dev;
    netif_receive_skb(skb);
    return;
reuse:
    *d = (struct e1000_rx_desc){ .addr = virt_to_phys(e->rx_skb[i]->data) };
}

/* Every descriptor the card is done with, in ring order; each goes back
 * to the card at once (RDT), so the card always has all but one. */
static void e1000_rx(struct e1000 *e)
{
    for (int n = 0; n < RX_RING_SIZE; n++) {
        unsigned i = e->rx_next;
        if (!(e->rx_ring[i].status & E1000_RXD_STAT_DD))
            break;
        rx_one(e, i);
        e->rx_next = (i + 1) % RX_RING_SIZE;
        e1000_write(e, E1000_RDT, i);
    }
}
/* LAB(net) STARTER */
//: /* Called by the interrupt handler when the card says frames have come
//:  * (RXT0, RXDMT0, RXO).  The lab (docs/labs/net.md): take every frame the
//:  * card has written, in ring order from e->rx_next, while its descriptor
//:  * has DD set (Intel's manual, 3.2.3 and 3.2.6; docs/net.md, "The rings"
//:  * and "1. The card receives"): a good frame goes up the stack with
//:  * netif_receive_skb(), a fresh empty buffer (rx_refill_one) takes its
//:  * place, and the descriptor goes back to the card by moving RDT.
//:  *
//:  * Until then, the frames stay in the ring: once the card has filled
//:  * every buffer it was given, it keeps what comes in QEMU's queue. */
//: static void e1000_rx(struct e1000 *e)
//: {
//:     (void)e;
//: }
/* LAB(net) END */

/* ------------------------------------------------------------ transmit */

/* LAB(net) BEGIN */
/* Frees what the card has sent: every descriptor from tx_clean on whose
 * DD it has set.  Only the interrupt (TXDW) calls it, not e1000_xmit:
 * under QEMU the card sends a frame the moment TDT moves, so a cleaning
 * in e1000_xmit would find it done and the ring would never fill.  As it
 * is, a burst of more frames than the ring holds, sent while interrupts
 * are off (TCP sends a window's worth in one go), fills it for real. */
static void tx_clean(struct e1000 *e)
{
    int freed = 0;

    while (e->tx_clean != e->tx_next && (e->tx_ring[e->tx_clean].status & E1000_TXD_STAT_DD)) {
        kfree_skb(e->tx_skb[e->tx_clean]);
        e->tx_skb[e->tx_clean] = NULL;
        e->tx_clean = (e->tx_clean + 1) % TX_RING_SIZE;
        freed++;
    }
    if (freed)
        netif_wake_queue(&e->dev);
}

static enum netdev_tx e1000_xmit(struct e1000 *e, struct sk_buff *skb)
{
    unsigned next = (e->tx_next + 1) % TX_RING_SIZE;

    if (next == e->tx_clean)
        return NETDEV_TX_BUSY;           /* one slot stays empty: head == tail means "none" */
    e->tx_skb[e->tx_next] = skb;
    e->tx_ring[e->tx_next] = (struct e1000_tx_desc){
        .addr = virt_to_phys(skb->data),
        .length = skb->len,
        .cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS,
    };
    e->dev.stats.tx_packets++;
    e->dev.stats.tx_bytes += skb->len;
    e->tx_next = next;
    e1000_write(e, E1000_TDT, next);     /* the card may start at once */
    return NETDEV_TX_OK;
}
/* LAB(net) STARTER */
//: /* Called by the interrupt handler when the card says it has sent frames
//:  * (TXDW).  The lab: free (kfree_skb) the frame of every descriptor the
//:  * card is done with (DD in its status, which it sets because the frame
//:  * asked with RS), oldest first, and call netif_wake_queue() if that made
//:  * room: frames and senders may be waiting for it. */
//: static void tx_clean(struct e1000 *e)
//: {
//:     (void)e;
//: }
//:
//: /* Puts the frame in skb (skb->data, skb->len: the whole Ethernet frame,
//:  * without the CRC) on the transmit ring.  The lab (docs/labs/net.md;
//:  * Intel's manual, 3.3.3 and 3.4; docs/net.md, "7. Ethernet and the
//:  * card"): fill the descriptor at the ring's tail with the frame's
//:  * physical address, its length and the commands EOP, IFCS and RS, keep
//:  * skb for tx_clean to free once it is sent, count it (tx_packets,
//:  * tx_bytes), and move TDT past it.  A full ring returns NETDEV_TX_BUSY:
//:  * skb is then still the caller's, who tries again when tx_clean makes
//:  * room.
//:  *
//:  * Until then, every frame is thrown away (and counted as dropped). */
//: static enum netdev_tx e1000_xmit(struct e1000 *e, struct sk_buff *skb)
//: {
//:     e->dev.stats.tx_dropped++;
//:     kfree_skb(skb);
//:     return NETDEV_TX_OK;
//: }
/* LAB(net) END */

/* The card's ndo_start_xmit: what no card can send, and netloss's drops,
 * before the ring. */
static enum netdev_tx e1000_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
    struct e1000 *e = dev->priv;

    if (skb->len > ETH_FRAME_MAX || skb->len == 0) {
        dev->stats.tx_errors++;
        kfree_skb(skb);
        return NETDEV_TX_OK;
    }
    if (lose_frame(e, &e->tx_seen)) {
        dev->stats.tx_dropped++;
        dev->stats.tx_loss++;
        kfree_skb(skb);
        return NETDEV_TX_OK;
    }
    return e1000_xmit(e, skb);
}

/* ------------------------------------------------------------ interrupts */

static void check_link(struct e1000 *e)
{
    uint32_t status = e1000_read(e, E1000_STATUS);
    int up = (status & E1000_STATUS_LU) != 0;

    if (up == ((e->dev.flags & IFF_RUNNING) != 0))
        return;
    if (up)
        netif_carrier_on(&e->dev);
    else
        netif_carrier_off(&e->dev);
    printk("%s: link %s%s\n", e->dev.name, up ? "up" : "down",
           up ? (status & E1000_STATUS_FD ? ", full duplex" : ", half duplex") : "");
}

/* The line may be shared: reading ICR both tells whether this card
 * interrupted (0: it did not) and clears the causes, which lowers the
 * card's interrupt line. */
static void e1000_intr(void *arg)
{
    struct e1000 *e = arg;
    uint32_t icr = e1000_read(e, E1000_ICR);

    if (!icr)
        return;
    if (icr & E1000_ICR_LSC)
        check_link(e);
    if (icr & E1000_ICR_RXO) {               /* frames lost: no free descriptor */
        e->dev.stats.rx_fifo_errors++;
        e->dev.stats.rx_missed_errors += e1000_read(e, E1000_MPC);   /* cleared by the read */
    }
    if (icr & (E1000_ICR_RXT0 | E1000_ICR_RXDMT0 | E1000_ICR_RXO))
        e1000_rx(e);
    if (icr & E1000_ICR_TXDW)
        tx_clean(e);
}

/* ------------------------------------------------------------ boot */

static const struct net_device_ops e1000_ops = { .ndo_start_xmit = e1000_start_xmit };

static int start_card(struct e1000 *e)
{
    if (reset(e) < 0) {
        printk("e1000: the card does not come out of reset\n");
        return -1;
    }
    /* Link up, speed found by itself (manual 14.5); the PHY out of reset. */
    uint32_t ctrl = e1000_read(e, E1000_CTRL);
    e1000_write(e, E1000_CTRL, (ctrl | E1000_CTRL_SLU | E1000_CTRL_ASDE) & ~E1000_CTRL_PHY_RST);
    read_mac(e, e->dev.dev_addr);
    set_filters(e, e->dev.dev_addr);
    if (setup_rx(e) < 0 || setup_tx(e) < 0) {
        printk("e1000: no memory for the rings\n");
        return -1;
    }
    if (request_irq(e->pdev->irq, e1000_intr, e) < 0) {
        printk("e1000: cannot have IRQ %d\n", e->pdev->irq);
        return -1;
    }
    e1000_write(e, E1000_IMS, E1000_ICR_RXT0 | E1000_ICR_RXO | E1000_ICR_RXDMT0 |
                                  E1000_ICR_LSC | E1000_ICR_TXDW);
    return 0;
}

/* What start_card allocated, when it fails half-way. */
static void free_rings(struct e1000 *e)
{
    for (unsigned i = 0; i < RX_RING_SIZE; i++) {
        kfree_skb(e->rx_skb[i]);
        e->rx_skb[i] = NULL;
    }
    if (e->rx_ring)
        free_page(e->rx_ring);
    if (e->tx_ring)
        free_page(e->tx_ring);
    e->rx_ring = NULL;
    e->tx_ring = NULL;
}

struct net_device *e1000_init(void)
{
    struct e1000 *e = &card;
    struct pci_dev *pdev = pci_find_device(E1000_VENDOR, E1000_DEVICE);

    if (!pdev)
        return NULL;
    if (pdev->bar[0].is_io || !pdev->bar[0].size || pdev->irq >= 16) {
        printk("e1000: no memory BAR or no interrupt line; not used\n");
        return NULL;
    }
    e->pdev = pdev;
    pci_set_master(pdev);
    if (!(e->regs = ioremap(pdev->bar[0].base, pdev->bar[0].size)))
        return NULL;
    struct net_device *dev = &e->dev;
    strlcpy(dev->name, "eth0", sizeof(dev->name));
    memset(dev->broadcast, 0xFF, ETH_ALEN);
    dev->mtu = 1500;
    dev->ops = &e1000_ops;
    dev->priv = e;
    if (start_card(e) < 0) {
        reset(e);                        /* the card must stop using the rings before they go */
        free_rings(e);
        return NULL;
    }
    e->loss_every = parse_netloss();
    dev->flags = IFF_UP | IFF_BROADCAST;
    check_link(e);
    register_netdev(dev);
    char mac[18];
    printk("%s: e1000 at %08x irq %d, MAC %s, %d+%d descriptors\n", dev->name,
           pdev->bar[0].base, pdev->irq, format_mac(mac, dev->dev_addr), RX_RING_SIZE,
           TX_RING_SIZE);
    if (e->loss_every)
        printk("%s: netloss=%u: one frame in %u is dropped, each way\n", dev->name,
               e->loss_every, e->loss_every);
    return dev;
}
