/* Self-tests of the port tables (fs/inet_port.c), on tables of their own:
 * the rules TCP and UDP will bind by, including TIME_WAIT, which no
 * socket of today's reaches from user space. */
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "test/ktest.h"
#include "fs/inet_port.h"
#include "fs/socket.h"

#define LOOP htonl(INADDR_LOOPBACK)
#define OTHER htonl(0x0a00020f)                /* 10.0.2.15 */

/* A closed TCP connection in TIME_WAIT keeps its port from a plain bind;
 * SO_REUSEADDR takes it.  A listener is never shared. */
const char *test_port_time_wait(void)
{
    struct port_table t = { 0 };
    struct socket a = { 0 }, b = { 0 }, c = { 0 };
    struct port_entry ea = { 0 }, eb = { 0 }, ec = { 0 };
    long r;

    if ((r = port_bind(&t, &ea, &a, LOOP, 8080)) != 0 || port_listen(&t, &ea) != 0)
        return ktest_fail("first bind and listen: %ld", r);
    b.reuseaddr = 1;
    if ((r = port_bind(&t, &eb, &b, htonl(INADDR_ANY), 8080)) != -EADDRINUSE)
        return ktest_fail("bind with SO_REUSEADDR next to a listener: %ld", r);
    port_time_wait(&ea);
    if ((r = port_bind(&t, &ec, &c, LOOP, 8080)) != -EADDRINUSE)
        return ktest_fail("plain bind on TIME_WAIT: %ld", r);
    if ((r = port_bind(&t, &eb, &b, htonl(INADDR_ANY), 8080)) != 0)
        return ktest_fail("SO_REUSEADDR bind on TIME_WAIT: %ld", r);
    if ((r = port_listen(&t, &eb)) != 0)
        return ktest_fail("listen beside TIME_WAIT: %ld", r);
    if (port_lookup(&t, LOOP, 8080, PORT_LISTEN) != &eb)
        return ktest_fail("lookup did not find the new listener");
    port_unbind(&t, &ea);                      /* TIME_WAIT ends */
    port_unbind(&t, &eb);
    if (t.entries || (r = port_bind(&t, &ec, &c, LOOP, 8080)) != 0)
        return ktest_fail("port not free after both left: %ld", r);
    port_unbind(&t, &ec);
    return NULL;
}

/* UDP's way: sockets that all ask for SO_REUSEADDR share a port; a
 * datagram goes to the one bound to its address before one bound to all;
 * other addresses do not clash at all. */
const char *test_port_share(void)
{
    struct port_table t = { 0 };
    struct socket a = { .reuseaddr = 1 }, b = { .reuseaddr = 1 }, c = { 0 };
    struct port_entry ea = { 0 }, eb = { 0 }, ec = { 0 };
    long r;

    if (port_bind(&t, &ea, &a, htonl(INADDR_ANY), 53) || (r = port_bind(&t, &eb, &b, LOOP, 53)))
        return ktest_fail("two SO_REUSEADDR binds did not share");
    if (port_lookup(&t, LOOP, 53, PORT_BOUND) != &eb || port_lookup(&t, OTHER, 53, PORT_BOUND) != &ea)
        return ktest_fail("lookup did not prefer the exact address");
    if ((r = port_bind(&t, &ec, &c, OTHER, 53)) != -EADDRINUSE)
        return ktest_fail("a plain bind joined a shared port: %ld", r);
    port_unbind(&t, &ea);
    if ((r = port_bind(&t, &ec, &c, OTHER, 53)) != 0)
        return ktest_fail("10.0.2.15 clashed with 127.0.0.1: %ld", r);
    if (port_lookup(&t, LOOP, 54, PORT_BOUND) || port_lookup(&t, LOOP, 53, PORT_LISTEN))
        return ktest_fail("lookup found a wrong port or state");
    port_unbind(&t, &eb);
    port_unbind(&t, &ec);
    return NULL;
}

/* Port 0: the kernel's choice, from 49152 up, past every port in use
 * (in TIME_WAIT too), and past the one it chose last even when that is
 * free again; after 65535 it wraps round to 49152. */
const char *test_port_ephemeral(void)
{
    struct port_table t = { 0 };
    struct socket s = { 0 };
    struct port_entry e[3] = { { 0 } };

    for (int i = 0; i < 3; i++)
        if (port_bind(&t, &e[i], &s, LOOP, 0) != 0 || e[i].port != FIRST_EPHEMERAL_PORT + i)
            return ktest_fail("port %d got %d", i, e[i].port);
    port_time_wait(&e[0]);
    port_unbind(&t, &e[1]);
    struct port_entry f = { 0 };
    if (port_bind(&t, &f, &s, LOOP, 0) != 0 || f.port != FIRST_EPHEMERAL_PORT + 3)
        return ktest_fail("after a TIME_WAIT and a freed port: got %d, not the next", f.port);
    port_unbind(&t, &f);
    /* at the top: 65535, then round past 49152 (TIME_WAIT) to 49153 */
    t.next_ephemeral = 65535;
    struct port_entry g = { 0 }, h = { 0 };
    if (port_bind(&t, &g, &s, LOOP, 0) != 0 || g.port != 65535)
        return ktest_fail("at the top: got %d", g.port);
    if (port_bind(&t, &h, &s, LOOP, 0) != 0 || h.port != FIRST_EPHEMERAL_PORT + 1)
        return ktest_fail("after 65535: got %d", h.port);
    port_unbind(&t, &e[0]);
    port_unbind(&t, &e[2]);
    port_unbind(&t, &g);
    port_unbind(&t, &h);
    return t.entries ? ktest_fail("entries left") : NULL;
}
