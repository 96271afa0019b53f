/* Sockets against a careless program: a child makes the socket calls (and
 * write, close, dup, fcntl) at random on a handful of sockets, names,
 * messages, options and bad pointers.  The kernel must answer every call,
 * never block the child (every socket is non-blocking) and, once the
 * child is gone, have every page back. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define CALLS 20000

static const int calls[] = {
    __NR_socket, __NR_socketpair, __NR_bind, __NR_connect, __NR_listen, __NR_accept4,
    __NR_getsockname, __NR_getpeername, __NR_shutdown, __NR_write, __NR_close, __NR_dup,
    __NR_fcntl, __NR_unlink, __NR_sendto, __NR_recvfrom, __NR_sendmsg, __NR_recvmsg,
    __NR_setsockopt, __NR_getsockopt,
};

static unsigned seed = 4242;
static unsigned next_random(void)
{
    seed = seed * 1103515245 + 12345;
    return seed >> 8;
}

static struct sockaddr_un names[4];
static socklen_t len_value;
static int sv[2];
static char data[256];
static struct iovec iov[3] = { { data, 10 }, { data + 10, 0 }, { data + 20, 200 } };
static struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 3 };

static long random_fd(void)
{
    return next_random() % 12;                       /* an fd, most likely a socket */
}

static long random_arg(void)
{
    static const long values[] = {
        0, 1, 2, 3, -1, 5, 16, 110, 111, SOCK_STREAM | SOCK_NONBLOCK, AF_UNIX,
        (long)0xC0100000, (long)0xFFFFFFFF, 0x7fffffff, SOCK_NONBLOCK, O_NONBLOCK,
    };
    switch (next_random() % 6) {
    case 0:  return values[next_random() % (sizeof(values) / sizeof(values[0]))];
    case 1:  return (long)&names[next_random() % 4];
    case 2:  len_value = next_random() % 120;
             return (long)&len_value;
    case 3:  return (long)sv;
    case 4:  msg.msg_name = next_random() % 2 ? &names[0] : (void *)random_fd();
             msg.msg_namelen = next_random() % 120;
             msg.msg_iovlen = next_random() % 4;
             return next_random() % 2 ? (long)&msg : (long)data;
    default: return random_fd();
    }
}

static void fuzz(void)
{
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    for (int i = 0; i < 4; i++) {
        names[i].sun_family = AF_UNIX;
        strcpy(names[i].sun_path, "/tmp/fuzz_sock0");
        names[i].sun_path[14] += i;
    }
    for (int i = 0; i < CALLS; i++) {
        int nr = calls[next_random() % (sizeof(calls) / sizeof(calls[0]))];
        long a = random_arg(), b = random_arg(), c = random_arg(), d = random_arg();
        long e = random_arg(), f = random_arg();
        if (nr == __NR_socket || nr == __NR_socketpair)
            b |= SOCK_NONBLOCK;                      /* never block */
        if (nr == __NR_accept4)
            d |= SOCK_NONBLOCK;
        if ((nr == __NR_write || nr == __NR_sendto || nr == __NR_recvfrom || nr == __NR_sendmsg ||
             nr == __NR_recvmsg) && a >= 0 && a < 32)
            fcntl(a, F_SETFL, O_NONBLOCK);
        if (nr == __NR_connect || nr == __NR_accept4)
            fcntl(a, F_SETFL, O_NONBLOCK);
        if (nr == __NR_fcntl)
            b = F_DUPFD;
        if (nr == __NR_unlink && (unsigned long)a >= 64)
            a = (long)names[next_random() % 4].sun_path;
        syscall(nr, a, b, c, d, e, f);
    }
}

int main(void)
{
    long before = free_pages();
    int status = 0, ok = 1;

    signal(SIGPIPE, SIG_IGN);
    for (int round = 0; round < 4; round++) {
        seed += round * 7919;
        status = child_status(fuzz);
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    check(ok, "socket_fuzz_child_ended", "status %#x", status);
    for (int i = 0; i < 4; i++) {
        char path[] = "/tmp/fuzz_sock0";
        path[14] += i;
        unlink(path);
    }
    long after = free_pages();
    check(after == before, "socket_fuzz_no_page_leak", "%ld pages free before, %ld after", before,
          after);
    return test_exit_code();
}
