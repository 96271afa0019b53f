/* The grader of the lab `net` (docs/labs/net.md): the e1000's receive and
 * transmit paths, judged by what gets through them.
 *
 * tools/grade.sh boots Minnow for this lab with the card on QEMU's user
 * network (10.0.2.15, gateway 10.0.2.2, ip=static: no DHCP to wait for)
 * and two of QEMU's own services, so that nothing on the host is needed:
 *
 *   TFTP     10.0.2.2 port 69 serves build/rootfs, the files of Minnow's
 *            initrd: a file fetched from there must equal the one here
 *   TCP      a connection to 10.0.2.100:PORT is handed to a command that
 *            QEMU starts (guestfwd): DOWNLOAD_PORT runs `seq 1 N` (the
 *            lines this program writes itself, to compare), UPLOAD_PORT
 *            runs `cksum` (POSIX's CRC and byte count of what it read)
 *
 * Each check says what the card's counters (/proc/net/dev) saw when it
 * fails: a frame that never left, or one that never came up. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <minnow/test.h>

#define GATEWAY "10.0.2.2"
#define SERVICES "10.0.2.100"            /* QEMU's guestfwd address (tools/grade.sh) */
#define DOWNLOAD_PORT 1                  /* `seq 1 DOWNLOAD_LINES` */
#define UPLOAD_PORT 2                    /* `cksum` */
#define DOWNLOAD_LINES 40000             /* 228,894 bytes: about 160 full frames */
#define UPLOAD_BYTES (60 * 1024)         /* one write(): 43 segments, sent as fast as TCP may */
#define TFTP_FILE "bin/sh"               /* served from build/rootfs; here as /bin/sh */
#define RX_RING 256                      /* kernel/drv/e1000.c's RX_RING_SIZE */
#define TX_RING 32                       /* and its TX_RING_SIZE */
#define WRAP_PINGS (3 * RX_RING + TX_RING)   /* a frame each way per ping: the receive
                                            ring three times round and more, the
                                            transmit ring 25 times */
#define FILE_MAX (256 * 1024)            /* room for TFTP_FILE, here and fetched */
#define TRANSFER_MS 10000                /* the longest a transfer may take: a driver
                                            that loses frames makes every loss a timeout,
                                            and runtests stops a grader after 60 s */

/* The buffers, touched before the free pages are first counted: a page
 * of the program's bss is only allocated when first touched. */
static char file_here[FILE_MAX], file_there[FILE_MAX + 512];
static char download[DOWNLOAD_LINES * 8], expected[DOWNLOAD_LINES * 8];
static uint8_t upload[UPLOAD_BYTES];

/* ---------------------------------------------------------------- the card's counters */

struct counters {
    unsigned long rx_packets, rx_errors, rx_dropped, rx_fifo;
    unsigned long tx_packets, tx_errors, tx_dropped;
};

/* eth0's line of /proc/net/dev (Linux's format: bytes, packets, errs,
 * drop, fifo, frame, compressed, multicast; then the same for transmit);
 * all zero if it is missing. */
