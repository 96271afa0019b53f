/* TCP's socket options: TCP_NODELAY (<minnow/socket.h>), at the level
 * IPPROTO_TCP. */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <minnow/socket.h>

#endif
