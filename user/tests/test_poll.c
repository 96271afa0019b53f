/* poll, ppoll, select, pselect: which fds could be read or written now.
 * A pipe's read end is readable with data, and POLLHUP once no writer is
 * left; its write end writable with room, and POLLERR once no reader is
 * left; a socket as its queues are, a listening one when a connection
 * waits; the console when a line is typed; a file always.  A bad fd is
 * POLLNVAL (select: EBADF).  Timeouts: 0 looks once, -1 waits forever;
 * a sleeper wakes when another process writes; a handler ends the wait
 * with EINTR, a stop and continue does not. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "socket_helpers.h"

static int poll1(int fd, short events, int timeout)
{
    struct pollfd p = { fd, events, 0 };
    int r = poll(&p, 1, timeout);
    return r < 0 ? -1 : p.revents;
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void ms_sleep(int ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&t, NULL);
}

static void pipes(void)
{
    int p[2];
    pipe(p);
    check(poll1(p[0], POLLIN, 0) == 0, "poll_pipe_empty_not_readable", "revents %#x", poll1(p[0], POLLIN, 0));
    check(poll1(p[1], POLLOUT, 0) == POLLOUT, "poll_pipe_writable", "revents %#x", poll1(p[1], POLLOUT, 0));
    write(p[1], "abc", 3);
    check(poll1(p[0], POLLIN | POLLOUT, 0) == POLLIN, "poll_pipe_data_readable", "revents %#x",
          poll1(p[0], POLLIN | POLLOUT, 0));

    /* full: no room for PIPE_BUF bytes */
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    static char buf[4096];
    while (write(p[1], buf, sizeof(buf)) > 0)
        ;
    while (write(p[1], buf, 1) > 0)
        ;
    check(poll1(p[1], POLLOUT, 0) == 0, "poll_pipe_full_not_writable", "revents %#x", poll1(p[1], POLLOUT, 0));
    read(p[0], buf, sizeof(buf));
    check(poll1(p[1], POLLOUT, 0) == POLLOUT, "poll_pipe_room_again", "revents %#x", poll1(p[1], POLLOUT, 0));

    close(p[1]);
    int r = poll1(p[0], POLLIN, 0);
    check(r == (POLLIN | POLLHUP), "poll_pipe_writer_gone_hup_and_data", "revents %#x", r);
    while (read(p[0], buf, sizeof(buf)) > 0)
        ;
    r = poll1(p[0], POLLIN, 0);
    check(r == POLLHUP, "poll_pipe_eof_hup", "revents %#x", r);
    close(p[0]);

    pipe(p);
    close(p[0]);
    r = poll1(p[1], 0, 0);                   /* POLLERR comes unasked */
    check(r == POLLERR, "poll_pipe_reader_gone_err", "revents %#x", r);
    close(p[1]);
}

static void odd_fds(void)
{
    int p[2];
    pipe(p);
    write(p[1], "x", 1);
    struct pollfd f[4] = { { p[0], POLLIN, 77 }, { -1, POLLIN, 77 }, { 25, POLLIN, 77 }, { p[1], POLLOUT, 77 } };
    int r = poll(f, 4, 0);
    check(r == 3 && f[0].revents == POLLIN && f[1].revents == 0 && f[2].revents == POLLNVAL &&
          f[3].revents == POLLOUT && f[0].events == POLLIN, "poll_nval_and_negative_fd",
          "r %d: %#x %#x %#x %#x", r, f[0].revents, f[1].revents, f[2].revents, f[3].revents);

    int fd = open("/dev/null", O_RDWR);
    check(poll1(fd, POLLIN | POLLOUT, 0) == (POLLIN | POLLOUT), "poll_dev_null_ready", "revents %#x",
          poll1(fd, POLLIN | POLLOUT, 0));
    close(fd);
    fd = open("/bin/true", O_RDONLY);
    check(poll1(fd, POLLIN, -1) == POLLIN, "poll_file_ready", "revents %#x", poll1(fd, POLLIN, 0));
    close(fd);

    check(poll(NULL, 0, 0) == 0, "poll_nothing", "errno %d", errno);
    struct pollfd many[33];
    for (int i = 0; i < 33; i++)
        many[i] = (struct pollfd){ p[0], POLLIN, 0 };
    check(poll(many, 33, 0) < 0 && errno == EINVAL, "poll_more_than_nofile_einval", "errno %d", errno);
    check(poll((void *)0xC0000000, 1, 0) < 0 && errno == EFAULT, "poll_efault", "errno %d", errno);
    close(p[0]);
    close(p[1]);
}

