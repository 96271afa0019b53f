/* The data calls of sockets: sendto, recvfrom, sendmsg, recvmsg (and the
 * C library's send and recv, which are sendto and recvfrom without an
 * address).  read and write on a socket are the same calls with one
 * buffer and no flags (fs/socket.c).
 *
 * Each gathers a struct sock_msg -- the user's buffers, checked; the
 * address, copied in -- and hands it to the protocol's sendmsg/recvmsg,
 * with the MSG_ flags (MSG_DONTWAIT added for an O_NONBLOCK file).  On a
 * stream the address of sendto has no use (EISCONN, or ignored, as the
 * protocol says) and recvfrom may give none (its *len becomes 0); a
 * datagram protocol sends each message to its address and says where each
 * came from. */
#include <minnow/errno.h>
#include <minnow/socket.h>
#include <minnow/uio.h>
#include "fs/socket.h"
#include "fs/file.h"
#include "mm/kmalloc.h"
#include "mm/uaccess.h"
#include "syscall_protos.h"

#define MAX_RW 0x7ffff000u       /* one call moves at most this much (as read, write) */

/* send, sendto: one buffer; an address only for a datagram socket. */
long sys_sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *uaddr,
                socklen_t alen)
{
    struct socket *s;
    struct file *f;
    union sock_addr a;
    long err = get_socket(fd, &s, &f);

    if (err < 0)
        return err;
    if (len > MAX_RW)
        len = MAX_RW;
    if (verify_area(buf, len, 0) < 0)
        return -EFAULT;
    struct iovec iov = { (void *)buf, len };
    struct sock_msg m = { .iov = &iov, .iovlen = 1, .len = len };
    if (uaddr) {
        if ((err = copy_address(uaddr, alen, &a)) < 0)
            return err;
        if (alen) {                    /* a length of 0 is no address, as Linux */
            m.name = &a;
            m.namelen = alen;
        }
    }
    return s->ops->sendmsg(s, &m, sock_msg_flags(f, flags));
}

/* recv, recvfrom: one buffer; where it came from into (uaddr, *ulen),
 * whose room is checked before anything is taken from the socket. */
long sys_recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *uaddr,
                  socklen_t *ulen)
{
    struct socket *s;
    struct file *f;
    union sock_addr a;
    socklen_t room;
    long err = get_socket(fd, &s, &f);

    if (err < 0)
        return err;
    if (len > MAX_RW)
        len = MAX_RW;
    if (verify_area(buf, len, 1) < 0 || (uaddr && (err = check_room(uaddr, ulen, &room)) < 0))
        return err < 0 ? err : -EFAULT;
    struct iovec iov = { buf, len };
    struct sock_msg m = { .iov = &iov, .iovlen = 1, .len = len, .name = uaddr ? &a : NULL };
    long n = s->ops->recvmsg(s, &m, sock_msg_flags(f, flags));
    if (n >= 0 && uaddr && put_address(uaddr, ulen, &a, m.namelen) < 0)
        return -EFAULT;
    return n;
}

/* The parts of a struct msghdr that are the same for sendmsg and recvmsg:
 * the header itself, and its buffers (which m gets; the caller kfree()s
 * m->iov).  write: for sendmsg. */
static long get_msghdr(const struct msghdr *umsg, int write, struct msghdr *h, struct sock_msg *m)
{
    struct iovec *iov;

    if (copy_from_user(h, umsg, sizeof(*h)) < 0)
        return -EFAULT;
    if (h->msg_iovlen > UIO_MAXIOV)
        return -EMSGSIZE;
    long err = get_iovec(h->msg_iov, h->msg_iovlen, write, &iov);
    if (err < 0)
        return err;
    m->iov = iov;
    m->iovlen = h->msg_iovlen;
    m->len = 0;
    for (size_t i = 0; i < h->msg_iovlen; i++)
        m->len += iov[i].iov_len;      /* get_iovec kept it within SSIZE_MAX */
    return 0;
}

/* sendmsg: several buffers, as one message.  Control data (passing fds,
 * SCM_RIGHTS) Minnow does not have: EINVAL. */
long sys_sendmsg(int fd, const struct msghdr *umsg, int flags)
{
    struct socket *s;
    struct file *f;
    struct msghdr h;
    struct sock_msg m = { 0 };
    union sock_addr a;
    long err = get_socket(fd, &s, &f);

    if (err < 0 || (err = get_msghdr(umsg, 1, &h, &m)) < 0)
        return err;
    if (h.msg_controllen)
        err = -EINVAL;
    else if (h.msg_name && h.msg_namelen && (err = copy_address(h.msg_name, h.msg_namelen, &a)) == 0) {
        m.name = &a;
        m.namelen = h.msg_namelen;
    }
    if (err == 0)
        err = s->ops->sendmsg(s, &m, sock_msg_flags(f, flags));
    kfree((void *)m.iov);
    return err;
}

/* recvmsg: into several buffers; the header goes back with msg_namelen
 * (the address's whole length), msg_controllen 0 and msg_flags. */
long sys_recvmsg(int fd, struct msghdr *umsg, int flags)
{
    struct socket *s;
    struct file *f;
    struct msghdr h;
    struct sock_msg m = { 0 };
    union sock_addr a;
    long err = get_socket(fd, &s, &f);

    if (err < 0 || (err = get_msghdr(umsg, 0, &h, &m)) < 0)
        return err;
    socklen_t room = h.msg_namelen < sizeof(a) ? h.msg_namelen : sizeof(a);
    if ((int)h.msg_namelen < 0)
        err = -EINVAL;
    else if (verify_area(umsg, sizeof(*umsg), 1) < 0 ||
             (h.msg_name && verify_area(h.msg_name, room, 1) < 0) ||
             (h.msg_control && verify_area(h.msg_control, h.msg_controllen, 1) < 0))
        err = -EFAULT;
    if (err == 0) {
        m.name = h.msg_name ? &a : NULL;
        m.control = h.msg_controllen ? h.msg_control : NULL;
        m.controllen = h.msg_controllen;
        err = s->ops->recvmsg(s, &m, sock_msg_flags(f, flags));
    }
    kfree((void *)m.iov);
    if (err < 0)
        return err;
    if (h.msg_name) {
        copy_to_user(h.msg_name, &a, m.namelen < room ? m.namelen : room);
        h.msg_namelen = m.namelen;
    }
    h.msg_controllen = m.control_used;  /* only UDP's and ping's IP_TTL, if asked for */
    h.msg_flags = m.flags;
    copy_to_user(umsg, &h, sizeof(h)); /* both checked above */
    return err;
}
