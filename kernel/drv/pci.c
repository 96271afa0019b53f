/* The PCI walk: which devices are on the bus, and where the firmware put
 * their registers.
 *
 * Every PCI function has 256 bytes of configuration space, addressed by
 * (bus, slot, function, offset).  A PC reaches it through two I/O ports,
 * "configuration mechanism #1" (PCI Local Bus Specification 3.0, section
 * 3.2.2.3.2): write the address, with bit 31 set, to CONFIG_ADDRESS
 * (0xCF8), then read or write the 32-bit word at CONFIG_DATA (0xCFC).  A
 * slot with no device answers 0xFFFF as its vendor id.
 *
 * The walk starts at bus 0 and follows every PCI-to-PCI bridge to the bus
 * behind it (its secondary bus number), so it visits each bus that exists
 * and no other.  For each function found it reads the ids, the class, the
 * six base address registers (each sized by the spec's write-ones trick)
 * and the interrupt line, which the firmware (SeaBIOS under QEMU) filled
 * in with the PIC input it routed the device's interrupt pin to.  Minnow
 * does not move anything: it keeps the firmware's addresses.
 * docs/pci.md shows the walk on QEMU's PC. */
#include <string.h>
#include "drv/pci.h"
#include "arch/x86.h"
#include "lib/printk.h"

enum { CONFIG_ADDRESS = 0xCF8, CONFIG_DATA = 0xCFC };

#define CONFIG_ENABLE 0x80000000u    /* bit 31: a configuration cycle */
#define MAX_SLOT 32
#define MAX_FUNC 8

/* What the walk found.  Filled once at boot, read-only afterwards. */
static struct pci_dev devices[PCI_MAX_DEVICES];
static int nr_devices;

/* ------------------------------------------------------------ config space */

static uint32_t config_address(uint8_t bus, uint8_t slot, uint8_t func, unsigned offset)
{
    return CONFIG_ENABLE | (uint32_t)bus << 16 | (uint32_t)slot << 11 |
           (uint32_t)func << 8 | (offset & 0xFC);
}

static uint32_t config_read(uint8_t bus, uint8_t slot, uint8_t func, unsigned offset)
{
    outl(CONFIG_ADDRESS, config_address(bus, slot, func, offset));
    return inl(CONFIG_DATA);
}

uint32_t pci_read_config32(const struct pci_dev *dev, unsigned offset)
{
    return config_read(dev->bus, dev->slot, dev->func, offset);
}

/* Narrower reads take the aligned 32-bit word and pick their part: the
 * bytes of a word are little-endian, offset 0 in the low byte. */
uint16_t pci_read_config16(const struct pci_dev *dev, unsigned offset)
{
    return pci_read_config32(dev, offset) >> ((offset & 2) * 8);
}

uint8_t pci_read_config8(const struct pci_dev *dev, unsigned offset)
{
    return pci_read_config32(dev, offset) >> ((offset & 3) * 8);
}

void pci_write_config32(const struct pci_dev *dev, unsigned offset, uint32_t value)
{
    outl(CONFIG_ADDRESS, config_address(dev->bus, dev->slot, dev->func, offset));
    outl(CONFIG_DATA, value);
}

/* A 16-bit write must touch only its two bytes (the status register next
 * to the command register clears bits written as 1), so it goes to the
 * matching half of CONFIG_DATA. */
void pci_write_config16(const struct pci_dev *dev, unsigned offset, uint16_t value)
{
    outl(CONFIG_ADDRESS, config_address(dev->bus, dev->slot, dev->func, offset));
    outw(CONFIG_DATA + (offset & 2), value);
}

/* ------------------------------------------------------------ one function */

/* A BAR's size: write all ones, read back which bits stuck (the device
 * hardwires the low address bits of its window to zero), put the old
 * value back.  Decoding is off meanwhile, so the device never answers at
 * the half-written address.  A 64-bit BAR's upper half (the next
 * register) must be zero for a 32-bit kernel; QEMU's firmware keeps it so. */
static void read_bar(struct pci_dev *dev, int i)
{
    unsigned offset = PCI_BAR0 + 4 * i;
    uint32_t old = pci_read_config32(dev, offset);

    pci_write_config32(dev, offset, 0xFFFFFFFF);
    uint32_t mask = pci_read_config32(dev, offset);
    pci_write_config32(dev, offset, old);

    struct pci_bar *bar = &dev->bar[i];
    bar->is_io = old & 1;
    if (bar->is_io) {
        bar->base = old & ~3u;
        mask = (mask & ~3u) | 0xFFFF0000u;   /* I/O space is 64 KiB: upper bits may read 0 */
    } else {
        bar->base = old & ~15u;
        bar->prefetchable = (old >> 3) & 1;
        mask &= ~15u;
    }
    bar->size = mask ? ~mask + 1 : 0;
    if (bar->size == 0)
        bar->base = 0;
}

