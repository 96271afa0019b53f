/* Sockets as the lecture shows them: a server binds a name, listens and
 * accepts; a client connects to the name; the two talk through a
 * connection that works like two pipes, one in each direction.  Here: the
 * echo round trip, names (stat, getsockname, getpeername), end of file,
 * EPIPE and SIGPIPE, shutdown, socketpair between parent and child, what
 * closing or unlinking a listener does, and the backlog.
 * The errors are in test_socket_errors, the heavy cases in test_socket_stress. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <minnow/test.h>
#include "socket_helpers.h"

#define PATH "/tmp/test_socket.sock"

/* The lecture's echo: a server in a child process reads a request and
 * writes it back; the client (us) sends a NUL-terminated line. */
static void echo_round_trip(void)
{
    int l = listen_at(PATH, 5);
    check(l >= 0, "socket_listen", "errno %d", errno);
    pid_t pid = fork();
    if (pid == 0) {
        char buf[128];
        int c = accept(l, NULL, NULL);
        int n = read(c, buf, sizeof(buf));
        if (n > 0)
            write(c, buf, n);
        _exit(n == 6 ? 0 : 1);
    }
    int fd = connect_to(PATH);
    check(fd >= 0, "socket_connect", "errno %d", errno);
    char reply[128] = { 0 };
    write(fd, "hello", 6);                       /* with its NUL */
    int n = read(fd, reply, sizeof(reply));
    check(n == 6 && strcmp(reply, "hello") == 0, "socket_echo_round_trip", "read %d \"%s\"", n,
          reply);
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "socket_echo_server_read", "status %#x",
          status);
    close(fd);
    close(l);
    unlink(PATH);
}

/* The name in the file system, and what getsockname/getpeername/accept say. */
static void names(void)
{
    int l = listen_at(PATH, 5);
    struct stat st;
    check(stat(PATH, &st) == 0 && S_ISSOCK(st.st_mode), "socket_stat_path_is_socket", "mode %o",
          st.st_mode);
    check(open(PATH, O_RDWR) == -1 && errno == ENXIO, "socket_open_path_enxio", "errno %d", errno);

    int fd = connect_to(PATH);
    struct sockaddr_un a;
    socklen_t len = sizeof(a);
    int c = accept(l, (struct sockaddr *)&a, &len);
    check(c >= 0 && a.sun_family == AF_UNIX && len == sizeof(sa_family_t),
          "socket_accept_addr_unnamed_client", "fd %d family %d len %u", c, a.sun_family, len);

    check(fstat(c, &st) == 0 && S_ISSOCK(st.st_mode), "socket_fstat_is_socket", "mode %o",
          st.st_mode);
    check(lseek(c, 0, SEEK_SET) == -1 && errno == ESPIPE, "socket_lseek_espipe", "errno %d", errno);

    len = sizeof(a);
    memset(&a, 0, sizeof(a));
    int r = getsockname(l, (struct sockaddr *)&a, &len);
    check(r == 0 && strcmp(a.sun_path, PATH) == 0 && len == 2 + strlen(PATH) + 1,
          "socket_getsockname", "r %d path \"%s\" len %u", r, a.sun_path, len);
    len = sizeof(a);
    memset(&a, 0, sizeof(a));
    r = getpeername(fd, (struct sockaddr *)&a, &len);
    check(r == 0 && strcmp(a.sun_path, PATH) == 0, "socket_getpeername_client", "r %d \"%s\"", r,
          a.sun_path);
    len = sizeof(a);
    r = getsockname(c, (struct sockaddr *)&a, &len);
    check(r == 0 && strcmp(a.sun_path, PATH) == 0, "socket_getsockname_accepted", "r %d \"%s\"", r,
          a.sun_path);
    len = sizeof(a);
    r = getpeername(c, (struct sockaddr *)&a, &len);
    check(r == 0 && len == sizeof(sa_family_t), "socket_getpeername_unnamed", "r %d len %u", r, len);

    /* too little room: the address is cut, len says how long it really is */
    char small[6] = { 0 };
    len = 4;
    r = getsockname(l, (struct sockaddr *)small, &len);
    check(r == 0 && len == 2 + strlen(PATH) + 1 && small[2] == '/' && small[4] == 0,
          "socket_getsockname_truncated", "r %d len %u", r, len);
    close(c);
    close(fd);
    close(l);
    unlink(PATH);
}

