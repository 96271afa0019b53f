/* The socket calls the kernel has no number of its own for: accept is
 * accept4 without flags, send and recv are sendto and recvfrom without an
 * address (as glibc makes them on i386). */
#include <sys/socket.h>

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
    return accept4(fd, addr, len, 0);
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
    return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
    return recvfrom(fd, buf, len, flags, NULL, NULL);
}
