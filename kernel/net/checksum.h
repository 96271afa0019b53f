#ifndef NET_CHECKSUM_H
#define NET_CHECKSUM_H

#include <stdint.h>

/* The Internet checksum (RFC 1071) of len bytes: the value to store in a
 * header's checksum field (as it is: no htons).  Over a header that
 * already holds its checksum, the result is 0 when the header is intact. */
uint16_t ip_checksum(const void *data, unsigned len);

/* The checksum of a UDP datagram or TCP segment of len bytes at data,
 * with RFC 768's pseudo-header of saddr, daddr (host order), protocol and
 * len; as ip_checksum, 0 over a segment that holds its right checksum. */
uint16_t tcpudp_checksum(uint32_t saddr, uint32_t daddr, uint8_t protocol, const void *data,
                         unsigned len);

#endif