/* Read gives end of file once the peer has closed (after what it wrote);
 * writing to a closed peer fails with EPIPE and raises SIGPIPE. */
static void peer_close(void)
{
    int l = listen_at(PATH, 5);
    int fd = connect_to(PATH);
    int c = accept(l, NULL, NULL);
    char buf[16];
    write(fd, "bye", 3);
    close(fd);
    int n1 = read(c, buf, sizeof(buf));
    int n2 = read(c, buf, sizeof(buf));
    check(n1 == 3 && n2 == 0, "socket_eof_on_peer_close", "reads %d then %d", n1, n2);

    signal(SIGPIPE, SIG_IGN);
    int w = write(c, "x", 1);
    check(w == -1 && errno == EPIPE, "socket_epipe_sigpipe_ignored", "write %d errno %d", w, errno);
    signal(SIGPIPE, SIG_DFL);
    close(c);

    /* with SIGPIPE's default action the writer dies of it */
    fd = connect_to(PATH);
    c = accept(l, NULL, NULL);
    close(c);
    pid_t pid = fork();
    if (pid == 0) {
        write(fd, "x", 1);
        _exit(0);
    }
    int status = wait_status(pid);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "socket_sigpipe_kills",
          "status %#x", status);
    close(fd);
    close(l);
    unlink(PATH);
}

/* The client reads from one queue and writes to the other: data written
 * before the server accepted is waiting for it; SHUT_WR is end of file. */
static void shutdown_and_early_data(void)
{
    int l = listen_at(PATH, 5);
    int fd = connect_to(PATH);
    write(fd, "early", 5);                       /* before accept: it waits in the queue */
    check(shutdown(fd, SHUT_WR) == 0, "socket_shutdown_wr", "errno %d", errno);
    int c = accept(l, NULL, NULL);
    char buf[16] = { 0 };
    int n1 = read(c, buf, sizeof(buf));
    int n2 = read(c, buf + 5, sizeof(buf) - 5);
    check(n1 == 5 && n2 == 0 && strcmp(buf, "early") == 0, "socket_shut_wr_peer_reads_eof",
          "reads %d, %d \"%s\"", n1, n2, buf);
    /* the other direction still works */
    write(c, "back", 4);
    int n = read(fd, buf, sizeof(buf));
    check(n == 4 && memcmp(buf, "back", 4) == 0, "socket_half_close_other_way", "read %d", n);

    signal(SIGPIPE, SIG_IGN);
    int w = write(fd, "x", 1);
    check(w == -1 && errno == EPIPE, "socket_write_after_shut_wr_epipe", "write %d errno %d", w,
          errno);
    check(shutdown(fd, SHUT_RD) == 0 && read(fd, buf, 1) == 0, "socket_shut_rd_reads_eof",
          "errno %d", errno);
    w = write(c, "x", 1);
    check(w == -1 && errno == EPIPE, "socket_peer_of_shut_rd_epipe", "write %d errno %d", w, errno);
    check(shutdown(c, 7) == -1 && errno == EINVAL, "socket_shutdown_bad_how_einval", "errno %d",
          errno);
    signal(SIGPIPE, SIG_DFL);
    close(c);
    close(fd);
    close(l);
    unlink(PATH);
}

/* socketpair: connected at once, no name; parent and child talk both ways. */
static void pair_parent_child(void)
{
    int sv[2];
    check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair_create", "errno %d", errno);
    pid_t pid = fork();
    if (pid == 0) {
        char buf[32] = { 0 };
        close(sv[0]);
        int n = read(sv[1], buf, sizeof(buf));
        write(sv[1], "from the child", 15);
        _exit(n == 16 && strcmp(buf, "from the parent") == 0 ? 0 : 1);
    }
    close(sv[1]);
    char buf[32] = { 0 };
    write(sv[0], "from the parent", 16);
    int n = read(sv[0], buf, sizeof(buf));
    check(n == 15 && strcmp(buf, "from the child") == 0, "socketpair_child_to_parent",
          "read %d \"%s\"", n, buf);
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "socketpair_parent_to_child",
          "status %#x", status);
    check(read(sv[0], buf, sizeof(buf)) == 0, "socketpair_eof_after_child_exit", "no EOF");
    close(sv[0]);
}

