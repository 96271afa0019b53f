/* The network stack at boot. */
#ifndef NET_NET_H
#define NET_NET_H

/* After the drivers have registered their devices: starts the stack's
 * clocks and gives the first Ethernet device QEMU's user-network address
 * (10.0.2.15/24, gateway 10.0.2.2), until DHCP does better. */
void net_init(void);

#endif
