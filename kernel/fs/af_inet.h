/* AF_INET: what its protocols share (fs/af_inet.c).  The protocols it
 * hands sockets to live in kernel/net/: TCP (net/tcp.h's tcp_create) and
 * UDP, a create function each, called by inet_create() for their (type,
 * protocol). */
#ifndef FS_AF_INET_H
#define FS_AF_INET_H

#include "fs/socket.h"

/* Checks an AF_INET address a program gave: EINVAL (too short),
 * EAFNOSUPPORT (another family). */
long inet_check_address(const union sock_addr *a, socklen_t len);
/* Is the IP address (network order) one of this machine's?  INADDR_ANY
 * means "every address of this machine", so it is too. */
int inet_addr_is_local(uint32_t addr);
/* The address (network order) a connection to addr reaches: addr, but
 * INADDR_ANY means this machine, 127.0.0.1 (as Linux). */
uint32_t inet_dest_addr(uint32_t addr);

#endif
