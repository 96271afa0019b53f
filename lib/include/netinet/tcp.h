/* TCP's socket options, at the level IPPROTO_TCP: TCP_NODELAY
 * (<minnow/socket.h>) and TCP_INFO with Linux's struct tcp_info, and the
 * states it reports (<minnow/tcp.h>). */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <minnow/socket.h>
#include <minnow/tcp.h>

#endif
