/* socketcall (102): the old way into the socket calls, a sub-call number
 * and an array of arguments.  Each sub-call does what its direct call
 * does (send and recv are sendto and recvfrom without an address); a
 * sub-call whose direct call Minnow lacks (sendmmsg, recvmmsg) is ENOSYS
 * like that call; an unknown one EINVAL. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

enum { SYS_SOCKET = 1, SYS_BIND, SYS_CONNECT, SYS_LISTEN, SYS_ACCEPT, SYS_GETSOCKNAME,
       SYS_GETPEERNAME, SYS_SOCKETPAIR, SYS_SEND, SYS_RECV, SYS_SENDTO, SYS_RECVFROM,
       SYS_SHUTDOWN, SYS_SETSOCKOPT, SYS_GETSOCKOPT, SYS_SENDMSG, SYS_RECVMSG, SYS_ACCEPT4,
       SYS_RECVMMSG, SYS_SENDMMSG };

static long sc6(int call, long a0, long a1, long a2, long a3, long a4, long a5)
{
    long args[6] = { a0, a1, a2, a3, a4, a5 };
    return syscall(__NR_socketcall, call, args);
}

static long sc(int call, long a0, long a1, long a2, long a3)
{
    return sc6(call, a0, a1, a2, a3, 0, 0);
}

/* The data and option calls: on a connected pair s -> c. */
static void data_and_options(long s, long c)
{
    char buf[8] = "";
    socklen_t len = 99;
    int one = 1, val = 0;

    check(sc(SYS_SEND, s, (long)"ab", 2, 0) == 2 && sc(SYS_RECV, c, (long)buf, sizeof(buf), 0) == 2 &&
          memcmp(buf, "ab", 2) == 0, "socketcall_send_recv", "errno %d", errno);
    check(sc6(SYS_SENDTO, s, (long)"cd", 2, 0, 0, 0) == 2 &&
          sc6(SYS_RECVFROM, c, (long)buf, sizeof(buf), 0, (long)buf + 4, (long)&len) == 2 && len == 0,
          "socketcall_sendto_recvfrom", "errno %d len %u", errno, len);
    struct iovec iov = { "ef", 2 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    check(sc(SYS_SENDMSG, s, (long)&m, 0, 0) == 2, "socketcall_sendmsg", "errno %d", errno);
    iov.iov_base = buf;
    check(sc(SYS_RECVMSG, c, (long)&m, 0, 0) == 2 && memcmp(buf, "ef", 2) == 0, "socketcall_recvmsg",
          "errno %d", errno);
    len = sizeof(val);
    check(sc6(SYS_SETSOCKOPT, s, SOL_SOCKET, SO_REUSEADDR, (long)&one, sizeof(one), 0) == 0 &&
          sc6(SYS_GETSOCKOPT, s, SOL_SOCKET, SO_REUSEADDR, (long)&val, (long)&len, 0) == 0 && val == 1,
          "socketcall_setsockopt_getsockopt", "errno %d val %d", errno, val);
}

int main(void)
{
    int sv[2] = { -1, -1 };
    char buf[8] = "";

    check(sc(SYS_SOCKETPAIR, AF_UNIX, SOCK_STREAM, 0, (long)sv) == 0 && sv[0] >= 0 && sv[1] >= 0,
          "socketcall_socketpair", "errno %d", errno);
    check(write(sv[0], "hey", 3) == 3 && read(sv[1], buf, sizeof(buf)) == 3 && memcmp(buf, "hey", 3) == 0,
          "socketcall_pair_works", "got %s", buf);
    check(sc(SYS_SHUTDOWN, sv[0], SHUT_WR, 0, 0) == 0 && read(sv[1], buf, sizeof(buf)) == 0,
          "socketcall_shutdown", "errno %d", errno);
    close(sv[0]);
    close(sv[1]);

    struct sockaddr_un a;
    memset(&a, 0, sizeof(a));
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "/tmp/sc.sock");
    unlink(a.sun_path);
    long l = sc(SYS_SOCKET, AF_UNIX, SOCK_STREAM, 0, 0);
    check(l >= 0 && sc(SYS_BIND, l, (long)&a, sizeof(a), 0) == 0 && sc(SYS_LISTEN, l, 4, 0, 0) == 0,
          "socketcall_socket_bind_listen", "errno %d", errno);
    long c = sc(SYS_SOCKET, AF_UNIX, SOCK_STREAM, 0, 0);
    check(sc(SYS_CONNECT, c, (long)&a, sizeof(a), 0) == 0, "socketcall_connect", "errno %d", errno);
    long s = sc(SYS_ACCEPT, l, 0, 0, 0);
    check(s >= 0 && write(c, "x", 1) == 1 && read(s, buf, 1) == 1, "socketcall_accept", "errno %d", errno);
    struct sockaddr_un got;
    socklen_t len = sizeof(got);
    check(sc(SYS_GETSOCKNAME, l, (long)&got, (long)&len, 0) == 0 && strcmp(got.sun_path, "/tmp/sc.sock") == 0,
          "socketcall_getsockname", "errno %d", errno);
    len = sizeof(got);
    check(sc(SYS_GETPEERNAME, c, (long)&got, (long)&len, 0) == 0, "socketcall_getpeername", "errno %d", errno);
    close(s);
    long c2 = sc(SYS_SOCKET, AF_UNIX, SOCK_STREAM, 0, 0);
    sc(SYS_CONNECT, c2, (long)&a, sizeof(a), 0);
    s = sc(SYS_ACCEPT4, l, 0, 0, SOCK_CLOEXEC);
    check(s >= 0, "socketcall_accept4", "errno %d", errno);
    check(sc(SYS_ACCEPT4, l, 0, 0, 0x7777) < 0 && errno == EINVAL, "socketcall_accept4_bad_flags",
          "errno %d", errno);

    data_and_options(c2, s);
    check(sc(SYS_SENDMMSG, c, 0, 0, 0) < 0 && errno == ENOSYS, "socketcall_sendmmsg_enosys", "errno %d",
          errno);
    check(sc(SYS_RECVMMSG, c, 0, 0, 0) < 0 && errno == ENOSYS, "socketcall_recvmmsg_enosys", "errno %d",
          errno);
    check(sc(0, 0, 0, 0, 0) < 0 && errno == EINVAL && sc(SYS_SENDMMSG + 1, 0, 0, 0, 0) < 0 && errno == EINVAL &&
          sc(-5, 0, 0, 0, 0) < 0 && errno == EINVAL, "socketcall_unknown_einval", "errno %d", errno);
    check(syscall(__NR_socketcall, SYS_SOCKET, (void *)0xC0000000) < 0 && errno == EFAULT,
          "socketcall_bad_args_efault", "errno %d", errno);
    close(s);
    close(c);
    close(c2);
    close(l);
    unlink("/tmp/sc.sock");
    return test_exit_code();
}
