/* Network byte order is big-endian (RFC 791, appendix B); the x86 is
 * little-endian.  Every multi-byte field of a header is turned around on
 * its way in (ntohs, ntohl) and out (htons, htonl). */
#ifndef NET_BYTEORDER_H
#define NET_BYTEORDER_H

#include <stdint.h>

static inline uint16_t htons(uint16_t x)
{
    return (uint16_t)(x << 8 | x >> 8);
}

static inline uint32_t htonl(uint32_t x)
{
    return x << 24 | (x & 0xFF00) << 8 | (x >> 8 & 0xFF00) | x >> 24;
}

static inline uint16_t ntohs(uint16_t x)
{
    return htons(x);
}

static inline uint32_t ntohl(uint32_t x)
{
    return htonl(x);
}

#endif
