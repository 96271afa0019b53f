/* Names and addresses: inet_pton/inet_ntop (what they accept and print
 * is what glibc 2.36 does, measured with the host's gcc), getaddrinfo
 * (numbers, no host, /etc/hosts, services, the hints' errors, the list
 * and its freeing), gai_strerror, getnameinfo, gethostbyname,
 * getservbyname; the program host; and that a name that only DNS could
 * know fails fast while the kernel has no UDP. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <minnow/test.h>

/* ---------------------------------------------------------------- inet_pton, inet_ntop */

static void pton4(void)
{
    /* glibc's answers: 1 for a strict dotted quad, 0 for anything else */
    static const struct { const char *text; int ok; } cases[] = {
        { "1.2.3.4", 1 }, { "0.0.0.0", 1 }, { "255.255.255.255", 1 }, { "10.0.2.15", 1 },
        { "1.2.3", 0 }, { "256.1.1.1", 0 }, { "1.2.3.4 ", 0 }, { " 1.2.3.4", 0 },
        { "01.2.3.4", 0 }, { "1.2.3.04", 0 }, { "00.1.1.1", 0 }, { "0001.2.3.4", 0 },
        { "1.2.3.4.", 0 }, { "1..3.4", 0 }, { "1.2.3.0x1", 0 }, { "1.2.3.1234", 0 },
        { "+1.2.3.4", 0 }, { "1.2.3.-4", 0 }, { "", 0 }, { "1.2.3.4.5", 0 },
    };
    unsigned char a[4];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int r = inet_pton(AF_INET, cases[i].text, a);
        check(r == cases[i].ok, cases[i].ok ? "inet_pton4_accepts" : "inet_pton4_rejects",
              "\"%s\" gave %d", cases[i].text, r);
    }
    inet_pton(AF_INET, "10.0.2.15", a);
    check(a[0] == 10 && a[1] == 0 && a[2] == 2 && a[3] == 15, "inet_pton4_network_order",
          "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
    errno = 0;
    int r = inet_pton(99, "1.2.3.4", a);
    check(r == -1 && errno == EAFNOSUPPORT, "inet_pton_other_family", "r %d errno %d", r, errno);
}

static void ntop4(void)
{
    const char *texts[] = { "0.0.0.0", "1.2.3.4", "10.0.2.15", "255.255.255.255", NULL };
    unsigned char a[4];
    char buf[INET_ADDRSTRLEN];

    for (int i = 0; texts[i]; i++) {
        inet_pton(AF_INET, texts[i], a);
        const char *r = inet_ntop(AF_INET, a, buf, sizeof(buf));
        check(r == buf && strcmp(buf, texts[i]) == 0, "inet_ntop4_round_trip", "%s gave %s",
              texts[i], r ? buf : "NULL");
    }
    inet_pton(AF_INET, "1.2.3.4", a);
    errno = 0;
    const char *r = inet_ntop(AF_INET, a, buf, 7);
    check(r == NULL && errno == ENOSPC, "inet_ntop4_enospc", "errno %d", errno);
    check(inet_ntop(AF_INET, a, buf, 8) == buf, "inet_ntop4_exact_room", "failed");
    errno = 0;
    r = inet_ntop(99, a, buf, sizeof(buf));
    check(r == NULL && errno == EAFNOSUPPORT, "inet_ntop_other_family", "errno %d", errno);
}

