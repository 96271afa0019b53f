/* Minnow's own header, not a standard one: the DNS stub resolver behind
 * getaddrinfo (docs/libc.md, "Names and addresses").  Programs use
 * <netdb.h>; this header is for the C library and for the tests that
 * feed the parser crafted replies (user/tests/test_dns.c).
 *
 * Two layers:
 *  - messages (lib/dns_name.c, lib/dns_message.c): pure functions, a
 *    buffer in and a result out, no system calls.  dns_build_query makes
 *    the question, dns_parse_reply checks a reply against it and finds the
 *    addresses (RFC 1035 section 4);
 *  - the exchange (lib/resolv_conf.c, lib/resolv.c): /etc/resolv.conf,
 *    and the query sent over UDP to each name server in turn. */
#ifndef _MINNOW_DNS_H
#define _MINNOW_DNS_H

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#define DNS_PORT        53
#define DNS_HEADER_SIZE 12       /* id, flags, and the four section counts */
#define DNS_MSG_MAX     512      /* a reply over UDP, without EDNS (RFC 1035 4.2.1) */
#define DNS_NAME_MAX    255      /* a name in wire form, length bytes and final 0 included */
#define DNS_LABEL_MAX   63
#define DNS_MAX_ADDRS   16       /* addresses kept from one reply; more are dropped */
#define DNS_MAX_CNAMES  8        /* aliases followed from the name asked */
#define DNS_MAX_HOPS    32       /* compression pointers followed in one name */

#define DNS_TYPE_A      1
#define DNS_TYPE_CNAME  5
#define DNS_TYPE_AAAA   28
#define DNS_CLASS_IN    1

/* What went wrong, as the functions below return it (0: an answer). */
#define DNS_ERR_QUERY     (-1)   /* the name cannot be asked: a label empty or over 63
                                    bytes, a name over 253 characters, a character
                                    other than letters, digits, '-' and '_'; or the
                                    type is neither A nor AAAA */
#define DNS_ERR_SPACE     (-2)   /* the buffer is too small for the query */
#define DNS_ERR_FORMAT    (-3)   /* the reply is malformed: shorter than its counts say,
                                    a length past its end, a reserved label type, a
                                    name over 255 bytes, an A record not 4 bytes... */
#define DNS_ERR_POINTER   (-4)   /* a compression pointer that does not point back
                                    (forward, past the end, into the header, a loop),
                                    or more than DNS_MAX_HOPS of them in one name */
#define DNS_ERR_MISMATCH  (-5)   /* not the reply to this query: another ID, not a
                                    response (QR 0), another opcode or question */
#define DNS_ERR_TRUNCATED (-6)   /* TC: the answer did not fit in UDP (no TCP here) */
#define DNS_ERR_NXDOMAIN  (-7)   /* RCODE 3: the name does not exist */
#define DNS_ERR_NODATA    (-8)   /* the name exists, but has no address of that type */
#define DNS_ERR_SERVFAIL  (-9)   /* RCODE 2: the server could not find out (try again) */
#define DNS_ERR_RCODE     (-10)  /* another RCODE: format error, not implemented, refused */
#define DNS_ERR_CHAIN     (-11)  /* the aliases (CNAMEs) loop or go on past DNS_MAX_CNAMES */

/* A short English phrase for a DNS_ERR_ value. */
const char *dns_strerror(int err);

/* ---------------------------------------------------------------- names */

/* "www.example.com" (a final '.' allowed) in wire form: each label after
 * its length byte, then a 0 byte.  Returns the wire length (at most
 * DNS_NAME_MAX), or DNS_ERR_QUERY. */
int dns_name_from_text(const char *text, unsigned char wire[DNS_NAME_MAX]);

/* The name at *pos in msg (len bytes), compression pointers followed, in
 * wire form without pointers.  *pos moves past the name as it is written
 * there (after its first pointer, or its 0 byte).  Returns the wire
 * length, DNS_ERR_FORMAT or DNS_ERR_POINTER; never reads outside msg. */
