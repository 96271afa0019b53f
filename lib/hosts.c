/* /etc/hosts (hosts(5)): the names this machine knows without asking a
 * name server.  Each line is an address and the names that have it, the
 * first one official:
 *
 *   127.0.0.1  localhost
 *   10.0.2.2   gateway
 *
 * getaddrinfo looks a name up here before DNS; getnameinfo an address. */
#include <arpa/inet.h>
#include <string.h>
#include "netdb_impl.h"

int hosts_next(FILE *f, struct hosts_entry *e)
{
    char *words[NETDB_ALIASES_MAX + 2];
    int n;

    while ((n = netdb_next_line(f, e->line, words, NETDB_ALIASES_MAX + 2)) > 0) {
        if (n < 2)
            continue;                     /* an address without a name */
        if (inet_pton(AF_INET, words[0], e->addr) == 1)
            e->family = AF_INET;
        else if (inet_pton(AF_INET6, words[0], e->addr) == 1)
            e->family = AF_INET6;
        else
            continue;
        for (int i = 1; i < n; i++)
            e->names[i - 1] = words[i];
        e->names[n - 1] = NULL;
        return 1;
    }
    return 0;
}

int hosts_has_name(const struct hosts_entry *e, const char *name)
{
    for (int i = 0; e->names[i]; i++)
        if (strcasecmp(e->names[i], name) == 0)
            return 1;
    return 0;
}
