/* Byte order and dotted-quad addresses ("127.0.0.1") (lib/inet.c). */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>
#include <sys/types.h>

in_addr_t inet_addr(const char *dotted);          /* (in_addr_t)-1 if invalid */
int inet_aton(const char *dotted, struct in_addr *addr);
char *inet_ntoa(struct in_addr addr);               /* a static buffer */

#endif
