/* The Intel 82540EM Ethernet controller ("e1000"), QEMU's -device e1000.
 * docs/net.md follows a frame through its rings. */
#ifndef DRV_E1000_H
#define DRV_E1000_H

struct net_device;

/* At boot: finds the card on the PCI bus, resets it, sets up its rings
 * and registers it as eth0.  netloss=N on the command line makes it drop
 * every Nth frame each way.  Returns the device, or NULL if there is no
 * card (or no memory for its rings). */
struct net_device *e1000_init(void);

#endif
