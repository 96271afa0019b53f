/* Sockets: Linux's constants and address structures (<minnow/socket.h>),
 * and the calls. */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>
#include <minnow/socket.h>

/* IPv6's family, for addresses as text (inet_pton, getaddrinfo): the
 * kernel has no IPv6, and socket(AF_INET6, ...) fails with EAFNOSUPPORT. */
#define AF_INET6 10
#define PF_INET6 AF_INET6

int socket(int domain, int type, int protocol);
int socketpair(int domain, int type, int protocol, int sv[2]);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
int getsockname(int fd, struct sockaddr *addr, socklen_t *len);
int getpeername(int fd, struct sockaddr *addr, socklen_t *len);
int shutdown(int fd, int how);

#endif