static void timeouts(void)
{
    int p[2];
    pipe(p);
    long long t0 = now_ms();
    int r = poll1(p[0], POLLIN, 150);
    long long took = now_ms() - t0;
    check(r == 0 && took >= 150 && took < 700, "poll_timeout", "r %d after %lld ms", r, took);

    /* another process writes: the sleeper wakes at once */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        ms_sleep(100);
        write(p[1], "x", 1);
        _exit(0);
    }
    t0 = now_ms();
    r = poll1(p[0], POLLIN, -1);
    took = now_ms() - t0;
    check(r == POLLIN && took >= 90 && took < 600, "poll_wakes_on_write", "revents %#x after %lld ms", r, took);
    wait_status(pid);

    /* ten pipes, a write to the eighth: only it is ready */
    int q[10][2];
    struct pollfd f[10];
    for (int i = 0; i < 10; i++) {
        pipe(q[i]);
        f[i] = (struct pollfd){ q[i][0], POLLIN, 0 };
    }
    pid = fork();
    if (pid == 0) {
        ms_sleep(50);
        write(q[7][1], "x", 1);
        _exit(0);
    }
    r = poll(f, 10, 2000);
    int others = 0;
    for (int i = 0; i < 10; i++)
        others += i != 7 && f[i].revents;
    check(r == 1 && f[7].revents == POLLIN && others == 0, "poll_many_one_ready", "r %d", r);
    wait_status(pid);
    for (int i = 0; i < 10; i++) {
        close(q[i][0]);
        close(q[i][1]);
    }
    close(p[0]);
    close(p[1]);
}

static volatile int usr1;
static void on_usr1(int sig) { (void)sig; usr1++; }

static void signals(void)
{
    int p[2];
    pipe(p);
    alarm_interrupt(1);
    int r = poll1(p[0], POLLIN, -1);
    alarm_restore();
    check(r == -1 && errno == EINTR, "poll_eintr", "r %d errno %d", r, errno);

    /* even with SA_RESTART, as Linux */
    install_handler(SIGUSR1, on_usr1, SA_RESTART);
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        ms_sleep(100);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    r = poll1(p[0], POLLIN, 3000);
    check(r == -1 && errno == EINTR && usr1 == 1, "poll_eintr_despite_sa_restart", "r %d usr1 %d", r, usr1);
    wait_status(pid);

    /* a stop and continue is no reason to give up: the poll goes on */
    pid = fork();
    if (pid == 0) {
        int x = poll1(p[0], POLLIN, 5000);
        _exit(x == POLLIN ? 0 : x < 0 ? 100 + errno : 1);
    }
    ms_sleep(100);
    kill(pid, SIGSTOP);
    ms_sleep(50);
    kill(pid, SIGCONT);
    ms_sleep(50);
    write(p[1], "x", 1);
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "poll_restarts_after_stop", "status %#x", status);
    char c;
    read(p[0], &c, 1);                       /* empty again */

    /* ppoll: the mask while waiting, the old one afterwards */
    sigset_t block, old, now, open_mask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    usr1 = 0;
    kill(getpid(), SIGUSR1);                 /* pending, blocked */
    struct pollfd f = { p[0], POLLIN, 0 };
    struct timespec ts = { 2, 0 };
    sigemptyset(&open_mask);
    r = ppoll(&f, 1, &ts, &open_mask);
    sigprocmask(SIG_BLOCK, NULL, &now);
    check(r == -1 && errno == EINTR && usr1 == 1 && sigismember(&now, SIGUSR1) == 1, "ppoll_mask",
          "r %d errno %d usr1 %d", r, errno, usr1);
    check(syscall(__NR_ppoll, &f, 1, &ts, &open_mask, 4) < 0 && errno == EINVAL, "ppoll_bad_setsize_einval",
          "errno %d", errno);
    sigprocmask(SIG_SETMASK, &old, NULL);
    install_handler(SIGUSR1, SIG_DFL, 0);
    close(p[0]);
    close(p[1]);
}