static void text6(void)
{
    /* glibc's answers: how inet_ntop writes what inet_pton read, or NULL
     * where inet_pton says 0 */
    static const struct { const char *in, *out; } cases[] = {
        { "::", "::" }, { "::1", "::1" }, { "1::", "1::" },
        { "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8" }, { "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0" },
        { "::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8" }, { "::ffff:1.2.3.4", "::ffff:1.2.3.4" },
        { "::1.2.3.4", "::1.2.3.4" }, { "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304" },
        { "0:0:0:0:0:0:0:0", "::" }, { "ABCD::EF", "abcd::ef" }, { "::0:0:1.2.3.4", "::1.2.3.4" },
        { "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1" }, { "1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0" },
        { "fe80:0:0:0:0:0:0:0", "fe80::" }, { "::ffff", "::ffff" }, { "::0.1.0.0", "::0.1.0.0" },
        { "1:2:3:4:5:6:7:8:9", NULL }, { "1::2::3", NULL }, { "1:2:3:4:5:6:7:1.2.3.4", NULL },
        { "fe80::1%eth0", NULL }, { "12345::", NULL }, { "1:2:3:4:5:6:7:8:", NULL },
        { "::ffff:1.2.3", NULL }, { "1:::2", NULL }, { ":1::2", NULL }, { "1::2:", NULL },
        { "::ffff:01.2.3.4", NULL }, { "1:2::3:4:5:6:7:8", NULL }, { "00001::", NULL },
        { "::1.2.3.4:5", NULL }, { "1.2.3.4::", NULL }, { ":", NULL }, { "", NULL },
    };
    unsigned char a[16];
    char buf[INET6_ADDRSTRLEN];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int r = inet_pton(AF_INET6, cases[i].in, a);
        if (!cases[i].out) {
            check(r == 0, "inet_pton6_rejects", "\"%s\" gave %d", cases[i].in, r);
            continue;
        }
        const char *t = r == 1 ? inet_ntop(AF_INET6, a, buf, sizeof(buf)) : NULL;
        check(t && strcmp(t, cases[i].out) == 0, "inet6_text_round_trip", "\"%s\" gave %d, %s",
              cases[i].in, r, t ? t : "NULL");
    }
    inet_pton(AF_INET6, "1:2:3:4:5:6:7:8", a);
    errno = 0;
    check(!inet_ntop(AF_INET6, a, buf, 15) && errno == ENOSPC && inet_ntop(AF_INET6, a, buf, 16),
          "inet_ntop6_room", "errno %d", errno);
}

/* ---------------------------------------------------------------- getaddrinfo */

/* The list as one line, "stream 1.2.3.4 80, dgram 1.2.3.4 80"; '!' marks
 * an entry whose protocol, length or address family does not fit. */
static const char *describe(const struct addrinfo *ai)
{
    static char text[512];
    size_t n = 0;

    text[0] = '\0';
    for (; ai && n < sizeof(text) - 80; ai = ai->ai_next) {
        char addr[INET6_ADDRSTRLEN] = "?";
        unsigned port = 0;
        int ok = ai->ai_addr && ai->ai_addr->sa_family == ai->ai_family;
        if (ai->ai_family == AF_INET) {
            const struct sockaddr_in *in = (const void *)ai->ai_addr;
            inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr));
            port = ntohs(in->sin_port);
            ok &= ai->ai_addrlen == sizeof(*in);
        } else {
            const struct sockaddr_in6 *in6 = (const void *)ai->ai_addr;
            inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr));
            port = ntohs(in6->sin6_port);
            ok &= ai->ai_family == AF_INET6 && ai->ai_addrlen == sizeof(*in6);
        }
        int stream = ai->ai_socktype == SOCK_STREAM;
        ok &= ai->ai_protocol == (stream ? IPPROTO_TCP : IPPROTO_UDP);
        n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s%s %s %u", n ? ", " : "",
                              ok ? "" : "!", stream ? "stream" : "dgram", addr, port);
    }
    return text;
}

static char canon[256];

/* getaddrinfo with these hints: its result, the list described into
 * *text (and ai_canonname into canon), the list freed. */
static int gai(const char *node, const char *service, int flags, int family, int socktype,
               int protocol, const char **text)
{
    struct addrinfo hints = { .ai_flags = flags, .ai_family = family, .ai_socktype = socktype,
                              .ai_protocol = protocol };
    struct addrinfo *res = NULL;

    int r = getaddrinfo(node, service, &hints, &res);
    *text = r == 0 ? describe(res) : "";
    canon[0] = '\0';
    if (r == 0 && res->ai_canonname)
        snprintf(canon, sizeof(canon), "%s", res->ai_canonname);
    if (r == 0)
        freeaddrinfo(res);
    return r;
}

static void expect(const char *name, const char *node, const char *service, int flags,
                   int family, int socktype, const char *want)
{
    const char *got;
    int r = gai(node, service, flags, family, socktype, 0, &got);

    check(r == 0 && strcmp(got, want) == 0, name, "r %d (%s), got \"%s\"", r, gai_strerror(r),
          got);
}

static void expect_error(const char *name, const char *node, const char *service, int flags,
                         int family, int socktype, int protocol, int want)
{
    const char *got;
    int r = gai(node, service, flags, family, socktype, protocol, &got);

    check(r == want, name, "r %d (%s), want %d", r, gai_strerror(r), want);
}

