/* What the network self-tests share: a listener made inside the kernel,
 * for tests that play a peer on a device of their own. */
#include "test/ktest.h"
#include "net/tcp.h"
#include "net/byteorder.h"
#include "fs/socket.h"
#include "mm/kmalloc.h"

struct socket *ktest_tcp_listener(uint32_t addr, uint16_t port, int backlog)
{
    struct socket *s = kmalloc(sizeof(*s));
    union sock_addr a = { .in = { .sin_family = AF_INET, .sin_port = htons(port),
                                  .sin_addr.s_addr = htonl(addr) } };

    if (!s)
        return NULL;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->protocol = IPPROTO_TCP;
    sock_init_options(s);
    if (tcp_create(s) < 0) {
        kfree(s);
        return NULL;
    }
    if (s->ops->bind(s, &a, sizeof(a.in)) < 0 || s->ops->listen(s, backlog) < 0) {
        sock_release(s);
        return NULL;
    }
    return s;
}
