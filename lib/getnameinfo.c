/* getnameinfo(3): a socket address back into a host and a service, as
 * names where they are known, else as numbers.  Host names come from
 * /etc/hosts only (Minnow's resolver does not ask DNS for PTR records);
 * service names from /etc/services. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "netdb_impl.h"

#define KNOWN_FLAGS (NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN | NI_NAMEREQD | NI_DGRAM)

/* The address's official name from /etc/hosts into name; 1 if found. */
static int name_in_hosts(int family, const void *addr, char *name, size_t size)
{
    struct hosts_entry e;
    FILE *f = fopen(HOSTS_FILE, "r");
    int found = 0;

    if (!f)
        return 0;
    while (!found && hosts_next(f, &e))
        found = e.family == family && memcmp(e.addr, addr, family == AF_INET ? 4 : 16) == 0;
    if (found)
        strlcpy(name, e.names[0], size);
    fclose(f);
    return found;
}

static int host_part(int family, const void *addr, char *host, socklen_t hostlen, int flags)
{
    char name[NETDB_LINE_MAX];

    if (!(flags & NI_NUMERICHOST) && name_in_hosts(family, addr, name, sizeof(name))) {
        if (flags & NI_NOFQDN)
            name[strcspn(name, ".")] = '\0';
        if (strlen(name) >= hostlen)
            return EAI_OVERFLOW;
        strcpy(host, name);
        return 0;
    }
    if (flags & NI_NAMEREQD)
        return EAI_NONAME;
    return inet_ntop(family, addr, host, hostlen) ? 0 : EAI_OVERFLOW;
}

static int service_part(uint16_t port, char *serv, socklen_t servlen, int flags)
{
    struct services_entry e;
    const char *proto = (flags & NI_DGRAM) ? "udp" : "tcp";
    int len;

    if (!(flags & NI_NUMERICSERV) && services_find(NULL, port, proto, &e))
        len = snprintf(serv, servlen, "%s", e.ent.s_name);
    else
        len = snprintf(serv, servlen, "%u", (unsigned)ntohs(port));
    return len < 0 || (socklen_t)len >= servlen ? EAI_OVERFLOW : 0;
}

int getnameinfo(const struct sockaddr *addr, socklen_t addrlen, char *host, socklen_t hostlen,
                char *serv, socklen_t servlen, int flags)
{
    const void *a;
    uint16_t port;

    if (flags & ~KNOWN_FLAGS)
        return EAI_BADFLAGS;
    if (!addr)
        return EAI_FAMILY;
    if (addr->sa_family == AF_INET && addrlen >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)addr;
        a = &in->sin_addr;
        port = in->sin_port;
    } else if (addr->sa_family == AF_INET6 && addrlen >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;
        a = &in6->sin6_addr;
        port = in6->sin6_port;
    } else {
        return EAI_FAMILY;
    }
    int want_host = host && hostlen > 0, want_serv = serv && servlen > 0;
    if (!want_host && !want_serv)
        return EAI_NONAME;
    int err = want_host ? host_part(addr->sa_family, a, host, hostlen, flags) : 0;
    if (err == 0 && want_serv)
        err = service_part(port, serv, servlen, flags);
    return err;
}