static void numeric_and_passive(void)
{
    expect("gai_numeric", "10.0.2.15", "80", 0, AF_INET, SOCK_STREAM, "stream 10.0.2.15 80");
    expect("gai_numeric_both_types", "1.2.3.4", "7", 0, AF_UNSPEC, 0,
           "stream 1.2.3.4 7, dgram 1.2.3.4 7");
    expect("gai_numeric_no_service", "1.2.3.4", NULL, 0, AF_INET, SOCK_DGRAM, "dgram 1.2.3.4 0");
    expect("gai_numeric6", "::1", "80", 0, AF_UNSPEC, SOCK_STREAM, "stream ::1 80");
    expect("gai_v4mapped", "1.2.3.4", "80", AI_V4MAPPED, AF_INET6, SOCK_STREAM,
           "stream ::ffff:1.2.3.4 80");
    expect("gai_numerichost", "127.0.0.1", "22", AI_NUMERICHOST, AF_INET, SOCK_STREAM,
           "stream 127.0.0.1 22");
    expect("gai_passive_any", NULL, "7", AI_PASSIVE, AF_INET, SOCK_STREAM, "stream 0.0.0.0 7");
    expect("gai_no_host_loopback", NULL, "7", 0, AF_INET, SOCK_STREAM, "stream 127.0.0.1 7");
    expect("gai_passive6", NULL, "7", AI_PASSIVE, AF_INET6, SOCK_STREAM, "stream :: 7");
    expect("gai_passive_unspec_ipv4_first", NULL, "7", AI_PASSIVE, AF_UNSPEC, SOCK_STREAM,
           "stream 0.0.0.0 7, stream :: 7");
    expect("gai_passive_addrconfig", NULL, "7", AI_PASSIVE | AI_ADDRCONFIG, AF_UNSPEC,
           SOCK_STREAM, "stream 0.0.0.0 7");

    const char *got;
    int r = gai("1.2.3.4", "7", 0, AF_INET, 0, IPPROTO_UDP, &got);
    check(r == 0 && strcmp(got, "dgram 1.2.3.4 7") == 0, "gai_protocol_picks_type", "r %d %s",
          r, got);
    r = gai("1.2.3.4", NULL, AI_CANONNAME, AF_INET, SOCK_STREAM, 0, &got);
    check(r == 0 && strcmp(canon, "1.2.3.4") == 0, "gai_numeric_canonname", "\"%s\"", canon);

    struct addrinfo *res;
    r = getaddrinfo("10.0.2.2", "80", NULL, &res);
    check(r == 0 && strcmp(describe(res), "stream 10.0.2.2 80, dgram 10.0.2.2 80") == 0 &&
          res->ai_flags == (AI_V4MAPPED | AI_ADDRCONFIG), "gai_null_hints",
          "r %d: %s", r, r ? "" : describe(res));
    if (r == 0)
        freeaddrinfo(res);
}

static void hosts_file(void)
{
    const char *got;

    expect("gai_localhost", "localhost", "80", 0, AF_INET, SOCK_STREAM, "stream 127.0.0.1 80");
    expect("gai_localhost_any_case", "LocalHost", "80", 0, AF_INET, SOCK_STREAM,
           "stream 127.0.0.1 80");
    expect("gai_localhost6", "localhost", "80", 0, AF_INET6, SOCK_STREAM, "stream ::1 80");
    expect("gai_localhost_unspec", "localhost", "80", 0, AF_UNSPEC, SOCK_STREAM,
           "stream 127.0.0.1 80, stream ::1 80");
    expect("gai_localhost_addrconfig", "localhost", "80", AI_ADDRCONFIG, AF_UNSPEC, SOCK_STREAM,
           "stream 127.0.0.1 80");
    expect("gai_hosts_alias", "gateway", "80", 0, AF_INET, SOCK_STREAM, "stream 10.0.2.2 80");
    expect("gai_hosts_ipv6_only_name", "ip6-loopback", "80", 0, AF_UNSPEC, SOCK_STREAM,
           "stream ::1 80");
    expect("gai_hosts_v4mapped", "gateway", "80", AI_V4MAPPED, AF_INET6, SOCK_STREAM,
           "stream ::ffff:10.0.2.2 80");
    int r = gai("minnow", NULL, AI_CANONNAME, AF_INET, SOCK_STREAM, 0, &got);
    check(r == 0 && strcmp(canon, "minnow.localdomain") == 0 &&
          strcmp(got, "stream 10.0.2.15 0") == 0, "gai_hosts_canonname", "r %d \"%s\" %s", r,
          canon, got);
}

