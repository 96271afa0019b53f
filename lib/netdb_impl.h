/* What the name functions of the C library share with each other, and
 * nobody else: the lines of /etc/hosts and /etc/services (lib/hosts.c,
 * lib/services.c), and getaddrinfo's host lookup (lib/gai_lookup.c).
 * All of it is reentrant: the caller owns every buffer. */
#ifndef LIB_NETDB_IMPL_H
#define LIB_NETDB_IMPL_H

#include <netdb.h>
#include <stdio.h>

#define HOSTS_FILE    "/etc/hosts"
#define SERVICES_FILE "/etc/services"
#define NETDB_LINE_MAX    512    /* a longer line is skipped whole */
#define NETDB_ALIASES_MAX 16     /* names after these on a line are not seen */

/* The next line of f without its comment ('#' to the end) into line,
 * split at blanks into words (at most max, the rest dropped).  Lines
 * longer than NETDB_LINE_MAX and lines without a word are skipped.
 * Returns how many words, 0 at the end of f. */
int netdb_next_line(FILE *f, char line[NETDB_LINE_MAX], char **words, int max);

/* A line of /etc/hosts (hosts(5)): an address, then names, the first
 * the official one. */
struct hosts_entry {
    char line[NETDB_LINE_MAX];
    int family;                              /* AF_INET or AF_INET6 */
    unsigned char addr[16];                  /* network order: 4 or 16 bytes */
    char *names[NETDB_ALIASES_MAX + 2];      /* into line; NULL after the last */
};

/* The next well-formed entry of f (a line whose address does not parse
 * is skipped); 0 at the end. */
int hosts_next(FILE *f, struct hosts_entry *e);
/* Is name (letters without case) one of e's names? */
int hosts_has_name(const struct hosts_entry *e, const char *name);

/* A line of /etc/services (services(5)): "name port/protocol aliases". */
struct services_entry {
    char line[NETDB_LINE_MAX];
    struct servent ent;                      /* its pointers go into line */
    char *aliases[NETDB_ALIASES_MAX + 1];
};

/* The first entry of /etc/services named name (or with that alias), or,
 * for name NULL, with port (network order); and with protocol proto
 * (NULL: any).  1 if found, else 0. */
int services_find(const char *name, int port, const char *proto, struct services_entry *e);

/* The host part of a getaddrinfo: the addresses in the order they will
 * be handed out, and the host's official name. */
#define GAI_MAX_ADDRS 16
struct gai_address {
    int family;                              /* AF_INET or AF_INET6 */
    unsigned char addr[16];                  /* network order */
};
struct gai_addrs {
    int count;
    struct gai_address a[GAI_MAX_ADDRS];
    char canon[NETDB_LINE_MAX];
};

/* node's addresses for hints (its family and flags; node NULL: the
 * local or the any address): 0, or an EAI_ code. */
int gai_lookup(const char *node, const struct addrinfo *hints, struct gai_addrs *out);

#endif
