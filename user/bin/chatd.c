/* LAB(sockets) FILE */
/* chatd [PATH]: a chat server on the AF_UNIX socket PATH (/tmp/chat.sock
 * if not given).  Every line a client sends goes to all the other
 * clients, marked with the sender's number:
 *
 *     to a new client:       * you are client N
 *     to the others:         * client N joined
 *     a line L from N:       N: L                 (to all but N)
 *     when N has gone:       * client N left      (to the others)
 *     a 17th client:         * server full        (and it is closed)
 *
 * One process serves everyone: the clients share the conversation, which
 * forked children would each have only a copy of.  So the server must
 * never wait for one client while the others have something to say.
 * poll() waits for all of them at once -- the listening socket (a client
 * is connecting) and every connection (a client wrote, or left) -- and
 * says which are ready.  Three rules keep one client from stopping the
 * rest:
 *   - a read gives whatever has come, possibly half a line, or two
 *     lines: each connection keeps its own buffer, and a line goes out
 *     only once its newline has come;
 *   - writes never wait (O_NONBLOCK): a client that does not read fills
 *     its queue, and is then disconnected rather than waited for;
 *   - a client that has gone makes a write fail with EPIPE and raise
 *     SIGPIPE, which would kill the server: it ignores SIGPIPE, and
 *     treats EPIPE as the client leaving. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#define MAX_CLIENTS 16
#define MAX_LINE 256                    /* with its newline */

struct client {
    int fd;                             /* -1: a free slot */
    int number;
    char buf[MAX_LINE];                 /* what came of a line not yet complete */
    size_t len;
};

/* The server's state: the connections and their numbers.  main owns it;
 * the functions get it as an argument. */
struct server {
    int listener;
    struct client clients[MAX_CLIENTS];
    int next_number;
};

/* Writes the whole message to c without waiting; 0, or -1 if c cannot
 * take it now (its queue is full, or it has gone). */
static int send_to(struct client *c, const char *msg, size_t len)
{
    ssize_t n = write(c->fd, msg, len);

    return n == (ssize_t)len ? 0 : -1;
}

static void drop(struct server *s, struct client *c);

/* msg to every client but `except` (NULL: to all).  A client that cannot
 * take it is dropped -- which sends a message too, so the loop starts
 * over on the ones not yet served. */
static void broadcast(struct server *s, struct client *except, const char *msg)
{
    int sent[MAX_CLIENTS] = { 0 };

    for (int i = 0; i < MAX_CLIENTS; i++) {
        struct client *c = &s->clients[i];
        if (c->fd < 0 || c == except || sent[i])
            continue;
        sent[i] = 1;
        if (send_to(c, msg, strlen(msg)) < 0) {
            drop(s, c);
            i = -1;                     /* start over: skips those already sent to */
        }
    }
}

static void drop(struct server *s, struct client *c)
{
    char msg[64];

    close(c->fd);
    c->fd = -1;
    snprintf(msg, sizeof(msg), "* client %d left\n", c->number);
    broadcast(s, NULL, msg);
}

/* A client is connecting: a slot, a number, a welcome. */
static void accept_client(struct server *s)
{
    char msg[64];
    int fd = accept(s->listener, NULL, NULL);

    if (fd < 0)
        return;                         /* it gave up meanwhile */
    fcntl(fd, F_SETFL, O_NONBLOCK);
    struct client *c = NULL;
    for (int i = 0; i < MAX_CLIENTS && !c; i++)
        if (s->clients[i].fd < 0)
            c = &s->clients[i];
    if (!c) {
        write(fd, "* server full\n", 14);
        close(fd);
        return;
    }
    c->fd = fd;
    c->number = ++s->next_number;
    c->len = 0;
    snprintf(msg, sizeof(msg), "* you are client %d\n", c->number);
    if (send_to(c, msg, strlen(msg)) < 0) {
        close(fd);
        c->fd = -1;
        return;
    }
    snprintf(msg, sizeof(msg), "* client %d joined\n", c->number);
    broadcast(s, c, msg);
}

/* Sends on each complete line in c's buffer, and keeps the rest. */
static void pass_lines(struct server *s, struct client *c)
{
    char *nl;

    while (c->fd >= 0 && (nl = memchr(c->buf, '\n', c->len)) != NULL) {
        char msg[MAX_LINE + 16];
        int line_len = nl - c->buf + 1;
        snprintf(msg, sizeof(msg), "%d: %.*s", c->number, line_len, c->buf);
        memmove(c->buf, nl + 1, c->len - line_len);
        c->len -= line_len;
        broadcast(s, c, msg);
    }
}

/* Client c has something: data, end of file, or an error. */
static void read_client(struct server *s, struct client *c)
{
    ssize_t n = read(c->fd, c->buf + c->len, sizeof(c->buf) - c->len);

    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        drop(s, c);                     /* it has gone */
        return;
    }
    c->len += n;
    pass_lines(s, c);
    if (c->fd >= 0 && c->len == sizeof(c->buf))
        drop(s, c);                     /* a line longer than MAX_LINE */
}

static int listen_on(const char *path)
{
    struct sockaddr_un addr;
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path);
    unlink(path);                       /* a name left by an old server */
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 8) < 0) {
        perror("chatd");
        return -1;
    }
    return fd;
}

int main(int argc, char *argv[])
{
    const char *path = argc > 1 ? argv[1] : "/tmp/chat.sock";
    struct server s = { .next_number = 0 };

    signal(SIGPIPE, SIG_IGN);           /* a client that has gone is EPIPE */
    if ((s.listener = listen_on(path)) < 0)
        return 1;
    for (int i = 0; i < MAX_CLIENTS; i++)
        s.clients[i].fd = -1;
    printf("chatd: listening on %s\n", path);
    fflush(stdout);
    for (;;) {
        struct pollfd fds[MAX_CLIENTS + 1];
        fds[0] = (struct pollfd){ s.listener, POLLIN, 0 };
        for (int i = 0; i < MAX_CLIENTS; i++)
            fds[i + 1] = (struct pollfd){ s.clients[i].fd, POLLIN, 0 };  /* -1: skipped */
        if (poll(fds, MAX_CLIENTS + 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            perror("chatd: poll");
            return 1;
        }
        for (int i = 0; i < MAX_CLIENTS; i++)
            if (fds[i + 1].revents && s.clients[i].fd == fds[i + 1].fd)
                read_client(&s, &s.clients[i]);
        if (fds[0].revents & POLLIN)
            accept_client(&s);
    }
}