/* Closing the listener closes the connections nobody accepted; the name
 * stays but refuses.  Unlinking the name leaves the listener working. */
static void listener_close_and_unlink(void)
{
    int l = listen_at(PATH, 5);
    int fd = connect_to(PATH);
    close(l);                                    /* fd was never accepted */
    char c;
    check(read(fd, &c, 1) == 0, "socket_pending_closed_with_listener", "no EOF");
    close(fd);
    int r = connect_to(PATH);
    check(r == -1 && errno == ECONNREFUSED, "socket_econnrefused_after_close", "fd %d errno %d", r,
          errno);
    unlink(PATH);

    l = listen_at(PATH, 5);
    fd = connect_to(PATH);
    check(unlink(PATH) == 0, "socket_unlink_listening_path", "errno %d", errno);
    r = connect_to(PATH);
    check(r == -1 && errno == ENOENT, "socket_enoent_after_unlink", "errno %d", errno);
    int a = accept(l, NULL, NULL);              /* the queued one is still there */
    write(fd, "still", 5);
    char buf[8] = { 0 };
    check(a >= 0 && read(a, buf, sizeof(buf)) == 5 && strcmp(buf, "still") == 0,
          "socket_works_after_unlink", "fd %d \"%s\"", a, buf);
    close(a);
    close(fd);
    close(l);
    /* a new server may take the name again */
    l = listen_at(PATH, 5);
    check(l >= 0, "socket_rebind_after_unlink", "errno %d", errno);
    close(l);
    unlink(PATH);
}

/* A full backlog: connect waits until accept makes room (as Linux does for
 * AF_UNIX); with O_NONBLOCK it fails with EAGAIN.  accept with nothing
 * queued blocks, or gives EAGAIN when non-blocking. */
static void backlog(void)
{
    int l = listen_at(PATH, 1);
    int first = connect_to(PATH);
    check(first >= 0, "socket_backlog_first_fits", "errno %d", errno);

    struct sockaddr_un a = address(PATH);
    int nb = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int r = connect(nb, (struct sockaddr *)&a, sizeof(a));
    check(r == -1 && errno == EAGAIN, "socket_backlog_full_nonblock_eagain", "r %d errno %d", r,
          errno);
    close(nb);

    pid_t pid = fork();
    if (pid == 0) {                              /* blocks until we accept `first` */
        int fd = connect_to(PATH);
        char c = 0;
        read(fd, &c, 1);
        _exit(fd >= 0 && c == '!' ? 0 : 1);
    }
    struct timespec pause_ = { 0, 100 * 1000 * 1000 };
    nanosleep(&pause_, NULL);
    int c1 = accept(l, NULL, NULL);              /* makes room for the child */
    int c2 = accept(l, NULL, NULL);
    write(c2, "!", 1);
    int status = wait_status(pid);
    check(c1 >= 0 && c2 >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "socket_backlog_full_connect_waits", "fds %d %d status %#x", c1, c2, status);

    fcntl(l, F_SETFL, O_NONBLOCK);
    r = accept(l, NULL, NULL);
    check(r == -1 && errno == EAGAIN, "socket_accept_nonblock_eagain", "r %d errno %d", r, errno);
    close(c1);
    close(c2);
    close(first);
    close(l);
    unlink(PATH);
}

/* A signal ends a blocked accept (EINTR, when the handler does not ask for
 * a restart). */
static void accept_interrupted(void)
{
    int l = listen_at(PATH, 5);
    alarm_interrupt(1);                          /* the test runner's own timeout... */
    int r = accept(l, NULL, NULL);
    check(r == -1 && errno == EINTR, "socket_accept_eintr", "r %d errno %d", r, errno);
    alarm_restore();                             /* ...comes back */
    close(l);
    unlink(PATH);
}

int main(void)
{
    echo_round_trip();
    names();
    peer_close();
    shutdown_and_early_data();
    pair_parent_child();
    listener_close_and_unlink();
    backlog();
    accept_interrupted();
    return test_exit_code();
}