static struct counters eth0(void)
{
    struct counters c = { 0, 0, 0, 0, 0, 0, 0 };
    char buf[2048];
    int fd = open("/proc/net/dev", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

    if (fd >= 0)
        close(fd);
    buf[n > 0 ? n : 0] = '\0';
    char *line = strstr(buf, "eth0:");
    unsigned long skip;
    if (line)
        sscanf(line + 5, "%lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu", &skip,
               &c.rx_packets, &c.rx_errors, &c.rx_dropped, &c.rx_fifo, &skip, &skip, &skip,
               &skip, &c.tx_packets, &c.tx_errors, &c.tx_dropped);
    return c;
}

/* What the counters say about a failure since `before`: where the frames
 * stopped. */
static const char *diagnosis(const struct counters *before)
{
    static char text[240];
    struct counters now = eth0();
    unsigned long sent = now.tx_packets - before->tx_packets;
    unsigned long dropped = now.tx_dropped - before->tx_dropped;
    unsigned long came = now.rx_packets - before->rx_packets;
    unsigned long bad = now.rx_errors - before->rx_errors;

    if (sent == 0 && dropped > 0)
        snprintf(text, sizeof(text), "eth0 sent nothing and dropped %lu (tx_dropped): "
                 "e1000_xmit throws frames away", dropped);
    else if (sent == 0)
        snprintf(text, sizeof(text), "eth0 sent nothing (tx_packets did not move): "
                 "e1000_xmit");
    else if (bad > 0)                    /* QEMU's card never makes a bad frame */
        snprintf(text, sizeof(text), "eth0 sent %lu, took %lu up and %lu bad ones "
                 "(rx_errors): a descriptor without DD taken for a frame?", sent, came, bad);
    else if (came == 0)
        snprintf(text, sizeof(text), "eth0 sent %lu, none came up (rx_packets did not move): "
                 "e1000_rx takes nothing", sent);
    else
        snprintf(text, sizeof(text), "eth0 sent %lu (%lu dropped), took %lu up, then "
                 "stopped: RDT not moved? a sent frame not freed? a wrong step at a ring's end?",
                 sent, dropped, came);
    return text;
}

static long ms_since(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* Waits until fd has something to read, at most ms; 1 if it has. */
static int readable(int fd, int ms)
{
    struct pollfd p = { fd, POLLIN, 0 };

    return poll(&p, 1, ms) == 1;
}

/* ---------------------------------------------------------------- ICMP echo */

struct echo {
    uint8_t type, code;
    uint16_t checksum, id, seq;          /* the kernel fills in id and checksum */
    char data[24];
};

/* One echo request to the gateway on the ping socket fd; 1 if its reply
 * (same sequence number and data) comes within ms. */
static int ping_once(int fd, unsigned seq, int ms)
{
    struct echo e = { .type = 8, .seq = htons(seq) };
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = inet_addr(GATEWAY) };
    struct timespec start;

    snprintf(e.data, sizeof(e.data), "lab net %u", seq);
    if (sendto(fd, &e, sizeof(e), 0, (struct sockaddr *)&to, sizeof(to)) != sizeof(e))
        return 0;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long left = ms; left > 0 && readable(fd, (int)left); left = ms - ms_since(&start)) {
        struct echo r;
        if (recv(fd, &r, sizeof(r), 0) == sizeof(r) && r.type == 0 && ntohs(r.seq) == seq &&
            memcmp(r.data, e.data, sizeof(e.data)) == 0)
            return 1;
    }
    return 0;
}

static int ping_socket(void)
{
    return socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
}

/* The first frames both ways: ARP for the gateway, then echo and reply.
 * The first may take a second: QEMU's card holds what it receives for
 * a second after RCTL is written (docs/net.md, "QEMU's side"). */
static int pinged(void)
{
    struct counters before = eth0();
    int fd = ping_socket(), got = 0;

    for (unsigned seq = 1; fd >= 0 && seq <= 3; seq++)
        got += ping_once(fd, seq, seq == 1 ? 3000 : 1000);
    if (fd >= 0)
        close(fd);
    check(got == 3, "net_ping", "%d of 3 pings of " GATEWAY " answered: %s", got,
          diagnosis(&before));
    return got == 3;
}

/* Echo and reply, one after the other: each ring goes around more than
 * three times.  A wrong step at a ring's end shows only when the ring
 * wraps, after RX_RING frames in, TX_RING out. */
static void ring_wrap(void)
{
    struct counters before = eth0();
    int fd = ping_socket(), got = 0;

    while (fd >= 0 && got < WRAP_PINGS && ping_once(fd, 100 + got, 1000))
        got++;
    if (fd >= 0)
        close(fd);
    /* One line of at most 255 bytes (check()), the diagnosis included. */
    check(got == WRAP_PINGS, "net_ring_wrap", "ping %d of %d got no answer, %lu frames in "
          "since boot (rings: %d in, %d out): %s", got + 1, WRAP_PINGS, eth0().rx_packets,
          RX_RING, TX_RING, diagnosis(&before));
}

