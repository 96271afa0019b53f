/* Internet addresses: struct sockaddr_in and the protocols' numbers
 * (<minnow/socket.h>), and byte order conversion (network order is
 * big-endian, the x86 little-endian). */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <minnow/socket.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define INET_ADDRSTRLEN 16

uint16_t htons(uint16_t host);
uint16_t ntohs(uint16_t net);
uint32_t htonl(uint32_t host);
uint32_t ntohl(uint32_t net);

#endif
