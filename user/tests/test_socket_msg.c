/* send, recv, sendto, recvfrom, sendmsg, recvmsg on stream sockets
 * (AF_UNIX, and AF_INET on 127.0.0.1): the data goes through as with
 * read and write; the addresses are Linux's (a stream's sendto address is
 * EISCONN on AF_UNIX, not looked at on TCP; recvfrom names an AF_UNIX
 * peer that has a name, no one on TCP); the flags MSG_DONTWAIT, MSG_PEEK,
 * MSG_WAITALL, MSG_NOSIGNAL, MSG_OOB; and every bad length, pointer and
 * fd gets its errno without losing data. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <minnow/test.h>
#include "socket_helpers.h"

#define PATH "/tmp/test_socket_msg.sock"
#define PORT 7791
#define KERNEL_ADDR ((void *)0xC0100000)
#define UNMAPPED ((void *)16)

static int err(int r)
{
    return r < 0 ? -errno : r;
}

/* send/recv and sendto/recvfrom move bytes as write/read do. */
static void round_trips(void)
{
    int sv[2];
    char buf[16] = "";
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);

    int n = send(sv[0], "hello", 5, 0);
    int m = recv(sv[1], buf, sizeof(buf), 0);
    check(n == 5 && m == 5 && memcmp(buf, "hello", 5) == 0, "send_recv_socketpair", "%d %d", n, m);
    n = sendto(sv[1], "back", 4, 0, NULL, 0);
    m = read(sv[0], buf, sizeof(buf));
    check(n == 4 && m == 4 && memcmp(buf, "back", 4) == 0, "sendto_null_addr_then_read", "%d %d", n, m);
    write(sv[0], "xy", 2);
    struct sockaddr_un from;
    socklen_t len = sizeof(from);
    m = recvfrom(sv[1], buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
    check(m == 2 && len == 0, "recvfrom_unnamed_peer_len_0", "got %d len %u", m, len);
    n = err(send(sv[0], "", 0, 0));
    check(n == 0, "send_zero_bytes", "got %d", n);
    close(sv[0]);
    m = recv(sv[1], buf, sizeof(buf), 0);
    check(m == 0, "recv_end_of_file", "got %d", m);
    close(sv[1]);

    int c, s;
    tcp_pair(PORT, &c, &s);
    struct sockaddr_in elsewhere = inet_address("127.0.0.1", 1);
    n = sendto(c, "tcp", 3, 0, (struct sockaddr *)&elsewhere, sizeof(elsewhere));
    struct sockaddr_in src;
    len = sizeof(src);
    memset(buf, 0, sizeof(buf));
    m = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&src, &len);
    check(n == 3 && m == 3 && strcmp(buf, "tcp") == 0 && len == 0, "inet_sendto_address_ignored",
          "sent %d got %d len %u", n, m, len);
    close(c);
    close(s);
}

