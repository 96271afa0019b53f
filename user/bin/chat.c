/* LAB(sockets) FILE */
/* chat [PATH]: a client of chatd, the chat server on the AF_UNIX socket
 * PATH (/tmp/chat.sock if not given).  The lines typed go to the server;
 * what the server sends is printed as it comes.
 *
 *     $ chatd &
 *     $ chat
 *     * you are client 1
 *     * client 2 joined
 *     2: hello
 *
 * Two inputs, and either may have something first: the keyboard (stdin)
 * and the server.  Reading one of them would block while the other
 * waits, so poll() waits for both.  End of file on stdin (Ctrl-D) ends
 * the client: it closes its connection, which the server reads as end
 * of file.  End of file from the server, or a write it can no longer
 * take, ends it too.
 *
 * Bytes are passed on as they come, with read() and write(): a read may
 * give half a line, which is fine for a byte stream.  Not stdio: its
 * buffer would keep a line from the server in this process until more
 * came. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

static int connect_to(const char *path)
{
    struct sockaddr_un addr;
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path);
    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        fprintf(stderr, "chat: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return fd;
}

/* Copies what is there on from to to; 0 at end of file (or an error). */
static int pass_on(int from, int to)
{
    char buf[512];
    ssize_t n = read(from, buf, sizeof(buf));

    if (n < 0 && errno == EINTR)
        return 1;
    if (n <= 0)
        return 0;
    for (ssize_t done = 0; done < n;) {
        ssize_t w = write(to, buf + done, n - done);
        if (w <= 0)
            return 0;
        done += w;
    }
    return 1;
}

int main(int argc, char *argv[])
{
    int server = connect_to(argc > 1 ? argv[1] : "/tmp/chat.sock");

    if (server < 0)
        return 1;
    signal(SIGPIPE, SIG_IGN);           /* a server that has gone: EPIPE, and the end */
    struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 }, { server, POLLIN, 0 } };
    for (;;) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            perror("chat: poll");
            return 1;
        }
        if (fds[1].revents && !pass_on(server, STDOUT_FILENO)) {
            fprintf(stderr, "chat: the server has gone\n");
            return 0;
        }
        if (fds[0].revents && !pass_on(STDIN_FILENO, server))
            break;                      /* Ctrl-D */
    }
    close(server);
    return 0;
}
