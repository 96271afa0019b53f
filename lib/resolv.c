/* The stub resolver's exchange: a query over UDP to each name server of
 * /etc/resolv.conf in turn, until one answers (lib/resolv_conf.c reads
 * the file, lib/dns_message.c builds and checks the messages).
 *
 * Each try uses a fresh socket, connected to the server: then the kernel
 * hands us only datagrams from the server's address and port, and write
 * and read need no address.  The query ID is random, so a forger who
 * cannot see the query must guess it and our port too (RFC 5452).  A
 * reply that is not for our question, or malformed, is dropped and the
 * wait goes on: a forged or broken datagram cannot end the lookup.
 *
 * The errors (getaddrinfo's codes): no socket at all (the kernel has no
 * UDP, or no fds are left) ends the lookup at once with EAI_SYSTEM and
 * errno; a server that is unreachable or silent until its timeout is
 * EAI_AGAIN unless another server answers. */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <minnow/dns.h>

/* ask()'s results besides dns_parse_reply's */
#define NO_REPLY  1              /* nothing believable came in time */
#define NO_SOCKET 2              /* socket() failed */

static long now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static uint16_t query_id(void)
{
    uint16_t id;

    if (getrandom(&id, sizeof(id), 0) == (ssize_t)sizeof(id))
        return id;
    return (uint16_t)(now_ms() ^ getpid());
}

/* Reads replies on fd until one answers query, or timeout_ms pass. */
static int await_reply(int fd, const unsigned char *query, size_t qlen, int timeout_ms,
                       struct dns_answer *ans)
{
    unsigned char reply[DNS_MSG_MAX];
    long deadline = now_ms() + timeout_ms;

    for (;;) {
        long left = deadline - now_ms();
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (left <= 0)
            return NO_REPLY;
        int r = poll(&p, 1, (int)left);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return NO_REPLY;
        ssize_t n = read(fd, reply, sizeof(reply));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return NO_REPLY;              /* ECONNREFUSED: no server at that port */
        r = dns_parse_reply(reply, (size_t)n, query, qlen, ans);
        if (r != DNS_ERR_MISMATCH && r != DNS_ERR_FORMAT && r != DNS_ERR_POINTER)
            return r;
    }
}

static int ask(const struct sockaddr_in *server, unsigned char *query, size_t qlen,
               int timeout_ms, struct dns_answer *ans)
{
    uint16_t id = query_id();
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int r = NO_REPLY;

    if (fd < 0)
        return NO_SOCKET;
    query[0] = (unsigned char)(id >> 8);
    query[1] = (unsigned char)id;
    if (connect(fd, (const struct sockaddr *)server, sizeof(*server)) == 0 &&
        write(fd, query, qlen) == (ssize_t)qlen)
        r = await_reply(fd, query, qlen, timeout_ms, ans);
    int e = errno;
    close(fd);
    errno = e;
    return r;
}

/* A server's word, as getaddrinfo says it. */
static int to_eai(int r)
{
    switch (r) {
    case 0:
        return 0;
    case DNS_ERR_NXDOMAIN:
        return EAI_NONAME;
    case DNS_ERR_NODATA:
        return EAI_NODATA;
    case DNS_ERR_SERVFAIL:
    case NO_REPLY:
        return EAI_AGAIN;
    default:                              /* refused, truncated, an alias loop */
        return EAI_FAIL;
    }
}

/* Does this answer end the lookup, or may another server know better? */
static int final(int r)
{
    return r == 0 || r == DNS_ERR_NXDOMAIN || r == DNS_ERR_NODATA || r == DNS_ERR_CHAIN;
}

int dns_resolve(const struct resolv_conf *conf, const char *name, int qtype,
                struct dns_answer *ans)
{
    unsigned char query[DNS_HEADER_SIZE + DNS_NAME_MAX + 4];
    int qlen = dns_build_query(query, sizeof(query), 0, name, qtype);
    int result = EAI_AGAIN;

    if (qlen < 0)
        return EAI_NONAME;
    for (int round = 0; round < conf->attempts; round++) {
        for (int i = 0; i < conf->count; i++) {
            int r = ask(&conf->server[i], query, (size_t)qlen, conf->timeout * 1000, ans);
            if (r == NO_SOCKET)
                return EAI_SYSTEM;
            if (final(r))
                return to_eai(r);
            result = to_eai(r);
        }
    }
    return result;
}