/* AF_UNIX: sendto with an address on a stream; recvfrom names the peer. */
static void unix_addresses(void)
{
    int l = listen_at(PATH, 2);
    int c = connect_to(PATH);
    int s = accept(l, NULL, NULL);
    struct sockaddr_un a = address(PATH), from;
    char buf[8];

    int r = err(sendto(c, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EISCONN, "unix_sendto_connected_eisconn", "got %d", r);
    int u = socket(AF_UNIX, SOCK_STREAM, 0);
    r = err(sendto(u, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EOPNOTSUPP, "unix_sendto_unconnected_eopnotsupp", "got %d", r);
    r = err(send(u, "x", 1, 0));
    int r2 = err(recv(u, buf, 1, 0));
    check(r == -ENOTCONN && r2 == -ENOTCONN, "send_recv_unconnected_enotconn", "send %d recv %d", r, r2);
    close(u);

    send(s, "hi", 2, 0);
    socklen_t len = sizeof(from);
    memset(&from, 0, sizeof(from));
    r = recvfrom(c, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
    check(r == 2 && from.sun_family == AF_UNIX && strcmp(from.sun_path, PATH) == 0 &&
          len == offsetof(struct sockaddr_un, sun_path) + sizeof(PATH), "unix_recvfrom_names_server",
          "got %d len %u path %s", r, len, from.sun_path);
    send(s, "hi", 2, 0);
    len = 4;                           /* room for part of the name: cut, len says all */
    memset(&from, 0, sizeof(from));
    r = recvfrom(c, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
    check(r == 2 && len == offsetof(struct sockaddr_un, sun_path) + sizeof(PATH) &&
          memcmp(from.sun_path, "/t", 2) == 0 && from.sun_path[2] == 0, "unix_recvfrom_name_cut",
          "got %d len %u", r, len);
    close(s);
    close(c);
    close(l);
    unlink(PATH);
}

static int sigpipes;
static void count_sigpipe(int sig)
{
    (void)sig;
    sigpipes++;
}

/* The flags of one call. */
static void flags(void)
{
    int sv[2];
    char buf[16] = "";
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);

    int r = err(recv(sv[0], buf, sizeof(buf), MSG_DONTWAIT));
    check(r == -EAGAIN, "recv_dontwait_eagain", "got %d", r);
    send(sv[1], "peekaboo", 8, 0);
    r = recv(sv[0], buf, 4, MSG_PEEK);
    int r2 = recv(sv[0], buf + 4, 8, MSG_PEEK);
    check(r == 4 && r2 == 8 && memcmp(buf, "peek", 4) == 0 && memcmp(buf + 4, "peekaboo", 8) == 0,
          "recv_peek_leaves_data", "%d %d", r, r2);
    r = recv(sv[0], buf, sizeof(buf), 0);
    check(r == 8 && memcmp(buf, "peekaboo", 8) == 0, "recv_after_peek", "got %d", r);
    r = err(send(sv[0], "!", 1, MSG_OOB));
    r2 = err(recv(sv[0], buf, 1, MSG_OOB));
    check(r == -EOPNOTSUPP && r2 == -EOPNOTSUPP, "msg_oob_eopnotsupp", "send %d recv %d", r, r2);

    /* MSG_WAITALL waits for the whole length; without it a recv takes what is there */
    pid_t pid = fork();
    if (pid == 0) {
        send(sv[1], "12345", 5, 0);
        usleep(50000);
        send(sv[1], "67890", 5, 0);
        usleep(50000);
        send(sv[1], "abc", 3, 0);
        _exit(0);
    }
    memset(buf, 0, sizeof(buf));
    r = recv(sv[0], buf, 10, MSG_WAITALL);
    r2 = recv(sv[0], buf + 10, 6, 0);
    check(r == 10 && memcmp(buf, "1234567890", 10) == 0 && r2 == 3, "recv_waitall",
          "got %d then %d: %s", r, r2, buf);
    waitpid(pid, NULL, 0);

    /* a peer that is gone: EPIPE, with SIGPIPE unless MSG_NOSIGNAL */
    install_handler(SIGPIPE, count_sigpipe, 0);
    close(sv[1]);
    r = err(send(sv[0], "x", 1, MSG_NOSIGNAL));
    check(r == -EPIPE && sigpipes == 0, "send_nosignal_epipe_no_sigpipe", "got %d, %d SIGPIPEs", r,
          sigpipes);
    r = err(send(sv[0], "x", 1, 0));
    check(r == -EPIPE && sigpipes == 1, "send_epipe_sigpipe", "got %d, %d SIGPIPEs", r, sigpipes);
    shutdown(sv[0], SHUT_WR);
    r = err(send(sv[0], "x", 1, MSG_NOSIGNAL));
    check(r == -EPIPE && sigpipes == 1, "send_after_shutdown_nosignal", "got %d, %d SIGPIPEs", r,
          sigpipes);
    install_handler(SIGPIPE, SIG_DFL, 0);
    close(sv[0]);

    /* a non-blocking socket: EAGAIN whatever the flags */
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
    r = err(recv(sv[0], buf, 1, 0));
    check(r == -EAGAIN, "recv_nonblocking_socket_eagain", "got %d", r);
    close(sv[0]);
    close(sv[1]);
}

/* sendmsg and recvmsg: several buffers, and the header that comes back. */
static void messages(void)
{
    int c, s;
    char a[4], b[16];
    tcp_pair(PORT, &c, &s);

    struct iovec out[3] = { { "one,", 4 }, { "", 0 }, { "two,three", 9 } };
    struct msghdr m;
    memset(&m, 0, sizeof(m));
    m.msg_iov = out;
    m.msg_iovlen = 3;
    int r = sendmsg(c, &m, 0);
    check(r == 13, "sendmsg_gathers", "got %d", r);

    struct iovec in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
    struct sockaddr_in from;
    memset(&m, 0, sizeof(m));
    memset(b, 0, sizeof(b));
    m.msg_iov = in;
    m.msg_iovlen = 2;
    m.msg_name = &from;
    m.msg_namelen = sizeof(from);
    m.msg_control = b;                 /* room for control data: none comes */
    m.msg_controllen = 4;
    m.msg_flags = -1;
    r = recvmsg(s, &m, 0);
    check(r == 13 && memcmp(a, "one,", 4) == 0 && strcmp(b, "two,three") == 0, "recvmsg_scatters",
          "got %d", r);
    check(m.msg_namelen == 0 && m.msg_controllen == 0 && m.msg_flags == 0, "recvmsg_header_back",
          "namelen %u controllen %u flags %d", m.msg_namelen, (unsigned)m.msg_controllen, m.msg_flags);

    /* MSG_PEEK over several buffers, then the same bytes taken */
    send(c, "abcdefgh", 8, 0);
    memset(b, 0, sizeof(b));
    in[1].iov_len = 4;
    m.msg_name = NULL;
    r = recvmsg(s, &m, MSG_PEEK);
    int r2 = recv(s, b + 8, 8, 0);
    check(r == 8 && memcmp(a, "abcd", 4) == 0 && memcmp(b, "efgh", 4) == 0 && r2 == 8 &&
          memcmp(b + 8, "abcdefgh", 8) == 0, "recvmsg_peek_scatters", "got %d then %d", r, r2);
    close(c);
    close(s);
}

/* Wrong arguments: each its errno, and the data stays for the next call. */
static void errors(void)
{
    int sv[2], p[2];
    char buf[8];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    send(sv[1], "kept", 4, 0);

    int r = err(sendto(sv[0], KERNEL_ADDR, 4, 0, NULL, 0));
    check(r == -EFAULT, "sendto_buf_efault", "got %d", r);
    r = err(recv(sv[0], KERNEL_ADDR, 4, 0));
    check(r == -EFAULT, "recv_buf_efault", "got %d", r);
    struct sockaddr_un from;
    socklen_t len = sizeof(from);
    r = err(recvfrom(sv[0], buf, sizeof(buf), 0, KERNEL_ADDR, &len));
    check(r == -EFAULT, "recvfrom_addr_efault", "got %d", r);
    r = err(recvfrom(sv[0], buf, sizeof(buf), 0, (struct sockaddr *)&from, NULL));
    check(r == -EFAULT, "recvfrom_len_efault", "got %d", r);
    len = (socklen_t)-1;
    r = err(recvfrom(sv[0], buf, sizeof(buf), 0, (struct sockaddr *)&from, &len));
    check(r == -EINVAL, "recvfrom_negative_len_einval", "got %d", r);
    r = recv(sv[0], buf, sizeof(buf), 0);
    check(r == 4 && memcmp(buf, "kept", 4) == 0, "data_kept_after_errors", "got %d", r);

    char big[200];
    memset(big, 0, sizeof(big));
    r = err(sendto(sv[0], "x", 1, 0, (struct sockaddr *)big, sizeof(big)));
    check(r == -EINVAL, "sendto_addr_too_long_einval", "got %d", r);
    r = err(sendto(sv[0], "x", 1, 0, UNMAPPED, sizeof(struct sockaddr_un)));
    check(r == -EFAULT, "sendto_addr_efault", "got %d", r);

    struct iovec iov = { buf, 1 };
    struct msghdr m;
    memset(&m, 0, sizeof(m));
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = buf;
    m.msg_controllen = 8;
    r = err(sendmsg(sv[0], &m, 0));
    check(r == -EINVAL, "sendmsg_control_einval", "got %d", r);
    m.msg_controllen = 0;
    m.msg_iovlen = 1025;
    r = err(sendmsg(sv[0], &m, 0));
    int r2 = err(recvmsg(sv[0], &m, 0));
    check(r == -EMSGSIZE && r2 == -EMSGSIZE, "msg_too_many_buffers_emsgsize", "send %d recv %d", r, r2);
    m.msg_iovlen = 1;
    m.msg_iov = KERNEL_ADDR;
    r = err(sendmsg(sv[0], &m, 0));
    check(r == -EFAULT, "sendmsg_iov_efault", "got %d", r);
    m.msg_iov = &iov;
    iov.iov_base = KERNEL_ADDR;
    r = err(recvmsg(sv[0], &m, MSG_DONTWAIT));
    check(r == -EFAULT, "recvmsg_buffer_efault", "got %d", r);
    r = err(sendmsg(sv[0], UNMAPPED, 0));
    r2 = err(recvmsg(sv[0], KERNEL_ADDR, 0));
    check(r == -EFAULT && r2 == -EFAULT, "msghdr_efault", "send %d recv %d", r, r2);
    iov.iov_base = buf;
    m.msg_name = &from;
    m.msg_namelen = (socklen_t)-5;
    r = err(recvmsg(sv[0], &m, MSG_DONTWAIT));
    check(r == -EINVAL, "recvmsg_negative_namelen_einval", "got %d", r);

    pipe(p);
    r = err(send(p[1], "x", 1, 0));
    r2 = err(recv(p[0], buf, 1, 0));
    check(r == -ENOTSOCK && r2 == -ENOTSOCK, "send_recv_pipe_enotsock", "send %d recv %d", r, r2);
    r = err(sendmsg(p[1], &m, 0));
    r2 = err(recvfrom(77, buf, 1, 0, NULL, NULL));
    check(r == -ENOTSOCK && r2 == -EBADF, "sendmsg_enotsock_recvfrom_ebadf", "%d %d", r, r2);
    close(p[0]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
}

static void all(void)
{
    round_trips();
    unix_addresses();
    flags();
    messages();
    errors();
}

int main(void)
{
    check_group(all, "socket_msg");
    return test_exit_code();
}