/* A bridge's header (type 1) has only two BARs. */
static void read_bars(struct pci_dev *dev)
{
    int n = (dev->header_type & 0x7F) == 0 ? PCI_NUM_BARS : 2;
    uint16_t command = pci_read_config16(dev, PCI_COMMAND);

    pci_write_config16(dev, PCI_COMMAND, command & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
    for (int i = 0; i < n; i++) {
        read_bar(dev, i);
        uint32_t raw = pci_read_config32(dev, PCI_BAR0 + 4 * i);
        if (!(raw & 1) && ((raw >> 1) & 3) == 2)
            i++;                         /* 64-bit: the next register is its upper half */
    }
    pci_write_config16(dev, PCI_COMMAND, command);
}

static const char *class_name(uint8_t class)
{
    static const char *const names[] = {
        "unclassified", "storage", "network", "display", "multimedia", "memory",
        "bridge", "communication", "system", "input", "docking", "processor", "serial bus",
    };
    return class < sizeof(names) / sizeof(names[0]) ? names[class] : "other";
}

static void log_device(const struct pci_dev *d)
{
    printk("pci %02x:%02x.%d %04x:%04x class %02x.%02x.%02x (%s)", d->bus, d->slot, d->func,
           d->vendor, d->device, d->class, d->subclass, d->prog_if, class_name(d->class));
    if (d->pin)
        printk(" irq %d", d->irq);
    printk("\n");
    for (int i = 0; i < PCI_NUM_BARS; i++) {
        const struct pci_bar *b = &d->bar[i];
        if (b->size)
            printk("    bar%d: %s %08x, %u bytes%s\n", i, b->is_io ? "io " : "mem", b->base, b->size,
                   b->prefetchable ? ", prefetchable" : "");
    }
}

static void scan_bus(uint8_t bus, int depth);

/* Records the function at (bus, slot, func), which exists; a bridge's
 * bus is walked next. */
static void add_function(uint8_t bus, uint8_t slot, uint8_t func, int depth)
{
    struct pci_dev tmp = { .bus = bus, .slot = slot, .func = func };
    struct pci_dev *d = nr_devices < PCI_MAX_DEVICES ? &devices[nr_devices++] : &tmp;
    uint32_t id = pci_read_config32(&tmp, PCI_VENDOR_ID);
    uint32_t class = pci_read_config32(&tmp, PCI_REVISION);
    uint32_t misc = pci_read_config32(&tmp, PCI_INTERRUPT_LINE);

    *d = tmp;
    d->vendor = id & 0xFFFF;
    d->device = id >> 16;
    d->revision = class & 0xFF;
    d->prog_if = class >> 8;
    d->subclass = class >> 16;
    d->class = class >> 24;
    d->header_type = pci_read_config8(d, PCI_HEADER_TYPE);
    d->pin = (misc >> 8) & 0xFF;
    d->irq = d->pin ? misc & 0xFF : 0xFF;
    read_bars(d);
    log_device(d);
    if (d == &tmp)
        printk("pci: more than %d functions; this one is not kept\n", PCI_MAX_DEVICES);
    /* A PCI-to-PCI bridge: its secondary bus is a bus of its own.  The
     * depth limit keeps a firmware loop (a bridge naming an earlier bus)
     * from recursing forever. */
    if ((d->header_type & 0x7F) == 1 && depth < 8) {
        uint8_t secondary = pci_read_config8(d, PCI_SECONDARY_BUS);
        if (secondary > bus)
            scan_bus(secondary, depth + 1);
    }
}

static int present(uint8_t bus, uint8_t slot, uint8_t func)
{
    return (config_read(bus, slot, func, PCI_VENDOR_ID) & 0xFFFF) != 0xFFFF;
}

/* Function 0 always exists if the slot is used; the others only if
 * function 0's header type says the device has several (bit 7). */
static void scan_slot(uint8_t bus, uint8_t slot, int depth)
{
    if (!present(bus, slot, 0))
        return;
    add_function(bus, slot, 0, depth);
    uint8_t header = config_read(bus, slot, 0, PCI_HEADER_TYPE) >> 16;
    if (!(header & 0x80))
        return;
    for (uint8_t func = 1; func < MAX_FUNC; func++)
        if (present(bus, slot, func))
            add_function(bus, slot, func, depth);
}

static void scan_bus(uint8_t bus, int depth)
{
    for (uint8_t slot = 0; slot < MAX_SLOT; slot++)
        scan_slot(bus, slot, depth);
}

void pci_init(void)
{
    /* Mechanism #1 reads back the address register; without a PCI host
     * bridge the port holds nothing we wrote. */
    outl(CONFIG_ADDRESS, CONFIG_ENABLE);
    if (inl(CONFIG_ADDRESS) != CONFIG_ENABLE) {
        printk("pci: no configuration mechanism #1: no PCI bus\n");
        return;
    }
    scan_bus(0, 0);
    printk("pci: %d functions\n", nr_devices);
}

/* ------------------------------------------------------------ for drivers */

struct pci_dev *pci_find_device(uint16_t vendor, uint16_t device)
{
    for (int i = 0; i < nr_devices; i++)
        if (devices[i].vendor == vendor && devices[i].device == device)
            return &devices[i];
    return NULL;
}

struct pci_dev *pci_find_class(uint8_t class, uint8_t subclass)
{
    for (int i = 0; i < nr_devices; i++)
        if (devices[i].class == class && devices[i].subclass == subclass)
            return &devices[i];
    return NULL;
}

int pci_device_count(void)
{
    return nr_devices;
}

struct pci_dev *pci_device(int i)
{
    return i >= 0 && i < nr_devices ? &devices[i] : NULL;
}

/* A device that moves data by DMA must be allowed to become bus master;
 * the firmware leaves that off.  Memory decoding goes with it: the
 * driver's registers are in a memory BAR. */
void pci_set_master(struct pci_dev *dev)
{
    uint16_t command = pci_read_config16(dev, PCI_COMMAND);

    pci_write_config16(dev, PCI_COMMAND, command | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
}
