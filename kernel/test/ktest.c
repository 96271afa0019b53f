/* The kernel self-test runner.  `make test` boots with test=all; `make
 * test T=NAME` with test=NAME.  The same lines ("ok NAME", "FAIL NAME: why")
 * come later from the user-space test runner, so the host script
 * (tools/test.sh) counts both the same way. */
#include <string.h>
#include <stdarg.h>
#include "test/ktest.h"
#include "lib/printk.h"

static const struct ktest ktests[] = {
    { "printk_format", test_printk_format, 0 },
    { "string", test_string, 0 },
    { "cmdline", test_cmdline, 0 },
    { "ksyms", test_ksyms, 0 },
    { "page_alloc", test_page_alloc, 0 },
    { "page_alloc_contiguous", test_page_alloc_contiguous, 0 },
    { "page_alloc_exhaust", test_page_alloc_exhaust, 0 },
    { "kmalloc", test_kmalloc, 0 },
    { "kmalloc_stress", test_kmalloc_stress, 0 },
    { "paging", test_paging, 0 },
    { "timer_ticks", test_timer_ticks, 0 },
    { "buffer_lru", test_buffer_lru, 0 },
    { "buffer_sizes", test_buffer_sizes, 0 },
    { "buffer_runs", test_buffer_runs, 0 },
    { "ide_lba48", test_ide_lba48, 0 },
    { "port_time_wait", test_port_time_wait, 0 },
    { "port_share", test_port_share, 0 },
    { "port_ephemeral", test_port_ephemeral, 0 },
    { "pci_walk", test_pci_walk, 0 },
    { "e1000_found", test_e1000_found, 0 },
    { "dhcp_parse", test_dhcp_parse, 0 },
    /* LAB(net) BEGIN */
    { "dhcp_configured", test_dhcp_configured, 0 },      /* through the card: the lab net */
    { "net_ping_gateway", test_net_ping_gateway, 0 },
    { "net_echo_reply", test_net_echo_reply, 0 },
    /* LAB(net) END */
    { "net_xmit_atomic", test_net_xmit_atomic, 0 },
    { "net_fuzz", test_net_fuzz, 0 },
    { "tcp_fuzz", test_tcp_fuzz, 0 },
    { "tcp_cwnd", test_tcp_cwnd, 0 },
    { "net_ping_loss", test_net_ping_loss, 1 },   /* needs netloss=N: tools/hosttests/net_loss.sh */
    { "panic", test_panic, 1 },           /* proves a panic fails the run */
};

static char fail_msg[200];

const char *ktest_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintk(fail_msg, sizeof(fail_msg), fmt, ap);
    va_end(ap);
    return fail_msg;
}

int run_kernel_tests(const char *which)
{
    int failed = 0, ran = 0;
    int all = strcmp(which, "all") == 0;

    for (unsigned i = 0; i < sizeof(ktests) / sizeof(ktests[0]); i++) {
        const struct ktest *t = &ktests[i];
        if (all ? t->manual : strcmp(which, t->name) != 0)
            continue;
        ran++;
        const char *why = t->fn();
        if (why) {
            printk("FAIL %s: %s\n", t->name, why);
            failed++;
        } else {
            printk("ok %s\n", t->name);
        }
    }
    return (ran || all) ? failed : -1;
}

uint32_t ktest_random(uint32_t *state)
{
    uint32_t x = *state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

unsigned ktest_below(uint32_t *state, unsigned n)
{
    return ktest_random(state) % n;
}
