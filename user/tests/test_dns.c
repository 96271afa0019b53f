/* The DNS stub resolver's messages (<minnow/dns.h>): the query it builds,
 * and what it makes of replies crafted here byte by byte -- a normal A
 * answer, a CNAME chain, NXDOMAIN, every truncation, compression
 * pointers that loop, point forward or past the end, answers to another
 * question or with another ID, labels and names too long -- and of
 * random damage.  Each reply is parsed where its last byte is the last
 * of a mapped page: a read past its end is a SIGSEGV, which the group's
 * child would die of.  Then /etc/resolv.conf's parser, and the exchange
 * itself: without UDP in the kernel it fails at once with EAI_SYSTEM. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <minnow/dns.h>
#include <minnow/test.h>

#define ID 0x1234
#define NAME "www.example.com"   /* in the reply: at 12; "example.com" at 16 */

static unsigned char query[DNS_HEADER_SIZE + DNS_NAME_MAX + 4];
static size_t qlen;
static unsigned char *page;      /* a page with no page mapped after it */

/* ---------------------------------------------------------------- crafting replies */

struct msg {
    unsigned char b[2048];
    size_t len;
};

static void put8(struct msg *m, unsigned v)
{
    if (m->len < sizeof(m->b))
        m->b[m->len++] = (unsigned char)v;
}

static void put16(struct msg *m, unsigned v)
{
    put8(m, v >> 8);
    put8(m, v & 0xff);
}

static void put_bytes(struct msg *m, const void *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put8(m, ((const unsigned char *)p)[i]);
}

/* A name in wire form; its length. */
static size_t put_name(struct msg *m, const char *text)
{
    unsigned char wire[DNS_NAME_MAX];
    int n = dns_name_from_text(text, wire);

    put_bytes(m, wire, n > 0 ? (size_t)n : 0);
    return n > 0 ? (size_t)n : 0;
}

static void put_pointer(struct msg *m, unsigned offset)
{
    put16(m, 0xc000 | offset);
}

static void header(struct msg *m, unsigned id, unsigned flags, unsigned qd, unsigned an)
{
    m->len = 0;
    put16(m, id);
    put16(m, flags);
    put16(m, qd);
    put16(m, an);
    put16(m, 0);
    put16(m, 0);
}

/* A reply's start: our ID, "response, recursion available" plus rcode,
 * and our question copied. */
static void reply_start(struct msg *m, unsigned rcode, unsigned answers)
{
    header(m, ID, 0x8180 | rcode, 1, answers);
    put_bytes(m, query + DNS_HEADER_SIZE, qlen - DNS_HEADER_SIZE);
}

/* A record's fields after its owner name: type, class IN, TTL, length. */
static void rr_fields(struct msg *m, unsigned type, unsigned rdlen)
{
    put16(m, type);
    put16(m, DNS_CLASS_IN);
    put16(m, 0);
    put16(m, 3600);
    put16(m, rdlen);
}

static void rr_a(struct msg *m, unsigned char a, unsigned char b, unsigned char c,
                 unsigned char d)
{
    const unsigned char ip[4] = { a, b, c, d };

    rr_fields(m, DNS_TYPE_A, 4);
    put_bytes(m, ip, 4);
}

static void rr_cname(struct msg *m, const char *target)
{
    unsigned char wire[DNS_NAME_MAX];

    rr_fields(m, DNS_TYPE_CNAME, (unsigned)dns_name_from_text(target, wire));
    put_name(m, target);
}

/* dns_parse_reply of m's first len bytes, placed to end where the page
 * does. */
static int parse_len(const struct msg *m, size_t len, struct dns_answer *ans)
{
    unsigned char *at = page + 4096 - len;

    memcpy(at, m->b, len);
    return dns_parse_reply(at, len, query, qlen, ans);
}

static int parse(const struct msg *m, struct dns_answer *ans)
{
    return parse_len(m, m->len, ans);
}

static int is_addr(const struct dns_answer *a, int i, const char *dotted)
{
    struct in_addr want;

    inet_pton(AF_INET, dotted, &want);
    return i < a->count && a->len == 4 && memcmp(a->addr[i], &want, 4) == 0;
}

static const char *canon_text(const struct dns_answer *a)
{
    static char text[256];

    if (dns_name_to_text(a->canon, text, sizeof(text)) < 0)
        strcpy(text, "(not text)");
    return text;
}

