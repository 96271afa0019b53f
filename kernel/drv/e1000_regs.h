/* The 82540EM's registers and descriptors, as the Intel "PCI/PCI-X Family
 * of Gigabit Ethernet Controllers Software Developer's Manual" (8254x,
 * 317453) names them: section 13 for registers, 3.2 and 3.3 for the
 * receive and transmit descriptors.  Offsets are from BAR0. */
#ifndef DRV_E1000_REGS_H
#define DRV_E1000_REGS_H

#include <stdint.h>

enum {
    E1000_CTRL = 0x0000,         /* device control */
    E1000_STATUS = 0x0008,       /* device status: link up, speed */
    E1000_EERD = 0x0014,         /* EEPROM read */
    E1000_ICR = 0x00C0,          /* interrupt cause: reading it clears it */
    E1000_IMS = 0x00D0,          /* interrupt mask set: these may interrupt */
    E1000_IMC = 0x00D8,          /* interrupt mask clear */
    E1000_RCTL = 0x0100,         /* receive control */
    E1000_TCTL = 0x0400,         /* transmit control */
    E1000_TIPG = 0x0410,         /* transmit inter-packet gap */
    E1000_RDBAL = 0x2800,        /* receive ring: base (low, high), length in bytes */
    E1000_RDBAH = 0x2804,
    E1000_RDLEN = 0x2808,
    E1000_RDH = 0x2810,          /* head: the card's next descriptor to fill */
    E1000_RDT = 0x2818,          /* tail: one past the last the driver gave it */
    E1000_RDTR = 0x2820,         /* receive interrupt delay */
    E1000_TDBAL = 0x3800,        /* transmit ring, the same way */
    E1000_TDBAH = 0x3804,
    E1000_TDLEN = 0x3808,
    E1000_TDH = 0x3810,          /* head: the card's next descriptor to send */
    E1000_TDT = 0x3818,          /* tail: one past the last the driver filled */
    E1000_MPC = 0x4010,          /* missed packets: no free receive descriptor */
    E1000_MTA = 0x5200,          /* multicast table: 128 words */
    E1000_RAL0 = 0x5400,         /* receive address 0: the MAC, low 4 bytes */
    E1000_RAH0 = 0x5404,         /* its last 2 bytes, and Address Valid */
};

/* CTRL */
#define E1000_CTRL_ASDE    (1u << 5)     /* auto-detect the speed */
#define E1000_CTRL_SLU     (1u << 6)     /* set link up */
#define E1000_CTRL_RST     (1u << 26)    /* reset the whole controller */
#define E1000_CTRL_PHY_RST (1u << 31)

/* STATUS */
#define E1000_STATUS_FD    (1u << 0)     /* full duplex */
#define E1000_STATUS_LU    (1u << 1)     /* link up */

/* EERD (82540EM layout: address in bits 8-15, done in bit 4) */
#define E1000_EERD_START   (1u << 0)
#define E1000_EERD_DONE    (1u << 4)
#define E1000_EERD_ADDR_SHIFT 8
#define E1000_EERD_DATA_SHIFT 16

/* Interrupt causes (ICR, IMS, IMC) */
#define E1000_ICR_TXDW     (1u << 0)     /* a transmit descriptor was written back */
#define E1000_ICR_LSC      (1u << 2)     /* link status changed */
#define E1000_ICR_RXDMT0   (1u << 4)     /* free receive descriptors are running low */
#define E1000_ICR_RXO      (1u << 6)     /* receive overrun: a frame was lost */
#define E1000_ICR_RXT0     (1u << 7)     /* receive timer: frames have arrived */

/* RCTL */
#define E1000_RCTL_EN      (1u << 1)
#define E1000_RCTL_BAM     (1u << 15)    /* accept broadcast frames */
#define E1000_RCTL_BSIZE_2048 (0u << 16)
#define E1000_RCTL_SECRC   (1u << 26)    /* strip the CRC: len is the frame without it */

/* TCTL */
#define E1000_TCTL_EN      (1u << 1)
#define E1000_TCTL_PSP     (1u << 3)     /* pad short frames to 64 bytes */
#define E1000_TCTL_CT_SHIFT 4            /* collision threshold: 0x0F */
#define E1000_TCTL_COLD_SHIFT 12         /* collision distance: 0x40 full duplex */

/* TIPG for the 82540EM's copper link (manual 13.4.34): 10, 8, 6 */
#define E1000_TIPG_DEFAULT (10u | 8u << 10 | 6u << 20)

/* A receive descriptor (legacy format): where to put a frame, and what
 * the card wrote back once it did. */
struct e1000_rx_desc {
    uint64_t addr;               /* physical address of the buffer */
    uint16_t length;             /* bytes the card wrote */
    uint16_t csum;
    uint8_t status;              /* DD, EOP... */
    uint8_t errors;
    uint16_t special;
} __attribute__((packed));

#define E1000_RXD_STAT_DD  (1u << 0)     /* descriptor done: the card is finished with it */
#define E1000_RXD_STAT_EOP (1u << 1)     /* end of packet: the frame's last buffer */

/* A transmit descriptor (legacy format). */
struct e1000_tx_desc {
    uint64_t addr;
    uint16_t length;
    uint8_t cso;
    uint8_t cmd;
    uint8_t status;
    uint8_t css;
    uint16_t special;
} __attribute__((packed));

#define E1000_TXD_CMD_EOP  (1u << 0)     /* the frame ends with this descriptor */
#define E1000_TXD_CMD_IFCS (1u << 1)     /* the card appends the CRC */
#define E1000_TXD_CMD_RS   (1u << 3)     /* report status: set DD when sent */
#define E1000_TXD_STAT_DD  (1u << 0)

#endif
