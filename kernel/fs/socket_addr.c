/* Socket addresses between programs and the kernel: what a program passes
 * to bind(), connect() and sendto(), and gets back from accept(),
 * getsockname(), getpeername() and recvfrom() -- a struct sockaddr_un with
 * a path (AF_UNIX), or a struct sockaddr_in with an IP address and a port
 * (AF_INET).  Here they are only copied in and out, as bytes; what makes
 * one valid is its family's business (fs/af_unix.c, fs/af_inet.c). */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/socket.h"
#include "mm/uaccess.h"

/* Copies a program's address into the kernel (bind, connect, sendto).
 * Zero-filled past len, so a family can read a whole sockaddr_in. */
long copy_address(const struct sockaddr *uaddr, socklen_t len, union sock_addr *a)
{
    if (len > sizeof(*a))
        return -EINVAL;
    memset(a, 0, sizeof(*a));
    if (copy_from_user(a, uaddr, len) < 0)
        return -EFAULT;
    return 0;
}

/* A program passes (addr, len) to receive an address: *len says how much
 * room addr has.  Checks both can be written; *room gets that room. */
long check_room(struct sockaddr *uaddr, socklen_t *ulen, socklen_t *room)
{
    if (copy_from_user(room, ulen, sizeof(*room)) < 0)
        return -EFAULT;
    if ((int)*room < 0)
        return -EINVAL;
    if (*room > sizeof(union sock_addr))
        *room = sizeof(union sock_addr);
    if (verify_area(ulen, sizeof(*ulen), 1) < 0 || verify_area(uaddr, *room, 1) < 0)
        return -EFAULT;
    return 0;
}

/* Gives a program an address: cut to the room it has, and *len set to the
 * address's whole length (so the program can tell it was cut). */
long put_address(struct sockaddr *uaddr, socklen_t *ulen, const union sock_addr *a,
                 socklen_t len)
{
    socklen_t room;
    long err = check_room(uaddr, ulen, &room);

    if (err < 0)
        return err;
    if (room > len)
        room = len;
    if (copy_to_user(uaddr, a, room) < 0 || copy_to_user(ulen, &len, sizeof(len)) < 0)
        return -EFAULT;
    return 0;
}
