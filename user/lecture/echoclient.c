/* echoclient [PATH]: the lecture's echo client.
 *
 * What it shows: the client's side of a socket's life.  socket() makes an
 * endpoint; connect() names the server's socket (/tmp/echo.sock, where
 * echoserver did bind + listen) and gets connected to it: from then on
 * the fd reads and writes like a pipe that goes both ways.
 * Each line typed is sent WITH its terminating NUL, which tells the server
 * and the client where a message ends: a socket is a stream of bytes, not
 * of messages, and one read() may return less than one write() sent.
 * Ctrl-D ends the input; closing the fd is the server's end of file.
 *
 *   echoserver &
 *   echoclient */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#define SOCK_PATH "/tmp/echo.sock"

/* Reads the reply up to and with its NUL, however it arrives. */
static int read_reply(int fd, char *buf, int size)
{
    int got = 0;

    while (got == 0 || buf[got - 1] != '\0') {
        if (got == size)
            return -1;
        int n = read(fd, buf + got, size - got);
        if (n <= 0)
            return -1;
        got += n;
    }
    return got;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : SOCK_PATH;
    struct sockaddr_un addr;
    char line[256], reply[256];

    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        perror("echoclient: socket");
        return 1;
    }
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("echoclient: connect");   /* no server: ENOENT or ECONNREFUSED */
        return 1;
    }

    while (fgets(line, sizeof(line), stdin)) {
        line[strcspn(line, "\n")] = '\0';
        int len = strlen(line) + 1;      /* with the NUL: the end of the request */
        if (write(fd, line, len) != len) {
            perror("echoclient: write");
            return 1;
        }
        if (read_reply(fd, reply, sizeof(reply)) < 0) {
            fprintf(stderr, "echoclient: the server closed the connection\n");
            return 1;
        }
        printf("echo: %s\n", reply);
        fflush(stdout);
    }
    close(fd);
    return 0;
}
