/* getaddrinfo(3): a host and a service into the socket addresses to
 * connect or bind to, one struct addrinfo for each address and socket
 * type.  The host's addresses come from gai_lookup (lib/gai_lookup.c);
 * here are the checks of the hints, the service, and the list.
 *
 * The service is a decimal port (0..65535, digits only: glibc's strtoul
 * also takes " 80", "+80" and wraps 65536 to 0) or a name from
 * /etc/services, looked up for each socket type's protocol.  With
 * ai_socktype 0 each address gets a SOCK_STREAM entry, then a SOCK_DGRAM
 * one (where the service has that protocol); glibc adds a SOCK_RAW entry
 * when there is no service, which Minnow, without raw sockets, leaves
 * out.  Each entry is one malloc'd block with its address inside, and
 * the first entry's ai_canonname is a string of its own: freeaddrinfo
 * frees exactly these. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "netdb_impl.h"

#define KNOWN_FLAGS (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL | \
                     AI_ADDRCONFIG | AI_NUMERICSERV)

/* The socket types to hand out, and the port of the service for each. */
struct gai_port {
    int socktype, protocol;
    uint16_t port;               /* network order */
};
struct gai_ports {
    int count;
    struct gai_port p[2];
};

static int check_hints(const char *node, const char *service, const struct addrinfo *h)
{
    if (h->ai_flags & ~KNOWN_FLAGS)
        return EAI_BADFLAGS;
    if ((h->ai_flags & AI_CANONNAME) && !node)
        return EAI_BADFLAGS;
    if (h->ai_family != AF_UNSPEC && h->ai_family != AF_INET && h->ai_family != AF_INET6)
        return EAI_FAMILY;
    if (!node && !service)
        return EAI_NONAME;
    return 0;
}

/* The (socktype, protocol) pairs that fit the hints, into ports. */
static int socket_types(const struct addrinfo *h, struct gai_ports *ports)
{
    static const struct gai_port kinds[] = {
        { SOCK_STREAM, IPPROTO_TCP, 0 },
        { SOCK_DGRAM, IPPROTO_UDP, 0 },
    };

    ports->count = 0;
    for (int i = 0; i < 2; i++) {
        if ((h->ai_socktype == 0 || h->ai_socktype == kinds[i].socktype) &&
            (h->ai_protocol == 0 || h->ai_protocol == kinds[i].protocol))
            ports->p[ports->count++] = kinds[i];
    }
    return ports->count ? 0 : EAI_SOCKTYPE;
}

/* A port written in decimal digits only, 0..65535; -1 if not. */
static long decimal_port(const char *s)
{
    size_t len = strspn(s, "0123456789");
    long port = 0;

    if (len == 0 || len > 5 || s[len] != '\0')
        return -1;
    for (size_t i = 0; i < len; i++)
        port = port * 10 + (s[i] - '0');
    return port <= 65535 ? port : -1;
}

/* Each socket type's port for service; a type whose protocol does not
 * have the service is dropped. */
static int service_ports(const char *service, const struct addrinfo *h,
                         struct gai_ports *ports)
{
    struct services_entry e;

    if (!service)
        return 0;
    long port = decimal_port(service);
    if (port >= 0) {
        for (int i = 0; i < ports->count; i++)
            ports->p[i].port = htons((uint16_t)port);
        return 0;
    }
    if (h->ai_flags & AI_NUMERICSERV)
        return EAI_NONAME;
    int kept = 0;
    for (int i = 0; i < ports->count; i++) {
        const char *proto = ports->p[i].protocol == IPPROTO_TCP ? "tcp" : "udp";
        if (services_find(service, 0, proto, &e)) {
            ports->p[kept] = ports->p[i];
            ports->p[kept++].port = (uint16_t)e.ent.s_port;
        }
    }
    ports->count = kept;
    return kept ? 0 : EAI_SERVICE;
}

/* One entry: the struct addrinfo and its address in one block. */
static struct addrinfo *new_entry(const struct gai_address *a, const struct gai_port *p,
                                  int flags)
{
    struct addrinfo *ai = calloc(1, sizeof(*ai) + sizeof(struct sockaddr_in6));

    if (!ai)
        return NULL;
    ai->ai_flags = flags;
    ai->ai_family = a->family;
    ai->ai_socktype = p->socktype;
    ai->ai_protocol = p->protocol;
    ai->ai_addr = (struct sockaddr *)(ai + 1);
    if (a->family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)ai->ai_addr;
        in->sin_family = AF_INET;
        in->sin_port = p->port;
        memcpy(&in->sin_addr, a->addr, 4);
        ai->ai_addrlen = sizeof(*in);
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ai->ai_addr;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = p->port;
        memcpy(&in6->sin6_addr, a->addr, 16);
        ai->ai_addrlen = sizeof(*in6);
    }
    return ai;
}

static int build_list(const struct gai_addrs *addrs, const struct gai_ports *ports,
                      const struct addrinfo *h, struct addrinfo **res)
{
    struct addrinfo *head = NULL, **tail = &head;

    for (int i = 0; i < addrs->count; i++) {
        for (int j = 0; j < ports->count; j++) {
            *tail = new_entry(&addrs->a[i], &ports->p[j], h->ai_flags);
            if (!*tail)
                goto no_memory;
            tail = &(*tail)->ai_next;
        }
    }
    if (head && (h->ai_flags & AI_CANONNAME)) {
        head->ai_canonname = strdup(addrs->canon);
        if (!head->ai_canonname)
            goto no_memory;
    }
    *res = head;
    return 0;
no_memory:
    freeaddrinfo(head);
    return EAI_MEMORY;
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res)
{
    struct addrinfo h = { .ai_flags = AI_V4MAPPED | AI_ADDRCONFIG };
    struct gai_ports ports;
    struct gai_addrs addrs;
    int err;

    if (hints)
        h = *hints;
    if ((err = check_hints(node, service, &h)) != 0 ||
        (err = socket_types(&h, &ports)) != 0 ||
        (err = service_ports(service, &h, &ports)) != 0 ||
        (err = gai_lookup(node, &h, &addrs)) != 0)
        return err;
    return build_list(&addrs, &ports, &h, res);
}

void freeaddrinfo(struct addrinfo *res)
{
    while (res) {
        struct addrinfo *next = res->ai_next;
        free(res->ai_canonname);
        free(res);
        res = next;
    }
}
