/* Self-tests of the PCI walk, on what every QEMU PC has: the i440FX host
 * bridge at 00:00.0 and the PIIX IDE controller. */
#include "test/ktest.h"
#include "drv/pci.h"

/* The walk found the host bridge first, with the ids configuration space
 * gives when asked again; and a storage controller (the IDE disks). */
const char *test_pci_walk(void)
{
    struct pci_dev *host = pci_device(0);

    if (!host)
        return ktest_fail("the walk found nothing");
    if (host->bus != 0 || host->slot != 0 || host->func != 0)
        return ktest_fail("first function is %02x:%02x.%d, not 00:00.0", host->bus, host->slot,
                          host->func);
    if (host->class != 0x06 || host->subclass != 0x00)
        return ktest_fail("00:00.0 has class %02x.%02x, not a host bridge (06.00)", host->class,
                          host->subclass);
    uint32_t id = pci_read_config32(host, PCI_VENDOR_ID);
    if ((id & 0xFFFF) != host->vendor || id >> 16 != host->device)
        return ktest_fail("ids %08x read now differ from the walk's %04x:%04x", id, host->vendor,
                          host->device);
    if (pci_find_device(host->vendor, host->device) != host)
        return ktest_fail("pci_find_device does not find the host bridge");
    if (!pci_find_class(0x01, 0x01))
        return ktest_fail("no IDE controller (class 01.01) found");
    if (pci_find_device(0xFFFF, 0xFFFF))
        return ktest_fail("pci_find_device found the absent id ffff:ffff");
    return 0;
}
