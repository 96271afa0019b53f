#ifndef TEST_KTEST_H
#define TEST_KTEST_H

#include <stdint.h>

/* Kernel self-tests: each returns NULL when it passes, or why it failed. */
typedef const char *(*ktest_fn)(void);

struct ktest {
    const char *name;
    ktest_fn fn;
    int manual;          /* only run when asked for by name (make test T=...) */
};

/* Runs the tests named by `which` ("all", or one name); prints
 * "ok NAME" / "FAIL NAME: why" for each.  Returns the number that failed,
 * or -1 if `which` names no kernel test. */
int run_kernel_tests(const char *which);

/* Formats a failure message (kept until the next call). */
const char *ktest_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A seeded random sequence for the fuzz tests (xorshift32, Marsaglia):
 * small, and the same on every run, so a failure comes back.  *state
 * must not be 0.  ktest_below: 0 to n - 1. */
uint32_t ktest_random(uint32_t *state);
unsigned ktest_below(uint32_t *state, unsigned n);

/* A TCP listener on addr:port (host byte order) made through TCP's own
 * ops, as a socket() + bind() + listen() would; NULL if that fails.
 * sock_release() ends it (ktest_net.c). */
struct socket;
struct socket *ktest_tcp_listener(uint32_t addr, uint16_t port, int backlog);

/* An ARP request from (mac, sip) asking for tip, as a whole minimal
 * Ethernet frame (addresses in host byte order): answering it, the stack
 * learns the asker's address too. */
#define KTEST_ARP_LEN 60
void ktest_arp_request(uint8_t frame[KTEST_ARP_LEN], const uint8_t *mac, uint32_t sip, uint32_t tip);

/* The tests, one file per subject in kernel/test/. */
const char *test_printk_format(void);
const char *test_string(void);
const char *test_cmdline(void);
const char *test_ksyms(void);
const char *test_page_alloc(void);
const char *test_page_alloc_contiguous(void);
const char *test_page_alloc_exhaust(void);
const char *test_kmalloc(void);
const char *test_kmalloc_stress(void);
const char *test_paging(void);
const char *test_timer_ticks(void);
const char *test_panic(void);
const char *test_buffer_lru(void);
const char *test_buffer_sizes(void);
const char *test_buffer_runs(void);
const char *test_ide_lba48(void);
const char *test_port_time_wait(void);
const char *test_port_share(void);
const char *test_port_ephemeral(void);
const char *test_pci_walk(void);
const char *test_e1000_found(void);
const char *test_net_ping_gateway(void);
const char *test_net_echo_reply(void);
const char *test_net_xmit_atomic(void);
const char *test_net_fuzz(void);
const char *test_dhcp_parse(void);
const char *test_dhcp_configured(void);
const char *test_tcp_fuzz(void);
const char *test_tcp_cwnd(void);
const char *test_net_ping_loss(void);

#endif
