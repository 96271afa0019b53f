/* What the network self-tests share, for tests that play a peer on a
 * device of their own: a listener made inside the kernel, and the ARP
 * request a peer introduces itself with. */
#include <string.h>
#include "test/ktest.h"
#include "net/netdevice.h"
#include "net/ethernet.h"
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

void ktest_arp_request(uint8_t frame[KTEST_ARP_LEN], const uint8_t *mac, uint32_t sip, uint32_t tip)
{
    uint16_t hrd = htons(1), pro = htons(ETH_P_IP), op = htons(1), type = htons(ETH_P_ARP);
    uint32_t s = htonl(sip), t = htonl(tip);

    memset(frame, 0, KTEST_ARP_LEN);
    memset(frame, 0xFF, ETH_ALEN);                 /* to everyone */
    memcpy(frame + 6, mac, ETH_ALEN);
    memcpy(frame + 12, &type, 2);
    memcpy(frame + 14, &hrd, 2);
    memcpy(frame + 16, &pro, 2);
    frame[18] = ETH_ALEN;
    frame[19] = 4;
    memcpy(frame + 20, &op, 2);
    memcpy(frame + 22, mac, ETH_ALEN);
    memcpy(frame + 28, &s, 4);
    memcpy(frame + 38, &t, 4);
}
