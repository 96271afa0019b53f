/* Socket addresses and names: what a program says to reach a socket, and
 * what a socket holds so that connect() can find it.  The sockets, their
 * fds and the system calls are in fs/socket.c, which calls what is here;
 * fs/socket.h declares what the two files share.
 *
 * An address is what a program passes to bind() and connect(), and gets
 * back from accept(), getsockname() and getpeername(): a struct sockaddr_un
 * with a path (AF_UNIX), or a struct sockaddr_in with an IP address and a
 * port (AF_INET).  It is copied in and checked, or copied out, here.
 *
 * A name is the address a socket was bound to.  An AF_UNIX name is an
 * inode that bind() put into the file system, whose `socket` field points
 * at the socket.  An AF_INET name is a port on 127.0.0.1, the only address
 * Minnow has (there is no network card): a list of the sockets that hold a
 * port. */
#include <stddef.h>
#include <string.h>
#include <minnow/errno.h>
#include <minnow/socket.h>
#include "fs/socket.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"
#include "proc/sched.h"

/* ================================================================ addresses */

/* Ports and IP addresses travel in "network order", big-endian; the x86
 * is little-endian, so they are byte-swapped on the way in and out. */
uint16_t ntohs(uint16_t v)
{
    return (uint16_t)(v << 8 | v >> 8);
}

uint32_t ntohl(uint32_t v)
{
    return v << 24 | (v & 0xff00) << 8 | (v >> 8 & 0xff00) | v >> 24;
}

/* Swapping twice gives the number back: "host to network" is the same. */
uint16_t htons(uint16_t v)
{
    return ntohs(v);
}

uint32_t htonl(uint32_t v)
{
    return ntohl(v);
}

/* An AF_UNIX address must hold a non-empty path that ends within
 * sun_path's 108 bytes (a len that cuts the path short ends it there). */
static long check_unix_address(struct sockaddr_un *a, socklen_t len)
{
    if (len <= offsetof(struct sockaddr_un, sun_path))
        return -EINVAL;
    if (a->sun_family != AF_UNIX)
        return -EINVAL;
    if (strnlen(a->sun_path, sizeof(a->sun_path)) == sizeof(a->sun_path))
        return -EINVAL;                /* no NUL in all 108 bytes: too long */
    if (a->sun_path[0] == '\0')
        return -EINVAL;                /* Linux's "abstract" names: not in Minnow */
    return 0;
}

/* Copies a program's address for a socket of `family` into the kernel
 * (bind, connect) and checks it. */
long get_address(int family, const struct sockaddr *uaddr, socklen_t len,
                        union sock_addr *a)
{
    if (len > (family == AF_UNIX ? sizeof(a->un) : sizeof(*a)))
        return -EINVAL;
    memset(a, 0, sizeof(*a));
    if (copy_from_user(a, uaddr, len) < 0)
        return -EFAULT;
    if (family == AF_UNIX)
        return check_unix_address(&a->un, len);
    if (len < sizeof(struct sockaddr_in))
        return -EINVAL;
    if (a->in.sin_family != AF_INET)
        return -EAFNOSUPPORT;
    memset(a->in.sin_zero, 0, sizeof(a->in.sin_zero));
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

/* ================================================================ names */

/* AF_UNIX: the socket's name in the file system, a new S_IFSOCK inode at
 * path that points back at the socket.  The path must not exist yet. */
long unix_bind(struct socket *s, const union sock_addr *a)
{
    char name[NAME_MAX + 1];
    struct inode *dir;
    long err = namei_parent(a->un.sun_path, &dir, name);

    if (err < 0)
        return err;
    struct inode *ino;

    err = inode_permission(dir, 3);
    if (err == 0)
        err = vfs_create(dir, name, S_IFSOCK | (0777 & ~current->umask), 0, &ino);
    if (err == -EEXIST)
        err = -EADDRINUSE;
    if (err == 0) {
        ino->socket = s;
        s->bound = ino;                /* keeps vfs_create's reference */
        s->name = *a;
        s->name_len = offsetof(struct sockaddr_un, sun_path) + strlen(a->un.sun_path) + 1;
    }
    inode_put(dir);
    return err;
}

/* AF_INET: the sockets that hold a port (bound ones; accepted connections
 * share their listener's port and are not in the list). */
#define FIRST_EPHEMERAL_PORT 49152   /* ports handed out by the kernel, as Linux */
static struct socket *inet_ports;

struct socket *inet_find(int port)
{
    for (struct socket *s = inet_ports; s; s = s->next_port)
        if (s->port == port)
            return s;
    return NULL;
}

void inet_release_port(struct socket *s)
{
    struct socket **p = &inet_ports;

    while (*p != s)
        p = &(*p)->next_port;
    *p = s->next_port;
    s->port = 0;
}

/* Gives s the address ip (network order) and `port`, or (port 0) a free
 * port of the kernel's choosing: what bind does, and what connect and
 * listen do for a socket that was not bound. */
long inet_bind(struct socket *s, uint32_t ip, int port)
{
    if (port == 0) {
        for (port = FIRST_EPHEMERAL_PORT; port <= 65535 && inet_find(port); port++)
            ;
        if (port > 65535)
            return -EADDRINUSE;
    } else if (inet_find(port)) {
        return -EADDRINUSE;
    }
    s->port = port;
    s->next_port = inet_ports;
    inet_ports = s;
    s->name.in.sin_port = htons(port);
    s->name.in.sin_addr.s_addr = ip;
    return 0;
}

/* Is this IP address (network order) this machine?  127.0.0.1 is;
 * 0.0.0.0 means "any address of this machine" -- the same one. */
int is_local(uint32_t addr)
{
    return ntohl(addr) == INADDR_LOOPBACK || addr == INADDR_ANY;
}

int is_bound(struct socket *s)
{
    return s->bound || s->port;
}
