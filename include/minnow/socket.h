/* Sockets: Linux's constants and address layouts. */
#ifndef _MINNOW_SOCKET_H
#define _MINNOW_SOCKET_H

#include <minnow/types.h>

#define AF_UNSPEC 0
#define AF_UNIX   1
#define AF_LOCAL  AF_UNIX
#define AF_INET   2
#define PF_UNIX   AF_UNIX
#define PF_INET   AF_INET

#define SOCK_STREAM 1
#define SOCK_DGRAM  2
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC  02000000

#define SHUT_RD   0
#define SHUT_WR   1
#define SHUT_RDWR 2

#define SOMAXCONN 128

typedef unsigned short sa_family_t;

struct sockaddr {
    sa_family_t sa_family;
    char sa_data[14];
};

struct sockaddr_un {
    sa_family_t sun_family;      /* AF_UNIX */
    char sun_path[108];          /* a path in the file system */
};

struct in_addr {
    uint32_t s_addr;             /* network byte order */
};

struct sockaddr_in {
    sa_family_t sin_family;      /* AF_INET */
    uint16_t sin_port;           /* network byte order */
    struct in_addr sin_addr;
    unsigned char sin_zero[8];
};

#define INADDR_ANY       0x00000000u
#define INADDR_LOOPBACK  0x7f000001u

#endif
