/* Sockets: every way a program can get them wrong gets an errno, as on
 * Linux, and never hurts the kernel.  ECONNREFUSED, ENOENT, EADDRINUSE,
 * ENOTSOCK, EBADF, ENOTCONN, EINVAL, EFAULT, and the kinds of socket
 * Minnow does not have.  (AF_INET's own errors: test_socket_inet.) */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <minnow/test.h>
#include "socket_helpers.h"

#define PATH "/tmp/test_socket_errors.sock"
#define FILE_PATH "/tmp/test_socket_errors.file"
#define KERNEL_ADDR ((void *)0xC0100000)
#define UNMAPPED ((void *)16)

/* The result of a call and its errno, as one number to compare: -errno or
 * the result. */
static int err(int r)
{
    return r < 0 ? -errno : r;
}

static void kinds(void)
{
    int r = err(socket(12345, SOCK_STREAM, 0));
    check(r == -EAFNOSUPPORT, "socket_bad_domain_eafnosupport", "got %d", r);
    r = err(socket(AF_UNIX, SOCK_DGRAM, 0));
    check(r == -ESOCKTNOSUPPORT, "socket_dgram_esocktnosupport", "got %d", r);
    r = err(socket(AF_UNIX, SOCK_STREAM, 99));
    check(r == -EPROTONOSUPPORT, "socket_protocol_eprotonosupport", "got %d", r);
    r = err(socket(AF_UNIX, SOCK_STREAM | 0x100, 0));
    check(r == -EINVAL, "socket_bad_type_flags_einval", "got %d", r);
    int sv[2];
    r = err(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    check(r == -ESOCKTNOSUPPORT, "socketpair_dgram_esocktnosupport", "got %d", r);
}

/* connect: ENOENT when nothing has the name, ECONNREFUSED when the name is
 * not a listening socket's. */
static void connect_errors(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = address("/tmp/no_such_socket");
    int r = err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -ENOENT, "socket_connect_enoent", "got %d", r);

    int b = socket(AF_UNIX, SOCK_STREAM, 0);
    a = address(PATH);
    unlink(PATH);
    bind(b, (struct sockaddr *)&a, sizeof(a));   /* bound, not listening */
    r = err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -ECONNREFUSED, "socket_connect_not_listening_econnrefused", "got %d", r);
    close(b);
    r = err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -ECONNREFUSED, "socket_connect_closed_econnrefused", "got %d", r);
    unlink(PATH);

    close(open(FILE_PATH, O_CREAT | O_WRONLY, 0644));
    a = address(FILE_PATH);
    r = err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
    check(r == -ECONNREFUSED, "socket_connect_regular_file_econnrefused", "got %d", r);
    close(fd);
}

