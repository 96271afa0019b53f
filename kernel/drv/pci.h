/* PCI: the bus on which the PC's devices answer to "who are you?".
 *
 * pci_init() walks configuration space once at boot and keeps what it
 * found in a small table; a driver asks for its device by vendor and
 * device id (pci_find_device) and reads the rest from struct pci_dev.
 * docs/pci.md follows the walk. */
#ifndef DRV_PCI_H
#define DRV_PCI_H

#include <stdint.h>

#define PCI_MAX_DEVICES 32       /* QEMU's PC has six; real PCs a few dozen */
#define PCI_NUM_BARS 6

/* Offsets in a function's 256 bytes of configuration space (PCI Local
 * Bus Specification 3.0, section 6.1: the type 0 header). */
enum {
    PCI_VENDOR_ID = 0x00,        /* 16 bits; 0xFFFF: nobody there */
    PCI_DEVICE_ID = 0x02,
    PCI_COMMAND = 0x04,          /* 16 bits: what the device may do */
    PCI_STATUS = 0x06,
    PCI_REVISION = 0x08,         /* then prog-if, subclass, class: 0x09..0x0B */
    PCI_HEADER_TYPE = 0x0E,      /* bit 7: several functions; 0..6: the layout */
    PCI_BAR0 = 0x10,             /* six base address registers, 4 bytes each */
    PCI_SECONDARY_BUS = 0x19,    /* in a bridge's (type 1) header */
    PCI_INTERRUPT_LINE = 0x3C,   /* the PIC input the firmware routed INTx to */
    PCI_INTERRUPT_PIN = 0x3D,    /* 1..4: INTA#..INTD#; 0: no interrupt */
};

/* Bits of the command register. */
#define PCI_COMMAND_IO     0x1   /* answer in I/O space */
#define PCI_COMMAND_MEMORY 0x2   /* answer in memory space */
#define PCI_COMMAND_MASTER 0x4   /* may start transfers itself (DMA) */

/* One base address register: a window of the device's registers (or
 * memory) that the firmware placed at `base` in I/O or memory space. */
struct pci_bar {
    uint32_t base;               /* 0: the register is unused */
    uint32_t size;               /* bytes */
    int is_io;                   /* I/O ports (in/out), else memory (MMIO) */
    int prefetchable;
};

/* One function found on the bus.  "Device" in the name, as in Linux:
 * most devices have exactly one function. */
struct pci_dev {
    uint8_t bus, slot, func;
    uint16_t vendor, device;
    uint8_t class, subclass, prog_if, revision;
    uint8_t header_type;         /* 0: a device, 1: a PCI-to-PCI bridge */
    struct pci_bar bar[PCI_NUM_BARS];
    uint8_t irq;                 /* interrupt line (PIC input); 0xFF: none */
    uint8_t pin;                 /* interrupt pin; 0: none */
};

void pci_init(void);             /* at boot: the walk, logged on the console */
struct pci_dev *pci_find_device(uint16_t vendor, uint16_t device);
struct pci_dev *pci_find_class(uint8_t class, uint8_t subclass);
int pci_device_count(void);
struct pci_dev *pci_device(int i);   /* the i-th found, in walk order */
void pci_set_master(struct pci_dev *dev);   /* enable memory decoding and DMA */

/* Configuration space of one function, for drivers. */
uint32_t pci_read_config32(const struct pci_dev *dev, unsigned offset);
uint16_t pci_read_config16(const struct pci_dev *dev, unsigned offset);
uint8_t pci_read_config8(const struct pci_dev *dev, unsigned offset);
void pci_write_config32(const struct pci_dev *dev, unsigned offset, uint32_t value);
void pci_write_config16(const struct pci_dev *dev, unsigned offset, uint16_t value);

#endif
