/* The Internet checksum, RFC 1071: the ones' complement of the ones'
 * complement sum of the data as 16-bit words.
 *
 * Adding the words as the CPU reads them (little-endian here) gives the
 * same bytes as adding them in network order would (RFC 1071, 2(B):
 * "byte order independence"): the sum's two bytes simply come out
 * swapped, and are stored swapped.  So no byte is turned around, and
 * the result goes into the header as it is. */
#include "net/checksum.h"
#include "net/byteorder.h"

uint16_t ip_checksum(const void *data, unsigned len)
{
    const uint8_t *p = data;
    uint32_t sum = 0;

    for (; len >= 2; p += 2, len -= 2)
        sum += (uint32_t)(p[0] | p[1] << 8);
    if (len)                     /* an odd byte is padded with a zero byte */
        sum += p[0];
    while (sum >> 16)            /* fold the carries back in: ones' complement */
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}

/* UDP's and TCP's checksum covers a "pseudo-header" too (RFC 768): the
 * two addresses, the protocol and the length, so that a datagram that
 * reached the wrong host or protocol fails the check.  The pseudo-header
 * is never sent: its words are summed here, ahead of the segment's. */
uint16_t tcpudp_checksum(uint32_t saddr, uint32_t daddr, uint8_t protocol, const void *data,
                         unsigned len)
{
    struct {
        uint32_t saddr, daddr;
        uint8_t zero, protocol;
        uint16_t len;
    } __attribute__((packed)) pseudo = {
        htonl(saddr), htonl(daddr), 0, protocol, htons((uint16_t)len),
    };
    const uint8_t *p = data;
    uint32_t sum = (uint16_t)~ip_checksum(&pseudo, sizeof(pseudo));

    for (; len >= 2; p += 2, len -= 2)
        sum += (uint32_t)(p[0] | p[1] << 8);
    if (len)
        sum += p[0];
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}
