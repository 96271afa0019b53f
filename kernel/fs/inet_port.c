/* The ports of an Internet protocol (fs/inet_port.h says the rules).
 * A table is a list: a few dozen sockets at most in a teaching system,
 * where Linux keeps hash tables of bind buckets. */
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/inet_port.h"
#include "fs/socket.h"

struct port_table tcp_ports;
struct port_table udp_ports;

/* Do a and b overlap: the same address, or one of them is every address? */
static int addr_overlap(uint32_t a, uint32_t b)
{
    return a == b || a == INADDR_ANY || b == INADDR_ANY;
}

/* May a socket with SO_REUSEADDR `reuse` bind where `old` is? */
static int may_share(const struct port_entry *old, int reuse)
{
    if (!reuse)
        return 0;
    if (old->state == PORT_TIME_WAIT)
        return 1;
    return old->sock && old->sock->reuseaddr && old->state != PORT_LISTEN;
}

/* The first entry of t other than `self` on port that clashes with a
 * bind of (addr, reuse); NULL if none. */
static struct port_entry *clash(struct port_table *t, const struct port_entry *self,
                                uint32_t addr, int port, int reuse)
{
    for (struct port_entry *e = t->entries; e; e = e->next)
        if (e != self && e->port == port && addr_overlap(e->addr, addr) && !may_share(e, reuse))
            return e;
    return NULL;
}

/* Is any entry of t on port (whatever its address or state)? */
static int port_taken(struct port_table *t, int port)
{
    for (struct port_entry *e = t->entries; e; e = e->next)
        if (e->port == port)
            return 1;
    return 0;
}

/* A port the kernel hands out: the first that no entry uses at all,
 * searching on from the one handed out last.  Not the lowest free one:
 * a client that connects again at once to the same server would get the
 * same four numbers as the connection just closed, and a peer that closed
 * first still holds that one in TIME_WAIT and ignores (or resets) the new
 * SYN -- QEMU's user network does, for seconds.  Moving on keeps a port
 * unused until every other has had its turn (RFC 6056, section 2.2:
 * the traditional, sequential choice). */
static int free_port(struct port_table *t)
{
    const int count = 65536 - FIRST_EPHEMERAL_PORT;
    int start = t->next_ephemeral ? t->next_ephemeral : FIRST_EPHEMERAL_PORT;

    for (int i = 0; i < count; i++) {
        int port = FIRST_EPHEMERAL_PORT + (start - FIRST_EPHEMERAL_PORT + i) % count;
        if (!port_taken(t, port)) {
            t->next_ephemeral = port == 65535 ? FIRST_EPHEMERAL_PORT : port + 1;
            return port;
        }
    }
    return 0;
}

long port_bind(struct port_table *t, struct port_entry *e, struct socket *s,
               uint32_t addr, int port)
{
    if (port == 0 && (port = free_port(t)) == 0)
        return -EADDRINUSE;            /* all 16384 taken */
    if (clash(t, e, addr, port, s->reuseaddr))
        return -EADDRINUSE;
    e->addr = addr;
    e->port = port;
    e->state = PORT_BOUND;
    e->sock = s;
    e->next = t->entries;
    t->entries = e;
    return 0;
}

long port_listen(struct port_table *t, struct port_entry *e)
{
    for (struct port_entry *o = t->entries; o; o = o->next)
        if (o != e && o->port == e->port && o->state == PORT_LISTEN &&
            addr_overlap(o->addr, e->addr))
            return -EADDRINUSE;
    e->state = PORT_LISTEN;
    return 0;
}

void port_time_wait(struct port_entry *e)
{
    e->state = PORT_TIME_WAIT;
    e->sock = NULL;
}

void port_unbind(struct port_table *t, struct port_entry *e)
{
    struct port_entry **p = &t->entries;

    while (*p && *p != e)
        p = &(*p)->next;
    if (*p)
        *p = e->next;
    e->port = 0;
    e->sock = NULL;
    e->next = NULL;
}

struct port_entry *port_lookup(struct port_table *t, uint32_t addr, int port,
                               enum port_state state)
{
    struct port_entry *any = NULL;

    for (struct port_entry *e = t->entries; e; e = e->next) {
        if (e->port != port || e->state != state)
            continue;
        if (e->addr == addr)
            return e;
        if (e->addr == INADDR_ANY)
            any = e;
    }
    return any;
}

void port_bind_time_wait(struct port_table *t, struct port_entry *e, uint32_t addr, int port)
{
    e->addr = addr;
    e->port = port;
    e->state = PORT_TIME_WAIT;
    e->sock = NULL;
    e->next = t->entries;
    t->entries = e;
}
