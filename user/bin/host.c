/* host: the addresses of host names, and the names of addresses, as the
 * C library finds them (getaddrinfo, getnameinfo).
 *
 *   host [-4 | -6] NAME...
 *
 * For a name, prints its official name if it is an alias, then each
 * address once: "localhost has address 127.0.0.1", "... has IPv6
 * address ::1".  -4 asks for IPv4 addresses only, -6 for IPv6 only.  For
 * an address (10.0.2.2), prints its name from /etc/hosts.  The lookup
 * order is getaddrinfo's: /etc/hosts, then the DNS servers of
 * /etc/resolv.conf.  The exit status is 0 if every NAME was found, 1 if
 * one was not, 2 for a wrong option. */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>

static void complain(const char *name, int err)
{
    if (err == EAI_SYSTEM)
        fprintf(stderr, "host: %s: %s (%s)\n", name, gai_strerror(err), strerror(errno));
    else
        fprintf(stderr, "host: %s: %s\n", name, gai_strerror(err));
}

/* An address as text: its name. */
static int name_of(const char *text)
{
    struct sockaddr_in6 a6 = { .sin6_family = AF_INET6 };
    struct sockaddr_in a = { .sin_family = AF_INET };
    struct sockaddr *sa = (struct sockaddr *)&a;
    socklen_t len = sizeof(a);
    char name[NI_MAXHOST];

    if (inet_pton(AF_INET, text, &a.sin_addr) != 1) {
        inet_pton(AF_INET6, text, &a6.sin6_addr);
        sa = (struct sockaddr *)&a6;
        len = sizeof(a6);
    }
    int err = getnameinfo(sa, len, name, sizeof(name), NULL, 0, NI_NAMEREQD);
    if (err) {
        complain(text, err);
        return 1;
    }
    printf("%s has name %s\n", text, name);
    return 0;
}

static int addresses_of(const char *name, int family)
{
    struct addrinfo hints = { .ai_flags = AI_CANONNAME, .ai_family = family,
                              .ai_socktype = SOCK_STREAM };   /* each address once */
    struct addrinfo *res;
    char text[INET6_ADDRSTRLEN];

    int err = getaddrinfo(name, NULL, &hints, &res);
    if (err) {
        complain(name, err);
        return 1;
    }
    const char *canon = res->ai_canonname ? res->ai_canonname : name;
    if (strcasecmp(canon, name) != 0)
        printf("%s is an alias for %s\n", name, canon);
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        const void *a = ai->ai_family == AF_INET
                            ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
                            : (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
        inet_ntop(ai->ai_family, a, text, sizeof(text));
        printf("%s has %saddress %s\n", canon, ai->ai_family == AF_INET6 ? "IPv6 " : "", text);
    }
    freeaddrinfo(res);
    return 0;
}

static int is_address(const char *text)
{
    unsigned char a[16];

    return inet_pton(AF_INET, text, a) == 1 || inet_pton(AF_INET6, text, a) == 1;
}

int main(int argc, char **argv)
{
    int family = AF_UNSPEC, status = 0, c;

    while ((c = getopt(argc, argv, "46")) != -1) {
        if (c != '4' && c != '6') {
            fprintf(stderr, "usage: host [-4 | -6] NAME...\n");
            return 2;
        }
        family = c == '4' ? AF_INET : AF_INET6;
    }
    if (optind == argc) {
        fprintf(stderr, "usage: host [-4 | -6] NAME...\n");
        return 2;
    }
    for (int i = optind; i < argc; i++) {
        int failed = is_address(argv[i]) ? name_of(argv[i]) : addresses_of(argv[i], family);
        if (failed)
            status = 1;
    }
    return status;
}
