/* Byte order and dotted-quad addresses ("127.0.0.1") (lib/inet.c). */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>
#include <sys/types.h>

in_addr_t inet_addr(const char *dotted);          /* (in_addr_t)-1 if invalid */
int inet_aton(const char *dotted, struct in_addr *addr);
char *inet_ntoa(struct in_addr addr);               /* a static buffer */

/* Text to binary and back, for AF_INET (strict dotted quad: four decimal
 * parts 0..255, no leading zeros) and AF_INET6 (RFC 4291's text forms)
 * (lib/inet_pton.c, lib/inet_ntop.c).  inet_pton returns 1, 0 for text
 * that is not an address, -1 (EAFNOSUPPORT) for another family; dst gets
 * 4 or 16 bytes in network order.  inet_ntop returns dst, or NULL with
 * errno EAFNOSUPPORT or ENOSPC (size below INET_ADDRSTRLEN or
 * INET6_ADDRSTRLEN may still do for a short address). */
int inet_pton(int af, const char *src, void *dst);
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);

#endif
