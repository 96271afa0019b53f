/* echoserver [PATH]: the lecture's echo server, one client at a time.
 *
 * What it shows: the server's side of a socket's life.
 *   socket()  makes an endpoint (an fd, like open() does),
 *   bind()    gives it a name in the file system -- /tmp/echo.sock becomes
 *             a socket inode (`ls -l /tmp` shows an "s"),
 *   listen()  says "I take connections" (up to 5 may wait to be accepted),
 *   accept()  waits for a client and returns a NEW fd for that connection,
 *             while the listening fd goes on listening for the next one.
 * Then: read a request, print it, write it back -- until the client closes
 * its end and read() returns 0.  A second client waits (in the backlog)
 * until the first is done: echoserver_fork serves them all at once.
 *
 *   echoserver &
 *   echoclient */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#define SOCK_PATH "/tmp/echo.sock"

/* Echoes one client's requests.  Each request is a line with its NUL. */
static void serve(int conn)
{
    char buf[256];
    int n;

    while ((n = read(conn, buf, sizeof(buf))) > 0) {
        printf("echoserver: request \"%.*s\"\n", (int)strnlen(buf, n), buf);
        fflush(stdout);
        if (write(conn, buf, n) != n) {
            perror("echoserver: write");
            break;
        }
    }
    printf("echoserver: client closed the connection\n");
    fflush(stdout);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : SOCK_PATH;
    struct sockaddr_un addr;

    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    if (listener < 0) {
        perror("echoserver: socket");
        return 1;
    }
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
    unlink(path);                   /* a stale name from an earlier run: EADDRINUSE */
    if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("echoserver: bind");
        return 1;
    }
    if (listen(listener, 5) < 0) {
        perror("echoserver: listen");
        return 1;
    }
    printf("echoserver: listening on %s\n", path);
    fflush(stdout);

    for (;;) {
        int conn = accept(listener, NULL, NULL);
        if (conn < 0) {
            perror("echoserver: accept");
            continue;
        }
        serve(conn);
        close(conn);
    }
}