static void services(void)
{
    expect("gai_service_name", "1.2.3.4", "http", 0, AF_INET, 0, "stream 1.2.3.4 80");
    expect("gai_service_alias", "1.2.3.4", "www", 0, AF_INET, SOCK_STREAM, "stream 1.2.3.4 80");
    expect("gai_service_both_protocols", "1.2.3.4", "echo", 0, AF_INET, 0,
           "stream 1.2.3.4 7, dgram 1.2.3.4 7");
    expect("gai_service_udp_only", "1.2.3.4", "tftp", 0, AF_INET, 0, "dgram 1.2.3.4 69");
    expect("gai_service_65535", "1.2.3.4", "65535", 0, AF_INET, SOCK_STREAM,
           "stream 1.2.3.4 65535");
    expect("gai_service_0", "1.2.3.4", "0", 0, AF_INET, SOCK_STREAM, "stream 1.2.3.4 0");
    expect_error("gai_service_65536", "1.2.3.4", "65536", 0, AF_INET, 0, 0, EAI_SERVICE);
    expect_error("gai_service_hex", "1.2.3.4", "0x50", 0, AF_INET, 0, 0, EAI_SERVICE);
    expect_error("gai_service_negative", "1.2.3.4", "-1", 0, AF_INET, 0, 0, EAI_SERVICE);
    expect_error("gai_service_unknown", "1.2.3.4", "nosuchservice", 0, AF_INET, 0, 0,
                 EAI_SERVICE);
    expect_error("gai_service_wrong_protocol", "1.2.3.4", "tftp", 0, AF_INET, SOCK_STREAM, 0,
                 EAI_SERVICE);
    expect_error("gai_numericserv_name", "1.2.3.4", "http", AI_NUMERICSERV, AF_INET, 0, 0,
                 EAI_NONAME);
}

static void hint_errors(void)
{
    expect_error("gai_bad_flags", "1.2.3.4", "80", 0x10000, 0, 0, 0, EAI_BADFLAGS);
    expect_error("gai_canonname_no_host", NULL, "80", AI_CANONNAME, 0, 0, 0, EAI_BADFLAGS);
    expect_error("gai_bad_family", "1.2.3.4", "80", 0, 99, 0, 0, EAI_FAMILY);
    expect_error("gai_family_unix", "1.2.3.4", "80", 0, AF_UNIX, 0, 0, EAI_FAMILY);
    expect_error("gai_bad_socktype", "1.2.3.4", "80", 0, AF_INET, 7, 0, EAI_SOCKTYPE);
    expect_error("gai_stream_udp_socktype", "1.2.3.4", "80", 0, AF_INET, SOCK_STREAM,
                 IPPROTO_UDP, EAI_SOCKTYPE);
    expect_error("gai_no_host_no_service", NULL, NULL, 0, 0, 0, 0, EAI_NONAME);
    expect_error("gai_empty_host", "", NULL, 0, AF_INET, 0, 0, EAI_NONAME);
    expect_error("gai_numerichost_name", "localhost", NULL, AI_NUMERICHOST, AF_INET, 0, 0,
                 EAI_NONAME);
    expect_error("gai_numerichost_aton_form", "127.1", NULL, AI_NUMERICHOST, AF_INET, 0, 0,
                 EAI_NONAME);
    expect_error("gai_ipv4_for_inet6", "1.2.3.4", "80", 0, AF_INET6, 0, 0, EAI_ADDRFAMILY);
    expect_error("gai_ipv6_for_inet", "::1", "80", 0, AF_INET, 0, 0, EAI_ADDRFAMILY);
    expect_error("gai_bad_name", "bad..name", NULL, 0, AF_INET, 0, 0, EAI_NONAME);
}

