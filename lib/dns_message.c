/* DNS messages (RFC 1035 section 4): the query a stub resolver sends, and
 * the checks on the reply.  Pure functions: a buffer in, a result out.
 *
 *   header    id, flags (QR opcode AA TC RD RA Z RCODE), then the counts
 *             QDCOUNT ANCOUNT NSCOUNT ARCOUNT, 16 bits each
 *   question  name, type, class
 *   answer    records: name, type, class, TTL, RDLENGTH, RDATA
 *
 * A reply is believed only if it answers our question: the same ID, the
 * QR bit, the same name, type and class.  Every length in it is checked
 * against the message's size before anything is read. */
#include <string.h>
#include <minnow/dns.h>

#define FLAG_QR     0x8000       /* a response */
#define FLAG_OPCODE 0x7800       /* 0: a standard query */
#define FLAG_TC     0x0200       /* truncated */
#define FLAG_RD     0x0100       /* recursion desired: the server asks for us */
#define RCODE_MASK  0x000f
#define RCODE_SERVFAIL 2
#define RCODE_NXDOMAIN 3

static unsigned get16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

/* How long an address of type qtype is (0: a type we do not ask). */
static size_t address_len(unsigned qtype)
{
    return qtype == DNS_TYPE_A ? 4 : qtype == DNS_TYPE_AAAA ? 16 : 0;
}

int dns_build_query(unsigned char *buf, size_t size, uint16_t id, const char *name, int qtype)
{
    unsigned char wire[DNS_NAME_MAX];
    int n = dns_name_from_text(name, wire);

    if (n < 0 || address_len((unsigned)qtype) == 0)
        return DNS_ERR_QUERY;
    size_t len = DNS_HEADER_SIZE + (size_t)n + 4;
    if (size < len)
        return DNS_ERR_SPACE;
    memset(buf, 0, DNS_HEADER_SIZE);
    put16(buf, id);
    put16(buf + 2, FLAG_RD);
    put16(buf + 4, 1);                    /* one question */
    memcpy(buf + DNS_HEADER_SIZE, wire, (size_t)n);
    put16(buf + DNS_HEADER_SIZE + n, (unsigned)qtype);
    put16(buf + DNS_HEADER_SIZE + n + 2, DNS_CLASS_IN);
    return (int)len;
}

struct question {
    unsigned char name[DNS_NAME_MAX];
    unsigned type, class;
};

static int read_question(const unsigned char *msg, size_t len, size_t *pos, struct question *q)
{
    int r = dns_name_read(msg, len, pos, q->name);

    if (r < 0)
        return r;
    if (*pos + 4 > len)
        return DNS_ERR_FORMAT;
    q->type = get16(msg + *pos);
    q->class = get16(msg + *pos + 2);
    *pos += 4;
    return 0;
}

struct record {
    unsigned char owner[DNS_NAME_MAX];
    unsigned type, class;
    size_t rdata, rdlen;         /* where its data is in the message, how long */
};

/* A CNAME's data: exactly one name, which may point back into the
 * message but must end where the record does. */
static int read_alias(const unsigned char *msg, const struct record *rr,
                      unsigned char target[DNS_NAME_MAX])
{
    size_t at = rr->rdata;
    int r = dns_name_read(msg, rr->rdata + rr->rdlen, &at, target);

    if (r < 0)
        return r;
    return at == rr->rdata + rr->rdlen ? 0 : DNS_ERR_FORMAT;
}

/* The resource record at *pos (RFC 1035 4.1.3), checked; *pos moves past
 * it.  A CNAME's name and an address's length are checked here too, so
 * that a malformed record is found whether or not the chain reaches it. */
static int read_record(const unsigned char *msg, size_t len, size_t *pos, unsigned qtype,
                       struct record *rr)
{
    unsigned char target[DNS_NAME_MAX];
    int r = dns_name_read(msg, len, pos, rr->owner);

    if (r < 0)
        return r;
    if (*pos + 10 > len)
        return DNS_ERR_FORMAT;
    rr->type = get16(msg + *pos);
    rr->class = get16(msg + *pos + 2);
    rr->rdlen = get16(msg + *pos + 8);    /* after the 32-bit TTL */
    rr->rdata = *pos + 10;
    if (rr->rdata + rr->rdlen > len)
        return DNS_ERR_FORMAT;
    *pos = rr->rdata + rr->rdlen;
    if (rr->class != DNS_CLASS_IN)
        return 0;
    if (rr->type == DNS_TYPE_CNAME)
        return read_alias(msg, rr, target);
    if (rr->type == qtype && rr->rdlen != address_len(qtype))
        return DNS_ERR_FORMAT;
    return 0;
}