/* ---------------------------------------------------------------- the query */

static void build(void)
{
    /* RFC 1035 4.1.1 and 4.1.2: id, RD, QDCOUNT 1; 3www7example3com0, A, IN */
    static const unsigned char want[] = {
        0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
        3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,
        0, 1, 0, 1,
    };
    unsigned char buf[300], buf2[300];

    check(qlen == sizeof(want) && memcmp(query, want, sizeof(want)) == 0, "dns_query_bytes",
          "length %zu", qlen);
    int n = dns_build_query(buf, sizeof(buf), ID, NAME ".", DNS_TYPE_A);
    check(n == (int)qlen && memcmp(buf, query, qlen) == 0, "dns_query_final_dot", "got %d", n);
    n = dns_build_query(buf, sizeof(buf), ID, NAME, DNS_TYPE_AAAA);
    check(n == (int)qlen && buf[n - 3] == DNS_TYPE_AAAA, "dns_query_aaaa", "got %d", n);
    check(dns_build_query(buf, qlen - 1, ID, NAME, DNS_TYPE_A) == DNS_ERR_SPACE,
          "dns_query_small_buffer", "not DNS_ERR_SPACE");
    check(dns_build_query(buf, sizeof(buf), ID, NAME, DNS_TYPE_CNAME) == DNS_ERR_QUERY,
          "dns_query_other_type", "not DNS_ERR_QUERY");

    const char *bad[] = { "", ".", "..", "a..b", ".a", "a b", "a\tb", "caf\xc3\xa9", "a/b",
                          "a.b..", NULL };
    for (int i = 0; bad[i]; i++)
        check(dns_build_query(buf, sizeof(buf), ID, bad[i], DNS_TYPE_A) == DNS_ERR_QUERY,
              "dns_query_bad_name", "\"%s\" accepted", bad[i]);

    /* a label of 63 is the most, a name of 253 characters too */
    char label[70], name[300];
    memset(label, 'a', 64);
    label[64] = '\0';
    check(dns_build_query(buf, sizeof(buf), ID, label, DNS_TYPE_A) == DNS_ERR_QUERY,
          "dns_query_label_64", "accepted");
    label[63] = '\0';
    check(dns_build_query(buf, sizeof(buf), ID, label, DNS_TYPE_A) > 0, "dns_query_label_63",
          "refused");
    snprintf(name, sizeof(name), "%s.%s.%s.%.61s", label, label, label, label);  /* 253 */
    n = dns_build_query(buf2, sizeof(buf2), ID, name, DNS_TYPE_A);
    check(strlen(name) == 253 && n == DNS_HEADER_SIZE + 255 + 4, "dns_query_name_253",
          "length %zu gave %d", strlen(name), n);
    strcat(name, "a");
    check(dns_build_query(buf2, sizeof(buf2), ID, name, DNS_TYPE_A) == DNS_ERR_QUERY,
          "dns_query_name_254", "accepted");
}

/* ---------------------------------------------------------------- good replies */