static void error_words(void)
{
    /* glibc 2.36's words */
    static const struct { int code; const char *text; } words[] = {
        { EAI_BADFLAGS, "Bad value for ai_flags" },
        { EAI_NONAME, "Name or service not known" },
        { EAI_AGAIN, "Temporary failure in name resolution" },
        { EAI_FAIL, "Non-recoverable failure in name resolution" },
        { EAI_NODATA, "No address associated with hostname" },
        { EAI_FAMILY, "ai_family not supported" },
        { EAI_SOCKTYPE, "ai_socktype not supported" },
        { EAI_SERVICE, "Servname not supported for ai_socktype" },
        { EAI_ADDRFAMILY, "Address family for hostname not supported" },
        { EAI_MEMORY, "Memory allocation failure" },
        { EAI_SYSTEM, "System error" },
        { EAI_OVERFLOW, "Unknown error" },
        { 0, "Unknown error" },
        { -100, "Unknown error" },
        { 5, "Unknown error" },
    };

    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        check(strcmp(gai_strerror(words[i].code), words[i].text) == 0, "gai_strerror",
              "%d: \"%s\"", words[i].code, gai_strerror(words[i].code));
    check(EAI_BADFLAGS == -1 && EAI_NONAME == -2 && EAI_AGAIN == -3 && EAI_FAIL == -4 &&
          EAI_FAMILY == -6 && EAI_SOCKTYPE == -7 && EAI_SERVICE == -8 && EAI_MEMORY == -10 &&
          EAI_SYSTEM == -11 && EAI_OVERFLOW == -12 && AI_NUMERICSERV == 0x400 &&
          NI_NAMEREQD == 8 && NI_DGRAM == 16, "netdb_glibc_values", "differ");
}

/* n lookups of node and service, each list freed: does the heap stay
 * where it was after the first?  (malloc's first fit takes the freed
 * blocks again; it grows the heap 64 KiB at a time.) */
static void lookups_free(const char *name, const char *node, const char *service, int n)
{
    struct addrinfo hints = { .ai_flags = AI_CANONNAME }, *res = NULL;
    int ok = getaddrinfo(node, service, &hints, &res) == 0;

    freeaddrinfo(res);
    void *top = sbrk(0);
    for (int i = 0; i < n && ok; i++) {
        res = NULL;                       /* a failed call leaves it alone */
        ok = getaddrinfo(node, service, &hints, &res) == 0 && res->ai_next &&
             res->ai_canonname;
        freeaddrinfo(res);
    }
    check(ok && sbrk(0) == top, name, "ok %d, heap grew by %ld", ok,
          (long)((char *)sbrk(0) - (char *)top));
}

static void frees_everything(void)
{
    /* 30000 lists of two entries and a name: a lost name alone would be
     * 700 KiB */
    lookups_free("freeaddrinfo_frees_all", "127.0.0.1", "80", 30000);
    /* reading /etc/hosts and /etc/services: every FILE closed */
    lookups_free("gai_files_closed", "localhost", "echo", 1000);
    freeaddrinfo(NULL);
}

/* ---------------------------------------------------------------- getnameinfo */

static int gni(const char *ip, int port, int flags, char *host, socklen_t hostlen, char *serv,
               socklen_t servlen)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

    inet_pton(AF_INET, ip, &a.sin_addr);
    return getnameinfo((struct sockaddr *)&a, sizeof(a), host, hostlen, serv, servlen, flags);
}

