/* getaddrinfo's host part: a name or address as text into addresses.
 * The order (docs/libc.md):
 *   1. no host: the any address with AI_PASSIVE (to bind), else loopback;
 *   2. an address as text (inet_pton's forms), never looked up;
 *      with AI_NUMERICHOST nothing else is tried;
 *   3. /etc/hosts, every line with that name;
 *   4. DNS, the name servers of /etc/resolv.conf (lib/resolv.c).
 *
 * Families: Minnow's kernel has only IPv4.  With AF_UNSPEC the IPv4
 * addresses come first, so that a program that tries each in turn
 * connects on the first; AI_ADDRCONFIG (the default without hints) drops
 * the IPv6 ones, as this machine has no IPv6 address; DNS is asked for A
 * records (AAAA only for AF_INET6). */
#include <arpa/inet.h>
#include <string.h>
#include <minnow/dns.h>
#include "netdb_impl.h"

static void add(struct gai_addrs *out, int family, const void *addr)
{
    if (out->count == GAI_MAX_ADDRS)
        return;
    out->a[out->count].family = family;
    memcpy(out->a[out->count].addr, addr, family == AF_INET ? 4 : 16);
    out->count++;
}

/* May an address of this family be handed out for h?  (An IPv4 one for
 * AF_INET6 with AI_V4MAPPED becomes ::ffff:a.b.c.d in finish().) */
static int wanted(int family, const struct addrinfo *h)
{
    switch (h->ai_family) {
    case AF_UNSPEC:
        return family == AF_INET || !(h->ai_flags & AI_ADDRCONFIG);
    case AF_INET:
        return family == AF_INET;
    default:
        return family == AF_INET6 || (h->ai_flags & AI_V4MAPPED);
    }
}

/* IPv4 addresses as IPv6 ones (RFC 4291 2.5.5.2). */
static void map_v4(struct gai_address *a)
{
    unsigned char v4[4];

    memcpy(v4, a->addr, 4);
    memset(a->addr, 0, 10);
    a->addr[10] = a->addr[11] = 0xff;
    memcpy(a->addr + 12, v4, 4);
    a->family = AF_INET6;
}

/* The addresses found, in the order they are handed out: IPv4 first
 * (stable); for AF_INET6, the IPv4 ones mapped, or dropped if there are
 * IPv6 ones and no AI_ALL. */
static int finish(struct gai_addrs *out, const struct addrinfo *h)
{
    struct gai_address sorted[GAI_MAX_ADDRS];
    int n = 0, have6 = 0;

    for (int i = 0; i < out->count; i++)
        have6 |= out->a[i].family == AF_INET6;
    int drop4 = h->ai_family == AF_INET6 && have6 && !(h->ai_flags & AI_ALL);
    for (int pass = AF_INET; pass <= AF_INET6; pass += AF_INET6 - AF_INET)
        for (int i = 0; i < out->count; i++)
            if (out->a[i].family == pass && !(pass == AF_INET && drop4))
                sorted[n++] = out->a[i];
    for (int i = 0; i < n; i++)
        if (h->ai_family == AF_INET6 && sorted[i].family == AF_INET)
            map_v4(&sorted[i]);
    memcpy(out->a, sorted, sizeof(sorted[0]) * (size_t)n);
    out->count = n;
    return n > 0;
}

static int no_host(const struct addrinfo *h, struct gai_addrs *out)
{
    static const unsigned char any[16], loop6[16] = { [15] = 1 };
    const unsigned char loop4[4] = { 127, 0, 0, 1 };
    int passive = h->ai_flags & AI_PASSIVE;

    if (h->ai_family != AF_INET6)
        add(out, AF_INET, passive ? any : loop4);
    if (h->ai_family != AF_INET && wanted(AF_INET6, h))
        add(out, AF_INET6, passive ? any : loop6);
    finish(out, h);
    return 0;
}

/* node as an address: 1 if it is one (*err: 0, or EAI_ADDRFAMILY if it
 * is not of the family asked), else 0. */
static int numeric(const char *node, const struct addrinfo *h, struct gai_addrs *out, int *err)
{
    unsigned char a[16];
    int family = inet_pton(AF_INET, node, a) == 1    ? AF_INET
                 : inet_pton(AF_INET6, node, a) == 1 ? AF_INET6
                                                     : 0;

    if (!family)
        return 0;
    *err = EAI_ADDRFAMILY;
    if (h->ai_family == AF_UNSPEC || h->ai_family == family ||
        (family == AF_INET && (h->ai_flags & AI_V4MAPPED))) {
        add(out, family, a);
        finish(out, h);
        *err = 0;
    }
    strlcpy(out->canon, node, sizeof(out->canon));
    return 1;
}

static int in_hosts_file(const char *node, const struct addrinfo *h, struct gai_addrs *out)
{
    struct hosts_entry e;
    FILE *f = fopen(HOSTS_FILE, "r");

    if (!f)
        return 0;
    while (hosts_next(f, &e)) {
        if (!hosts_has_name(&e, node) || !wanted(e.family, h))
            continue;
        if (out->count == 0)
            strlcpy(out->canon, e.names[0], sizeof(out->canon));
        add(out, e.family, e.addr);
    }
    fclose(f);
    return finish(out, h);
}

static void add_answer(struct gai_addrs *out, const struct dns_answer *ans)
{
    for (int i = 0; i < ans->count; i++)
        add(out, ans->len == 4 ? AF_INET : AF_INET6, ans->addr[i]);
}

static int in_dns(const char *node, const struct addrinfo *h, struct gai_addrs *out)
{
    struct resolv_conf conf;
    struct dns_answer ans;
    int ask6 = h->ai_family == AF_INET6;

    resolv_conf_load(RESOLV_CONF, &conf);
    int r = dns_resolve(&conf, node, ask6 ? DNS_TYPE_AAAA : DNS_TYPE_A, &ans);
    if (r == 0) {
        add_answer(out, &ans);
        if (dns_name_to_text(ans.canon, out->canon, sizeof(out->canon)) < 0)
            strlcpy(out->canon, node, sizeof(out->canon));
    }
    /* AF_INET6 with AI_V4MAPPED: the A records too, if there is no AAAA
     * one (or AI_ALL); finish() maps them */
    if (ask6 && (h->ai_flags & AI_V4MAPPED) &&
        (r == EAI_NODATA || (r == 0 && (h->ai_flags & AI_ALL)))) {
        int r4 = dns_resolve(&conf, node, DNS_TYPE_A, &ans);
        if (r4 == 0) {
            add_answer(out, &ans);
            if (r != 0 && dns_name_to_text(ans.canon, out->canon, sizeof(out->canon)) < 0)
                strlcpy(out->canon, node, sizeof(out->canon));
            r = 0;
        }
    }
    if (r == 0)
        finish(out, h);
    return r;
}

int gai_lookup(const char *node, const struct addrinfo *hints, struct gai_addrs *out)
{
    int err;

    out->count = 0;
    out->canon[0] = '\0';
    if (!node)
        return no_host(hints, out);
    if (numeric(node, hints, out, &err))
        return err;
    if ((hints->ai_flags & AI_NUMERICHOST) || node[0] == '\0')
        return EAI_NONAME;
    if (in_hosts_file(node, hints, out))
        return 0;
    out->count = 0;
    return in_dns(node, hints, out);
}
