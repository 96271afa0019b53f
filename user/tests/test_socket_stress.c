/* Sockets under load: a forking server serving three clients at once,
 * 1 MiB in each direction at the same time through one connection, 1,000
 * connections that leak neither pages nor fds, and clients and servers
 * killed in the middle of a conversation that leak nothing either. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <minnow/test.h>
#include "socket_helpers.h"

#define PATH "/tmp/test_socket_stress.sock"
#define MIB (1024 * 1024)

static int exited_ok(int status)
{
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void sleep_ms(long ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };
    nanosleep(&t, NULL);
}

/* Reads exactly n bytes (a stream may hand them over in pieces). */
static int read_full(int fd, char *buf, int n)
{
    int got = 0;

    while (got < n) {
        int r = read(fd, buf + got, n - got);
        if (r <= 0)
            return got;
        got += r;
    }
    return got;
}

static int write_full(int fd, const char *buf, int n)
{
    int done = 0;

    while (done < n) {
        int w = write(fd, buf + done, n - done);
        if (w <= 0)
            return done;
        done += w;
    }
    return done;
}

/* ---------------------------------------------------------------- forking server */

/* What a server's child does with its client: echo until end of file. */
static void echo(int c)
{
    char buf[512];
    int n;

    while ((n = read(c, buf, sizeof(buf))) > 0)
        write_full(c, buf, n);
}

/* accept + fork: one child per client, so the clients are served at once. */
static void forking_server(int l, int clients)
{
    for (int i = 0; i < clients; i++) {
        int c = accept(l, NULL, NULL);
        if (c < 0)
            _exit(1);
        if (fork() == 0) {
            close(l);
            echo(c);
            _exit(0);
        }
        close(c);                   /* the child has it now */
    }
    int ok = 1, status;
    for (int i = 0; i < clients; i++)
        if (wait(&status) < 0 || !exited_ok(status))
            ok = 0;
    _exit(ok ? 0 : 1);
}

/* Client i sends its own words; after the first reply it waits at a
 * barrier until every client has had one -- which only a server that
 * serves them all at once can give. */
static void client(int i, int at_barrier, int go)
{
    char msg[64], reply[64];
    int fd = connect_to(PATH);
    int ok = fd >= 0;

    snprintf(msg, sizeof(msg), "client %d, first words", i);
    write(fd, msg, strlen(msg) + 1);
    ok = ok && read_full(fd, reply, strlen(msg) + 1) == (int)strlen(msg) + 1 &&
         strcmp(reply, msg) == 0;
    write(at_barrier, "x", 1);
    char c;
    read(go, &c, 1);
    snprintf(msg, sizeof(msg), "client %d, last words", i);
    write(fd, msg, strlen(msg) + 1);
    ok = ok && read_full(fd, reply, strlen(msg) + 1) == (int)strlen(msg) + 1 &&
         strcmp(reply, msg) == 0;
    close(fd);
    _exit(ok ? 0 : 1);
}

static void three_clients_at_once(void)
{
    int l = listen_at(PATH, 5);
    pid_t server = fork();
    if (server == 0)
        forking_server(l, 3);
    close(l);

    int barrier[2], go[2];
    pipe(barrier);
    pipe(go);
    pid_t clients[3];
    for (int i = 0; i < 3; i++)
        if ((clients[i] = fork()) == 0)
            client(i, barrier[1], go[0]);

    /* all three at the barrier, each with its first reply: within 5 s
     * (the alarm's handler only interrupts the read) */
    char c;
    int arrived = 0;
    alarm_interrupt(5);
    while (arrived < 3 && read(barrier[0], &c, 1) == 1)
        arrived++;
    alarm_restore();                        /* the test runner's timeout again */
    check(arrived == 3, "socket_forking_server_concurrent", "only %d of 3 clients served at once",
          arrived);
    if (arrived < 3)
        for (int i = 0; i < 3; i++)
            kill(clients[i], SIGKILL);
    write(go[1], "xxx", 3);
    int all_ok = 1;
    for (int i = 0; i < 3; i++)
        all_ok = exited_ok(wait_status(clients[i])) && all_ok;
    check(all_ok, "socket_three_clients_own_data", "a client got wrong data");
    check(exited_ok(wait_status(server)), "socket_forking_server_reaps", "server failed");
    close(barrier[0]);
    close(barrier[1]);
    close(go[0]);
    close(go[1]);
    unlink(PATH);
}

/* ---------------------------------------------------------------- 1 MiB each way */

static char pattern(int direction, uint32_t i)
{
    return (char)(i * 31 + i / 4093 + direction * 101);
}

/* Sends 1 MiB of `out` while a forked helper reads and checks 1 MiB of
 * `in` from the same socket: both directions at once.  Exits 0 if all is
 * well. */