/* ---------------------------------------------------------------- UDP: TFTP (RFC 1350) */

#define TFTP_RRQ 1
#define TFTP_DATA 3
#define TFTP_ACK 4
#define TFTP_ERROR 5
#define TFTP_BLOCK 512

static void tftp_ack(int fd, const struct sockaddr_in *to, unsigned block)
{
    uint8_t ack[4] = { 0, TFTP_ACK, block >> 8, block & 0xFF };

    sendto(fd, ack, sizeof(ack), 0, (const struct sockaddr *)to, sizeof(*to));
}

/* Reads TFTP_FILE from QEMU's TFTP server into buf; the bytes read, or
 * -1 with why.  A lost packet is asked for again (the last ACK again),
 * three times. */
static long tftp_get(char *buf, long size, char *why, size_t whylen)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in server = { .sin_family = AF_INET, .sin_port = htons(69),
                                  .sin_addr.s_addr = inet_addr(GATEWAY) };
    uint8_t rrq[64] = { 0, TFTP_RRQ }, pkt[4 + TFTP_BLOCK];
    size_t rlen = 2;
    long len = 0;
    unsigned block = 0;
    int tries = 0;
    struct timespec start;

    rlen += sprintf((char *)rrq + rlen, "%s", TFTP_FILE) + 1;
    rlen += sprintf((char *)rrq + rlen, "octet") + 1;
    if (fd < 0 || sendto(fd, rrq, rlen, 0, (struct sockaddr *)&server, sizeof(server)) < 0) {
        snprintf(why, whylen, "socket/sendto: %s", strerror(errno));
        goto fail;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        if (ms_since(&start) > TRANSFER_MS) {
            snprintf(why, whylen, "only %u blocks in %d s", block, TRANSFER_MS / 1000);
            goto fail;
        }
        if (!readable(fd, block == 0 ? 3000 : 1000)) {
            if (++tries > 3) {
                snprintf(why, whylen, "no block %u after 4 tries", block + 1);
                goto fail;
            }
            if (block == 0)
                sendto(fd, rrq, rlen, 0, (struct sockaddr *)&server, sizeof(server));
            else
                tftp_ack(fd, &server, block);
            continue;
        }
        struct sockaddr_in from;
        socklen_t flen = sizeof(from);
        ssize_t n = recvfrom(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&from, &flen);
        if (n >= 4 && pkt[1] == TFTP_ERROR) {
            snprintf(why, whylen, "the server said: error %d, %.60s", pkt[3], (char *)pkt + 4);
            goto fail;
        }
        unsigned got = n >= 4 ? (unsigned)(pkt[2] << 8 | pkt[3]) : 0;
        if (n < 4 || pkt[1] != TFTP_DATA || got != ((block + 1) & 0xFFFF))
            continue;                    /* a copy of one already had */
        if (len + (n - 4) > size) {
            snprintf(why, whylen, "more than the %ld bytes of the file here", size);
            goto fail;
        }
        server.sin_port = from.sin_port; /* the server's transfer port (its TID) */
        memcpy(buf + len, pkt + 4, n - 4);
        len += n - 4;
        tftp_ack(fd, &server, ++block);
        tries = 0;
        if (n - 4 < TFTP_BLOCK)
            break;
    }
    close(fd);
    return len;
fail:
    if (fd >= 0)
        close(fd);
    return -1;
}

/* The whole of path into buf; its length, or -1 if unreadable or too big. */
static long slurp(const char *path, char *buf, long size)
{
    int fd = open(path, O_RDONLY);
    long len = fd >= 0 ? read(fd, buf, size) : -1;

    if (fd >= 0)
        close(fd);
    return len < size ? len : -1;
}

