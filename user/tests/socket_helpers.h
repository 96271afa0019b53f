/* What the AF_UNIX socket tests (test_socket*.c) share: an address for a
 * path, a listening socket at a path, a connection to one.  A header, not
 * a .c file: every .c under user/ becomes a program of its own. */
#ifndef SOCKET_HELPERS_H
#define SOCKET_HELPERS_H

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

/* The sockaddr_un of path. */
static inline struct sockaddr_un address(const char *path)
{
    struct sockaddr_un a;

    memset(&a, 0, sizeof(a));
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, path);
    return a;
}

/* socket + bind + listen at path (a stale name is removed first).
 * Returns the listening socket, or -1. */
static inline int listen_at(const char *path, int backlog)
{
    struct sockaddr_un a = address(path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    unlink(path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, backlog) < 0)
        return -1;
    return fd;
}

/* A socket connected to the listener at path, or -1 with connect's errno
 * (ENOENT, ECONNREFUSED...). */
static inline int connect_to(const char *path)
{
    struct sockaddr_un a = address(path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

#endif
