/* Byte order and dotted-quad addresses.
 *
 * Network protocols send numbers big-endian (most significant byte first);
 * the x86 stores them little-endian.  htons/htonl ("host to network,
 * short/long") and ntohs/ntohl swap the bytes. */
#include <arpa/inet.h>
#include <sys/socket.h>
#include <stdio.h>

uint16_t htons(uint16_t host)
{
    return (uint16_t)((host << 8) | (host >> 8));
}

uint16_t ntohs(uint16_t net)
{
    return htons(net);
}

uint32_t htonl(uint32_t host)
{
    return (host << 24) | ((host & 0xff00) << 8) | ((host >> 8) & 0xff00) | (host >> 24);
}

uint32_t ntohl(uint32_t net)
{
    return htonl(net);
}

/* "a.b.c.d", each part 0..255, into an address in network order: only
 * the strict dotted quad of inet_pton.  glibc's inet_aton also takes
 * "127.1" and octal or hex parts ("010" is 8); Minnow refuses those rather
 * than read them some other way. */
int inet_aton(const char *dotted, struct in_addr *addr)
{
    return inet_pton(AF_INET, dotted, addr) == 1;
}

in_addr_t inet_addr(const char *dotted)
{
    struct in_addr addr;

    return inet_aton(dotted, &addr) ? addr.s_addr : (in_addr_t)-1;
}

char *inet_ntoa(struct in_addr addr)
{
    static char buf[INET_ADDRSTRLEN];
    uint32_t v = ntohl(addr.s_addr);

    snprintf(buf, sizeof(buf), "%u.%u.%u.%u",
             (unsigned)(v >> 24), (unsigned)(v >> 16) & 255,
             (unsigned)(v >> 8) & 255, (unsigned)v & 255);
    return buf;
}