/* Where the answer section is, and what was asked. */
struct answers {
    const unsigned char *msg;
    size_t len, start;
    unsigned count, qtype;
};

static int check_answers(const struct answers *s)
{
    struct record rr;
    size_t pos = s->start;

    for (unsigned i = 0; i < s->count; i++) {
        int r = read_record(s->msg, s->len, &pos, s->qtype, &rr);
        if (r < 0)
            return r;
    }
    return 0;
}

/* The addresses that name owns, into ans; how many. */
static int collect(const struct answers *s, const unsigned char *name, struct dns_answer *ans)
{
    struct record rr;
    size_t pos = s->start;

    ans->count = 0;
    for (unsigned i = 0; i < s->count && read_record(s->msg, s->len, &pos, s->qtype, &rr) == 0;
         i++) {
        if (rr.class == DNS_CLASS_IN && rr.type == s->qtype && dns_name_equal(rr.owner, name) &&
            ans->count < DNS_MAX_ADDRS)
            memcpy(ans->addr[ans->count++], s->msg + rr.rdata, rr.rdlen);
    }
    return ans->count;
}

/* name's alias (its CNAME's target) into target; 0 if it has none. */
static int find_alias(const struct answers *s, const unsigned char *name,
                      unsigned char target[DNS_NAME_MAX])
{
    struct record rr;
    size_t pos = s->start;

    for (unsigned i = 0; i < s->count && read_record(s->msg, s->len, &pos, s->qtype, &rr) == 0;
         i++) {
        if (rr.class == DNS_CLASS_IN && rr.type == DNS_TYPE_CNAME &&
            dns_name_equal(rr.owner, name))
            return read_alias(s->msg, &rr, target) == 0;
    }
    return 0;
}

static size_t wire_len(const unsigned char *name)
{
    size_t n = 0;

    while (name[n])
        n += 1 + name[n];
    return n + 1;
}

/* From the name asked, through at most DNS_MAX_CNAMES aliases, to the
 * name that owns addresses.  The records may come in any order. */
static int follow_chain(const struct answers *s, const unsigned char *asked,
                        struct dns_answer *ans)
{
    unsigned char target[DNS_NAME_MAX];

    memcpy(ans->canon, asked, wire_len(asked));
    ans->len = (int)address_len(s->qtype);
    for (int hop = 0; hop <= DNS_MAX_CNAMES; hop++) {
        if (collect(s, ans->canon, ans) > 0)
            return 0;
        if (!find_alias(s, ans->canon, target))
            return DNS_ERR_NODATA;
        memcpy(ans->canon, target, wire_len(target));
    }
    return DNS_ERR_CHAIN;
}

/* The header and question of msg against the query's. */
static int check_question(const unsigned char *msg, size_t len, const struct question *asked,
                          unsigned id, size_t *pos)
{
    struct question got;
    unsigned flags = get16(msg + 2);

    if (get16(msg) != id || !(flags & FLAG_QR) || (flags & FLAG_OPCODE) || get16(msg + 4) != 1)
        return DNS_ERR_MISMATCH;
    int r = read_question(msg, len, pos, &got);
    if (r < 0)
        return r;
    if (!dns_name_equal(got.name, asked->name) || got.type != asked->type ||
        got.class != asked->class)
        return DNS_ERR_MISMATCH;
    return 0;
}

static int rcode_error(unsigned flags)
{
    switch (flags & RCODE_MASK) {
    case 0:
        return 0;
    case RCODE_NXDOMAIN:
        return DNS_ERR_NXDOMAIN;
    case RCODE_SERVFAIL:
        return DNS_ERR_SERVFAIL;
    default:
        return DNS_ERR_RCODE;
    }
}

int dns_parse_reply(const unsigned char *msg, size_t len, const unsigned char *query,
                    size_t qlen, struct dns_answer *ans)
{
    struct question asked;
    size_t qpos = DNS_HEADER_SIZE, pos = DNS_HEADER_SIZE;

    if (qlen < DNS_HEADER_SIZE || read_question(query, qlen, &qpos, &asked) < 0 ||
        address_len(asked.type) == 0)
        return DNS_ERR_QUERY;
    if (len < DNS_HEADER_SIZE)
        return DNS_ERR_FORMAT;
    int r = check_question(msg, len, &asked, get16(query), &pos);
    if (r < 0)
        return r;
    unsigned flags = get16(msg + 2);
    if (flags & FLAG_TC)
        return DNS_ERR_TRUNCATED;
    r = rcode_error(flags);
    if (r < 0)
        return r;
    struct answers s = { msg, len, pos, get16(msg + 6), asked.type };
    r = check_answers(&s);
    if (r < 0)
        return r;
    return follow_chain(&s, asked.name, ans);
}
