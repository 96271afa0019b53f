/* gethostbyname: the older interface (POSIX dropped it in 2008), kept
 * for programs that still call it.  IPv4 only; one static result, which
 * the next call overwrites.  It is getaddrinfo underneath, so it looks in
 * the same places in the same order. */
#include <string.h>
#include "netdb_impl.h"

int h_errno;

static char name[NETDB_LINE_MAX];
static char *no_aliases[1];
static char addrs[GAI_MAX_ADDRS][4];
static char *addr_list[GAI_MAX_ADDRS + 1];
static struct hostent host = { name, no_aliases, AF_INET, 4, addr_list };

static int h_errno_for(int eai)
{
    switch (eai) {
    case EAI_NONAME:
        return HOST_NOT_FOUND;
    case EAI_NODATA:
        return NO_DATA;
    case EAI_AGAIN:
        return TRY_AGAIN;
    case EAI_SYSTEM:
        return NETDB_INTERNAL;
    default:
        return NO_RECOVERY;
    }
}

struct hostent *gethostbyname(const char *node)
{
    struct addrinfo hints = { .ai_flags = AI_CANONNAME, .ai_family = AF_INET,
                              .ai_socktype = SOCK_STREAM };
    struct addrinfo *res;
    int n = 0;

    int err = getaddrinfo(node, NULL, &hints, &res);
    if (err) {
        h_errno = h_errno_for(err);
        return NULL;
    }
    strlcpy(name, res->ai_canonname, sizeof(name));
    for (struct addrinfo *ai = res; ai && n < GAI_MAX_ADDRS; ai = ai->ai_next) {
        memcpy(addrs[n], &((struct sockaddr_in *)ai->ai_addr)->sin_addr, 4);
        addr_list[n] = addrs[n];
        n++;
    }
    addr_list[n] = NULL;
    freeaddrinfo(res);
    return &host;
}
