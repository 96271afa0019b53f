/* Internet addresses: struct sockaddr_in and the protocols' numbers
 * (<minnow/socket.h>), and byte order conversion (network order is
 * big-endian, the x86 little-endian). */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <minnow/socket.h>
#include <sys/socket.h>        /* AF_INET6 (POSIX lets <netinet/in.h> show it) */

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define INET_ADDRSTRLEN 16

uint16_t htons(uint16_t host);
uint16_t ntohs(uint16_t net);
uint32_t htonl(uint32_t host);
uint32_t ntohl(uint32_t net);

/* IPv6 addresses, for inet_pton/inet_ntop and getaddrinfo (the kernel has
 * none).  The layout is Linux's: a struct sockaddr_in6 is 28 bytes. */
#define INET6_ADDRSTRLEN 46      /* "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" + NUL */

struct in6_addr {
    uint8_t s6_addr[16];         /* network order: s6_addr[0] is sent first */
};

struct sockaddr_in6 {
    sa_family_t sin6_family;     /* AF_INET6 */
    uint16_t sin6_port;          /* network byte order */
    uint32_t sin6_flowinfo;
    struct in6_addr sin6_addr;
    uint32_t sin6_scope_id;
};

#define IN6ADDR_ANY_INIT      { { 0 } }
#define IN6ADDR_LOOPBACK_INIT { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } }

#endif