int dns_name_read(const unsigned char *msg, size_t len, size_t *pos,
                  unsigned char wire[DNS_NAME_MAX]);

/* Two wire-form names equal, letters compared without case (RFC 4343). */
int dns_name_equal(const unsigned char *a, const unsigned char *b);

/* A wire-form name as text, without a final dot.  Returns its length, or
 * DNS_ERR_QUERY for a label with a byte that is not a letter, digit, '-'
 * or '_' (such a name is not handed to programs), DNS_ERR_SPACE. */
int dns_name_to_text(const unsigned char *wire, char *text, size_t size);

/* ---------------------------------------------------------------- messages */

/* A query for name's records of type qtype (DNS_TYPE_A or _AAAA), with
 * recursion desired, into buf.  Returns its length, DNS_ERR_QUERY or
 * DNS_ERR_SPACE. */
int dns_build_query(unsigned char *buf, size_t size, uint16_t id, const char *name, int qtype);

struct dns_answer {
    int count;                              /* addresses found */
    int len;                                /* each one's length: 4 (A), 16 (AAAA) */
    unsigned char addr[DNS_MAX_ADDRS][16];  /* network order, in the reply's order */
    unsigned char canon[DNS_NAME_MAX];      /* the name they belong to, wire form:
                                               the end of the CNAME chain */
};

/* Checks that msg (len bytes) answers query (as dns_build_query made
 * it), then follows the CNAME chain from the name asked through the
 * answer section and collects the addresses of its end.  Returns 0 with
 * *ans filled (count >= 1), or a DNS_ERR_ value (ans is then undefined).
 * The checks come in this order: format of the header, ID/QR/opcode,
 * question (MISMATCH), TC, RCODE, then every answer record's format. */
int dns_parse_reply(const unsigned char *msg, size_t len, const unsigned char *query,
                    size_t qlen, struct dns_answer *ans);

/* ---------------------------------------------------------------- the exchange */

#define RESOLV_CONF      "/etc/resolv.conf"
#define RESOLV_MAXNS     3       /* name servers used, as resolv.conf(5) says */
#define RESOLV_TIMEOUT   5       /* seconds to wait for each server's reply */
#define RESOLV_ATTEMPTS  2       /* rounds through the servers */

struct resolv_conf {
    int count;                                 /* servers */
    struct sockaddr_in server[RESOLV_MAXNS];   /* address and port (53) of each */
    int timeout;                               /* seconds, 1..30 */
    int attempts;                              /* 1..5 */
};

/* resolv.conf(5)'s text: "nameserver ADDRESS" lines (IPv4; the first
 * RESOLV_MAXNS), "options timeout:N attempts:N"; comments start with '#'
 * or ';'; other lines are ignored.  No nameserver line: 127.0.0.1, as
 * resolv.conf(5) says. */
void resolv_conf_parse(const char *text, struct resolv_conf *conf);

/* resolv_conf_parse of the file at path (its first 4 KiB), or of nothing
 * if it cannot be read. */
void resolv_conf_load(const char *path, struct resolv_conf *conf);

/* Asks conf's servers for name's records of type qtype: each server in
 * turn waits conf->timeout seconds, conf->attempts rounds.  A reply that
 * does not match (ID, question) or is malformed is ignored and the wait
 * goes on.  Returns 0 with *ans filled, or getaddrinfo's codes:
 * EAI_NONAME (no such name, or not a name that can be asked), EAI_NODATA
 * (no address of that type), EAI_AGAIN (no server answered in time, or
 * SERVFAIL), EAI_FAIL (refused, truncated, an alias loop), EAI_SYSTEM (no
 * UDP socket could be made: errno says why). */
int dns_resolve(const struct resolv_conf *conf, const char *name, int qtype,
                struct dns_answer *ans);

#endif
