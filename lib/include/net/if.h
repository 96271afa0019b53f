/* Network interfaces: struct ifreq, struct ifconf and the SIOCGIF*
 * requests of ioctl() (netdevice(7)). */
#ifndef _NET_IF_H
#define _NET_IF_H

#include <minnow/if.h>

#endif