static void nameinfo(void)
{
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    int r;

    r = gni("127.0.0.1", 80, NI_NUMERICHOST | NI_NUMERICSERV, host, sizeof(host), serv,
            sizeof(serv));
    check(r == 0 && !strcmp(host, "127.0.0.1") && !strcmp(serv, "80"), "gni_numeric",
          "r %d %s %s", r, host, serv);
    r = gni("127.0.0.1", 80, 0, host, sizeof(host), serv, sizeof(serv));
    check(r == 0 && !strcmp(host, "localhost") && !strcmp(serv, "http"), "gni_names",
          "r %d %s %s", r, host, serv);
    r = gni("10.0.2.15", 53, NI_DGRAM, host, sizeof(host), serv, sizeof(serv));
    check(r == 0 && !strcmp(host, "minnow.localdomain") && !strcmp(serv, "domain"),
          "gni_dgram_service", "r %d %s %s", r, host, serv);
    r = gni("10.0.2.15", 69, NI_NOFQDN, host, sizeof(host), serv, sizeof(serv));
    check(r == 0 && !strcmp(host, "minnow") && !strcmp(serv, "69"), "gni_nofqdn_tcp_69",
          "r %d %s %s", r, host, serv);
    r = gni("192.0.2.1", 54321, 0, host, sizeof(host), serv, sizeof(serv));
    check(r == 0 && !strcmp(host, "192.0.2.1") && !strcmp(serv, "54321"), "gni_unknown_numeric",
          "r %d %s %s", r, host, serv);
    r = gni("192.0.2.1", 80, NI_NAMEREQD, host, sizeof(host), NULL, 0);
    check(r == EAI_NONAME, "gni_namereqd_unknown_eai_noname", "r %d", r);
    r = gni("10.0.2.2", 80, NI_NAMEREQD, host, sizeof(host), NULL, 0);
    check(r == 0 && !strcmp(host, "gateway"), "gni_namereqd_known", "r %d %s", r, host);
    r = gni("127.0.0.1", 80, NI_NUMERICHOST, host, 9, NULL, 0);
    check(r == EAI_OVERFLOW, "gni_host_overflow", "r %d", r);
    r = gni("127.0.0.1", 80, NI_NUMERICHOST, host, 10, NULL, 0);
    check(r == 0, "gni_host_exact_room", "r %d", r);
    r = gni("127.0.0.1", 80, 0, host, 9, NULL, 0);
    check(r == EAI_OVERFLOW, "gni_name_overflow", "r %d", r);
    r = gni("127.0.0.1", 80, 0, NULL, 0, serv, 4);
    check(r == EAI_OVERFLOW, "gni_serv_overflow", "r %d", r);
    r = gni("127.0.0.1", 80, 0, NULL, 0, NULL, 0);
    check(r == EAI_NONAME, "gni_nothing_asked", "r %d", r);
    r = gni("127.0.0.1", 80, 0x100, host, sizeof(host), NULL, 0);
    check(r == EAI_BADFLAGS, "gni_bad_flags", "r %d", r);

    struct sockaddr_in a = { .sin_family = AF_INET };
    r = getnameinfo((struct sockaddr *)&a, sizeof(a) - 1, host, sizeof(host), NULL, 0, 0);
    check(r == EAI_FAMILY, "gni_short_address", "r %d", r);
    a.sin_family = AF_UNIX;
    r = getnameinfo((struct sockaddr *)&a, sizeof(a), host, sizeof(host), NULL, 0, 0);
    check(r == EAI_FAMILY, "gni_other_family", "r %d", r);

    struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(22) };
    inet_pton(AF_INET6, "::1", &a6.sin6_addr);
    r = getnameinfo((struct sockaddr *)&a6, sizeof(a6), host, sizeof(host), serv, sizeof(serv),
                    0);
    check(r == 0 && !strcmp(host, "localhost") && !strcmp(serv, "ssh"), "gni_ipv6_names",
          "r %d %s %s", r, host, serv);
    r = getnameinfo((struct sockaddr *)&a6, sizeof(a6), host, sizeof(host), NULL, 0,
                    NI_NUMERICHOST);
    check(r == 0 && !strcmp(host, "::1"), "gni_ipv6_numeric", "r %d %s", r, host);
}

/* ---------------------------------------------------------------- the older interface */

static void legacy(void)
{
    struct hostent *h = gethostbyname("localhost");
    check(h && !strcmp(h->h_name, "localhost") && h->h_addrtype == AF_INET &&
          h->h_length == 4 && h->h_addr_list[0] && !h->h_addr_list[1] &&
          !memcmp(h->h_addr, "\x7f\0\0\1", 4) && h->h_aliases && !h->h_aliases[0],
          "gethostbyname_localhost", "%s", h ? h->h_name : "NULL");
    h = gethostbyname("10.0.2.3");
    check(h && !strcmp(h->h_name, "10.0.2.3"), "gethostbyname_numeric", "%s",
          h ? h->h_name : "NULL");
    h = gethostbyname("bad..name");
    check(!h && h_errno == HOST_NOT_FOUND, "gethostbyname_bad_name", "h_errno %d", h_errno);

    struct servent *s = getservbyname("smtp", "tcp");
    check(s && !strcmp(s->s_name, "smtp") && ntohs(s->s_port) == 25 && !strcmp(s->s_proto, "tcp")
          && s->s_aliases[0] && !strcmp(s->s_aliases[0], "mail"), "getservbyname",
          "%s", s ? s->s_name : "NULL");
    s = getservbyname("mail", NULL);
    check(s && !strcmp(s->s_name, "smtp"), "getservbyname_alias", "%s", s ? s->s_name : "NULL");
    check(getservbyname("http", "udp") == NULL, "getservbyname_wrong_protocol", "found");
    s = getservbyport(htons(7), "udp");
    check(s && !strcmp(s->s_name, "echo") && !strcmp(s->s_proto, "udp"), "getservbyport",
          "%s", s ? s->s_name : "NULL");
}