static void normal_answer(void)
{
    struct msg m;
    struct dns_answer a;

    reply_start(&m, 0, 1);
    put_pointer(&m, 12);
    rr_a(&m, 10, 0, 2, 15);
    int r = parse(&m, &a);
    check(r == 0 && a.count == 1 && is_addr(&a, 0, "10.0.2.15"), "dns_a_answer",
          "r %d (%s) count %d", r, dns_strerror(r), a.count);
    check(r == 0 && strcmp(canon_text(&a), NAME) == 0, "dns_a_canon", "canon %s",
          canon_text(&a));

    /* two addresses, an AAAA and a record of class CH between them (not
     * ours: skipped), the owner written out in other letter case */
    reply_start(&m, 0, 4);
    put_pointer(&m, 12);
    rr_a(&m, 192, 0, 2, 1);
    put_pointer(&m, 12);
    rr_fields(&m, DNS_TYPE_AAAA, 16);
    put_bytes(&m, "0123456789abcdef", 16);
    put_pointer(&m, 12);
    put16(&m, DNS_TYPE_A);
    put16(&m, 3);                         /* class CH */
    put16(&m, 0);
    put16(&m, 0);
    put16(&m, 4);
    put_bytes(&m, "\x7f\0\0\x09", 4);
    put_name(&m, "WWW.Example.COM");
    rr_a(&m, 192, 0, 2, 2);
    r = parse(&m, &a);
    check(r == 0 && a.count == 2 && is_addr(&a, 0, "192.0.2.1") && is_addr(&a, 1, "192.0.2.2"),
          "dns_two_addresses", "r %d count %d", r, a.count);

    /* more addresses than DNS_MAX_ADDRS: the first ones are kept */
    reply_start(&m, 0, DNS_MAX_ADDRS + 4);
    for (int i = 0; i < DNS_MAX_ADDRS + 4; i++) {
        put_pointer(&m, 12);
        rr_a(&m, 10, 1, 1, (unsigned char)i);
    }
    r = parse(&m, &a);
    check(r == 0 && a.count == DNS_MAX_ADDRS && is_addr(&a, DNS_MAX_ADDRS - 1, "10.1.1.15"),
          "dns_many_addresses", "r %d count %d", r, a.count);

    /* an AAAA query's answer */
    unsigned char q6[300];
    int n = dns_build_query(q6, sizeof(q6), ID, NAME, DNS_TYPE_AAAA);
    header(&m, ID, 0x8180, 1, 1);
    put_bytes(&m, q6 + DNS_HEADER_SIZE, (size_t)n - DNS_HEADER_SIZE);
    put_pointer(&m, 12);
    rr_fields(&m, DNS_TYPE_AAAA, 16);
    put_bytes(&m, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
    r = dns_parse_reply(m.b, m.len, q6, (size_t)n, &a);
    check(r == 0 && a.count == 1 && a.len == 16 && a.addr[0][0] == 0x20 && a.addr[0][15] == 1,
          "dns_aaaa_answer", "r %d count %d len %d", r, a.count, a.len);
}

/* www.example.com -> web.example.com -> host.cdn.net, which has two
 * addresses; the records come in the opposite order, compressed. */
static void chain_reply(struct msg *m)
{
    reply_start(m, 0, 4);
    size_t host = m->len;
    put_name(m, "host.cdn.net");
    rr_a(m, 1, 2, 3, 4);
    put_pointer(m, (unsigned)host);
    rr_a(m, 5, 6, 7, 8);
    put_pointer(m, 12);
    rr_fields(m, DNS_TYPE_CNAME, 6);
    size_t web = m->len;
    put_bytes(m, "\3web", 4);
    put_pointer(m, 16);                   /* example.com */
    put_pointer(m, (unsigned)web);
    rr_fields(m, DNS_TYPE_CNAME, 2);
    put_pointer(m, (unsigned)host);
}

/* www.example.com -> c1.example.com -> ... -> cN.example.com, 9.9.9.9 */
static void aliases_reply(struct msg *m, int n)
{
    char name[64], target[64];

    reply_start(m, 0, (unsigned)n + 1);
    strcpy(name, NAME);
    for (int i = 1; i <= n; i++) {
        snprintf(target, sizeof(target), "c%d.example.com", i);
        put_name(m, name);
        rr_cname(m, target);
        strcpy(name, target);
    }
    put_name(m, name);
    rr_a(m, 9, 9, 9, 9);
}

static void cnames(void)
{
    struct msg m;
    struct dns_answer a;

    chain_reply(&m);
    int r = parse(&m, &a);
    check(r == 0 && a.count == 2 && is_addr(&a, 0, "1.2.3.4") && is_addr(&a, 1, "5.6.7.8"),
          "dns_cname_chain", "r %d (%s) count %d", r, dns_strerror(r), a.count);
    check(r == 0 && strcmp(canon_text(&a), "host.cdn.net") == 0, "dns_cname_canon",
          "canon %s", canon_text(&a));

    aliases_reply(&m, DNS_MAX_CNAMES);
    r = parse(&m, &a);
    check(r == 0 && is_addr(&a, 0, "9.9.9.9"), "dns_cname_8_aliases", "r %d", r);
    aliases_reply(&m, DNS_MAX_CNAMES + 1);
    r = parse(&m, &a);
    check(r == DNS_ERR_CHAIN, "dns_cname_9_aliases_chain", "r %d", r);

    /* a loop: www -> a -> www */
    reply_start(&m, 0, 2);
    put_pointer(&m, 12);
    rr_cname(&m, "a.example.com");
    put_name(&m, "a.example.com");
    rr_cname(&m, NAME);
    r = parse(&m, &a);
    check(r == DNS_ERR_CHAIN, "dns_cname_loop_chain", "r %d", r);

    /* an alias whose end has no address: no data */
    reply_start(&m, 0, 1);
    put_pointer(&m, 12);
    rr_cname(&m, "a.example.com");
    r = parse(&m, &a);
    check(r == DNS_ERR_NODATA, "dns_cname_to_nothing_nodata", "r %d", r);

    /* addresses of another name only: not ours */
    reply_start(&m, 0, 1);
    put_name(&m, "other.example.com");
    rr_a(&m, 6, 6, 6, 6);
    r = parse(&m, &a);
    check(r == DNS_ERR_NODATA, "dns_other_owner_nodata", "r %d", r);
}

/* ---------------------------------------------------------------- errors */

static void rcodes(void)
{
    struct msg m;
    struct dns_answer a;
    const struct { unsigned flags; int want; const char *name; } cases[] = {
        { 3, DNS_ERR_NXDOMAIN, "dns_nxdomain" },
        { 2, DNS_ERR_SERVFAIL, "dns_servfail" },
        { 5, DNS_ERR_RCODE, "dns_refused" },
        { 1, DNS_ERR_RCODE, "dns_formerr" },
        { 0x0200, DNS_ERR_TRUNCATED, "dns_tc_truncated" },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        reply_start(&m, cases[i].flags, 0);
        int r = parse(&m, &a);
        check(r == cases[i].want, cases[i].name, "r %d (%s)", r, dns_strerror(r));
    }
    reply_start(&m, 0, 0);
    int r = parse(&m, &a);
    check(r == DNS_ERR_NODATA, "dns_no_answers_nodata", "r %d", r);
}

static void mismatches(void)
{
    struct msg m;
    struct dns_answer a;
    int r;

    header(&m, ID + 1, 0x8180, 1, 1);
    put_bytes(&m, query + DNS_HEADER_SIZE, qlen - DNS_HEADER_SIZE);
    put_pointer(&m, 12);
    rr_a(&m, 6, 6, 6, 6);
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_wrong_id", "r %d", r);

    m.b[0] = ID >> 8;
    m.b[1] = ID & 0xff;
    m.b[2] = 0x01;                        /* QR 0: a query, not a reply */
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_not_a_response", "r %d", r);
    m.b[2] = 0x81 | 0x08;                 /* opcode 1 */
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_other_opcode", "r %d", r);

    /* an answer for a different question */
    header(&m, ID, 0x8180, 1, 1);
    put_name(&m, "www.example.org");
    put16(&m, DNS_TYPE_A);
    put16(&m, DNS_CLASS_IN);
    put_pointer(&m, 12);
    rr_a(&m, 6, 6, 6, 6);
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_other_question", "r %d", r);

    header(&m, ID, 0x8180, 1, 1);
    put_name(&m, NAME);
    put16(&m, DNS_TYPE_AAAA);
    put16(&m, DNS_CLASS_IN);
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_other_qtype", "r %d", r);

    header(&m, ID, 0x8180, 1, 1);        /* the question in other case: the same */
    put_name(&m, "WwW.eXaMpLe.CoM");
    put16(&m, DNS_TYPE_A);
    put16(&m, DNS_CLASS_IN);
    put_pointer(&m, 12);
    rr_a(&m, 6, 6, 6, 6);
    r = parse(&m, &a);
    check(r == 0 && is_addr(&a, 0, "6.6.6.6"), "dns_question_case_insensitive", "r %d", r);

    header(&m, ID, 0x8180, 0, 0);        /* no question */
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_no_question", "r %d", r);
    header(&m, ID, 0x8180, 2, 0);
    put_bytes(&m, query + DNS_HEADER_SIZE, qlen - DNS_HEADER_SIZE);
    put_bytes(&m, query + DNS_HEADER_SIZE, qlen - DNS_HEADER_SIZE);
    r = parse(&m, &a);
    check(r == DNS_ERR_MISMATCH, "dns_two_questions", "r %d", r);
}

/* Every length short of the whole is malformed, and none is read past. */
static void truncations(void)
{
    struct msg m;
    struct dns_answer a;

    for (int which = 0; which < 2; which++) {
        if (which == 0) {
            reply_start(&m, 0, 1);
            put_pointer(&m, 12);
            rr_a(&m, 10, 0, 2, 15);
        } else {
            chain_reply(&m);
        }
        int bad = -1, r = 0;
        for (size_t n = 0; n < m.len && bad < 0; n++)
            if ((r = parse_len(&m, n, &a)) != DNS_ERR_FORMAT)
                bad = (int)n;
        check(bad < 0, which ? "dns_truncated_chain_every_length" : "dns_truncated_every_length",
              "length %d of %zu gave %d", bad, m.len, r);
        r = parse(&m, &a);
        check(r == 0, which ? "dns_untruncated_chain" : "dns_untruncated", "r %d", r);
    }
}

/* An A record whose owner is written by `owner`, then parsed. */
static int owner_case(void (*owner)(struct msg *), struct dns_answer *a)
{
    struct msg m;

    reply_start(&m, 0, 1);
    owner(&m);
    rr_a(&m, 6, 6, 6, 6);
    return parse(&m, a);
}

static void ptr_self(struct msg *m)       { put_pointer(m, (unsigned)m->len); }
static void ptr_forward(struct msg *m)    { put_pointer(m, (unsigned)m->len + 2); }
static void ptr_past_end(struct msg *m)   { put_pointer(m, 0x3fff); }
static void ptr_into_header(struct msg *m) { put_pointer(m, 4); }
static void label_64(struct msg *m)
{
    put8(m, 64);                          /* 01 000000: a reserved label type */
    for (int i = 0; i < 64; i++)
        put8(m, 'a');
    put8(m, 0);
}
static void label_0x80(struct msg *m)     { put8(m, 0x80); put8(m, 0); }

/* "x" then a pointer back to the x: after one jump, the same pointer. */
static void ptr_loop_two(struct msg *m)
{
    unsigned start = (unsigned)m->len;

    put_bytes(m, "\1x", 2);
    put_pointer(m, start);
}

static void pointers_and_labels(void)
{
    struct dns_answer a;
    const struct { void (*owner)(struct msg *); int want; const char *name; } cases[] = {
        { ptr_self, DNS_ERR_POINTER, "dns_pointer_to_itself" },
        { ptr_loop_two, DNS_ERR_POINTER, "dns_pointer_loop" },
        { ptr_forward, DNS_ERR_POINTER, "dns_pointer_forward" },
        { ptr_past_end, DNS_ERR_POINTER, "dns_pointer_past_end" },
        { ptr_into_header, DNS_ERR_POINTER, "dns_pointer_into_header" },
        { label_64, DNS_ERR_FORMAT, "dns_label_64_reserved_type" },
        { label_0x80, DNS_ERR_FORMAT, "dns_label_0x80_reserved_type" },
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int r = owner_case(cases[i].owner, &a);
        check(r == cases[i].want, cases[i].name, "r %d (%s)", r, dns_strerror(r));
    }

    /* a name over 255 bytes: four labels of 63 and one more */
    struct msg m;
    reply_start(&m, 0, 1);
    put_pointer(&m, 12);
    rr_fields(&m, DNS_TYPE_CNAME, 4 * 64 + 3);
    for (int l = 0; l < 4; l++) {
        put8(&m, 63);
        for (int i = 0; i < 63; i++)
            put8(&m, 'b');
    }
    put_bytes(&m, "\1c", 2);
    put8(&m, 0);
    int r = parse(&m, &a);
    check(r == DNS_ERR_FORMAT, "dns_name_over_255", "r %d", r);

    /* an A record of 5 bytes, a CNAME whose name ends before its data */
    reply_start(&m, 0, 1);
    put_pointer(&m, 12);
    rr_fields(&m, DNS_TYPE_A, 5);
    put_bytes(&m, "\1\2\3\4\5", 5);
    r = parse(&m, &a);
    check(r == DNS_ERR_FORMAT, "dns_a_record_5_bytes", "r %d", r);
    reply_start(&m, 0, 1);
    put_pointer(&m, 12);
    rr_fields(&m, DNS_TYPE_CNAME, 4);
    put_pointer(&m, 16);
    put16(&m, 0);
    r = parse(&m, &a);
    check(r == DNS_ERR_FORMAT, "dns_cname_longer_than_name", "r %d", r);
    reply_start(&m, 0, 2);               /* ANCOUNT 2, one record */
    put_pointer(&m, 12);
    rr_a(&m, 6, 6, 6, 6);
    r = parse(&m, &a);
    check(r == DNS_ERR_FORMAT, "dns_fewer_records_than_counted", "r %d", r);
}

/* A chain of pointers, each two bytes before the next: hops jumps. */
static int pointer_hops(int hops, struct dns_answer *a)
{
    struct msg m;
    const int chain = 40;

    reply_start(&m, 0, 2);
    put_pointer(&m, 12);
    rr_fields(&m, 16, 2 * chain);         /* TXT: data we do not read */
    size_t base = m.len;
    for (int k = 0; k < chain; k++)
        put_pointer(&m, k == 0 ? 12 : (unsigned)(base + 2 * (k - 1)));
    put_pointer(&m, (unsigned)(base + 2 * (hops - 2)));
    rr_a(&m, 7, 7, 7, 7);
    return parse(&m, a);
}

static void hop_limit(void)
{
    struct dns_answer a;
    int r = pointer_hops(DNS_MAX_HOPS, &a);

    check(r == 0 && is_addr(&a, 0, "7.7.7.7"), "dns_pointer_hops_32", "r %d", r);
    r = pointer_hops(DNS_MAX_HOPS + 1, &a);
    check(r == DNS_ERR_POINTER, "dns_pointer_hops_33", "r %d", r);
}

/* Random damage to good replies: every result a documented one. */
static void fuzz(void)
{
    struct msg good, m;
    struct dns_answer a;
    int odd = 0, parsed = 0;

    srand(1);
    for (int i = 0; i < 20000 && !odd; i++) {
        if (i % 2)
            chain_reply(&good);
        else
            aliases_reply(&good, 3);
        m = good;
        for (int k = 1 + rand() % 4; k > 0; k--)
            m.b[rand() % m.len] = (unsigned char)(rand() % 4 ? rand() : 0xc0 | rand() % 4);
        size_t len = rand() % 3 ? m.len : (size_t)rand() % (m.len + 1);
        int r = parse_len(&m, len, &a);
        if (r == 0) {
            parsed++;
            odd = a.count < 1 || a.count > DNS_MAX_ADDRS || a.len != 4;
        } else {
            odd = r < DNS_ERR_CHAIN || r > 0;
        }
        if (odd)
            check(0, "dns_fuzz", "round %d: r %d count %d", i, r, a.count);
    }
    check(!odd && parsed > 0, "dns_fuzz", "%d parsed", parsed);
}

/* ---------------------------------------------------------------- names as text */

static void names(void)
{
    unsigned char wire[DNS_NAME_MAX];
    char text[64];

    int n = dns_name_from_text("Mixed.Case.org", wire);
    check(n == 16 && dns_name_to_text(wire, text, sizeof(text)) == 14 &&
          strcmp(text, "Mixed.Case.org") == 0, "dns_name_text_round_trip", "%d %s", n, text);
    check(dns_name_to_text(wire, text, 14) == DNS_ERR_SPACE, "dns_name_text_space", "fit in 14");
    unsigned char odd[] = { 2, 'a', '.', 0 };
    check(dns_name_to_text(odd, text, sizeof(text)) == DNS_ERR_QUERY, "dns_name_text_dot_in_label",
          "gave %s", text);
    unsigned char x[DNS_NAME_MAX], y[DNS_NAME_MAX];
    dns_name_from_text("ABC.def", x);
    dns_name_from_text("abc.DEF", y);
    check(dns_name_equal(x, y), "dns_name_equal_case", "differ");
    dns_name_from_text("abc.de", y);
    check(!dns_name_equal(x, y), "dns_name_equal_differ", "equal");
}

/* ---------------------------------------------------------------- resolv.conf */

static int server_is(const struct resolv_conf *c, int i, const char *dotted)
{
    struct in_addr a;

    inet_pton(AF_INET, dotted, &a);
    return i < c->count && c->server[i].sin_family == AF_INET &&
           c->server[i].sin_addr.s_addr == a.s_addr && c->server[i].sin_port == htons(53);
}

static void resolv_conf(void)
{
    struct resolv_conf c;

    resolv_conf_parse("# comment\n; comment\nnameserver 10.0.2.3\n"
                      "nameserver\t192.0.2.1 \t\nnameserver bad\nnameserver ::1\n"
                      "nameserver 192.0.2.2\nnameserver 192.0.2.3\nsearch example.com\n"
                      "options ndots:2 timeout:0 attempts:9\n", &c);
    check(c.count == 3 && server_is(&c, 0, "10.0.2.3") && server_is(&c, 1, "192.0.2.1") &&
          server_is(&c, 2, "192.0.2.2"), "resolv_conf_servers", "count %d", c.count);
    check(c.timeout == 1 && c.attempts == 5, "resolv_conf_options_clamped", "timeout %d attempts %d",
          c.timeout, c.attempts);
    resolv_conf_parse("", &c);
    check(c.count == 1 && server_is(&c, 0, "127.0.0.1") && c.timeout == RESOLV_TIMEOUT &&
          c.attempts == RESOLV_ATTEMPTS, "resolv_conf_empty_defaults", "count %d", c.count);
    resolv_conf_parse("options timeout:99 attempts:x\n#nameserver 10.0.2.3\n nameserver 1.1.1.1\n"
                      "nameserver1.2.3.4\n", &c);
    check(c.timeout == 30 && c.attempts == RESOLV_ATTEMPTS && c.count == 1 &&
          server_is(&c, 0, "127.0.0.1"), "resolv_conf_bad_lines", "timeout %d attempts %d count %d",
          c.timeout, c.attempts, c.count);

    char text[400];
    memset(text, ' ', sizeof(text));
    memcpy(text, "nameserver 10.9.9.9", 19);
    text[sizeof(text) - 1] = '\0';        /* one line longer than any of ours */
    resolv_conf_parse(text, &c);
    check(c.count == 1 && server_is(&c, 0, "127.0.0.1"), "resolv_conf_long_line_ignored",
          "count %d", c.count);

    resolv_conf_load(RESOLV_CONF, &c);
    check(c.count == 1 && server_is(&c, 0, "10.0.2.3"), "resolv_conf_etc_qemu_dns", "count %d",
          c.count);
    resolv_conf_load("/no/such/file", &c);
    check(c.count == 1 && server_is(&c, 0, "127.0.0.1"), "resolv_conf_missing_file", "count %d",
          c.count);
}

/* ---------------------------------------------------------------- the exchange */

static long ms_since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Asks 127.0.0.1, where no name server listens.  Without UDP in the
 * kernel: EAI_SYSTEM at once, errno what socket() says.  With it: no
 * answer (a refusal, or silence for the one-second timeout), EAI_AGAIN. */
static void exchange(void)
{
    struct resolv_conf c;
    struct dns_answer a;
    struct timespec t0;

    resolv_conf_parse("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n", &c);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int udp_errno = fd < 0 ? errno : 0;
    if (fd >= 0)
        close(fd);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    errno = 0;
    int r = dns_resolve(&c, "host.example", DNS_TYPE_A, &a);
    int e = errno;
    long ms = ms_since(&t0);
    if (udp_errno)
        check(r == EAI_SYSTEM && e == udp_errno && ms < 1000, "dns_resolve_no_udp_eai_system",
              "r %d errno %d (socket says %d) after %ld ms", r, e, udp_errno, ms);
    else
        check(r == EAI_AGAIN && ms < 3000, "dns_resolve_no_server_eai_again",
              "r %d after %ld ms", r, ms);

    r = dns_resolve(&c, "bad..name", DNS_TYPE_A, &a);
    check(r == EAI_NONAME, "dns_resolve_bad_name_eai_noname", "r %d", r);
}

int main(void)
{
    qlen = (size_t)dns_build_query(query, sizeof(query), ID, NAME, DNS_TYPE_A);
    page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(page != MAP_FAILED && munmap(page + 4096, 4096) == 0, "dns_guard_page", "errno %d",
          errno);
    if (page == MAP_FAILED)
        return test_exit_code();

    build();
    check_group(normal_answer, "dns_answers");
    check_group(cnames, "dns_cnames");
    check_group(rcodes, "dns_rcodes");
    check_group(mismatches, "dns_mismatches");
    check_group(truncations, "dns_truncations");
    check_group(pointers_and_labels, "dns_pointers");
    check_group(hop_limit, "dns_hops");
    check_group(fuzz, "dns_fuzz");
    names();
    resolv_conf();
    exchange();
    return test_exit_code();
}