/* bind: EADDRINUSE when the name exists (a socket's or a file's). */
static void bind_errors(void)
{
    struct sockaddr_un a = address(PATH);
    int s1 = socket(AF_UNIX, SOCK_STREAM, 0);
    int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink(PATH);
    check(bind(s1, (struct sockaddr *)&a, sizeof(a)) == 0, "socket_bind", "errno %d", errno);
    int r = err(bind(s2, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EADDRINUSE, "socket_bind_eaddrinuse", "got %d", r);
    struct sockaddr_un f = address(FILE_PATH);
    r = err(bind(s2, (struct sockaddr *)&f, sizeof(f)));
    check(r == -EADDRINUSE, "socket_bind_file_eaddrinuse", "got %d", r);
    struct sockaddr_un other = address("/tmp/test_socket_errors.2");
    r = err(bind(s1, (struct sockaddr *)&other, sizeof(other)));
    check(r == -EINVAL, "socket_bind_twice_einval", "got %d", r);
    struct sockaddr_un nodir = address("/no/such/dir/sock");
    r = err(bind(s2, (struct sockaddr *)&nodir, sizeof(nodir)));
    check(r == -ENOENT, "socket_bind_no_dir_enoent", "got %d", r);

    /* the address itself: family, length, a path that ends within 108 bytes */
    struct sockaddr_un bad = address("/tmp/x");
    bad.sun_family = AF_INET;
    r = err(bind(s2, (struct sockaddr *)&bad, sizeof(bad)));
    check(r == -EINVAL, "socket_bind_wrong_family_einval", "got %d", r);
    bad = address("/tmp/x");
    r = err(bind(s2, (struct sockaddr *)&bad, 2));
    check(r == -EINVAL, "socket_bind_len_too_small_einval", "got %d", r);
    r = err(bind(s2, (struct sockaddr *)&bad, sizeof(bad) + 1));
    check(r == -EINVAL, "socket_bind_len_too_big_einval", "got %d", r);
    memset(bad.sun_path, 'x', sizeof(bad.sun_path));
    r = err(bind(s2, (struct sockaddr *)&bad, sizeof(bad)));
    check(r == -EINVAL, "socket_bind_path_no_nul_einval", "got %d", r);
    r = err(connect(s2, (struct sockaddr *)&bad, sizeof(bad)));
    check(r == -EINVAL, "socket_connect_path_no_nul_einval", "got %d", r);
    memset(bad.sun_path, 0, sizeof(bad.sun_path));
    r = err(bind(s2, (struct sockaddr *)&bad, sizeof(bad)));
    check(r == -EINVAL, "socket_bind_empty_path_einval", "got %d", r);
    close(s1);
    close(s2);
    unlink(PATH);
}

/* Socket calls on an fd that is not a socket, or not open. */
static void not_sockets(void)
{
    struct sockaddr_un a = address(PATH);
    socklen_t len = sizeof(a);
    int p[2];
    pipe(p);
    int file = open(FILE_PATH, O_RDONLY);
    int r;

    r = err(bind(p[0], (struct sockaddr *)&a, sizeof(a)));
    check(r == -ENOTSOCK, "socket_bind_pipe_enotsock", "got %d", r);
    r = err(listen(file, 5));
    check(r == -ENOTSOCK, "socket_listen_file_enotsock", "got %d", r);
    r = err(accept(0, NULL, NULL));
    check(r == -ENOTSOCK, "socket_accept_console_enotsock", "got %d", r);
    r = err(connect(p[1], (struct sockaddr *)&a, sizeof(a)));
    check(r == -ENOTSOCK, "socket_connect_pipe_enotsock", "got %d", r);
    r = err(getsockname(file, (struct sockaddr *)&a, &len));
    check(r == -ENOTSOCK, "socket_getsockname_enotsock", "got %d", r);
    r = err(getpeername(file, (struct sockaddr *)&a, &len));
    check(r == -ENOTSOCK, "socket_getpeername_enotsock", "got %d", r);
    r = err(shutdown(p[0], SHUT_RDWR));
    check(r == -ENOTSOCK, "socket_shutdown_enotsock", "got %d", r);
    close(p[0]);
    close(p[1]);
    close(file);

    r = err(listen(99, 5));
    check(r == -EBADF, "socket_listen_ebadf", "got %d", r);
    r = err(accept(-1, NULL, NULL));
    check(r == -EBADF, "socket_accept_ebadf", "got %d", r);
    r = err(connect(31, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EBADF, "socket_connect_ebadf", "got %d", r);
}

/* What only a connected socket can do; what only a listening one can. */
static void wrong_state(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    char c = 'x';
    struct sockaddr_un a;
    socklen_t len = sizeof(a);
    int r;

    r = err(read(fd, &c, 1));
    check(r == -ENOTCONN, "socket_read_unconnected_enotconn", "got %d", r);
    r = err(write(fd, &c, 1));
    check(r == -ENOTCONN, "socket_write_unconnected_enotconn", "got %d", r);
    r = err(getpeername(fd, (struct sockaddr *)&a, &len));
    check(r == -ENOTCONN, "socket_getpeername_enotconn", "got %d", r);
    r = err(shutdown(fd, SHUT_WR));
    check(r == -ENOTCONN, "socket_shutdown_enotconn", "got %d", r);
    r = err(accept(fd, NULL, NULL));
    check(r == -EINVAL, "socket_accept_not_listening_einval", "got %d", r);
    r = err(listen(fd, 5));
    check(r == -EINVAL, "socket_listen_unbound_einval", "got %d", r);
    r = err(getsockname(fd, (struct sockaddr *)&a, &len));
    check(r == 0 && len == sizeof(sa_family_t) && a.sun_family == AF_UNIX,
          "socket_getsockname_unbound", "got %d len %u", r, len);
    close(fd);

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    r = err(accept(sv[0], NULL, NULL));
    check(r == -EINVAL, "socket_accept_connected_einval", "got %d", r);
    a = address(PATH);
    unlink(PATH);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 5);
    r = err(connect(sv[0], (struct sockaddr *)&a, sizeof(a)));
    check(r == -EISCONN, "socket_connect_connected_eisconn", "got %d", r);
    r = err(connect(l, (struct sockaddr *)&a, sizeof(a)));
    check(r == -EINVAL, "socket_connect_listening_einval", "got %d", r);
    r = err(accept4(l, NULL, NULL, 0x1234));
    check(r == -EINVAL, "socket_accept4_bad_flags_einval", "got %d", r);
    close(sv[0]);
    close(sv[1]);
    close(l);
    unlink(PATH);
}

/* Bad pointers are EFAULT, never a kernel fault. */
static void bad_pointers(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = address(PATH);
    socklen_t len = sizeof(a);
    int r;

    r = err(bind(fd, UNMAPPED, sizeof(a)));
    check(r == -EFAULT, "socket_bind_efault", "got %d", r);
    r = err(connect(fd, KERNEL_ADDR, sizeof(a)));
    check(r == -EFAULT, "socket_connect_efault", "got %d", r);
    r = err(socketpair(AF_UNIX, SOCK_STREAM, 0, KERNEL_ADDR));
    check(r == -EFAULT, "socketpair_efault", "got %d", r);
    r = err(getsockname(fd, KERNEL_ADDR, &len));
    check(r == -EFAULT, "socket_getsockname_addr_efault", "got %d", r);
    r = err(getsockname(fd, (struct sockaddr *)&a, UNMAPPED));
    check(r == -EFAULT, "socket_getsockname_len_efault", "got %d", r);
    len = (socklen_t)-1;
    r = err(getsockname(fd, (struct sockaddr *)&a, &len));
    check(r == -EINVAL, "socket_getsockname_negative_len_einval", "got %d", r);

    unlink(PATH);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 5);
    connect(fd, (struct sockaddr *)&a, sizeof(a));
    len = sizeof(a);
    r = err(accept(l, KERNEL_ADDR, &len));
    check(r == -EFAULT, "socket_accept_addr_efault", "got %d", r);
    r = err(accept(l, (struct sockaddr *)&a, NULL));
    check(r == -EFAULT, "socket_accept_len_efault", "got %d", r);
    int c = accept(l, NULL, NULL);               /* the connection was not lost */
    check(c >= 0, "socket_accept_after_efault", "errno %d", errno);
    r = err(read(c, KERNEL_ADDR, 10));
    check(r == -EFAULT, "socket_read_efault", "got %d", r);
    r = err(write(fd, UNMAPPED, 10));
    check(r == -EFAULT, "socket_write_efault", "got %d", r);
    close(c);
    close(l);
    close(fd);
    unlink(PATH);
}

int main(void)
{
    kinds();
    connect_errors();
    bind_errors();
    not_sockets();
    wrong_state();
    bad_pointers();
    unlink(FILE_PATH);
    return test_exit_code();
}