static int both_ways(int fd, int out, int in)
{
    static char buf[8192];
    pid_t reader = fork();

    if (reader == 0) {
        uint32_t got = 0;
        int n, bad = 0;
        while ((n = read(fd, buf, sizeof(buf))) > 0) {
            for (int k = 0; k < n; k++)
                bad |= buf[k] != pattern(in, got + k);
            got += n;
        }
        _exit(got == MIB && !bad ? 0 : 1);
    }
    uint32_t sent = 0;
    while (sent < MIB) {
        for (int k = 0; k < (int)sizeof(buf); k++)
            buf[k] = pattern(out, sent + k);
        if (write_full(fd, buf, sizeof(buf)) != sizeof(buf))
            break;
        sent += sizeof(buf);
    }
    shutdown(fd, SHUT_WR);          /* the peer's reader sees end of file */
    int status = wait_status(reader);
    return sent == MIB && exited_ok(status) ? 0 : 1;
}

static void one_mib_each_way(void)
{
    int l = listen_at(PATH, 5);
    pid_t child = fork();
    if (child == 0) {
        int fd = connect_to(PATH);
        _exit(fd < 0 ? 2 : both_ways(fd, 1, 0));
    }
    int c = accept(l, NULL, NULL);
    int mine = both_ways(c, 0, 1);
    int status = wait_status(child);
    check(mine == 0 && exited_ok(status), "socket_1mib_each_way_at_once",
          "server side %d, client status %#x", mine, status);
    close(c);
    close(l);
    unlink(PATH);
}

/* ---------------------------------------------------------------- leaks */

static int next_fd(void)
{
    int fd = dup(0);
    close(fd);
    return fd;
}

static int cycle(int l)
{
    char c = 0;
    int fd = connect_to(PATH);
    int a = accept(l, NULL, NULL);
    int ok = fd >= 0 && a >= 0 && write(fd, "?", 1) == 1 && read(a, &c, 1) == 1 && c == '?';
    close(a);
    close(fd);
    int sv[2];
    ok = ok && socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0;
    close(sv[0]);
    close(sv[1]);
    return ok;
}

static void thousand_cycles(void)
{
    int l = listen_at(PATH, 5);
    cycle(l);                       /* warm up the kernel's heap */
    long pages = free_pages();
    int fd = next_fd();
    int ok = 1;
    for (int i = 0; i < 1000 && ok; i++)
        ok = cycle(l);
    check(ok, "socket_1000_cycles", "a cycle failed: errno %d", errno);
    check(free_pages() == pages, "socket_1000_cycles_no_page_leak", "%ld pages before, %ld after",
          pages, free_pages());
    check(next_fd() == fd, "socket_1000_cycles_no_fd_leak", "next fd %d, was %d", next_fd(), fd);
    close(l);
    unlink(PATH);
}

/* Everyone dies mid-conversation: a client blocked writing to a server
 * that does not read, that server blocked reading, a connection nobody
 * accepted, a client blocked on a full backlog, a server blocked in
 * accept.  Killing them all gives every page back. */
static void killed_mid_conversation(void)
{
    static char big[128 * 1024];      /* more than the connection holds (64 KiB) */
    long pages = free_pages();
    int l = listen_at(PATH, 1);

    pid_t server = fork();
    if (server == 0) {
        int c = accept(l, NULL, NULL);
        char buf[16];
        read(c, buf, 1);            /* one byte, then it waits for more forever */
        read(c, buf, sizeof(buf));
        pause();
        _exit(0);
    }
    pid_t writer = fork();
    if (writer == 0) {              /* fills the queue and blocks */
        int fd = connect_to(PATH);
        write(fd, big, sizeof(big));
        _exit(0);
    }
    sleep_ms(100);
    pid_t pending = fork();
    if (pending == 0) {             /* queued, never accepted */
        int fd = connect_to(PATH);
        write(fd, "unheard", 7);
        pause();
        _exit(fd);
    }
    sleep_ms(50);
    pid_t waiting = fork();
    if (waiting == 0) {             /* the backlog (1) is full: connect blocks */
        connect_to(PATH);
        pause();
        _exit(0);
    }
    pid_t acceptor = fork();
    if (acceptor == 0) {            /* a second server, blocked in accept */
        int l2 = listen_at("/tmp/test_socket_stress.2", 1);
        accept(l2, NULL, NULL);
        _exit(0);
    }
    sleep_ms(100);
    pid_t all[] = { writer, server, pending, waiting, acceptor };
    for (int i = 0; i < 5; i++)
        kill(all[i], SIGKILL);
    int killed = 0;
    for (int i = 0; i < 5; i++) {
        int status = wait_status(all[i]);
        killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }
    check(killed == 5, "socket_killed_mid_conversation", "%d of 5 were still blocked", killed);
    close(l);
    unlink(PATH);
    unlink("/tmp/test_socket_stress.2");
    check(free_pages() == pages, "socket_killed_no_page_leak", "%ld pages before, %ld after", pages,
          free_pages());
}

int main(void)
{
    three_clients_at_once();
    one_mib_each_way();
    thousand_cycles();
    killed_mid_conversation();
    return test_exit_code();
}