static void sockets(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    check(poll1(sv[0], POLLIN | POLLOUT, 0) == POLLOUT, "poll_socket_writable", "revents %#x",
          poll1(sv[0], POLLIN | POLLOUT, 0));
    write(sv[1], "hi", 2);
    check(poll1(sv[0], POLLIN, 0) == POLLIN, "poll_socket_data", "revents %#x", poll1(sv[0], POLLIN, 0));
    shutdown(sv[1], SHUT_WR);
    int r = poll1(sv[0], POLLIN | POLLRDHUP, 0);
    check(r == (POLLIN | POLLRDHUP), "poll_socket_peer_shut_wr", "revents %#x", r);
    close(sv[1]);
    r = poll1(sv[0], POLLIN | POLLOUT, 0);
    check(r == (POLLIN | POLLOUT | POLLHUP), "poll_socket_peer_gone_hup", "revents %#x", r);
    close(sv[0]);

    int l = listen_at("/tmp/poll.sock", 4);
    check(poll1(l, POLLIN, 0) == 0, "poll_listener_idle", "revents %#x", poll1(l, POLLIN, 0));
    int c = connect_to("/tmp/poll.sock");
    check(poll1(l, POLLIN, 0) == POLLIN, "poll_listener_connection_pending", "revents %#x", poll1(l, POLLIN, 0));
    int a = accept(l, NULL, NULL);
    check(a >= 0 && poll1(l, POLLIN, 0) == 0, "poll_listener_after_accept", "revents %#x", poll1(l, POLLIN, 0));
    int fresh = socket(AF_UNIX, SOCK_STREAM, 0);
    r = poll1(fresh, POLLIN | POLLOUT, 0);
    check(r == (POLLOUT | POLLHUP), "poll_unconnected_socket", "revents %#x", r);
    close(fresh);
    close(a);
    close(c);
    close(l);
    unlink("/tmp/poll.sock");
}

static void console(void)
{
    pid_t old_fg = tcgetpgrp(0);
    char buf[16];

    setpgid(0, 0);
    tcsetpgrp(0, getpid());
    check(poll1(0, POLLOUT, 0) == POLLOUT, "poll_tty_writable", "revents %#x", poll1(0, POLLOUT, 0));
    for (const char *s = "ab"; *s; s++)
        ioctl(0, TIOCSTI, (char *)s);
    check(poll1(0, POLLIN, 0) == 0, "poll_tty_half_line_not_readable", "revents %#x", poll1(0, POLLIN, 0));
    ioctl(0, TIOCSTI, "\n");
    check(poll1(0, POLLIN, 0) == POLLIN, "poll_tty_line_readable", "revents %#x", poll1(0, POLLIN, 0));
    int n = read(0, buf, sizeof(buf));
    check(n == 3 && poll1(0, POLLIN, 0) == 0, "poll_tty_read_empties", "read %d", n);
    tcsetpgrp(0, old_fg);
}

