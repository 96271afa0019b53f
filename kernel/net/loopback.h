/* The loopback interface "lo", 127.0.0.1/8 (net/loopback.c). */
#ifndef NET_LOOPBACK_H
#define NET_LOOPBACK_H

struct net_device;

void loopback_init(void);                /* registers lo, after the cards */
struct net_device *loopback_device(void);

#endif