static void udp_tftp(void)
{
    struct counters before = eth0();
    long want = slurp("/" TFTP_FILE, file_here, sizeof(file_here)), got, differ = 0;
    char why[160] = "";

    if (want < 0) {
        check(0, "net_udp", "cannot read /" TFTP_FILE " here to compare");
        return;
    }
    got = tftp_get(file_there, sizeof(file_there), why, sizeof(why));
    while (got == want && differ < want && file_here[differ] == file_there[differ])
        differ++;
    if (got < 0)
        check(0, "net_udp", "TFTP of " TFTP_FILE " from " GATEWAY ": %s; %s", why,
              diagnosis(&before));
    else
        check(got == want && differ == want, "net_udp", "TFTP of " TFTP_FILE " from " GATEWAY
              ": %ld bytes, the file has %ld; they differ from byte %ld on (a frame handed up "
              "with a wrong length, or from a wrong buffer?)", got, want, differ);
}

/* ---------------------------------------------------------------- TCP through guestfwd */

/* A connection to QEMU's service on port, or -1 (why says so) if none
 * within 5 s. */
static int connect_service(unsigned port, char *why, size_t whylen)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port),
                              .sin_addr.s_addr = inet_addr(SERVICES) };

    if (fd < 0) {
        snprintf(why, whylen, "socket: %s", strerror(errno));
        return -1;
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    if (connect(fd, (struct sockaddr *)&to, sizeof(to)) < 0 && errno != EINPROGRESS) {
        snprintf(why, whylen, "connect to " SERVICES ":%u: %s", port, strerror(errno));
        close(fd);
        return -1;
    }
    struct pollfd p = { fd, POLLOUT, 0 };
    int err = 0;
    socklen_t len = sizeof(err);
    if (poll(&p, 1, 5000) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err) {
        snprintf(why, whylen, "connect to " SERVICES ":%u: %s", port,
                 err ? strerror(err) : "no answer in 5 s");
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, 0);
    return fd;
}

/* Reads until end of file, a full buffer, or TRANSFER_MS. */
static long read_all(int fd, char *buf, long size)
{
    struct timespec start;
    long len = 0, left;

    clock_gettime(CLOCK_MONOTONIC, &start);
    while (len < size && (left = TRANSFER_MS - ms_since(&start)) > 0 && readable(fd, (int)left)) {
        ssize_t n = read(fd, buf + len, size - len);
        if (n <= 0)
            break;
        len += n;
    }
    return len;
}

static void tcp_download(void)
{
    struct counters before = eth0();
    char *got = download, *want = expected, why[160];
    long wlen = 0;

    for (int i = 1; i <= DOWNLOAD_LINES; i++)
        wlen += sprintf(want + wlen, "%d\n", i);
    int fd = connect_service(DOWNLOAD_PORT, why, sizeof(why));
    if (fd < 0) {
        check(0, "net_tcp_download", "%s; %s", why, diagnosis(&before));
        return;
    }
    long len = read_all(fd, got, sizeof(download));
    close(fd);
    long same = 0;
    while (same < len && same < wlen && got[same] == want[same])
        same++;
    check(len == wlen && same == wlen, "net_tcp_download", "`seq 1 %d` through TCP: %ld bytes "
          "(of %ld), the first %ld right; %s", DOWNLOAD_LINES, len, wlen, same,
          len < wlen ? diagnosis(&before) : "a frame handed up wrong?");
}

/* s cut at its first newline, in place: a FAIL line is one line. */
static const char *one_line(char *s)
{
    s[strcspn(s, "\n")] = '\0';
    return s;
}

/* POSIX cksum's CRC: the polynomial 0x04C11DB7, bits taken high first,
 * then the length, low byte first, and the result inverted. */
static uint32_t crc_byte(uint32_t crc, uint8_t b)
{
    crc ^= (uint32_t)b << 24;
    for (int i = 0; i < 8; i++)
        crc = crc & 0x80000000u ? crc << 1 ^ 0x04C11DB7u : crc << 1;
    return crc;
}

static uint32_t posix_cksum(const uint8_t *p, size_t len)
{
    uint32_t crc = 0;

    for (size_t i = 0; i < len; i++)
        crc = crc_byte(crc, p[i]);
    for (size_t n = len; n; n >>= 8)
        crc = crc_byte(crc, n & 0xFF);
    return ~crc;
}