static void selects(void)
{
    int p[2];
    fd_set rd, wr;
    struct timeval tv = { 1, 0 };

    pipe(p);
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    FD_SET(p[1], &rd);                      /* a write end never becomes readable */
    int r = select(p[1] + 1, &rd, &wr, NULL, &tv);
    check(r == 1 && !FD_ISSET(p[0], &rd) && !FD_ISSET(p[1], &rd) && FD_ISSET(p[1], &wr) &&
          tv.tv_sec + tv.tv_usec > 0, "select_writable", "r %d", r);
    write(p[1], "x", 1);
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    r = select(FD_SETSIZE, &rd, &wr, NULL, NULL);
    check(r == 2 && FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr), "select_two_bits", "r %d", r);

    char c;
    read(p[0], &c, 1);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    tv = (struct timeval){ 0, 150000 };
    long long t0 = now_ms();
    r = select(p[0] + 1, &rd, NULL, NULL, &tv);
    long long took = now_ms() - t0;
    check(r == 0 && !FD_ISSET(p[0], &rd) && tv.tv_sec == 0 && tv.tv_usec == 0 && took >= 150,
          "select_timeout_and_time_left", "r %d after %lld ms, tv %ld.%06ld", r, took,
          (long)tv.tv_sec, (long)tv.tv_usec);

    close(p[1]);                             /* end of file: "readable" */
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    check(select(p[0] + 1, &rd, NULL, NULL, NULL) == 1 && FD_ISSET(p[0], &rd), "select_eof_readable", "not");

    FD_ZERO(&rd);
    FD_SET(25, &rd);
    check(select(26, &rd, NULL, NULL, NULL) < 0 && errno == EBADF, "select_closed_fd_ebadf", "errno %d", errno);
    check(select(-1, NULL, NULL, NULL, NULL) < 0 && errno == EINVAL, "select_negative_n_einval", "errno %d", errno);
    tv = (struct timeval){ -1, 0 };
    check(select(0, NULL, NULL, NULL, &tv) < 0 && errno == EINVAL, "select_negative_time_einval", "errno %d", errno);
    check(select(p[0] + 1, (fd_set *)0xC0000000, NULL, NULL, NULL) < 0 && errno == EFAULT, "select_efault",
          "errno %d", errno);

    /* the old select (82): its arguments in a struct */
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct { unsigned long n; fd_set *in, *out, *ex; struct timeval *tv; } args = { p[0] + 1, &rd, NULL, NULL, NULL };
    check(syscall(__NR_select, &args) == 1 && FD_ISSET(p[0], &rd), "old_select", "errno %d", errno);

    /* pselect: the mask while waiting */
    sigset_t block, old, open_mask, now;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    install_handler(SIGUSR1, on_usr1, 0);
    sigprocmask(SIG_BLOCK, &block, &old);
    usr1 = 0;
    kill(getpid(), SIGUSR1);
    sigemptyset(&open_mask);
    int q[2];
    pipe(q);
    FD_ZERO(&rd);
    FD_SET(q[0], &rd);
    struct timespec ts = { 2, 0 };
    r = pselect(q[0] + 1, &rd, NULL, NULL, &ts, &open_mask);
    sigprocmask(SIG_BLOCK, NULL, &now);
    check(r == -1 && errno == EINTR && usr1 == 1 && sigismember(&now, SIGUSR1) == 1, "pselect_mask",
          "r %d errno %d usr1 %d", r, errno, usr1);
    write(q[1], "x", 1);
    r = pselect(q[0] + 1, &rd, NULL, NULL, NULL, NULL);
    check(r == 1 && FD_ISSET(q[0], &rd), "pselect_no_mask", "r %d", r);
    sigprocmask(SIG_SETMASK, &old, NULL);
    install_handler(SIGUSR1, SIG_DFL, 0);

    /* the time64 twins */
    struct timespec64 t64 = { 0, 0 };
    struct pollfd f = { q[0], POLLIN, 0 };
    check(syscall(__NR_ppoll_time64, &f, 1, &t64, NULL, 8) == 1 && f.revents == POLLIN, "ppoll_time64",
          "errno %d", errno);
    FD_ZERO(&rd);
    FD_SET(q[0], &rd);
    check(syscall(__NR_pselect6_time64, q[0] + 1, &rd, NULL, NULL, &t64, NULL) == 1, "pselect6_time64",
          "errno %d", errno);
    close(q[0]);
    close(q[1]);
    close(p[0]);
}

int main(void)
{
    pipes();
    odd_fds();
    timeouts();
    signals();
    sockets();
    console();
    selects();
    check_group(pipes, "poll_pipes");
    check_group(sockets, "poll_sockets");
    return test_exit_code();
}
