/* /etc/services (services(5)): the names of well-known ports.  Each line
 * is a name, "port/protocol", then other names (aliases):
 *
 *   http  80/tcp  www
 *
 * getaddrinfo and getnameinfo read it through services_find; the older
 * getservbyname and getservbyport hand out one static entry. */
#include <arpa/inet.h>
#include <string.h>
#include "netdb_impl.h"

/* "80/tcp": the port (network order) and the protocol; 0 if malformed. */
static int port_and_protocol(char *word, struct servent *s)
{
    char *slash = strchr(word, '/');
    size_t digits = strspn(word, "0123456789");

    if (!slash || digits == 0 || digits > 5 || word + digits != slash || slash[1] == '\0')
        return 0;
    long port = 0;
    for (size_t i = 0; i < digits; i++)
        port = port * 10 + (word[i] - '0');
    if (port > 65535)
        return 0;
    s->s_port = htons((uint16_t)port);
    s->s_proto = slash + 1;
    return 1;
}

/* The next well-formed entry of f; 0 at the end. */
static int services_next(FILE *f, struct services_entry *e)
{
    char *words[NETDB_ALIASES_MAX + 2];
    int n;

    while ((n = netdb_next_line(f, e->line, words, NETDB_ALIASES_MAX + 2)) > 0) {
        if (n < 2 || !port_and_protocol(words[1], &e->ent))
            continue;
        e->ent.s_name = words[0];
        for (int i = 2; i < n; i++)
            e->aliases[i - 2] = words[i];
        e->aliases[n - 2] = NULL;
        e->ent.s_aliases = e->aliases;
        return 1;
    }
    return 0;
}

static int has_name(const struct servent *s, const char *name)
{
    if (strcmp(s->s_name, name) == 0)
        return 1;
    for (int i = 0; s->s_aliases[i]; i++)
        if (strcmp(s->s_aliases[i], name) == 0)
            return 1;
    return 0;
}

int services_find(const char *name, int port, const char *proto, struct services_entry *e)
{
    FILE *f = fopen(SERVICES_FILE, "r");
    int found = 0;

    if (!f)
        return 0;
    while (!found && services_next(f, e)) {
        found = (name ? has_name(&e->ent, name) : e->ent.s_port == port) &&
                (!proto || strcmp(e->ent.s_proto, proto) == 0);
    }
    fclose(f);
    return found;
}

static struct services_entry entry;

struct servent *getservbyname(const char *name, const char *proto)
{
    return services_find(name, 0, proto, &entry) ? &entry.ent : NULL;
}

struct servent *getservbyport(int port, const char *proto)
{
    return services_find(NULL, port, proto, &entry) ? &entry.ent : NULL;
}