/* One write() of UPLOAD_BYTES: TCP puts a window's worth of segments on
 * the ring without a pause (interrupts are off in the kernel), more than
 * the ring holds, so the ring fills while the card's "sent" interrupt
 * waits.  Every byte must arrive, and no frame be dropped. */
static void tx_burst(void)
{
    uint8_t *data = upload;
    struct counters before = eth0();
    char why[160], answer[64] = "";

    for (int i = 0; i < UPLOAD_BYTES; i++)
        data[i] = (uint8_t)(i * 7 + i / 251);
    int fd = connect_service(UPLOAD_PORT, why, sizeof(why));
    if (fd < 0) {
        check(0, "net_tx_burst", "%s; %s", why, diagnosis(&before));
        return;
    }
    ssize_t w = write(fd, data, UPLOAD_BYTES);
    shutdown(fd, SHUT_WR);
    long len = read_all(fd, answer, sizeof(answer) - 1);
    close(fd);
    answer[len > 0 ? len : 0] = '\0';
    char want[64];
    snprintf(want, sizeof(want), "%u %d\n", posix_cksum(data, UPLOAD_BYTES), UPLOAD_BYTES);
    struct counters after = eth0();
    unsigned long dropped = after.tx_dropped - before.tx_dropped;
    if (w != UPLOAD_BYTES)
        check(0, "net_tx_burst", "write of %d bytes returned %ld (errno %d)", UPLOAD_BYTES,
              (long)w, errno);
    else if (strcmp(answer, want) != 0)
        check(0, "net_tx_burst", "%d bytes in one write(): cksum on the host said \"%.24s\", "
              "want \"%.24s\": a full ring returns NETDEV_TX_BUSY, a descriptor in use is "
              "never taken", UPLOAD_BYTES, one_line(answer), one_line(want));
    else
        check(dropped == 0, "net_tx_burst", "the bytes arrived, but eth0 dropped %lu frames "
              "(tx_dropped): with the ring full they wait (NETDEV_TX_BUSY), they are not lost",
              dropped);
}

/* ---------------------------------------------------------------- memory */

/* Every page that went into the frames of all the above is back: what
 * the card sent is freed (tx_clean), what it received went up or was
 * given back to the ring.  The card's buffers and the ARP entry were
 * made by the warm-up, before the first count. */
static void no_leak(long pages_before, const struct counters *before, int all_ok)
{
    struct counters now = eth0();
    long pages = free_pages();

    if (!all_ok) {
        check(0, "net_no_leak", "needs every other check first: a driver that loses "
              "frames leaves connections and timers behind");
        return;
    }
    check(pages >= pages_before && now.rx_errors == before->rx_errors &&
          now.tx_errors == before->tx_errors, "net_no_leak", "%ld pages free before the "
          "traffic, %ld after: a sent frame is a page, freed once the card is done (DD), and "
          "a full ring's descriptors are not taken over; rx_errors %lu, tx_errors %lu", pages_before, pages,
          now.rx_errors - before->rx_errors, now.tx_errors - before->tx_errors);
}

int main(void)
{
    static const char *const later[] = { "net_ring_wrap", "net_udp", "net_tcp_download",
                                         "net_tx_burst", "net_no_leak" };

    if (!pinged()) {
        for (int i = 0; i < 5; i++)
            check(0, later[i], "needs net_ping first: the gateway must answer pings");
        return test_exit_code();
    }
    int failed = test_failures();
    memset(file_here, 1, sizeof(file_here));
    memset(file_there, 1, sizeof(file_there));
    memset(download, 1, sizeof(download));
    memset(expected, 1, sizeof(expected));
    memset(upload, 1, sizeof(upload));
    struct counters start = eth0();
    long pages = free_pages();
    ring_wrap();
    udp_tftp();
    tcp_download();
    tx_burst();
    no_leak(pages, &start, test_failures() == failed);
    return test_exit_code();
}