/* ---------------------------------------------------------------- host(1) */

static void host_says(const char *name, char *const argv[], int want_status, const char *want_out,
                      const char *want_err)
{
    char out[512], err[256];
    int s = run_captured(argv, NULL, out, sizeof(out), err, sizeof(err));

    check(WIFEXITED(s) && WEXITSTATUS(s) == want_status && !strcmp(out, want_out) &&
          !strcmp(err, want_err), name, "status %#x, out \"%s\", err \"%s\"", s, out, err);
}

static void host_program(void)
{
    char *names[] = { "host", "localhost", NULL };
    host_says("host_localhost", names, 0,
              "localhost has address 127.0.0.1\nlocalhost has IPv6 address ::1\n", "");
    char *alias[] = { "host", "-4", "minnow", "10.0.2.3", NULL };
    host_says("host_alias_and_address", alias, 0,
              "minnow is an alias for minnow.localdomain\n"
              "minnow.localdomain has address 10.0.2.15\n10.0.2.3 has name nameserver\n", "");
    char *six[] = { "host", "-6", "localhost", NULL };
    host_says("host_ipv6_only", six, 0, "localhost has IPv6 address ::1\n", "");
    char *bad[] = { "host", "gateway", "bad..name", "192.0.2.7", NULL };
    host_says("host_not_found", bad, 1, "gateway has address 10.0.2.2\n",
              "host: bad..name: Name or service not known\n"
              "host: 192.0.2.7: Name or service not known\n");
    char *usage[] = { "host", "-x", "localhost", NULL };
    host_says("host_usage", usage, 2, "",
              "host: invalid option -- 'x'\nusage: host [-4 | -6] NAME...\n");
}

/* ---------------------------------------------------------------- DNS */

/* A name that only DNS could know.  Without UDP in the kernel the lookup
 * ends at once, with EAI_SYSTEM and socket()'s errno.  With UDP the name
 * server decides; ".invalid" never resolves (RFC 6761), and with or
 * without a way out of QEMU the answer comes within /etc/resolv.conf's
 * 2 attempts of 5 seconds. */
static void dns(void)
{
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *res;
    struct timespec t0, t1;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    int udp_errno = fd < 0 ? errno : 0;

    if (fd >= 0)
        close(fd);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    errno = 0;
    int r = getaddrinfo("no-such-host.invalid", "80", &hints, &res);
    int e = errno;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    if (r == 0)
        freeaddrinfo(res);
    if (udp_errno) {
        check(r == EAI_SYSTEM && e == udp_errno && ms < 1000, "gai_dns_without_udp_fails_fast",
              "r %d errno %d (socket: %d) after %ld ms", r, e, udp_errno, ms);
        struct hostent *h = gethostbyname("no-such-host.invalid");
        check(!h && h_errno == NETDB_INTERNAL, "gethostbyname_without_udp", "h_errno %d",
              h_errno);
        char *argv[] = { "host", "no-such-host.invalid", NULL }, want[128];
        snprintf(want, sizeof(want), "host: no-such-host.invalid: System error (%s)\n",
                 strerror(udp_errno));
        host_says("host_without_udp", argv, 1, "", want);
    } else {
        check((r == EAI_NONAME || r == EAI_AGAIN || r == EAI_FAIL) && ms < 12000,
              "gai_dns_invalid_fails", "r %d after %ld ms", r, ms);
    }
}

int main(void)
{
    pton4();
    ntop4();
    text6();
    numeric_and_passive();
    hosts_file();
    services();
    hint_errors();
    error_words();
    check_group(frees_everything, "gai_free");
    nameinfo();
    legacy();
    host_program();
    dns();
    return test_exit_code();
}
