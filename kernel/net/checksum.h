#ifndef NET_CHECKSUM_H
#define NET_CHECKSUM_H

#include <stdint.h>

/* The Internet checksum (RFC 1071) of len bytes: the value to store in a
 * header's checksum field (as it is: no htons).  Over a header that
 * already holds its checksum, the result is 0 when the header is intact. */
uint16_t ip_checksum(const void *data, unsigned len);

#endif
