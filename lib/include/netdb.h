/* Names of hosts and services: getaddrinfo, getnameinfo and the older
 * gethostbyname, getservbyname (docs/libc.md, "Names and addresses").
 * The values (EAI_*, AI_*, NI_*) are glibc's, so that a program built
 * elsewhere means the same by them. */
#ifndef _NETDB_H
#define _NETDB_H

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

struct addrinfo {
    int ai_flags;                /* AI_* */
    int ai_family;               /* AF_INET, AF_INET6 (AF_UNSPEC in hints: either) */
    int ai_socktype;             /* SOCK_STREAM, SOCK_DGRAM (0 in hints: both) */
    int ai_protocol;             /* IPPROTO_TCP, IPPROTO_UDP */
    socklen_t ai_addrlen;        /* *ai_addr's length */
    struct sockaddr *ai_addr;    /* a struct sockaddr_in or sockaddr_in6 */
    char *ai_canonname;          /* AI_CANONNAME: the host's official name (first entry) */
    struct addrinfo *ai_next;
};

/* ai_flags */
#define AI_PASSIVE     0x0001    /* no host: the address to bind (INADDR_ANY) */
#define AI_CANONNAME   0x0002    /* fill the first entry's ai_canonname */
#define AI_NUMERICHOST 0x0004    /* the host is an address: never look a name up */
#define AI_V4MAPPED    0x0008    /* AF_INET6 and no IPv6 address: IPv4 ones as ::ffff:a.b.c.d */
#define AI_ALL         0x0010    /* with AI_V4MAPPED: the mapped ones as well */
#define AI_ADDRCONFIG  0x0020    /* only families this machine has an address of */
#define AI_NUMERICSERV 0x0400    /* the service is a number: never look a name up */

/* getaddrinfo's and getnameinfo's results (0: success); gai_strerror
 * says them in words.  EAI_SYSTEM: errno has the reason. */
#define EAI_BADFLAGS   (-1)      /* a flag unknown, or AI_CANONNAME without a host */
#define EAI_NONAME     (-2)      /* no such host or service name (or both NULL) */
#define EAI_AGAIN      (-3)      /* no name server answered in time: try again */
#define EAI_FAIL       (-4)      /* the name server refused, or gave a broken answer */
#define EAI_NODATA     (-5)      /* the host exists but has no address of that family */
#define EAI_FAMILY     (-6)      /* ai_family is not AF_UNSPEC, AF_INET or AF_INET6 */
#define EAI_SOCKTYPE   (-7)      /* ai_socktype unknown, or ai_protocol does not fit it */
#define EAI_SERVICE    (-8)      /* no such service for that socket type */
#define EAI_ADDRFAMILY (-9)      /* a numeric host of the other family */
#define EAI_MEMORY     (-10)
#define EAI_SYSTEM     (-11)
#define EAI_OVERFLOW   (-12)     /* getnameinfo: a buffer is too small */

/* getnameinfo's flags */
#define NI_NUMERICHOST 0x0001    /* the address as numbers, no name looked up */
#define NI_NUMERICSERV 0x0002    /* the port as a number */
#define NI_NOFQDN      0x0004    /* a host name only up to its first '.' */
#define NI_NAMEREQD    0x0008    /* no name known is an error (EAI_NONAME) */
#define NI_DGRAM       0x0010    /* the service is a UDP one */

#define NI_MAXHOST 1025          /* room enough for any host name */
#define NI_MAXSERV 32

/* node (a name, an address as text, or NULL) and service (a name from
 * /etc/services, a decimal port, or NULL), not both NULL.  hints may be
 * NULL (then AF_UNSPEC, both socket types, AI_V4MAPPED | AI_ADDRCONFIG).
 * *res gets a list that freeaddrinfo frees. */
int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
const char *gai_strerror(int err);
int getnameinfo(const struct sockaddr *addr, socklen_t addrlen, char *host, socklen_t hostlen,
                char *serv, socklen_t servlen, int flags);

/* ---------------------------------------------------------------- the older interface */

struct hostent {
    char *h_name;                /* the official name */
    char **h_aliases;            /* NULL-terminated */
    int h_addrtype;              /* AF_INET */
    int h_length;                /* 4 */
    char **h_addr_list;          /* NULL-terminated, network order */
};
#define h_addr h_addr_list[0]

/* gethostbyname's error, in h_errno */
#define NETDB_INTERNAL (-1)      /* see errno */
#define HOST_NOT_FOUND 1
#define TRY_AGAIN      2
#define NO_RECOVERY    3
#define NO_DATA        4
extern int h_errno;

/* IPv4 only; the result is static, overwritten by the next call. */
struct hostent *gethostbyname(const char *name);

struct servent {
    char *s_name;                /* the official name */
    char **s_aliases;            /* NULL-terminated */
    int s_port;                  /* network order */
    char *s_proto;               /* "tcp", "udp" */
};

/* /etc/services; proto NULL: any.  The result is static. */
struct servent *getservbyname(const char *name, const char *proto);
struct servent *getservbyport(int port, const char *proto);

#endif
