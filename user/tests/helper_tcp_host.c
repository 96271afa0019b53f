/* The Minnow side of the host's TCP tests (tools/hosttests/net_tcp.sh),
 * run as the first process (init=...) with its task in argv[1]:
 *
 *   test=tcp_echo      a TCP echo server on port 7: one connection, every
 *                      byte back, until the host closes; then the
 *                      connection's TCP_INFO and /proc/net/snmp
 *   test=tcp_get:PORT  downloads from the host (10.0.2.2:PORT, the host's
 *                      127.0.0.1:PORT through QEMU) until end of file and
 *                      prints the bytes' SHA-256 for the host to compare
 *
 * Then it powers off: QEMU exits 33 (the test device). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/reboot.h>
#include <sys/socket.h>

/* ---------------------------------------------------------------- SHA-256 (FIPS 180-4) */

struct sha256 {
    uint32_t h[8];
    uint8_t block[64];
    uint64_t bytes;
};

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) ((x) >> (n) | (x) << (32 - (n)))

static void sha256_block(struct sha256 *s)
{
    uint32_t w[64], v[8];

    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)s->block[4 * i] << 24 | s->block[4 * i + 1] << 16 |
               s->block[4 * i + 2] << 8 | s->block[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ w[i - 15] >> 3;
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ w[i - 2] >> 10;
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, s->h, sizeof(v));
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ROR(v[4], 6) ^ ROR(v[4], 11) ^ ROR(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + K[i] + w[i];
        uint32_t t2 = (ROR(v[0], 2) ^ ROR(v[0], 13) ^ ROR(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(v[0]));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] += v[i];
}

static void sha256_init(struct sha256 *s)
{
    static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(s->h, h0, sizeof(h0));
    s->bytes = 0;
}

static void sha256_add(struct sha256 *s, const uint8_t *p, size_t n)
{
    while (n--) {
        s->block[s->bytes++ % 64] = *p++;
        if (s->bytes % 64 == 0)
            sha256_block(s);
    }
}

static void sha256_hex(struct sha256 *s, char *out)
{
    uint64_t bits = s->bytes * 8;
    uint8_t one = 0x80, zero = 0;

    sha256_add(s, &one, 1);
    while (s->bytes % 64 != 56)
        sha256_add(s, &zero, 1);
    for (int i = 7; i >= 0; i--) {
        uint8_t b = bits >> (8 * i);
        sha256_add(s, &b, 1);
    }
    for (int i = 0; i < 8; i++)
        sprintf(out + 8 * i, "%08x", (unsigned)s->h[i]);
}

/* ---------------------------------------------------------------- the tasks */

static void show_tcp_counters(void)
{
    char buf[4096];
    int fd = open("/proc/net/snmp", O_RDONLY);
    int n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

    close(fd);
    if (n <= 0)
        return;
    buf[n] = 0;
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
        if (strncmp(line, "Tcp:", 4) == 0)
            printf("%s\n", line);
}

/* What congestion control did on this connection, for the host to check
 * (a loss shows as a finite ssthresh and retransmissions). */
static void show_tcp_info(int fd)
{
    struct tcp_info ti;
    socklen_t len = sizeof(ti);

    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0) {
        perror("tcp_echo: TCP_INFO");
        return;
    }
    printf("tcp_echo: tcp_info state %u ca_state %u snd_mss %u rcv_mss %u rto %u rtt %u "
           "rttvar %u snd_cwnd %u snd_ssthresh %u total_retrans %u\n",
           ti.tcpi_state, ti.tcpi_ca_state, ti.tcpi_snd_mss, ti.tcpi_rcv_mss, ti.tcpi_rto,
           ti.tcpi_rtt, ti.tcpi_rttvar, ti.tcpi_snd_cwnd, ti.tcpi_snd_ssthresh,
           ti.tcpi_total_retrans);
}

/* Is a connection on local port 7 still in /proc/net/tcp? */
static int port7_busy(void)
{
    char buf[8192];
    int fd = open("/proc/net/tcp", O_RDONLY), n, got = 0;

    while (fd >= 0 && got < (int)sizeof(buf) - 1 && (n = read(fd, buf + got, sizeof(buf) - 1 - got)) > 0)
        got += n;
    close(fd);
    buf[got] = 0;
    return strstr(buf, ":0007 ") != NULL;
}

static int echo_server(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(7) };
    int l = socket(AF_INET, SOCK_STREAM, 0);
    static char buf[8192];

    if (bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 1) < 0) {
        perror("tcp_echo: bind/listen");
        return 1;
    }
    printf("tcp_echo: listening on port 7\n");
    fflush(stdout);
    int c = accept(l, NULL, NULL);
    long total = 0;
    ssize_t n;
    while ((n = read(c, buf, sizeof(buf))) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(c, buf + off, n - off);
            if (w <= 0) {
                perror("tcp_echo: write");
                return 1;
            }
            off += w;
        }
        total += n;
    }
    show_tcp_info(c);
    close(c);
    close(l);
    /* close() returns with the last bytes still in flight (as on Linux):
     * powering off now would cut them off.  The connection is over once
     * the host has acknowledged our FIN and it leaves /proc/net/tcp. */
    for (int i = 0; i < 600 && port7_busy(); i++)
        usleep(100000);
    printf("tcp_echo: echoed %ld bytes\n", total);
    return 0;
}

static int download(int port)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    static uint8_t buf[8192];
    struct sha256 s;
    char hex[65];

    a.sin_addr.s_addr = inet_addr("10.0.2.2");
    if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
        perror("tcp_get: connect");
        return 1;
    }
    sha256_init(&s);
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        sha256_add(&s, buf, n);
    long total = (long)s.bytes;
    sha256_hex(&s, hex);
    close(fd);
    printf("tcp_get: %ld bytes sha256 %s\n", total, hex);
    return n < 0;
}

int main(int argc, char **argv)
{
    const char *task = argc > 1 ? argv[1] : "";
    int r = 1;

    if (strcmp(task, "test=tcp_echo") == 0)
        r = echo_server();
    else if (strncmp(task, "test=tcp_get:", 13) == 0)
        r = download(atoi(task + 13));
    else
        printf("helper_tcp_host: unknown task \"%s\"\n", task);
    show_tcp_counters();
    printf("helper_tcp_host: done (%d)\n", r);
    fflush(stdout);
    sync();
    reboot(RB_POWER_OFF);
    return r;
}
