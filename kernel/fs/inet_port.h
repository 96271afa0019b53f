/* The ports of an Internet protocol: which socket holds which (address,
 * port).  TCP and UDP each have a table of their own (a TCP port and a
 * UDP port of the same number are different ports); every socket that is
 * bound -- by bind(), or by the kernel for a connect() or listen() without
 * one -- has an entry in its protocol's table, embedded in the protocol's
 * state for it, so that the entry may outlive the socket (TIME_WAIT).
 *
 * Two entries clash when their ports are the same and their addresses
 * overlap (the same address, or one is INADDR_ANY: every address of this
 * machine).  A bind that clashes is EADDRINUSE, unless the new socket has
 * SO_REUSEADDR and the old entry is
 *   - in TIME_WAIT (a closed TCP connection's last minutes), or
 *   - a socket with SO_REUSEADDR too, and not listening
 *     (UDP: sockets that share a port; TCP: sockets that will connect).
 * Two listeners never share a port: listen() checks again. */
#ifndef FS_INET_PORT_H
#define FS_INET_PORT_H

#include <minnow/types.h>

struct socket;

enum port_state {
    PORT_BOUND,                  /* a bound socket (UDP's, or TCP's that connects) */
    PORT_LISTEN,                 /* a listening socket */
    PORT_TIME_WAIT,              /* a closed connection that still holds the port */
};

struct port_entry {
    uint32_t addr;               /* network order; INADDR_ANY: every local address */
    uint16_t port;               /* host order; 0: in no table */
    enum port_state state;
    struct socket *sock;         /* whose SO_REUSEADDR counts; NULL in TIME_WAIT */
    struct port_entry *next;
};

struct port_table {
    struct port_entry *entries;
    uint16_t next_ephemeral;     /* where the search for a free port starts; 0: at the first */
};

#define FIRST_EPHEMERAL_PORT 49152   /* ports the kernel hands out, as Linux */

/* TCP's ports (the loopback streams hold theirs here too, until TCP). */
extern struct port_table tcp_ports;
/* UDP's ports (net/udp.c). */
extern struct port_table udp_ports;

/* e takes (addr, port) in t for socket s -- port 0: a free port of the
 * kernel's choosing, the first free one after the one it chose last
 * (wrapping round) -- as PORT_BOUND; -EADDRINUSE if it clashes. */
long port_bind(struct port_table *t, struct port_entry *e, struct socket *s,
               uint32_t addr, int port);
/* e (bound) becomes a listener; -EADDRINUSE if another listens there. */
long port_listen(struct port_table *t, struct port_entry *e);
/* e's socket is gone but e keeps the port, until port_unbind. */
void port_time_wait(struct port_entry *e);
/* e takes (addr, port) in TIME_WAIT at once, whatever holds the port:
 * a closed connection's entry moving out of its control block. */
void port_bind_time_wait(struct port_table *t, struct port_entry *e, uint32_t addr, int port);
/* e leaves t (a bound port's socket closes, TIME_WAIT ends). */
void port_unbind(struct port_table *t, struct port_entry *e);
/* The entry in `state` that takes what arrives at (addr, port): the one
 * bound to addr itself, else one bound to INADDR_ANY; NULL if none. */
struct port_entry *port_lookup(struct port_table *t, uint32_t addr, int port,
                               enum port_state state);

#endif
